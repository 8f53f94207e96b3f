/**
 * cause-multi and cause-match (grow11): each item's keys, wrong options and pairs are pinned, and
 * the re-query re-derives them from the KB, so a key swapped with a wrong option (or two targets
 * swapped) in the table is blocked by the gate (A1), and a record filed under another development
 * changes the key.
 */
import { checkQuestion } from '../../gate';
import type { BankQuestion } from '../../types';
import { finalise } from '../build-bank';
import { buildKbIndex } from '../kb-index';
import { loadKbFiles } from '../load-kb-files';
import { seededRng } from '../rng';
import {
  CAUSE_MATCHES,
  CAUSE_MULTIS,
  causeMatchTemplate,
  causeMultiTemplate,
} from './cause-templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const rng = seededRng(5);
const multis = causeMultiTemplate.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
const matches = causeMatchTemplate.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
const blocks = (q: BankQuestion) =>
  checkQuestion(q, idx)
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);
const labels = (q: BankQuestion, ids: readonly string[]) =>
  (q.prompt.options ?? [])
    .filter((o) => ids.includes(o.id))
    .map((o) => o.label)
    .sort();

/** Per multi-select: the key labels and the wrong labels. */
const MULTI: Record<string, [readonly string[], readonly string[]]> = {
  'iranwire-intervention-achieved': [
    [
      'It prevented the collapse of the government in Damascus',
      'Territorial gains against the opposition, among them the capture of Aleppo',
    ],
    [
      "A leading share for Iran in Syria's reconstruction and business",
      'A boom in trade between Iran and Syria',
    ],
  ],
  'iran-iraq-war-stand-consequences': [
    [
      'Iran repaid it by supplying it with oil',
      'It laid the groundwork for a strategic partnership with Iran',
      'Saudi Arabia and some other Arab states isolated it',
    ],
    ['A break with Iran when Syria joined the coalition against Iraq over Kuwait'],
  ],
  'wikipedia-closer-after-2000': [
    ['The 2006 Lebanon War', 'The Iraq War'],
    ['The Gaza war that began on 7 October', "Syria's rapprochement with the Arab states"],
  ],
  'iranwire-alliance-basis': [
    [
      'Practical geopolitical reasons that defied regional expectations',
      'Religious ties, among them the Shia pilgrimage sites in Damascus',
    ],
    [
      "A kinship between Ba'athism and Iran's revolutionary Islamic system",
      'Oil that Syria supplied to Iran during the Iran–Iraq War',
    ],
  ],
  'iranwire-iran-sought': [
    [
      'To halt the loss of Damascus and strategic northern cities to the rebels',
      "To keep a corridor for supplying Hezbollah and a presence on Israel's borders",
    ],
    [
      'To keep Syria out of the Gaza war',
      'To monitor the ceasefire between Israeli forces and the Syrian army in the Golan',
    ],
  ],
  'mena-assad-kept-iran': [
    [
      'Tehran imposed no unwanted political changes on him',
      'Western and Arab offers came with hefty costs, often concessions on sovereignty',
    ],
    [
      'Iran had written off what Syria owed it',
      "Tehran welcomed Syria's opening to the Arab states and the West",
    ],
  ],
};

describe('cause-multi', () => {
  it('asks every table entry, each passing the gate, with the pinned keys and wrong options', () => {
    expect(multis).toHaveLength(CAUSE_MULTIS.length);
    for (const m of CAUSE_MULTIS) {
      const q = multis.find((x) => x.stem === m.stem);
      const [keys, wrong] = MULTI[m.name] ?? [[], []];
      expect(q && blocks(q)).toEqual([]);
      const keyIds = q?.key.optionIds ?? [];
      const wrongIds = (q?.prompt.options ?? [])
        .map((o) => o.id)
        .filter((id) => !keyIds.includes(id));
      expect([m.name, q && labels(q, keyIds)]).toEqual([m.name, [...keys].sort()]);
      expect([m.name, q && labels(q, wrongIds)]).toEqual([m.name, [...wrong].sort()]);
    }
  });

  it('re-derives the keys from the KB, and the gate blocks a key swapped with a wrong option', () => {
    for (const q of multis) {
      const r = causeMultiTemplate.requery(q, idx);
      expect(r.ok && [...r.key].sort()).toEqual([...(q.key.optionIds ?? [])].sort());
      const keyIds = q.key.optionIds ?? [];
      const wrongId = (q.prompt.options ?? []).find((o) => !keyIds.includes(o.id))?.id ?? '';
      const swapped: BankQuestion = {
        ...q,
        key: { ...q.key, optionIds: [...keyIds.slice(1), wrongId] },
      };
      expect([q.stem, blocks(swapped)]).toEqual([q.stem, expect.arrayContaining(['A1'])]);
    }
  });

  it('drops a key whose record no longer gives the asked development', () => {
    const q = multis.find((x) =>
      x.stem.startsWith('According to IranWire, which of these did Iran'),
    );
    const x = idx.explanations.get('shia-fighters-led-gains-including-aleppo');
    expect(q && x).toBeTruthy();
    if (!q || !x) {
      return;
    }
    try {
      idx.explanations.set(x.id, { ...x, topic: 'something else' });
      const r = causeMultiTemplate.requery(q, idx);
      expect(r.ok && r.key).toEqual(['why-iran-support-prevented-assad-collapse']);
    } finally {
      idx.explanations.set(x.id, x);
    }
  });

  it('says, for each wrong option, what is true instead and whose account it is, citing it', () => {
    for (const q of multis) {
      for (const r of q.key.rationales.filter((x) => !x.isCorrect)) {
        expect(r.text).toMatch(/^Not /);
        expect(r.text).toMatch(/Wikipedia|IranWire|MENA|Alrumaihi|Al-Abdullah/);
        expect(r.citationIds.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('cause-match', () => {
  it('asks every table entry, each passing the gate, and pairs each development with its own record', () => {
    expect(matches).toHaveLength(CAUSE_MATCHES.length);
    for (const m of CAUSE_MATCHES) {
      const q = matches.find((x) => x.stem === m.stem);
      expect([m.name, q && blocks(q)]).toEqual([m.name, []]);
      for (const p of m.pairs) {
        const pair = q?.key.pairs?.find((x) => x.itemId === p.record);
        const target = q?.prompt.targets?.find((t) => t.id === pair?.targetId);
        expect([p.record, target?.label]).toEqual([p.record, p.target]);
      }
    }
  });

  it('re-derives the pairs, and the gate blocks two swapped targets', () => {
    for (const q of matches) {
      const r = causeMatchTemplate.requery(q, idx);
      expect(r.ok && [...r.key].sort()).toEqual(
        (q.key.pairs ?? []).map((p) => `${p.itemId}>${p.targetId}`).sort(),
      );
      const pairs = q.key.pairs ?? [];
      const [a, b] = pairs;
      if (!a || !b) {
        throw new Error('too few pairs');
      }
      const swapped: BankQuestion = {
        ...q,
        key: {
          ...q.key,
          pairs: [
            { itemId: a.itemId, targetId: b.targetId },
            { itemId: b.itemId, targetId: a.targetId },
            ...pairs.slice(2),
          ],
        },
      };
      expect([q.stem, blocks(swapped)]).toEqual([q.stem, expect.arrayContaining(['A1'])]);
    }
  });

  it('no target repeats a distinctive word (five-letter stem) of its own development', () => {
    const words = (t: string) =>
      new Set(
        (t.toLowerCase().match(/[a-z]{5,}/g) ?? [])
          .filter((w) => !/^(syria|iran|israel|according|which|about|their|there)/.test(w))
          .map((w) => w.slice(0, 5)),
      );
    for (const m of CAUSE_MATCHES) {
      for (const p of m.pairs) {
        const own = words(p.item);
        const shared = [...words(p.target)].filter((w) => own.has(w));
        expect([p.record, shared]).toEqual([p.record, []]);
      }
    }
  });
});

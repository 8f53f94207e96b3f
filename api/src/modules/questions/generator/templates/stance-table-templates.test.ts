/**
 * Who stood where, from the reviewed table (grow10): each item's pairs, keys and wrong options are
 * pinned, so a key swapped with a wrong option (or two targets swapped) fails here; the gate's
 * re-query (A1), which re-derives every key from the stance records and not from the table, blocks
 * an item whose key is tampered with; and a KB change that breaks a rule (a wrong act moved into
 * the period, a refuting record of another actor, a passage that no longer names the state) drops
 * the item instead of shipping it.
 */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../../gate';
import type { BankQuestion } from '../../types';
import { buildBank, finalise } from '../build-bank';
import { buildKbIndex } from '../kb-index';
import { loadKbFiles } from '../load-kb-files';
import { seededRng } from '../rng';
import {
  POSITION_MULTIS,
  positionMatchTemplate,
  positionMultiTemplate,
  positionWhoTemplate,
} from './stance-table-templates';

const real = loadKbFiles();
const idx = buildKbIndex(real);
const draftsOf = (t: typeof positionMatchTemplate, kb: KnowledgeBase = real): BankQuestion[] => {
  const i = buildKbIndex(kb);
  const rng = seededRng(5);
  return t.generate(i).flatMap((g) => g.map((d) => finalise(d, rng)));
};
const blocks = (q: BankQuestion) =>
  checkQuestion(q, idx)
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);
const labelOf = (list: { id: string; label: string }[] | undefined, id: string) =>
  list?.find((o) => o.id === id)?.label;

/** A matching as "item => target" lines, in the item order. */
const pairsOf = (q: BankQuestion): string[] =>
  (q.key.pairs ?? []).map(
    (p) => `${labelOf(q.prompt.items, p.itemId)} => ${labelOf(q.prompt.targets, p.targetId)}`,
  );
const keysOf = (q: BankQuestion): string[] =>
  (q.key.optionIds ?? []).map((id) => labelOf(q.prompt.options, id) ?? id).sort();
const wrongOf = (q: BankQuestion): string[] =>
  (q.prompt.options ?? [])
    .filter((o) => !q.key.optionIds?.includes(o.id))
    .map((o) => o.label)
    .sort();

const matches = draftsOf(positionMatchTemplate);
const multis = draftsOf(positionMultiTemplate);
const whos = draftsOf(positionWhoTemplate);
const find = (qs: BankQuestion[], stem: RegExp): BankQuestion => {
  const found = qs.filter((q) => stem.test(q.stem));
  expect(found).toHaveLength(1);
  return found[0] as BankQuestion;
};

const MATCH_CASES: { stem: RegExp; pairs: string[] }[] = [
  {
    stem: /Arab states do during the Iran–Iraq War \(1980–88\)/,
    pairs: [
      "Syria => Sided with Iran, alone among Arab states in refusing to support Saddam Hussein's attack",
      'Saudi Arabia => Isolated Syria, with some other Arab countries, for siding with Iran',
      'Libya => Sold weapons to Iran, yet kept its relations with Saddam Hussein',
    ],
  },
  {
    stem: /about Bashar al-Assad's government during the Syrian civil war \(2011–2024\)/,
    pairs: [
      'Iran => Backed it politically, militarily and economically from the uprising of March 2011 to its fall',
      'Russia => Intervened militarily from late September 2015 and shifted the tide in its favour',
      "United States => Asserted that the Syrian president's days were numbered",
      'United Arab Emirates => Resumed diplomatic relations with Damascus in 2018',
    ],
  },
  {
    stem: /stand on Syria's keeping out of the Gaza war that began on 7 October/,
    pairs: [
      'Syria => Took a "neutral" stance of "dissociation" and did not open the Golan front',
      'Iran => Was irked and disappointed that Damascus would not open the Golan front',
      'Israel => Warned that it would destroy the regime if Syria were used against it',
      'Russia => Urged Bashar al-Assad to stay out of the conflict',
    ],
  },
  {
    stem: /respond to the Iran nuclear deal of 2015/,
    pairs: [
      'Hassan Nasrallah => Welcomed the deal, saying groups like his would benefit whenever Iran had funds',
      'Ali Khamenei => Declared after the deal that Iran would keep supporting its allied groups financially',
      'US senators and policymakers => Warned during the talks that the funds would strengthen militias and destabilise the region',
    ],
  },
  {
    stem: /Syria's new government say in November 2025 about its relations with each of these states/,
    pairs: [
      "Iran => That it had expelled this state's forces, and Hezbollah's, from Syria",
      'United States => That it was ready for a new phase of ties, after a poor relationship over the past 100 years',
      'Russia => That Syria was rebuilding the relationship, with no finalised agreement yet on basing rights',
    ],
  },
];

describe('position-match', () => {
  it('proposes the six curated matchings, each passing the gate', () => {
    expect(matches).toHaveLength(MATCH_CASES.length);
    for (const q of matches) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(MATCH_CASES)('pairs each party with its own stance: $stem', ({ stem, pairs }) => {
    expect(pairsOf(find(matches, stem))).toEqual(pairs);
  });

  it('is blocked by the re-query when two targets are swapped in the key', () => {
    for (const q of matches) {
      const [a, b, ...rest] = q.key.pairs ?? [];
      if (!a || !b) {
        throw new Error('a matching needs pairs');
      }
      const swapped: BankQuestion = {
        ...q,
        key: {
          ...q.key,
          pairs: [
            { itemId: a.itemId, targetId: b.targetId },
            { itemId: b.itemId, targetId: a.targetId },
            ...rest,
          ],
        },
      };
      expect(blocks(swapped)).toContain('A1');
    }
  });

  it('drops an item whose stance record no longer belongs to the party shown', () => {
    const kb: KnowledgeBase = {
      ...real,
      stances: real.stances.map((s) =>
        s.id === 'libya-plays-both-sides-in-iran-iraq-war' ? { ...s, actor: 'algeria' } : s,
      ),
    };
    const qs = draftsOf(positionMatchTemplate, kb);
    expect(qs).toHaveLength(MATCH_CASES.length - 1);
    expect(qs.some((q) => /Iran–Iraq War/.test(q.stem))).toBe(false);
  });
});

const MULTI_CASES: { stem: RegExp; keys: string[]; wrong: string[] }[] = [
  {
    stem: /^Which of these did Syria do during the Iran–Iraq War \(1980–88\)/,
    keys: [
      "Helped Iran's Revolutionary Guards set up and train Hezbollah to repel the 1982 Israeli invasion of Lebanon",
      "Refused, alone among Arab states, to support Saddam Hussein's attack on Iran",
    ],
    wrong: [
      "Joined an American-led coalition against Saddam Hussein's invasion of Kuwait",
      'Voted alongside Iraq in Arab League sessions while selling weapons to Iran',
    ],
  },
];

describe('position-multi', () => {
  it('proposes the curated select-all items, each passing the gate', () => {
    expect(multis).toHaveLength(MULTI_CASES.length);
    for (const q of multis) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(MULTI_CASES)('keys the actor’s own acts only: $stem', ({ stem, keys, wrong }) => {
    const q = find(multis, stem);
    expect(keysOf(q)).toEqual(keys);
    expect(wrongOf(q)).toEqual(wrong);
  });

  it('gives every wrong option the asked actor’s refuting record and the record of whose act it is', () => {
    for (const it of POSITION_MULTIS) {
      const q = find(
        multis,
        new RegExp(`^${it.stem.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      for (const o of it.options.filter((x) => x.refutedBy)) {
        const r = q.key.rationales.find((x) => !x.isCorrect && x.text === o.says);
        expect(r?.factIds).toEqual([...new Set([`stance:${o.fact}`, `stance:${o.refutedBy}`])]);
        expect(idx.stances.get(o.refutedBy ?? '')?.actor).toBe(it.actor);
        expect(r?.text).toMatch(/^(No, that was|Not during)/);
      }
    }
  });

  it('is blocked by the re-query when a wrong option is keyed or a key left out', () => {
    for (const q of multis) {
      const wrong = (q.prompt.options ?? []).find((o) => !q.key.optionIds?.includes(o.id));
      const [, ...others] = q.key.optionIds ?? [];
      const keyed = (optionIds: string[]) => blocks({ ...q, key: { ...q.key, optionIds } });
      expect(keyed([...(q.key.optionIds ?? []), wrong?.id ?? ''])).toContain('A1');
      expect(keyed([wrong?.id ?? '', ...others])).toContain('A1');
    }
  });

  it('drops an item whose wrong act the KB dates inside the period (a series the stem allows)', () => {
    // Were Syria's coalition of 1990 dated 1987, "joined an American-led coalition" would be true
    // of Syria during the Iran–Iraq War: the item must go, not ship with a true distractor.
    const kb: KnowledgeBase = {
      ...real,
      stances: real.stances.map((s) =>
        s.id === 'syria-joins-us-led-coalition-1990'
          ? {
              ...s,
              from: { value: '1987', precision: 'YEAR' },
              to: { value: '1987', precision: 'YEAR' },
            }
          : s,
      ),
    };
    const qs = draftsOf(positionMultiTemplate, kb);
    expect(qs.some((q) => /Iran–Iraq War/.test(q.stem))).toBe(false);
    expect(qs).toHaveLength(MULTI_CASES.length - 1);
  });

  it('drops an item whose key is no longer the asked actor’s act', () => {
    const kb: KnowledgeBase = {
      ...real,
      stances: real.stances.map((s) =>
        s.id === 'syria-helps-found-hezbollah' ? { ...s, actor: 'irgc' } : s,
      ),
    };
    const qs = draftsOf(positionMultiTemplate, kb);
    expect(qs.some((q) => /did Syria do/.test(q.stem))).toBe(false);
    expect(qs).toHaveLength(MULTI_CASES.length - 1);
  });
});

const WHO_CASES: { stem: RegExp; answer: string; also: string[] }[] = [
  { stem: /^In IranWire's account of the Iran–Iraq War/, answer: 'Libya', also: [] },
  { stem: /^According to Andrew Tabler/, answer: 'UAE', also: ['United Arab Emirates'] },
  { stem: /Which state led that intervention\?/, answer: 'United States', also: ['US', 'America'] },
  { stem: /^According to the Institute for the Study of War/, answer: 'Russia', also: [] },
];

describe('position-who', () => {
  it('proposes the four curated typed items, each passing the gate', () => {
    expect(whos).toHaveLength(WHO_CASES.length);
    for (const q of whos) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(WHO_CASES)('accepts the state the passage names: $answer', ({ stem, answer, also }) => {
    const q = find(whos, stem);
    expect(q.key.answers?.[0]).toBe(answer);
    expect(q.key.answers).toEqual(expect.arrayContaining(also));
    // Another state's name as the key is blocked by the re-query.
    expect(blocks({ ...q, key: { ...q.key, answers: ['Iraq'] } })).toContain('A1');
  });

  it('drops an item whose passage no longer names the state in that role', () => {
    const kb: KnowledgeBase = {
      ...real,
      citations: real.citations.map((c) =>
        c.id === 'iranwire-libya' ? { ...c, quote: c.quote.replace('Libya', 'Algeria') } : c,
      ),
    };
    const qs = draftsOf(positionWhoTemplate, kb);
    expect(qs.some((q) => /IranWire's account/.test(q.stem))).toBe(false);
  });
});

describe('the bank ships the table items (seed 1)', () => {
  it('keeps every gate-passing draft of the three families', () => {
    const { questions } = buildBank({ kb: real, seed: 1 });
    const shipped = (t: string) => questions.filter((q) => q.template === t).length;
    expect(shipped('position-match')).toBe(matches.length);
    expect(shipped('position-multi')).toBe(multis.length);
    expect(shipped('position-who')).toBe(whos.length);
  });
});

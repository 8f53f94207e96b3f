/**
 * What the sixth round found on the real KB (blind audit 6, sample-6, seed 89, on main at f3635cf):
 * each assertion fails on that bank, on its templates' drafts or on its gate.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { checkQuestion } from '../gate';
import { studentTexts } from '../gate/item-checks';
import type { BankQuestion } from '../types';
import { finalise } from './build-bank';
import { toInterval } from './dates';
import { buildKbIndex, firstSeen } from './kb-index';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import { TEMPLATES } from './templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const drafts = (id: string) => (TEMPLATES.find((t) => t.id === id)?.generate(idx) ?? []).flat();
const allDrafts = TEMPLATES.flatMap((t) => t.generate(idx).flat());
const banks = [1, 89].map((seed) => sharedBank({ kb, seed }).questions);
const items = [...banks.flat(), ...allDrafts.map((d) => finalise(d, seededRng(6)))];
const texts = items.flatMap((q) => studentTexts(q as BankQuestion));
const blocks = (q: BankQuestion): string[] =>
  checkQuestion(q, idx)
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);
const clone = (q: BankQuestion): BankQuestion => JSON.parse(JSON.stringify(q)) as BankQuestion;
const item = (template: string, p: (q: BankQuestion) => boolean = () => true): BankQuestion => {
  const q = drafts(template)
    .map((d) => finalise(d, seededRng(6)))
    .find((x) => p(x) && blocks(x).length === 0);
  if (!q) {
    throw new Error(`no clean ${template} item`);
  }
  return clone(q);
};

describe('audit 6: wording', () => {
  it('says a figure in a sentence, never "<amount>: <Description>" as a field label (item 5)', () => {
    const label = /(\$[\d.,]+(?: (?:million|billion))?|\d[\d.,]* [a-z]+): [A-Z]/;
    expect(texts.filter((t) => label.test(t))).toEqual([]);
    expect(texts.join('\n')).not.toMatch(/The sources give [^.]*: /);
    const ratio = drafts('figure-true-false').find(
      (d) => d.factIds[0] === 'figure:turkey-vs-iran-trade-ratio-2023',
    );
    expect(ratio?.explanation).toMatch(
      /^(True|False)\. According to Heshmatollah Falahatpisheh, Turkey's 2023 trade with Syria was 20 times larger than Iran's exchanges with Syria(, not \d+ times)?\.$/,
    );
  });

  it('blocks an amount pasted before its description in any student text (gate S10)', () => {
    const q = item('figure-true-false');
    expect(blocks(q)).not.toContain('S10');
    for (const text of [
      "False. The sources give 20 times: How many times larger Turkey's 2023 trade with Syria was than Iran's.",
      '$244 million: Value of goods Iran exported to Syria in the previous year.',
    ]) {
      const r = clone(q);
      const wrong = r.key.rationales.find((x) => !x.isCorrect);
      if (wrong) {
        wrong.text = text;
      }
      expect(blocks({ ...clone(q), explanation: text })).toContain('S10');
      expect(blocks(r)).toContain('S10');
    }
    expect(
      blocks({ ...clone(q), explanation: '$244 million is the value of goods Iran exported.' }),
    ).not.toContain('S10');
  });

  it('says an undated quote is undated in words, never as a KB note (item 87)', () => {
    const note = /\bundated\b|\(["“]?once described["”]?\)|date(?:s)? (?:is|are) not given/i;
    expect(texts.filter((t) => note.test(t))).toEqual([]);
    const frontline = drafts('who-said').find(
      (d) => d.factIds[0] === 'quote:khamenei-frontline-of-resistance',
    );
    expect(frontline?.explanation).toMatch(/Ali Khamenei once described Assad's Syria/);
    // Since audit 11 (item 49) an undated remark is not called undated at all: who and on what.
    expect(frontline?.explanation).toMatch(/^IranWire quotes Ali Khamenei\. Context: .+\.$/);
  });

  it('blocks the KB\'s quote notes in student text (gate S9: "on an undated occasion")', () => {
    const q = item('who-said');
    expect(blocks(q)).not.toContain('S9');
    for (const text of [
      'IranWire quotes Ali Khamenei. Context: Supreme Leader Ali Khamenei describing Assad\'s Syria, on an undated occasion ("once described").',
      'IranWire quotes Ali Khamenei. Context: Ali Khamenei describing the IRGC Quds Force (undated).',
      'Wikipedia quotes Khomeini; the occasion and date are not given.',
    ]) {
      expect([text, blocks({ ...clone(q), explanation: text })]).toEqual([
        text,
        expect.arrayContaining(['S9']),
      ]);
    }
  });
});

describe('audit 6: trivial', () => {
  const coalition =
    'True or false: When Syria joined the US-led coalition against Iraq (1990), Syria sided with the United States.';

  it('never states a stance its own context already states (item 72)', () => {
    expect(drafts('true-false').map((d) => d.stem)).not.toContain(coalition);
    // The Iran–Iraq War stance statements stay: the war's name says nothing about sides.
    expect(drafts('true-false').map((d) => d.stem)).toContain(
      'True or false: During the Iran–Iraq War (1980–88), Syria sided with Iran.',
    );
  });

  it('blocks a true/false stem whose context clause entails the statement (gate S11)', () => {
    const q = item('true-false', (x) => /^True or false: During the Iran–Iraq War/.test(x.stem));
    expect(blocks(q)).not.toContain('S11');
    expect(blocks({ ...clone(q), stem: coalition })).toContain('S11');
    expect(
      blocks({
        ...clone(q),
        stem: 'True or false: When Syria joined the US-led coalition against Iraq (1990), Syria opposed Iraq.',
      }),
    ).toContain('S11');
    // Another actor's stance is not given away by the clause.
    expect(
      blocks({
        ...clone(q),
        stem: 'True or false: When Syria joined the US-led coalition against Iraq (1990), Iran sided with the United States.',
      }),
    ).not.toContain('S11');
  });
});

describe('audit 6: who-said distractors', () => {
  const whoSaid = items.filter((q) => q.template === 'who-said');
  const wrong = (q: BankQuestion): string[] =>
    (q.prompt.options ?? []).map((o) => o.id).filter((id) => !q.key.optionIds?.includes(id));

  it('offers one person as a wrong speaker in at most three who-said items (items 29, 77, 82, 87)', () => {
    const perQuote = new Map<string, string[]>();
    for (const q of whoSaid) {
      perQuote.set(q.factIds[0] ?? '', wrong(q));
    }
    const uses = new Map<string, number>();
    for (const people of perQuote.values()) {
      for (const p of people) {
        uses.set(p, (uses.get(p) ?? 0) + 1);
      }
    }
    expect([...uses].filter(([, n]) => n > 3)).toEqual([]);
    // The people the sources quote on Iran's side are offered, not only office holders.
    const offered = new Set([...perQuote.values()].flat());
    for (const p of ['mohammad-javad-zarif', 'ali-akbar-velayati', 'heshmatollah-falahatpisheh']) {
      expect([p, offered.has(p)]).toEqual([p, true]);
    }
  });

  it('never offers someone first seen after the words were reported (items 18, 69)', () => {
    for (const q of whoSaid) {
      const quote = idx.quotes.get(q.factIds[0]?.replace(/^quote:/, '') ?? '');
      const source = kb.sources.find(
        (s) => s.slug === idx.citations.get(quote?.citation ?? '')?.source,
      );
      const by = quote?.date
        ? toInterval(quote.date).hi
        : source?.publishedFrom
          ? toInterval(source.publishedTo ?? source.publishedFrom).hi
          : Number.POSITIVE_INFINITY;
      for (const p of wrong(q)) {
        expect([q.factIds[0], p, (firstSeen(idx, p) ?? Number.POSITIVE_INFINITY) <= by]).toEqual([
          q.factIds[0],
          p,
          true,
        ]);
      }
    }
    const mena = whoSaid.filter((q) => q.factIds[0]?.startsWith('quote:al-abdullah'));
    expect(mena.length).toBeGreaterThan(0);
    expect(mena.flatMap(wrong)).not.toContain('ahmed-al-sharaa');
    expect(mena.flatMap(wrong)).not.toContain('asaad-al-shaibani');
  });

  it('gives every wrong speaker one true line of their own', () => {
    for (const q of whoSaid) {
      for (const r of q.key.rationales.filter((x) => !x.isCorrect)) {
        expect(r.text).toMatch(
          /^Not [^:]+: the source (?:gives these words to|sums up the message of) [^.]+?(?: in these words)?\. \S.+\.$/,
        );
      }
    }
  });
});

describe('audit 6: recall mix', () => {
  it("asks one event's date in at most two items per bank (1979, 2015, 2018 asked 3–5 times)", () => {
    const dateTemplates = ['event-year', 'year-event', 'numeric-year', 'timeline-placement'];
    for (const bank of banks) {
      const per = new Map<string, number>();
      for (const q of bank) {
        const f = q.factIds[0] ?? '';
        const asksDate =
          dateTemplates.includes(q.template) ||
          (q.template === 'true-false' && /\b\d{4}\.$/.test(q.stem));
        if (asksDate && f.startsWith('event:')) {
          per.set(f, (per.get(f) ?? 0) + 1);
        }
      }
      expect(per.size).toBeGreaterThan(5);
      expect([...per].filter(([, n]) => n > 2)).toEqual([]);
    }
  });
});

import { kbSmall } from '../../../../test/fixtures/kb-small';
import { checkQuestion } from '../gate';
import type { BankQuestion, QuestionType } from '../types';
import { QUESTION_TYPES } from '../types';
import { buildBank, buildKbIndex, generateQuestions, templateById } from '.';
import { formatYearRange } from './dates';
import { article } from './text';

// Typed short answers are written by teachers until the generator has templates for them.
const GENERATED_TYPES = QUESTION_TYPES.filter((type) => type !== 'SHORT_ANSWER');

const { questions, report } = buildBank({ kb: kbSmall, seed: 20251125 });
const idx = buildKbIndex(kbSmall);
const ofType = (t: QuestionType): BankQuestion[] => questions.filter((q) => q.type === t);
const keyLabels = (q: BankQuestion): string[] =>
  (q.prompt.options ?? []).filter((o) => q.key.optionIds?.includes(o.id)).map((o) => o.label);

describe('buildBank on the fixture KB', () => {
  it.each(GENERATED_TYPES.map((t) => [t]))('generates %s questions', (type) => {
    expect(ofType(type).length).toBeGreaterThan(0);
  });

  it('ships only questions that pass every BLOCK check and re-query to their key', () => {
    for (const q of questions) {
      const blocks = checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK');
      expect({ id: q.id, blocks }).toEqual({ id: q.id, blocks: [] });
    }
  });

  it('cites every answer: each rationale has a citation and a KB fact', () => {
    for (const q of questions) {
      expect(q.citationIds.length).toBeGreaterThan(0);
      for (const r of q.key.rationales) {
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.factIds.every((f) => idx.facts.has(f))).toBe(true);
      }
    }
  });

  it('counts the report consistently with the bank', () => {
    expect(report.total).toBe(questions.length);
    expect(Object.values(report.byType).reduce((s, n) => s + n, 0)).toBe(questions.length);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) {
      expect(q.id).toMatch(/^q_[0-9a-f]{20}$/);
      expect(q.difficulty).toBeGreaterThanOrEqual(0);
      expect(q.difficulty).toBeLessThanOrEqual(1);
    }
  });
});

describe('question types on the fixture KB', () => {
  it('SINGLE_CHOICE: Syria is the Arab state that sided with Iran; Libya is refuted with its ties to Iraq', () => {
    const q = ofType('SINGLE_CHOICE').find((x) =>
      x.stem.startsWith('Which Arab state sided with Iran'),
    );
    expect(q?.stem).toBe('Which Arab state sided with Iran during the Iran–Iraq War (1980–88)?');
    expect(q && keyLabels(q)).toEqual(['Syria']);
    const libya = q?.key.rationales.find((r) => r.ref === 'libya');
    if (libya) {
      expect(libya.isCorrect).toBe(false);
      expect(libya.text).toMatch(/weapons/);
      expect(libya.citationIds).toContain('c-libya');
    }
    expect(q?.citationIds).toEqual(expect.arrayContaining(['c-alone', 'c-only']));
  });

  it('MULTI_SELECT: keys are the exact set; Saudi Arabia is the refuted option', () => {
    const qs = ofType('MULTI_SELECT').filter((q) => q.template === 'stance-multi');
    expect(qs.length).toBeGreaterThan(0);
    for (const q of qs) {
      expect(q.prompt.selectMany).toBe(true);
      expect(q.key.optionIds).not.toContain('saudi-arabia');
      expect(q.prompt.options?.map((o) => o.id)).toContain('saudi-arabia');
    }
  });

  it('TRUE_FALSE: both verdicts occur, options are true/false, stems state a fact', () => {
    const qs = ofType('TRUE_FALSE');
    expect(qs.some((q) => q.key.optionIds?.[0] === 'true')).toBe(true);
    expect(qs.some((q) => q.key.optionIds?.[0] === 'false')).toBe(true);
    for (const q of qs) {
      expect(q.prompt.options?.map((o) => o.id)).toEqual(['true', 'false']);
      expect(q.stem).toMatch(/^True or false: .+\.”?$/);
    }
  });

  it('EVENT_YEAR: four ascending years, the key is the event year, no distractor equals it', () => {
    // Since audit 3 every wrong year is another event's; the fixture's 1946 has too few neighbours.
    const q = ofType('EVENT_YEAR').find((x) => x.factIds[0] === 'event:military-agreement');
    const years = q?.prompt.options?.map((o) => Number(o.label)) ?? [];
    expect(years).toHaveLength(4);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
    expect(q && keyLabels(q)).toEqual(['2006']);
    expect(q?.stem).toBe('In what year did Iran and Syria sign a military cooperation agreement?');
    for (const r of q?.key.rationales.filter((x) => !x.isCorrect) ?? []) {
      expect(r.text).toMatch(/^Not \d{4}\. In \d{4}, /);
    }
  });

  it('YEAR_EVENT: exactly one option happened in the stated year', () => {
    for (const q of ofType('YEAR_EVENT')) {
      const y = Number(q.stem.match(/\d{4}/)?.[0]);
      const inYear = (q.prompt.options ?? []).filter((o) =>
        idx.events.get(o.id)?.start.value.startsWith(String(y)),
      );
      expect(inYear.map((o) => o.id)).toEqual(q.key.optionIds);
    }
  });

  it('NUMERIC_YEAR: tolerance 0 and bounds around the KB window', () => {
    for (const q of ofType('NUMERIC_YEAR')) {
      expect(q.prompt.numeric?.tolerance).toBe(0);
      expect(q.key.year).toBeGreaterThanOrEqual(q.prompt.numeric?.min ?? Number.POSITIVE_INFINITY);
      expect(q.key.year).toBeLessThanOrEqual(q.prompt.numeric?.max ?? Number.NEGATIVE_INFINITY);
    }
  });

  it('CHRONOLOGY: 3–5 items, key in date order, never shown already solved', () => {
    for (const q of ofType('CHRONOLOGY')) {
      const order = q.key.order ?? [];
      expect(order.length).toBeGreaterThanOrEqual(3);
      expect(order.length).toBeLessThanOrEqual(5);
      const starts = order.map((id) => idx.events.get(id)?.start.value ?? '');
      expect([...starts].sort()).toEqual(starts);
      expect(q.prompt.items?.map((i) => i.id)).not.toEqual(order);
    }
  });

  it('WHICH_FIRST: two options, the key is the earlier event', () => {
    for (const q of ofType('WHICH_FIRST')) {
      const [a, b] = (q.prompt.options ?? []).map((o) => idx.events.get(o.id)?.start.value ?? '');
      const earlier = (a ?? '') < (b ?? '') ? q.prompt.options?.[0]?.id : q.prompt.options?.[1]?.id;
      expect(q.key.optionIds).toEqual([earlier]);
    }
  });

  it('WHO_SAID: the quote is attached, the speaker is the key and is not named in it', () => {
    const q = ofType('WHO_SAID').find((x) => x.factIds[0] === 'quote:khamenei-hand-of-america');
    expect(q?.prompt.quote).toBe('In Syria, the hand of America and Israel is evident');
    expect(q?.key.optionIds).toEqual(['ali-khamenei']);
    expect(q?.stem).toBe('Who said these words in June 2011?');
  });

  it('OFFICE_HOLDER: only other holders or people of the same state as distractors (audit 2)', () => {
    // Hafez al-Assad is the only Syrian in public life in 1984 in the fixture, and Bashar al-Assad
    // appears only from 2000: offering Khamenei or Saddam Hussein would be excluded by the stem.
    expect(
      ofType('OFFICE_HOLDER').find((x) => x.stem === 'Who was President of Syria in 1984?'),
    ).toBeUndefined();
    const items = ofType('OFFICE_HOLDER');
    expect(items.length).toBeGreaterThan(0);
    for (const q of items) {
      const state = q.stem.match(/ of (Iran|Syria)\b/)?.[1]?.toLowerCase();
      for (const o of q.prompt.options ?? []) {
        expect([o.id, kbSmall.actors.find((a) => a.slug === o.id)?.nationality]).toEqual([
          o.id,
          state,
        ]);
      }
    }
  });

  it('MATCHING: every item has exactly one target and the pairing is a permutation', () => {
    for (const q of ofType('MATCHING')) {
      const pairs = q.key.pairs ?? [];
      expect(new Set(pairs.map((p) => p.itemId)).size).toBe(q.prompt.items?.length);
      expect(new Set(pairs.map((p) => p.targetId)).size).toBe(q.prompt.targets?.length);
    }
  });

  it('TIMELINE_PLACEMENT: options are eras in time order and the key is the event era', () => {
    for (const q of ofType('TIMELINE_PLACEMENT')) {
      const e = idx.events.get(q.factIds[0]?.replace('event:', '') ?? '');
      expect(q.key.optionIds).toEqual([e?.era]);
      const pos = (q.prompt.options ?? []).map((o) => idx.eras.findIndex((x) => x.slug === o.id));
      expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    }
  });

  it('never claims that Lebanon, Algeria, Sudan or Oman backed Iran', () => {
    for (const q of questions) {
      const keys = q.key.optionIds ?? [];
      if (/sided with Iran|stood by Iran|backed Iran/.test(q.stem)) {
        expect(keys.filter((k) => ['lebanon', 'algeria', 'sudan', 'oman'].includes(k))).toEqual([]);
        if (
          q.type === 'TRUE_FALSE' &&
          /(Lebanon|Algeria|Sudan|Oman) sided with Iran/.test(q.stem)
        ) {
          expect(keys).toEqual(['false']);
        }
      }
    }
  });
});

describe('determinism', () => {
  it('same KB and seed give byte-identical JSON', () => {
    const again = buildBank({ kb: kbSmall, seed: 20251125 });
    expect(JSON.stringify(again)).toBe(JSON.stringify({ questions, report }));
  });

  it('another seed keeps the question ids but reorders options', () => {
    const other = buildBank({ kb: kbSmall, seed: 99 }).questions;
    expect(other.map((q) => q.id).sort()).toEqual(questions.map((q) => q.id).sort());
    const orders = (qs: BankQuestion[]) =>
      qs.map((q) => (q.prompt.options ?? q.prompt.items ?? []).map((o) => o.id).join());
    expect(orders(other)).not.toEqual(orders(questions));
  });
});

describe('generateQuestions', () => {
  it('draws the requested count from the filtered bank, spread over types', () => {
    const drawn = generateQuestions({
      kb: kbSmall,
      seed: 5,
      filters: { count: 12 },
      bank: questions,
    });
    expect(drawn).toHaveLength(12);
    expect(new Set(drawn.map((q) => q.type)).size).toBe(12);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(12);
  });

  it.each<
    [string, Parameters<typeof generateQuestions>[0]['filters'], (q: BankQuestion) => boolean]
  >([
    [
      'eras',
      { eras: ['revolution-and-war'], count: 50 },
      (q) => q.eraSlug === 'revolution-and-war',
    ],
    [
      'types',
      { types: ['EVENT_YEAR', 'CHRONOLOGY'], count: 50 },
      (q) => ['EVENT_YEAR', 'CHRONOLOGY'].includes(q.type),
    ],
    ['actors', { actors: ['libya'], count: 50 }, (q) => q.actorSlugs.includes('libya')],
    ['difficulty', { difficulty: { min: 0.5, max: 1 }, count: 50 }, (q) => q.difficulty >= 0.5],
  ])('filters by %s', (_name, filters, holds) => {
    const drawn = generateQuestions({ kb: kbSmall, seed: 5, filters, bank: questions });
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every(holds)).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateQuestions({ kb: kbSmall, seed: 1, filters: { count: 20 }, bank: questions });
    const b = generateQuestions({ kb: kbSmall, seed: 1, filters: { count: 20 }, bank: questions });
    const c = generateQuestions({ kb: kbSmall, seed: 2, filters: { count: 20 }, bank: questions });
    expect(a.map((q) => q.id)).toEqual(b.map((q) => q.id));
    expect(a.map((q) => q.id)).not.toEqual(c.map((q) => q.id));
  });
});

describe('helpers', () => {
  it.each([
    ['Iranian', 'an'],
    ['Arab', 'an'],
    ['IRGC', 'an'],
    ['Syrian', 'a'],
    ['US-led', 'a'],
    ['European', 'a'],
  ])('article(%s) = %s', (word, art) => {
    expect(article(word)).toBe(art);
  });

  it.each([
    [1980, 1988, '1980–88'],
    [1999, 2000, '1999–2000'],
    [2011, 2011, '2011'],
  ])('formatYearRange(%i, %i) = %s', (a, b, out) => {
    expect(formatYearRange(a, b)).toBe(out);
  });

  it('knows every template a question names', () => {
    for (const q of questions) {
      expect(templateById(q.template)?.type).toBe(q.type);
    }
  });
});

/**
 * The generator against the real KB in prisma/seed/data/kb. Nothing here is skipped: if a KB
 * file is missing or invalid the suite fails naming it.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { LIST_SIZES } from '../../../limits/cost';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { QUESTION_TYPES } from '../types';
import { buildKbIndex } from '.';
import { loadKbFiles } from './load-kb-files';

// Every type is generated (typed short answers from relations and stances since issue 11).
const GENERATED_TYPES = QUESTION_TYPES;

const load = () => {
  const kb = loadKbFiles();
  return { kb, idx: buildKbIndex(kb), ...sharedBank({ kb, seed: 20251125 }) };
};

describe('the real KB', () => {
  const real = (() => {
    try {
      return load();
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  })();
  const get = () => {
    if (real instanceof Error) {
      throw real;
    }
    return real;
  };

  it('loads (all nine files, valid against the schema)', () => {
    expect(real).not.toBeInstanceOf(Error);
  });

  it('gives each clue pair a shared key: "(1980–88)" in a stem and the year the war began', () => {
    const { questions } = get();
    const warYear = questions.find((q) => q.stem === 'In what year did the Iran–Iraq War begin?');
    expect(warYear).toBeDefined();
    const givers = questions.filter(
      (q) => q !== warYear && q.stem.includes('Iran–Iraq War (1980–88)'),
    );
    expect(givers.length).toBeGreaterThan(0);
    for (const q of [warYear as BankQuestion, ...givers]) {
      expect(q.clueKeys).toContain(warYear?.id);
    }
    // Only pairs: most items answer no other.
    expect(questions.filter((q) => (q.clueKeys ?? []).length > 0).length).toBeLessThan(
      questions.length / 3,
    );
  });

  describe('flagship: which Arab state sided with Iran during the Iran–Iraq War', () => {
    const flagship = (): BankQuestion | undefined =>
      get().questions.find(
        (q) => q.stem === 'Which Arab state sided with Iran during the Iran–Iraq War (1980–88)?',
      );

    it('is generated, with Syria as the only key', () => {
      const q = flagship();
      expect(q?.type).toBe('SINGLE_CHOICE');
      expect(q?.key.optionIds).toEqual(['syria']);
      expect(q?.prompt.options?.find((o) => o.id === 'syria')?.label).toBe('Syria');
    });

    it('cites the passages that make Syria the only Arab state (IranWire, IDF snippet)', () => {
      const { idx } = get();
      const quotes = (flagship()?.citationIds ?? []).map((c) => idx.citations.get(c)?.quote ?? '');
      expect(quotes.some((t) => /stood alone among Arab states/.test(t))).toBe(true);
      expect(quotes.some((t) => /only Arab country/.test(t))).toBe(true);
      expect(flagship()?.explanation).toMatch(/Syria/);
    });

    it('refutes every distractor with a cited fact; Libya, if shown, with its weapons sales and ties to Saddam Hussein', () => {
      const q = flagship();
      for (const r of q?.key.rationales.filter((x) => !x.isCorrect) ?? []) {
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.factIds.length).toBeGreaterThan(0);
      }
      const libya = q?.key.rationales.find((r) => r.ref === 'libya');
      if (libya) {
        expect(libya.text).toMatch(/weapons/);
        expect(libya.text).toMatch(/Saddam Hussein/);
      }
    });

    it('never claims Lebanon, Algeria, Sudan or Oman backed Iran', () => {
      const exceptions = ['lebanon', 'algeria', 'sudan', 'oman'];
      for (const q of get().questions) {
        if (!/(sided with|stood by|backed|supported) Iran\b/.test(q.stem)) {
          continue;
        }
        expect({
          id: q.id,
          keys: (q.key.optionIds ?? []).filter((k) => exceptions.includes(k)),
        }).toEqual({ id: q.id, keys: [] });
        if (
          q.type === 'TRUE_FALSE' &&
          /(Lebanon|Algeria|Sudan|Oman) sided with Iran/.test(q.stem)
        ) {
          expect(q.key.optionIds).toEqual(['false']);
        }
      }
    });
  });

  it('generates every type, no type over 25% and ordering plus matching at most 35% (issue 11)', () => {
    const { questions } = get();
    const n = questions.length;
    // ~135 since audit 3: at most 6 items touching a fact, 3 non-drill items asking it, one item per
    // stem (~280 after audit 2, ~345 after audit 1).
    expect(n).toBeGreaterThan(120);
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(GENERATED_TYPES));
    const share = (types: string[]) => questions.filter((q) => types.includes(q.type)).length / n;
    for (const t of GENERATED_TYPES) {
      expect([t, share([t]) <= 0.25]).toEqual([t, true]);
    }
    expect(share(['CHRONOLOGY', 'MATCHING', 'WHICH_FIRST'])).toBeLessThanOrEqual(0.35);
  });

  it('asks why, what for and what followed, figures in context and quotes in context', () => {
    const { questions } = get();
    const by = (t: string) => questions.filter((q) => q.template === t);
    for (const t of [
      // explain-why is dropped since audit 4: its last two items offered an economic motive for a
      // military pact and Iran's standing aims (the Hezbollah corridor) as wrong reasons; the KB
      // gives no other reason that is comparable and provably wrong (docs/question-generator.md).
      'explain-true-false',
      // Since issue 11's rival pass: why-items whose wrong options are reasons the sources give for
      // comparable developments (templates/rival-templates.ts), and a multi-select of one source's
      // reasons for the cooling.
      'why-rival',
      'why-rival-multi',
      // explain-multi is dropped since audit 1: no reason the KB gives for something else is a
      // comparable, provably wrong reason for the cooling after 2020.
      'figure-meaning',
      // quote-topic has no item since audit 10 (item 38): a quote's rival topics must share its era,
      // and none of the ten drafts left passes the gate; quotes stay asked by who-said.
      'relation-name',
      'stance-who',
      // Who stood where (positions): another actor's position on the same issue, refuted by the
      // stem actor's own contradicting stance; and one actor's reversal, both stances cited.
      'stance-position',
      'stance-change',
    ]) {
      expect([t, by(t).length > 0]).toEqual([t, true]);
    }
    const debt = by('figure-meaning').find((q) => q.stem.includes('$30 billion'));
    expect(debt?.prompt.options?.find((o) => debt.key.optionIds?.includes(o.id))?.label).toMatch(
      /Debt Syria owed Iran/,
    );
    // In an Iran–Syria quiz "which state sided with Iran" gives Syria away (audit 1, item 65): typed
    // answers never key the quiz's own subjects; the flagship stays a single-choice item.
    const flagshipTyped = by('relation-name').find((q) =>
      /sided with Iran from 1980 to 1988/.test(q.stem),
    );
    expect(flagshipTyped).toBeUndefined();
  });

  it('never prints a source error as fact, source plumbing, a quoted headline or an inexact date as a key', () => {
    const { questions, idx } = get();
    for (const q of questions) {
      const texts = [
        q.stem,
        q.explanation,
        ...(q.prompt.options ?? []).map((o) => o.label),
        ...q.key.rationales.map((r) => r.text),
      ];
      for (const t of texts) {
        expect([
          q.id,
          // The source's "Hassan Haniyeh" may be shown only as what the source calls him.
          /image caption|no headline in the copy|paragraph at line/.test(t) ||
            /Hassan Haniyeh/.test(t.replace(/the source calls him "Hassan Haniyeh"/g, '')),
        ]).toEqual([q.id, false]);
      }
      if (q.type === 'EVENT_YEAR' || q.type === 'NUMERIC_YEAR') {
        const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
        expect([q.id, e?.start.certainty ?? 'EXACT']).toEqual([q.id, 'EXACT']);
      }
    }
    // "In August" (year inferred) for the $50 bn leak is never printed as August 2023 in a stem.
    expect(questions.filter((q) => /August 2023/.test(q.stem)).map((q) => q.stem)).toEqual([]);
    const akbari = questions.filter((q) => q.factIds.includes('event:akbari-rules-out-withdrawal'));
    expect(
      akbari.filter((q) => ['EVENT_YEAR', 'NUMERIC_YEAR', 'TRUE_FALSE'].includes(q.type)),
    ).toEqual([]);
  });

  it('ships no question with a BLOCK finding', () => {
    const { questions, idx } = get();
    const blocked = questions
      .map((q) => ({
        id: q.id,
        blocks: checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK'),
      }))
      .filter((x) => x.blocks.length > 0);
    expect(blocked).toEqual([]);
  });

  it('passes the bank-level BLOCK checks (C5 drift, C11 key slots, C12 year ranks, F1 duplicates)', () => {
    const failed = get().report.bankChecks.filter((c) => c.severity === 'BLOCK' && !c.passed);
    expect(failed).toEqual([]);
  });

  it('keeps the same question ids under another seed', () => {
    const { kb, questions } = get();
    const other = sharedBank({ kb, seed: 7 }).questions;
    expect(other.map((q) => q.id).sort()).toEqual(questions.map((q) => q.id).sort());
  });

  it('keeps its counts per type (regenerate consciously with jest -u when the KB changes)', () => {
    const { report } = get();
    const counts = Object.fromEntries(GENERATED_TYPES.map((t) => [t, report.byType[t] ?? 0]));
    expect({ total: report.total, ...counts }).toMatchSnapshot();
  });

  it('fits the list sizes the query cost estimate assumes for question content (limits/cost.ts)', () => {
    const { questions } = get();
    const largest = (counts: number[]) => Math.max(0, ...counts);
    const found = {
      'AnswerKey.rationales': largest(questions.map((q) => q.key.rationales.length)),
      'Rationale.citations': largest(
        questions.flatMap((q) => q.key.rationales.map((r) => r.citationIds.length)),
      ),
      'BankQuestion.citations': largest(questions.map((q) => q.citationIds.length)),
      'BankQuestion.actors': largest(questions.map((q) => q.actorSlugs.length)),
      'BankQuestion.themes': largest(questions.map((q) => q.themes.length)),
    };
    for (const [key, count] of Object.entries(found)) {
      expect([key, count <= Number(LIST_SIZES[key])]).toEqual([key, true]);
    }
  });
});

/**
 * Why-items against the real KB (issue 11): every wrong option is provably wrong. Six audit rounds
 * found that a reason the sources give for one Iranian or Syrian step can hold for another, so a
 * wrong option here must come from another party's step or from a step the other way, and the
 * passages cited for it must not carry the key's reason (nor the key's passages the wrong reason).
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import type { BankQuestion } from '../types';
import { buildBank, buildKbIndex } from '.';
import { finalise } from './build-bank';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import { TEMPLATES } from './templates';
import {
  contrastFault,
  deciderOf,
  explainStepTemplate,
  GENERIC_REASON,
  ownWords,
  whyContrastTemplate,
} from './templates/contrast-templates';
import { rememberEras } from './templates/understanding-templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
rememberEras(idx);
const { questions } = buildBank({ kb, seed: 1 });

const WHY_TEMPLATES = new Set(['explain-step', 'why-contrast', 'explain-why', 'explain-what']);
/**
 * explain-step and why-contrast are withheld from the bank since audit 7 (16 of its 20 defects:
 * wrong options sound but so far from the step that the stem excludes them), so their rules are
 * checked on every draft they propose, with the bank's own why-items.
 */
const rng = seededRng(1);
const whyItems = [
  ...[explainStepTemplate, whyContrastTemplate].flatMap((t) =>
    t.generate(idx).flatMap((group) => group.map((d) => finalise(d, rng))),
  ),
  ...questions.filter((q) => WHY_TEMPLATES.has(q.template)),
];

/** The explanation record behind an option id ("why-<id>" / "what-<id>", cut at 64 characters). */
const recordOf = (optionId: string): Explanation | undefined => {
  const bare = optionId.replace(/^(why|what)-/, '');
  return kb.explanations.find((x) => x.id === bare || x.id.startsWith(bare));
};
const keyRecord = (q: BankQuestion): Explanation | undefined =>
  idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
const wrongRecords = (q: BankQuestion): Explanation[] =>
  (q.prompt.options ?? [])
    .filter((o) => !q.key.optionIds?.includes(o.id))
    .map((o) => recordOf(o.id))
    .filter((x): x is Explanation => x !== undefined);
const quotesOf = (x: Explanation): string =>
  x.citations.map((c) => idx.citations.get(c)?.quote ?? '').join(' ');

/** Iran's standing aims in Syria (audit 4, item 67): arguably behind any Iranian or Syrian step. */
const STANDING_AIM = /\b(corridor|counterweight|foothold|resistance|land route|Mediterranean)\b/i;

describe('why-items (explain-step, why-contrast) on the real KB', () => {
  it('are proposed in number but withheld from the bank until their wrong options pass an audit', () => {
    const n = (t: string) => whyItems.filter((q) => q.template === t).length;
    expect(n('explain-step')).toBeGreaterThanOrEqual(15);
    expect(n('why-contrast')).toBeGreaterThanOrEqual(8);
    expect(TEMPLATES.map((t) => t.id)).not.toEqual(
      expect.arrayContaining(['explain-step', 'why-contrast']),
    );
    expect(questions.filter((q) => ['explain-step', 'why-contrast'].includes(q.template))).toEqual(
      [],
    );
  });

  it('key the record they ask about, and requery finds no second key', () => {
    for (const q of whyItems.filter((w) => ['explain-step', 'why-contrast'].includes(w.template))) {
      const x = keyRecord(q);
      expect(x).toBeDefined();
      expect(q.key.optionIds).toHaveLength(1);
      expect(recordOf(q.key.optionIds?.[0] ?? '')?.id).toBe(x?.id);
      for (const o of wrongRecords(q)) {
        expect([o.id, o.topic === x?.topic, o.answer === x?.answer]).toEqual([o.id, false, false]);
      }
    }
  });

  it('take every wrong option from another party or from a step the other way (contrastFault)', () => {
    const faults = whyItems.flatMap((q) => {
      const x = keyRecord(q);
      return x
        ? wrongRecords(q)
            .map((o) => [q.stem, o.id, contrastFault(idx, x, o)] as const)
            .filter(([, , f]) => f !== null)
        : [[q.stem, 'no key record', 'missing'] as const];
    });
    expect(faults).toEqual([]);
  });

  it('never offer a standing Iranian aim for an Iranian or Syrian step, nor a reason so broad it fits anything', () => {
    const alliance = new Set(['iran', 'syria', 'hezbollah']);
    const bad = whyItems
      .filter((q) => q.template === 'why-contrast' || q.template === 'explain-why')
      .flatMap((q) => {
        const own = alliance.has(deciderOf(keyRecord(q)?.topic ?? '') ?? '');
        return wrongRecords(q).map((o) => [q.stem, o.answer, own] as const);
      })
      .filter(([, a, own]) => (own && STANDING_AIM.test(a)) || GENERIC_REASON.test(a));
    expect(bad).toEqual([]);
  });

  it("show no wrong option whose cited passages carry the key's reason, nor a wrong reason the key's passages give", () => {
    const bad: string[] = [];
    for (const q of whyItems) {
      const x = keyRecord(q);
      if (!x) {
        continue;
      }
      const keyReason = [...ownWords(x.answer)].filter((t) => t.length > 4);
      const keyPassages = ownWords(quotesOf(x));
      for (const o of wrongRecords(q)) {
        const theirPassages = ownWords(quotesOf(o));
        const carried = keyReason.filter((t) => theirPassages.has(t));
        // Two distinctive words of the key's reason in the wrong step's own passages would let a
        // reader argue that source gives the same reason there.
        if (carried.length >= 2) {
          bad.push(`${q.stem} | ${o.id} carries ${carried.join(', ')}`);
        }
        const wrongReason = [...ownWords(o.answer)].filter((t) => t.length > 4);
        const given = wrongReason.filter((t) => keyPassages.has(t));
        if (q.template === 'why-contrast' && given.length >= 2) {
          bad.push(`${q.stem} | key passages give ${given.join(', ')} of ${o.id}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('give each wrong option feedback that says what is true of it, never the key again', () => {
    for (const q of whyItems) {
      const key = q.key.rationales?.find((r) => r.isCorrect);
      for (const r of q.key.rationales?.filter((w) => !w.isCorrect) ?? []) {
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.text).not.toContain(key?.text ?? '∅');
        expect(r.text).toMatch(/^According to /);
      }
    }
  });
});

describe('contrastFault: the audits’ true distractors stay out', () => {
  const x = (id: string): Explanation => {
    const r = idx.explanations.get(id);
    if (!r) {
      throw new Error(`no explanation ${id}`);
    }
    return r;
  };

  it.each([
    // Audit 4: relaxations offered these, and a reviewer rightly called them true.
    ['israeli-strikes-forced-irgc-pullback', 'suspected-syrian-leaks-eroded-trust'],
    ['israeli-warning-kept-syria-out', 'arab-rapprochement-worried-tehran'],
    // Audit 4, item 67: Iran's standing aim behind another Iranian step.
    ['iran-fears-economic-competitors', 'iran-sought-long-term-foothold'],
    // One war, one story: Khamenei's backing and Chizari's training mission.
    [
      'chizari-sent-to-train-security-services',
      'khamenei-supports-islamic-anti-american-movements',
    ],
    // Same side, same direction: preventing Assad's fall and the land corridor.
    ['land-corridor-tehran-beirut', 'iran-early-support-to-prevent-assads-fall'],
  ])('%s is not refuted by %s', (a, b) => {
    expect(contrastFault(idx, x(a), x(b))).not.toBeNull();
  });

  it.each([
    // Another party's step, another time: Germany's deportation debate beside Hafez's choice.
    ['hafez-sought-counterweight-to-israel-and-iraq', 'scholz-remarks-answered-police-murder'],
    // The United States' step beside the cooling of the 2020s.
    ['gaza-neutrality-drove-decline', 'irgc-syria-role-fed-nuclear-deal-exit'],
  ])('%s may face %s', (a, b) => {
    expect(contrastFault(idx, x(a), x(b))).toBeNull();
  });

  it('names the party that takes each step', () => {
    expect(deciderOf('Russia bolstered its presence in Syria')).toBe('russia');
    expect(deciderOf('Damascus avoided involvement in the Gaza conflict')).toBe('syria');
    expect(deciderOf('Sanctions on Iran Air were expanded again')).toBe('united-states');
    expect(deciderOf('The United States withdrew from the 2015 nuclear deal')).toBe(
      'united-states',
    );
    expect(deciderOf('Iran pushed into Syria’s economy')).toBe('iran');
  });
});

/**
 * What the audit-check case files share: clean items from a few templates' drafts (`finalise`, no
 * gate, never the built bank; see audit-checks.test.ts), the BLOCK findings of a case, and a
 * verdict per draft judged once per file, since a mutant that blocks every draft would otherwise
 * have each case re-check them all and time out instead of failing.
 */
import { finalise } from '../generator/build-bank';
import type { KbIndex } from '../generator/kb-index';
import { seededRng } from '../generator/rng';
import { TEMPLATES } from '../generator/templates';
import type { BankQuestion } from '../types';
import { checkQuestion } from '.';

/** The findings of `q`; with `strict`, any finding that is not { id, severity, message } throws. */
const findingsOf = (q: BankQuestion, index: KbIndex, strict: boolean) => {
  const all = checkQuestion(q, index);
  for (const f of strict ? all : []) {
    if (
      typeof f !== 'object' ||
      !/^[A-Z]\d+$/.test(f.id) ||
      !['BLOCK', 'WARN'].includes(f.severity) ||
      f.message.length === 0
    ) {
      throw new Error(`malformed finding ${JSON.stringify(f)}`);
    }
  }
  return all;
};

/**
 * The drafts of `templates` (a set, so each case finds the draft it found among all templates, in
 * registry order) finalised with `seed`, and the helpers over them.
 */
export const auditCases = (
  idx: KbIndex,
  templates: ReadonlySet<string>,
  seed: number,
  { strict = false }: { strict?: boolean } = {},
) => {
  const rng = seededRng(seed);
  const drafts: BankQuestion[] = TEMPLATES.filter((t) => templates.has(t.id)).flatMap((t) =>
    t.generate(idx).flatMap((group) => group.map((d) => finalise(d, rng))),
  );
  /** The BLOCK findings of `q`. */
  const findings = (q: BankQuestion, index: KbIndex = idx) =>
    findingsOf(q, index, strict).filter((f) => f.severity === 'BLOCK');
  const blocks = (q: BankQuestion, index: KbIndex = idx): string[] =>
    findings(q, index).map((f) => f.id);
  const clone = (q: BankQuestion): BankQuestion => JSON.parse(JSON.stringify(q)) as BankQuestion;
  const verdicts = new Map<BankQuestion, boolean>();
  const passes = (x: BankQuestion): boolean => {
    const v = verdicts.get(x) ?? blocks(x).length === 0;
    verdicts.set(x, v);
    return v;
  };
  /** A copy of the first draft of the kind the case needs that passes every check. */
  const clean = (p: (q: BankQuestion) => boolean): BankQuestion => {
    const q = drafts.find((x) => p(x) && passes(x));
    if (!q) {
      throw new Error('no such clean draft');
    }
    return clone(q);
  };
  return { drafts, findings, blocks, clone, clean };
};

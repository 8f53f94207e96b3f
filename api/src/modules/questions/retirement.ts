/**
 * Corrections reach the sets (issue 11.7). When the rebuilt bank no longer has a question that
 * sets, attempts or review cards still use, the question is retired: kept (finished attempts keep
 * their scores), never served in a new attempt, and shown to the teacher with the reason and the
 * rebuilt bank's nearest question. Pure: storeBank and the seed do the I/O.
 */
import { checkQuestion } from './gate';
import type { KbIndex } from './generator';
import type { BankQuestion } from './types';

export type RetiredReason = 'FACTS_CHANGED' | 'GATE_BLOCKED';

export type Retirement = { reason: RetiredReason; note: string };

const MAX_LISTED = 3;

const listed = (items: readonly string[]): string =>
  items.length <= MAX_LISTED
    ? items.join('; ')
    : `${items.slice(0, MAX_LISTED).join('; ')} and ${items.length - MAX_LISTED} more`;

/**
 * Why a stored question left the bank, judged against the rebuilt knowledge base: a fact it rests
 * on is gone (corrected facts get new ids), the gate now blocks it (its checks say why), or
 * (neither) the generator now words or builds the item differently.
 */
export const retirementOf = (question: BankQuestion, idx: KbIndex): Retirement => {
  const missing = question.factIds.filter((id) => !idx.facts.has(id));
  if (missing.length > 0) {
    return {
      reason: 'FACTS_CHANGED',
      note: `Facts it rests on were corrected or removed from the knowledge base: ${listed(missing)}.`,
    };
  }
  const blocks = checkQuestion(question, idx).filter((finding) => finding.severity === 'BLOCK');
  if (blocks.length > 0) {
    return {
      reason: 'GATE_BLOCKED',
      note: `The quality gate now blocks it: ${listed(blocks.map((b) => `${b.message} (${b.id})`))}.`,
    };
  }
  return {
    reason: 'FACTS_CHANGED',
    note: 'The rebuilt bank asks about these facts differently (a corrected key, options or wording).',
  };
};

const overlap = (a: readonly string[], b: readonly string[]): number => {
  const set = new Set(a);
  return b.filter((x) => set.has(x)).length;
};

const sameFacts = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && overlap(a, b) === a.length;

/**
 * The rebuilt bank's question to offer instead: the same facts and template first, then the same
 * template sharing the most facts, then any template sharing the most facts; never one the set
 * already holds; ties go to the same type, then the lowest id (stable across runs). Null when no
 * new question shares a fact.
 */
export const replacementFor = (
  retired: Pick<BankQuestion, 'id' | 'template' | 'type' | 'factIds'>,
  bank: readonly Pick<BankQuestion, 'id' | 'template' | 'type' | 'factIds'>[],
  exclude: ReadonlySet<string> = new Set(),
): string | null => {
  let best: { id: string; score: number } | null = null;
  for (const candidate of bank) {
    if (candidate.id === retired.id || exclude.has(candidate.id)) {
      continue;
    }
    const shared = overlap(retired.factIds, candidate.factIds);
    if (shared === 0) {
      continue;
    }
    const sameTemplate = candidate.template === retired.template;
    // Tiers: same facts and template (3), same template (2), other template (1); then shared
    // facts, then the same type.
    const tier = sameTemplate ? (sameFacts(retired.factIds, candidate.factIds) ? 3 : 2) : 1;
    const score = tier * 10_000 + shared * 10 + (candidate.type === retired.type ? 1 : 0);
    if (!best || score > best.score || (score === best.score && candidate.id < best.id)) {
      best = { id: candidate.id, score };
    }
  }
  return best?.id ?? null;
};

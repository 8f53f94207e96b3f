import type { DbClient, Prisma, Question } from '@quiz/prisma';
import { type Retirement, replacementFor } from './retirement';
import { refreshQuestionFacets } from './service/facets';
import type { BankQuestion, QuestionKey, QuestionPrompt } from './types';

// The JSON columns hold exactly these shapes (written by storeBank and the teacher editor).
export const promptOf = (row: Pick<Question, 'prompt'>): QuestionPrompt =>
  row.prompt as unknown as QuestionPrompt;
export const keyOf = (row: Pick<Question, 'key'>): QuestionKey => row.key as unknown as QuestionKey;

/** A stored question in the generator's shape (for generateQuestions over the stored bank). */
export const toBankQuestion = (row: Question): BankQuestion => ({
  id: row.id,
  type: row.type,
  template: row.template,
  stem: row.stem,
  prompt: promptOf(row),
  key: keyOf(row),
  explanation: row.explanation,
  citationIds: row.citationIds,
  factIds: row.factIds,
  eraSlug: row.eraSlug,
  themes: row.themes,
  actorSlugs: row.actorSlugs,
  difficulty: row.difficulty,
  clueKeys: row.clueKeys,
});

const toRow = (question: BankQuestion, now: Date): Prisma.QuestionCreateManyInput => ({
  id: question.id,
  origin: 'GENERATED',
  type: question.type,
  template: question.template,
  stem: question.stem,
  prompt: question.prompt as Prisma.InputJsonValue,
  key: question.key as Prisma.InputJsonValue,
  explanation: question.explanation,
  citationIds: question.citationIds,
  factIds: question.factIds,
  eraSlug: question.eraSlug,
  themes: question.themes,
  actorSlugs: question.actorSlugs,
  difficulty: question.difficulty,
  clueKeys: question.clueKeys ?? [],
  createdAt: now,
  updatedAt: now,
});

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );

/** The content that makes a question what it is (ids and timestamps aside). */
const contentOf = (question: BankQuestion): string =>
  canonical([
    question.type,
    question.template,
    question.stem,
    question.prompt,
    question.key,
    question.explanation,
    question.citationIds,
    question.factIds,
    question.eraSlug,
    question.themes,
    question.actorSlugs,
    question.difficulty,
  ]);

export type StoreBankResult = {
  created: number;
  updated: number;
  /** Changed in the generator but kept as stored, because sets or attempts use them. */
  keptReferenced: number;
  removed: number;
  /** No longer generated but kept, because sets or attempts use them (all of them retired). */
  keptObsolete: number;
  /** Of those, retired by this run (or their reason or replacement changed). */
  retired: number;
  /** Retired before, generated again: back in service. */
  restored: number;
};

/** Without a knowledge base to judge against (tests), a question that left the bank is "changed". */
const DEFAULT_RETIREMENT: Retirement = {
  reason: 'FACTS_CHANGED',
  note: 'The rebuilt bank no longer has it.',
};

/**
 * Stores the generator's bank as GENERATED questions, idempotently. Questions are immutable once
 * a set or an attempt refers to them: such rows are never changed or removed; unreferenced rows
 * follow the generator (updated when their content changed, removed when no longer produced).
 * A referenced row the bank no longer produces is retired (issue 11.7) with the reason `retire`
 * gives and the rebuilt bank's nearest question as its replacement; it is never served in a new
 * attempt, and finished attempts keep their scores. A retired row produced again is restored.
 */
export const storeBank = async ({
  db,
  questions,
  now,
  retire = () => DEFAULT_RETIREMENT,
}: {
  db: DbClient;
  questions: readonly BankQuestion[];
  now: Date;
  /** Why a question left the bank (retirementOf, judged against the rebuilt KB). */
  retire?: (question: BankQuestion) => Retirement;
}): Promise<StoreBankResult> => {
  const stored = await db.question.findMany({ where: { origin: 'GENERATED' } });
  const referenced = new Set(
    (
      await db.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT "questionId" AS id FROM "QuestionSetItem"
        UNION SELECT DISTINCT "questionId" FROM "AttemptItem"
        UNION SELECT DISTINCT "questionId" FROM "ReviewCard"`
    ).map((row) => row.id),
  );
  const byId = new Map(stored.map((row) => [row.id, row]));
  const wanted = new Set(questions.map((question) => question.id));
  const result: StoreBankResult = {
    created: 0,
    updated: 0,
    keptReferenced: 0,
    removed: 0,
    keptObsolete: 0,
    retired: 0,
    restored: 0,
  };
  const fresh = questions.filter((question) => !byId.has(question.id));
  if (fresh.length > 0) {
    result.created = (
      await db.question.createMany({ data: fresh.map((q) => toRow(q, now)), skipDuplicates: true })
    ).count;
  }
  for (const question of questions) {
    const row = byId.get(question.id);
    if (!row || contentOf(toBankQuestion(row)) === contentOf(question)) {
      continue;
    }
    if (referenced.has(question.id)) {
      result.keptReferenced += 1;
      continue;
    }
    const { id: _id, createdAt: _createdAt, ...data } = toRow(question, now);
    await db.question.update({ where: { id: question.id }, data });
    result.updated += 1;
  }
  // Which questions give each other away depends on the whole bank, not on what a student sees
  // of one, so the keys follow the generator on referenced rows too.
  for (const question of questions) {
    const row = byId.get(question.id);
    const keys = question.clueKeys ?? [];
    if (row && row.clueKeys.join('\n') !== keys.join('\n')) {
      await db.question.update({ where: { id: question.id }, data: { clueKeys: keys } });
    }
  }
  const obsolete = stored.filter((row) => !wanted.has(row.id));
  const removable = obsolete.filter((row) => !referenced.has(row.id)).map((row) => row.id);
  result.keptObsolete = obsolete.length - removable.length;
  if (removable.length > 0) {
    result.removed = (await db.question.deleteMany({ where: { id: { in: removable } } })).count;
  }
  for (const row of obsolete.filter((r) => referenced.has(r.id))) {
    const question = toBankQuestion(row);
    const { reason, note } = retire(question);
    const replacementId = replacementFor(question, questions);
    if (
      row.retiredAt &&
      row.retiredReason === reason &&
      row.retiredNote === note &&
      row.replacementId === replacementId
    ) {
      continue;
    }
    await db.question.update({
      where: { id: row.id },
      data: {
        retiredAt: row.retiredAt ?? now,
        retiredReason: reason,
        retiredNote: note,
        replacementId,
      },
    });
    result.retired += 1;
  }
  const back = stored.filter((row) => row.retiredAt && wanted.has(row.id)).map((row) => row.id);
  if (back.length > 0) {
    result.restored = (
      await db.question.updateMany({
        where: { id: { in: back } },
        data: { retiredAt: null, retiredReason: null, retiredNote: null, replacementId: null },
      })
    ).count;
  }
  // Every question, not only the written ones: the knowledge base may have been reloaded.
  await refreshQuestionFacets(db);
  return result;
};

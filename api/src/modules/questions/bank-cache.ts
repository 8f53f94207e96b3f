import type { DbClient, Question } from '@quiz/prisma';

/**
 * An in-process cache of questions by id. A question's content never changes once a set or an
 * attempt uses it (edits write a new row), so caching by id is safe: this is a cache, not state,
 * and every process fills its own. Bounded; the oldest entries go first.
 */
const MAX_ENTRIES = 20_000;
const cache = new Map<string, Question>();

const remember = (row: Question): void => {
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) {
      cache.delete(oldest.value);
    }
  }
  cache.set(row.id, row);
};

/** Questions by id, from the cache or (for the misses) one query. Missing ids map to null. */
export const loadQuestionsById = async (
  db: DbClient,
  ids: readonly string[],
): Promise<(Question | null)[]> => {
  const missing = [...new Set(ids.filter((id) => !cache.has(id)))];
  if (missing.length > 0) {
    const rows = await db.question.findMany({ where: { id: { in: missing } } });
    for (const row of rows) {
      remember(row);
    }
  }
  return ids.map((id) => cache.get(id) ?? null);
};

/** For tests and the seed: forget everything. */
export const clearQuestionCache = (): void => {
  cache.clear();
};

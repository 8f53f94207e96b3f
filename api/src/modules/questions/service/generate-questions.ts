import { randomInt } from 'node:crypto';
import type { DbClient, Question, QuestionType } from '@quiz/prisma';
import { AppError } from '../../../errors';
import { getKnowledgeSnapshot } from '../../knowledge/snapshot';
import { toBankQuestion } from '../bank';
import { generateQuestions } from '../generator';

export type GenerateBankQuestionsOptions = {
  db: DbClient;
  input: {
    types?: readonly QuestionType[] | null;
    eras?: readonly string[] | null;
    actors?: readonly string[] | null;
    themes?: readonly string[] | null;
    minDifficulty?: number | null;
    maxDifficulty?: number | null;
    count: number;
    seed?: number | null;
  };
  /** Used when no seed is given. */
  randomSeed?: () => number;
};

export const GENERATE_MAX = 50;

/**
 * Draws questions for a teacher with the generator's selection (spread over types and eras)
 * over the stored bank, so every question returned exists and can go into a set. The same seed
 * and filters give the same questions.
 */
export const generateBankQuestions = async ({
  db,
  input,
  randomSeed = () => randomInt(2 ** 31),
}: GenerateBankQuestionsOptions): Promise<{ questions: Question[]; available: number }> => {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > GENERATE_MAX) {
    throw new AppError('BAD_USER_INPUT', `count must be between 1 and ${GENERATE_MAX}`, {
      field: 'count',
    });
  }
  const min = input.minDifficulty ?? 0;
  const max = input.maxDifficulty ?? 1;
  if (min < 0 || max > 1 || min > max) {
    throw new AppError('BAD_USER_INPUT', 'Difficulty bounds must satisfy 0 ≤ min ≤ max ≤ 1', {
      field: 'minDifficulty',
    });
  }
  const rows = await db.question.findMany({
    where: { origin: 'GENERATED', deletedAt: null, retiredAt: null },
    orderBy: { id: 'asc' },
  });
  // Eras by the eras a question touches (eraSlugs: a cross-era ordering is in each of its eras),
  // not only its own era, which cross-era questions lack; the generator filters the rest.
  const eras = input.eras?.length ? new Set(input.eras) : null;
  const pool = eras
    ? rows.filter(
        (row) =>
          row.eraSlugs.some((era) => eras.has(era)) ||
          (row.eraSlug !== null && eras.has(row.eraSlug)),
      )
    : rows;
  const bank = pool.map(toBankQuestion);
  const ranked = generateQuestions({
    kb: await getKnowledgeSnapshot(db),
    seed: input.seed ?? randomSeed(),
    bank,
    filters: {
      ...(input.types?.length ? { types: [...input.types] } : {}),
      ...(input.actors?.length ? { actors: [...input.actors] } : {}),
      ...(input.themes?.length ? { themes: [...input.themes] } : {}),
      difficulty: { min, max },
      // Everything that matches, in the draw order: its length is what is available.
      count: bank.length,
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    questions: ranked
      .slice(0, input.count)
      .map((question) => byId.get(question.id))
      .filter((row): row is Question => row !== undefined),
    available: ranked.length,
  };
};

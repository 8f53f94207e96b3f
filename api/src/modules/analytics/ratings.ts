/**
 * Stores the Elo fit of elo.ts. The update rides in the answer's own statement (one statement is
 * one transaction, and the answer path keeps its statement budget), as two atomic upserts: each
 * computes its new value from the row it locks, so concurrent answers from any number of API
 * processes never lose an update and no process keeps ratings in memory. Without concurrency the
 * result equals `eloUpdate` exactly (ratings.test.ts checks it against the database); under
 * concurrency each side reads the other side's rating from the statement's snapshot.
 */
import { type DbClient, Prisma, type Question } from '@quiz/prisma';
import { pgTimestamp } from '../../lib/pg-time';
import { promptOf } from '../questions/bank';
import { difficultyFromPrior, ELO, estimateStatus, expectedCorrect, guessFloor } from './elo';

/** What the answer statement needs to rate a first answer. */
export type RatingWrite = {
  userId: string;
  questionId: string;
  /** The answer's credit in [0, 1]. */
  outcome: number;
  guess: number;
  /** The item's starting difficulty (logits) if it has no rating yet. */
  priorDifficulty: number;
  now: Date;
};

const optionCountOf = (question: Pick<Question, 'prompt'>): number => {
  const prompt = promptOf(question);
  return (prompt.options ?? prompt.items ?? []).length;
};

export const guessOf = (question: Pick<Question, 'type' | 'prompt'>): number =>
  guessFloor(question.type, optionCountOf(question));

/** The rating inputs of an answer; timed-out answers say nothing about knowledge and are skipped. */
export const ratingWrite = ({
  userId,
  question,
  credit,
  timedOut,
  now,
}: {
  userId: string;
  question: Pick<Question, 'id' | 'type' | 'prompt' | 'difficulty'>;
  credit: number;
  timedOut: boolean;
  now: Date;
}): RatingWrite | null => {
  if (timedOut) {
    return null;
  }
  const guess = guessOf(question);
  return {
    userId,
    questionId: question.id,
    outcome: Math.min(1, Math.max(0, credit)),
    guess,
    priorDifficulty: difficultyFromPrior(question.difficulty, guess),
    now,
  };
};

/** P(correct) in SQL, the same formula as `expectedCorrect`. */
const expectedSql = (guess: number, ability: Prisma.Sql, difficulty: Prisma.Sql) =>
  Prisma.sql`(${guess}::double precision + (1 - ${guess}::double precision)
    / (1 + exp(-((${ability}) - (${difficulty})))))`;

/** U(n) in SQL, the same formula as `stepSize`. */
const stepSql = (answers: Prisma.Sql) =>
  Prisma.sql`(${ELO.alpha}::double precision / (1 + ${ELO.beta}::double precision * (${answers})))`;

/**
 * CTEs to append to a statement whose CTE `written` holds the just-written AttemptItem row (none
 * when the guarded write did not happen). Only the player's first answer to the question counts:
 * an earlier answered item of the same player and question (in any attempt) skips the update.
 * That check reads the statement's snapshot, so two answers to one question in two attempts at
 * once both passed it; the claim row (`RatedAnswer`, ON CONFLICT DO NOTHING waits for the other
 * insert and then sees it) lets exactly one of them through. Guests' answers are not rated: the
 * measure is shared by every teacher whose set holds the question and, from 30 answers, replaces a
 * class's own share in the easy/hard flags, while a guest name costs one request (30 guests moved a
 * bank question to TOO_HARD for everyone); an account costs a sign-up under its throttles.
 */
export const ratingCtes = (rating: RatingWrite) => {
  const at = Prisma.sql`${pgTimestamp(rating.now)}::timestamp(3)`;
  const x = Prisma.sql`${rating.outcome}::double precision`;
  const b0 = Prisma.sql`${rating.priorDifficulty}::double precision`;
  return Prisma.sql`
    no_earlier_answer AS (
      SELECT 1 FROM written w
      WHERE NOT EXISTS (
        SELECT 1 FROM "AttemptItem" i JOIN "Attempt" a ON a.id = i."attemptId"
        WHERE a."userId" = ${rating.userId}::uuid AND i."questionId" = ${rating.questionId}
          AND i."answeredAt" IS NOT NULL
          AND NOT (i."attemptId" = w."attemptId" AND i."position" = w."position"))
        -- Guests do not rate: a guest costs one request, and the measure is every teacher's.
        AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = ${rating.userId}::uuid AND u."isGuest")),
    first_answer AS (
      INSERT INTO "RatedAnswer" ("userId", "questionId")
      SELECT ${rating.userId}::uuid, ${rating.questionId} FROM no_earlier_answer
      ON CONFLICT DO NOTHING
      RETURNING 1),
    rating_before AS (
      SELECT coalesce(p."ability", 0) AS ability, coalesce(p."answerCount", 0) AS "playerAnswers",
        coalesce(r."difficulty", ${b0}) AS difficulty, coalesce(r."answerCount", 0) AS "itemAnswers"
      FROM first_answer
      LEFT JOIN "PlayerRating" p ON p."userId" = ${rating.userId}::uuid
      LEFT JOIN "ItemRating" r ON r."questionId" = ${rating.questionId}),
    item_rating AS (
      INSERT INTO "ItemRating" ("questionId", "difficulty", "answerCount", "updatedAt")
      SELECT ${rating.questionId},
        ${b0} - ${stepSql(Prisma.sql`${ELO.priorAnswers}`)}
          * (${x} - ${expectedSql(rating.guess, Prisma.sql`rb.ability`, b0)}),
        1, ${at}
      FROM rating_before rb
      ON CONFLICT ("questionId") DO UPDATE SET
        "difficulty" = "ItemRating"."difficulty"
          - ${stepSql(Prisma.sql`${ELO.priorAnswers} + "ItemRating"."answerCount"`)}
          * (${x} - ${expectedSql(
            rating.guess,
            Prisma.sql`(SELECT ability FROM rating_before)`,
            Prisma.sql`"ItemRating"."difficulty"`,
          )}),
        "answerCount" = "ItemRating"."answerCount" + 1,
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING 1),
    player_rating AS (
      INSERT INTO "PlayerRating" ("userId", "ability", "answerCount", "updatedAt")
      SELECT ${rating.userId}::uuid,
        ${stepSql(Prisma.sql`0`)} * (${x} - ${expectedSql(rating.guess, Prisma.sql`0`, Prisma.sql`rb.difficulty`)}),
        1, ${at}
      FROM rating_before rb
      ON CONFLICT ("userId") DO UPDATE SET
        "ability" = "PlayerRating"."ability"
          + ${stepSql(Prisma.sql`"PlayerRating"."answerCount"`)}
          * (${x} - ${expectedSql(
            rating.guess,
            Prisma.sql`"PlayerRating"."ability"`,
            Prisma.sql`(SELECT difficulty FROM rating_before)`,
          )}),
        "answerCount" = "PlayerRating"."answerCount" + 1,
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING 1)`;
};

/** An item's measured difficulty as a teacher reads it. */
export type MeasuredDifficulty = {
  answerCount: number;
  /** The expected share right of a typical player (θ = 0), guess floor included. */
  expectedCorrect: number;
  /** The same from the generator's prior alone. */
  priorExpectedCorrect: number;
  status: ReturnType<typeof estimateStatus>;
};

export const measuredDifficulty = (
  question: Pick<Question, 'type' | 'prompt' | 'difficulty'>,
  rating: { difficulty: number; answerCount: number } | null,
): MeasuredDifficulty => {
  const guess = guessOf(question);
  const prior = difficultyFromPrior(question.difficulty, guess);
  return {
    answerCount: rating?.answerCount ?? 0,
    expectedCorrect: expectedCorrect(0, rating?.difficulty ?? prior, guess),
    priorExpectedCorrect: expectedCorrect(0, prior, guess),
    status: estimateStatus(rating?.answerCount ?? 0),
  };
};

/** The ratings of some questions, by question id. */
export const loadItemRatings = async (
  db: DbClient,
  questionIds: readonly string[],
): Promise<Map<string, { difficulty: number; answerCount: number }>> => {
  if (questionIds.length === 0) {
    return new Map();
  }
  const rows = await db.itemRating.findMany({ where: { questionId: { in: [...questionIds] } } });
  return new Map(rows.map((row) => [row.questionId, row]));
};

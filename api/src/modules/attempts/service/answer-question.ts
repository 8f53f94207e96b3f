import {
  type AttemptItem,
  type AttemptStatus,
  type DbClient,
  Prisma,
  type Question,
  type ScoringMode,
} from '@quiz/prisma';
import { AppError, notFound } from '../../../errors';
import { isUuid } from '../../../lib/ids';
import { pgTimestamp } from '../../../lib/pg-time';
import {
  assertWithinLimit,
  consumeRateLimit,
  RATE_LIMITS,
  rateLimitSql,
} from '../../../lib/rate-limit';
import { queryRows } from '../../../lib/sql';
import { type RatingWrite, ratingCtes, ratingWrite } from '../../analytics/ratings';
import {
  questionPlayedLive,
  runningGamesOfQuestionSql,
  runningGamesSql,
  setPlayedLive,
} from '../../live/running';
import { keyOf, promptOf } from '../../questions/bank';
import { loadQuestionsById } from '../../questions/bank-cache';
import {
  InvalidResponseError,
  pointsFor,
  type Score,
  scoreResponse,
} from '../../questions/scoring';
import { sanitiseAnswerText } from '../../questions/short-answer';
import { QuestionResponse, SHORT_ANSWER_MAX_LENGTH } from '../../questions/types';
import type { AnswerResultParent, AttemptQuestionParent } from '../mappers';
import { idMapsOf, playerPrompt, storedResponse } from '../public-ids';
import { responseProblem } from '../responses';
import { reviewCard, type StoredCard } from '../review';
import { elapsedMs, isLate, isTimed } from '../rules';
import { attemptQuestionView } from '../views';

type ItemContext = AttemptItem & {
  status: AttemptStatus;
  scoringMode: ScoringMode;
  finishedAt: Date | null;
  isPractice: boolean;
  card: StoredCard | null;
  /**
   * Started since a live game of its set was created, which still runs, or held by a player
   * seated in that game (live/running.ts).
   */
  startedBesideLiveGame: boolean;
  /** The same, for a running game of another of the teacher's sets that plays this question. */
  questionBesideLiveGame: boolean;
};

const itemSql = (userId: string, attemptId: string, position: number, now: Date) => Prisma.sql`
  SELECT i.*, a."status", a."scoringMode", a."finishedAt", s."isPractice", rc."card",
    (a."userId" <> s."ownerId" AND EXISTS (
      SELECT 1 FROM (${runningGamesSql(Prisma.sql`a."setId"`, now)}) g
      WHERE g."createdAt" <= a."startedAt"
        OR EXISTS (SELECT 1 FROM "LiveGamePlayer" p
          WHERE p."gameId" = g.id AND p."userId" = a."userId"))) AS "startedBesideLiveGame",
    (a."userId" <> s."ownerId" AND EXISTS (
      SELECT 1 FROM (${runningGamesOfQuestionSql(Prisma.sql`q."authorId"`, Prisma.sql`i."questionId"`, Prisma.sql`q."stem"`, now)}) g
      WHERE g."createdAt" <= a."startedAt"
        OR EXISTS (SELECT 1 FROM "LiveGamePlayer" p
          WHERE p."gameId" = g.id AND p."userId" = a."userId"))) AS "questionBesideLiveGame"
  FROM "AttemptItem" i
  JOIN "Attempt" a ON a.id = i."attemptId"
  JOIN "QuestionSet" s ON s.id = a."setId"
  LEFT JOIN "Question" q ON q.id = i."questionId"
  LEFT JOIN "ReviewCard" rc ON rc."userId" = a."userId" AND rc."questionId" = i."questionId"
  WHERE i."attemptId" = ${attemptId}::uuid AND i."position" = ${position}
    AND a."userId" = ${userId}::uuid`;

const isItemRef = (attemptId: string, position: number): boolean =>
  isUuid(attemptId) && Number.isInteger(position) && position >= 0 && position <= 10_000;

/** The player's item with its attempt's state and the player's review card, in one statement. */
const loadItem = async (
  db: DbClient,
  userId: string,
  attemptId: string,
  position: number,
  now: Date,
): Promise<ItemContext | null> => {
  if (!isItemRef(attemptId, position)) {
    return null;
  }
  const rows = await queryRows<ItemContext>(db, itemSql(userId, attemptId, position, now));
  return rows[0] ?? null;
};

/**
 * The same, counting the request against the player's answer limit in the same statement (the
 * hot path: one round trip instead of two).
 */
const countAndLoadItem = async (
  db: DbClient,
  userId: string,
  attemptId: string,
  position: number,
  now: Date,
): Promise<ItemContext | null> => {
  if (!isItemRef(attemptId, position)) {
    await consumeRateLimit({ db, rule: RATE_LIMITS.answerPerUser, subject: userId, now });
    return null;
  }
  const rows = await queryRows<Partial<ItemContext> & { _count: number; _resetAt: Date }>(
    db,
    countAndLoadItemSql(userId, attemptId, position, now),
  );
  const row = rows[0];
  assertWithinLimit(
    RATE_LIMITS.answerPerUser,
    row && { count: row._count, resetAt: row._resetAt },
    now,
  );
  if (!row?.attemptId) {
    return null;
  }
  const { _count, _resetAt, ...item } = row;
  return item as ItemContext;
};

/** The first statement of `answerQuestion` (exported for the benchmark's floor server). */
export const countAndLoadItemSql = (
  userId: string,
  attemptId: string,
  position: number,
  now: Date,
) => Prisma.sql`
    WITH counted AS (${rateLimitSql({ rule: RATE_LIMITS.answerPerUser, subject: userId, now })})
    SELECT counted."count" AS "_count", counted."resetAt" AS "_resetAt", item.*
    FROM counted LEFT JOIN LATERAL (${itemSql(userId, attemptId, position, now)}) item ON true`;

/** The player's review card after this answer, when the answer moves it. */
export type CardWrite = { questionId: string; card: StoredCard; due: Date; lapses: number };

/**
 * The guarded write of `answerQuestion`: only an unanswered item of the player's unfinished
 * attempt matches (the share lock on the attempt row orders it against finishAttempt). A review
 * card change rides in the same statement and happens only if the answer is written, so a crash
 * can never leave an answer without its card (a repeated submission returns the stored answer
 * and would not write the card again).
 */
export const writeAnswerSql = ({
  userId,
  attemptId,
  position,
  now,
  response,
  isCorrect,
  credit,
  points,
  timedOut,
  grading = null,
  card,
  rating = null,
}: {
  userId: string;
  attemptId: string;
  position: number;
  now: Date;
  response: unknown;
  isCorrect: boolean;
  credit: number;
  points: number;
  timedOut: boolean;
  /** SHORT_ANSWER: how the typed answer was matched. */
  grading?: unknown;
  card?: CardWrite | null;
  /** The Elo update of a first answer (analytics/ratings.ts), in the same statement. */
  rating?: RatingWrite | null;
}) => {
  const at = pgTimestamp(now);
  const update = Prisma.sql`
    UPDATE "AttemptItem" SET
      "answeredAt" = ${at}::timestamp(3),
      "presentedAt" = coalesce("presentedAt", ${at}::timestamp(3)),
      "response" = ${JSON.stringify(response)}::jsonb,
      "isCorrect" = ${isCorrect},
      "credit" = ${credit}::double precision,
      "points" = ${points}::int,
      "timedOut" = ${timedOut},
      "grading" = ${grading === null ? null : JSON.stringify(grading)}::jsonb
    WHERE "attemptId" = ${attemptId}::uuid AND "position" = ${position}
      AND "answeredAt" IS NULL
      AND EXISTS (
        SELECT 1 FROM "Attempt" a
        WHERE a.id = ${attemptId}::uuid AND a."userId" = ${userId}::uuid
          AND a."status" = 'IN_PROGRESS'
        FOR SHARE)
    RETURNING *`;
  const ctes: Prisma.Sql[] = [];
  if (card) {
    ctes.push(Prisma.sql`
    card AS (
      INSERT INTO "ReviewCard" ("userId", "questionId", "card", "due", "lapses", "updatedAt")
      SELECT ${userId}::uuid, ${card.questionId}, ${JSON.stringify(card.card)}::jsonb,
        ${pgTimestamp(card.due)}::timestamp(3), ${card.lapses}::int, ${at}::timestamp(3)
      FROM written
      ON CONFLICT ("userId", "questionId") DO UPDATE SET
        "card" = EXCLUDED."card", "due" = EXCLUDED."due", "lapses" = EXCLUDED."lapses",
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING 1)`);
  }
  if (rating) {
    ctes.push(ratingCtes(rating));
  }
  if (ctes.length === 0) {
    return update;
  }
  return Prisma.sql`
    WITH written AS (${update}), ${Prisma.join(ctes, ', ')}
    SELECT * FROM written`;
};

const questionOf = async (db: DbClient, id: string): Promise<Question> => {
  const [question] = await loadQuestionsById(db, [id]);
  if (!question) {
    throw new Error(`Attempt item refers to a missing question ${id}`);
  }
  return question;
};

const view = (item: ItemContext, question: Question): AttemptQuestionParent =>
  attemptQuestionView({
    item,
    question,
    status: item.status,
    scoringMode: item.scoringMode,
    finishedAt: item.finishedAt,
  });

export type OpenQuestionOptions = {
  db: DbClient;
  userId: string;
  attemptId: string;
  position: number;
  now: Date;
};

/**
 * Shows a question of the player's attempt and starts its clock: `presentedAt` is stamped once
 * (a guarded update), so opening again never restarts the clock.
 */
export const openQuestion = async ({
  db,
  userId,
  attemptId,
  position,
  now,
}: OpenQuestionOptions): Promise<AttemptQuestionParent> => {
  const item = await loadItem(db, userId, attemptId, position, now);
  if (!item) {
    throw notFound('Question of this attempt');
  }
  const question = await questionOf(db, item.questionId);
  if (item.presentedAt || item.status !== 'IN_PROGRESS') {
    return view(item, question);
  }
  // A held answer (a live game plays it) must not start a timed question's clock: it would run
  // out while the answer waits for the game's end, and an honest student would score nothing.
  if (isTimed(item) && (item.startedBesideLiveGame || item.questionBesideLiveGame)) {
    throw item.startedBesideLiveGame ? setPlayedLive() : questionPlayedLive();
  }
  const stamped = await db.$queryRaw<{ presentedAt: Date }[]>`
    UPDATE "AttemptItem" SET "presentedAt" = ${pgTimestamp(now)}::timestamp(3)
    WHERE "attemptId" = ${attemptId}::uuid AND "position" = ${position}
      AND "presentedAt" IS NULL
    RETURNING "presentedAt"`;
  if (stamped[0]) {
    return view({ ...item, presentedAt: stamped[0].presentedAt }, question);
  }
  // Another request stamped it first: show its time.
  const fresh = await loadItem(db, userId, attemptId, position, now);
  return view(fresh ?? item, question);
};

export type AnswerQuestionOptions = OpenQuestionOptions & {
  response: {
    optionIds?: readonly string[] | null;
    order?: readonly string[] | null;
    pairs?: readonly { itemId: string; targetId: string }[] | null;
    year?: number | null;
    text?: string | null;
  };
};

const clean = (response: AnswerQuestionOptions['response']) => ({
  ...(response.optionIds ? { optionIds: [...response.optionIds] } : {}),
  ...(response.order ? { order: [...response.order] } : {}),
  ...(response.pairs
    ? { pairs: response.pairs.map((pair) => ({ itemId: pair.itemId, targetId: pair.targetId })) }
    : {}),
  ...(response.year !== null && response.year !== undefined ? { year: response.year } : {}),
  // Stored as shown back in review: without controls, NUL or lone surrogates (jsonb refuses them).
  ...(response.text !== null && response.text !== undefined
    ? { text: sanitiseAnswerText(response.text) }
    : {}),
});

const stored = (item: AttemptItem, question: Question): AnswerResultParent => ({
  item: item as AttemptItem & { answeredAt: Date },
  question,
});

/**
 * Locks the player's answer. The server stamps the time and enforces the limit (an answer later
 * than the deadline plus 1 s of grace is stored as timed out with 0 points), checks the response
 * against the question, scores it, and writes it once: the update only matches an unanswered
 * item of an unfinished attempt, so a repeated or concurrent submission gets the stored result
 * and never scores twice.
 */
export const answerQuestion = async ({
  db,
  userId,
  attemptId,
  position,
  response,
  now,
}: AnswerQuestionOptions): Promise<AnswerResultParent> => {
  const item = await countAndLoadItem(db, userId, attemptId, position, now);
  if (!item) {
    throw notFound('Question of this attempt');
  }
  const question = await questionOf(db, item.questionId);
  if (item.answeredAt) {
    return stored(item, question);
  }
  if (item.status !== 'IN_PROGRESS') {
    throw new AppError('CONFLICT', 'The attempt is finished');
  }
  if (item.startedBesideLiveGame) {
    throw setPlayedLive();
  }
  if (item.questionBesideLiveGame) {
    throw questionPlayedLive();
  }
  // Before the response is held against the prompt: those refusals would describe a concealed
  // prompt (its option count, a year's bounds, the type's shape) to a player who has not opened it.
  if (!item.presentedAt && isTimed(item)) {
    throw new AppError('CONFLICT', 'Open the question before answering it (its clock starts then)');
  }
  const prompt = promptOf(question);
  // The player answers in public ids (public-ids.ts); checked and scored in the stored ones.
  const parsed = QuestionResponse.transform((value) =>
    storedResponse(value, idMapsOf(playerPrompt(question))),
  ).safeParse(clean(response));
  const problem = parsed.success
    ? responseProblem(question.type, prompt, parsed.data)
    : parsed.error.issues[0]?.path[0] === 'text'
      ? `Keep the answer to ${SHORT_ANSWER_MAX_LENGTH} characters`
      : 'The response has the wrong shape';
  if (!parsed.success || problem) {
    throw new AppError('BAD_USER_INPUT', problem ?? 'Invalid response', { field: 'response' });
  }
  const timing = { presentedAt: item.presentedAt ?? now, timeLimitSec: item.timeLimitSec };
  const late = isLate(timing, now);
  let score: Score;
  try {
    score = late
      ? { credit: 0, isCorrect: false }
      : scoreResponse({ type: question.type, prompt, key: keyOf(question), response: parsed.data });
  } catch (error) {
    if (error instanceof InvalidResponseError) {
      throw new AppError('BAD_USER_INPUT', error.message, { field: 'response' });
    }
    throw error;
  }
  const points = late
    ? 0
    : pointsFor({
        credit: score.credit,
        scoringMode: item.scoringMode,
        elapsedMs: elapsedMs(timing, now),
        timeLimitMs: item.timeLimitSec === null ? null : item.timeLimitSec * 1000,
      });
  const written = await queryRows<AttemptItem>(
    db,
    writeAnswerSql({
      card: cardAfter({ item, isCorrect: score.isCorrect && !late, now }),
      rating: ratingWrite({ userId, question, credit: score.credit, timedOut: late, now }),
      userId,
      attemptId,
      position,
      now,
      response: parsed.data,
      isCorrect: score.isCorrect,
      credit: score.credit,
      points,
      timedOut: late,
      grading: score.grading ?? null,
    }),
  );
  const row = written[0];
  if (!row) {
    // Lost a race: another submission locked it first, or the attempt was finished meanwhile.
    const now2 = await loadItem(db, userId, attemptId, position, now);
    if (now2?.answeredAt) {
      return stored(now2, question);
    }
    throw new AppError('CONFLICT', 'The attempt is finished');
  }
  return stored(row, question);
};

/**
 * Spaced repetition: in practice and review every answer moves the player's card for the
 * question; in normal play only mistakes do (they create the card). Null when it does not move.
 */
const cardAfter = ({
  item,
  isCorrect,
  now,
}: {
  item: ItemContext;
  isCorrect: boolean;
  now: Date;
}): CardWrite | null => {
  const moves = item.isPractice ? item.card !== null || !isCorrect : !isCorrect;
  if (!moves) {
    return null;
  }
  const next = reviewCard(item.card, isCorrect, now);
  return { questionId: item.questionId, card: next.card, due: next.due, lapses: next.lapses };
};

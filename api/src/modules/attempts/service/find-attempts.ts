import {
  type Attempt,
  type AttemptItem,
  type DbClient,
  Prisma,
  type QuestionSet,
} from '@quiz/prisma';
import { AppError } from '../../../errors';
import { pageSize } from '../../../lib/cursor';
import { isUuid } from '../../../lib/ids';
import { pgTimestamp } from '../../../lib/pg-time';
import { queryRows } from '../../../lib/sql';

export type Json = Record<string, unknown>;
const time = (value: unknown): Date | null =>
  typeof value === 'string' ? new Date(value.endsWith('Z') ? value : `${value}Z`) : null;

/** Rows that come back through json_agg: timestamps without a zone are UTC. */
export const itemFromJson = (row: Json): AttemptItem => ({
  attemptId: row.attemptId as string,
  position: row.position as number,
  questionId: row.questionId as string,
  timeLimitSec: (row.timeLimitSec as number | null) ?? null,
  presentedAt: time(row.presentedAt),
  answeredAt: time(row.answeredAt),
  response: (row.response as AttemptItem['response']) ?? null,
  isCorrect: (row.isCorrect as boolean | null) ?? null,
  credit: (row.credit as number | null) ?? null,
  points: (row.points as number | null) ?? null,
  timedOut: row.timedOut as boolean,
  grading: (row.grading as AttemptItem['grading']) ?? null,
});

export const setFromJson = (row: Json): QuestionSet => ({
  id: row.id as string,
  ownerId: row.ownerId as string,
  classId: (row.classId as string | null) ?? null,
  title: row.title as string,
  description: row.description as string,
  status: row.status as QuestionSet['status'],
  shareCode: (row.shareCode as string | null) ?? null,
  scoringMode: row.scoringMode as QuestionSet['scoringMode'],
  shuffleQuestions: row.shuffleQuestions as boolean,
  allowRetakes: (row.allowRetakes as boolean | undefined) ?? false,
  isPractice: row.isPractice as boolean,
  version: row.version as number,
  createdAt: time(row.createdAt) as Date,
  updatedAt: time(row.updatedAt) as Date,
  publishedAt: time(row.publishedAt),
  archivedAt: time(row.archivedAt),
});

export type SetStats = { questionCount: number; isTimed: boolean };

export type AttemptWithItems = {
  attempt: Attempt;
  items: AttemptItem[];
  set: QuestionSet;
  /** The set's question count and whether it is timed, when the statement read them. */
  setStats?: SetStats;
};

export type OwnAttemptRow = Attempt & {
  _items: Json[];
  _set: Json;
  _setStats: { n: number; timed: boolean };
};

/**
 * The statement behind `getOwnAttempt` (exported so the benchmark's floor server runs exactly
 * this SQL): the attempt, its items, its set and the set's stats, or no row for another player's.
 */
export const ownAttemptSql = (userId: string, id: string) => Prisma.sql`
    SELECT a.*,
      coalesce((SELECT json_agg(i ORDER BY i.position) FROM "AttemptItem" i
                WHERE i."attemptId" = a.id), '[]'::json) AS "_items",
      (SELECT to_json(s) FROM "QuestionSet" s WHERE s.id = a."setId") AS "_set",
      (SELECT json_build_object('n', count(*), 'timed', coalesce(bool_or(si."timeLimitSec" IS NOT NULL), false))
        FROM "QuestionSetItem" si WHERE si."setId" = a."setId") AS "_setStats"
    FROM "Attempt" a
    WHERE a.id = ${id}::uuid AND a."userId" = ${userId}::uuid`;

/**
 * One of the player's own attempts with its items, its set and the set's stats, in one statement
 * (the hot read behind "show me my quiz"). Another player's attempt reads as missing.
 */
export const getOwnAttempt = async ({
  db,
  userId,
  id,
}: {
  db: DbClient;
  userId: string;
  id: string;
}): Promise<AttemptWithItems | null> => {
  if (!isUuid(id)) {
    return null;
  }
  const rows = await queryRows<OwnAttemptRow>(db, ownAttemptSql(userId, id));
  const row = rows[0];
  if (!row) {
    return null;
  }
  const { _items, _set, _setStats, ...attempt } = row;
  return {
    attempt,
    items: _items.map(itemFromJson),
    set: setFromJson(_set),
    setStats: { questionCount: _setStats.n, isTimed: _setStats.timed },
  };
};

/**
 * The player's attempts, newest first. `after` is the id of the last attempt already shown (the
 * list type has no page info, so an id is the cursor).
 */
export const findMyAttempts = async ({
  db,
  userId,
  first,
  after,
}: {
  db: DbClient;
  userId: string;
  first?: number | null;
  after?: string | null;
}): Promise<Attempt[]> => {
  const size = pageSize(first, 20, 100);
  const cursor = after
    ? isUuid(after)
      ? await db.attempt.findFirst({
          where: { id: after, userId },
          select: { startedAt: true, id: true },
        })
      : null
    : null;
  if (after && !cursor) {
    throw new AppError('BAD_USER_INPUT', 'after must be the id of one of your attempts', {
      field: 'after',
    });
  }
  return db.attempt.findMany({
    where: {
      userId,
      ...(cursor
        ? {
            OR: [
              { startedAt: { lt: cursor.startedAt } },
              { startedAt: cursor.startedAt, id: { gt: cursor.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    take: size,
  });
};

/** How many of the player's review cards are due now. */
/**
 * A card's question may still be reviewed: not retired (round 5), and not deleted: an edit
 * supersedes an own question by marking the old row deleted, so review served the version the
 * teacher had just fixed (its old key scored, its old explanation shown), and a deleted
 * question too (probe round 8). `countReviewDue` uses the same rule.
 */
export const reviewableSql = Prisma.sql`q."retiredAt" IS NULL AND q."deletedAt" IS NULL`;

export const countReviewDue = async ({
  db,
  userId,
  now,
}: {
  db: DbClient;
  userId: string;
  now: Date;
}): Promise<number> => {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "ReviewCard" rc
    JOIN "Question" q ON q.id = rc."questionId" AND ${reviewableSql}
    WHERE rc."userId" = ${userId}::uuid AND rc."due" <= ${pgTimestamp(now)}::timestamp(3)`;
  return rows[0]?.n ?? 0;
};

import { type Attempt, type DbClient, Prisma } from '@quiz/prisma';
import { notFound } from '../../../errors';
import { isUuid } from '../../../lib/ids';
import { pgTimestamp } from '../../../lib/pg-time';
import { withTransaction } from '../../../lib/transaction';
import { type BoardEntry, boardKey } from '../../leaderboard/ranking';
import { boardsFor, recordFinishedAttempt } from '../../leaderboard/service';

type Finished = Attempt & { _entries: BoardEntry[] | null };

/**
 * The entry a finish just wrote on its set's all-time board (null for practice), by the attempt
 * object `finishAttempt` returned: `Attempt.rank` ranks it directly instead of reading it back.
 */
const rankTargets = new WeakMap<Attempt, BoardEntry | null>();
export const rankTargetOf = (attempt: Attempt): BoardEntry | null | undefined =>
  rankTargets.get(attempt);

/**
 * Step 1 of `finishAttempt` (exported, like step 2, for the benchmark's floor server). An attempt
 * is a retake (practice, unranked) if it started as one, or if another attempt of the player on
 * the set is finished or has a question opened or answered: two attempts started at once (a
 * race past the resume in startAttempt) must not let one read keys or questions for the other.
 */
export const markFinishedSql = (userId: string, attemptId: string, now: Date) => Prisma.sql`
      UPDATE "Attempt" a SET "status" = 'FINISHED', "finishedAt" = ${pgTimestamp(now)}::timestamp(3),
        "isRetake" = a."isRetake" OR EXISTS (SELECT 1 FROM "Attempt" b
          WHERE b."userId" = a."userId" AND b."setId" = a."setId" AND b.id <> a.id
            AND (b."status" = 'FINISHED' OR EXISTS (SELECT 1 FROM "AttemptItem" i
              WHERE i."attemptId" = b.id AND (i."presentedAt" IS NOT NULL OR i."answeredAt" IS NOT NULL))))
      FROM "QuestionSet" s
      WHERE a.id = ${attemptId}::uuid AND a."userId" = ${userId}::uuid
        AND a."status" = 'IN_PROGRESS' AND s.id = a."setId"
      RETURNING a."setId", s."isPractice", a."isRetake",
        length(pg_advisory_xact_lock(hashtextextended(a."userId"::text, 7))::text) AS "locked"`;

/** Step 2: the score from the stored items, and the player's entries on the boards. */
export const scoreAttemptSql = (userId: string, attemptId: string, boards: readonly string[]) =>
  Prisma.sql`
      WITH totals AS (
        SELECT coalesce(sum(i."points"), 0)::int AS score,
               (count(*) FILTER (WHERE i."isCorrect" AND NOT i."timedOut"))::int AS correct
        FROM "AttemptItem" i WHERE i."attemptId" = ${attemptId}::uuid
      )
      UPDATE "Attempt" a SET "score" = totals.score, "correctCount" = totals.correct
      FROM totals
      WHERE a.id = ${attemptId}::uuid
      RETURNING a.*,
        (SELECT json_agg(e) FROM "LeaderboardEntry" e
          WHERE e."userId" = ${userId}::uuid AND e."boardKey" = ANY(${boards}::text[])) AS "_entries"`;

/**
 * Finishes the player's attempt in one transaction, idempotently:
 * 1. mark it finished (this takes the attempt's row lock, which answerQuestion's guard shares, so
 *    every answer that got in is committed and no answer can follow) and take the player's
 *    leaderboard lock;
 * 2. compute the score from the stored items (never from client input) and read the player's
 *    entries on the set's boards;
 * 3. write the player's first entries and the count changes (not for practice or retakes).
 * Finishing again returns the finished attempt unchanged.
 */
export const finishAttempt = async ({
  db,
  userId,
  attemptId,
  now,
}: {
  db: DbClient;
  userId: string;
  attemptId: string;
  now: Date;
}): Promise<Attempt> => {
  if (!isUuid(attemptId)) {
    throw notFound('Attempt');
  }
  const finished = await withTransaction(db, async (tx) => {
    const marked = await tx.$queryRaw<{ setId: string; isPractice: boolean; isRetake: boolean }[]>(
      markFinishedSql(userId, attemptId, now),
    );
    const mark = marked[0];
    if (!mark) {
      return null;
    }
    // Boards count each player's first attempt on a set; practice and retakes are never ranked.
    const ranked = !mark.isPractice && !mark.isRetake;
    const boards = ranked ? boardsFor(mark.setId, now) : [];
    const rows = await tx.$queryRaw<Finished[]>(scoreAttemptSql(userId, attemptId, boards));
    const row = rows[0];
    if (!row) {
      return null;
    }
    let target: BoardEntry | null = null;
    if (ranked) {
      const written = await recordFinishedAttempt({
        db: tx,
        attempt: { attemptId, userId, setId: row.setId, score: row.score, finishedAt: now },
        existing: (row._entries ?? []).map((entry) => ({
          ...entry,
          achievedAt: new Date(`${String(entry.achievedAt)}Z`),
        })),
      });
      const allTime = boardKey(row.setId, 'ALL_TIME', now);
      target = written.find((entry) => entry.boardKey === allTime) ?? null;
    }
    const { _entries: _e, ...attempt } = row;
    return { attempt, target };
  });
  if (finished) {
    rankTargets.set(finished.attempt, finished.target);
    return finished.attempt;
  }
  const existing = await db.attempt.findFirst({ where: { id: attemptId, userId } });
  if (!existing) {
    throw notFound('Attempt');
  }
  return existing;
};

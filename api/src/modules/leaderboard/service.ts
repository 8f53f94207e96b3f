import { type Class, type DbClient, Prisma, type QuestionSet, type User } from '@quiz/prisma';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import { decodeCursor, encodeCursor, pageSize } from '../../lib/cursor';
import { isUuid } from '../../lib/ids';
import { pgTimestamp } from '../../lib/pg-time';
import {
  type BoardEntry,
  bandWidths,
  boardKey,
  boardsFor,
  compareEntries,
  type FinishedAttempt,
  type LeaderboardWindow,
  planFinishedAttempt,
  type RankKey,
  rankProbe,
} from './ranking';

export type RankedEntry = {
  rank: number;
  userId: string;
  score: number;
  achievedAt: Date;
  attemptCount: number;
};

type EntryRow = {
  boardKey: string;
  userId: string;
  score: number;
  achievedAt: Date;
  attemptId: string | null;
  attemptCount: number;
};

/** The player's entries on the given boards (inside the finish transaction, after the lock). */
export const findBoardEntries = async ({
  db,
  userId,
  keys,
}: {
  db: DbClient;
  userId: string;
  keys: readonly string[];
}): Promise<BoardEntry[]> =>
  db.leaderboardEntry.findMany({ where: { userId, boardKey: { in: [...keys] } } });

/**
 * Applies a finished attempt to its boards: writes the changed entries and the count changes in
 * one statement. Call inside the transaction that finishes the attempt, holding the player's lock
 * (so `existing` cannot change underneath).
 */
export const recordFinishedAttempt = async ({
  db,
  attempt,
  existing,
}: {
  db: DbClient;
  attempt: FinishedAttempt;
  existing: readonly BoardEntry[];
}): Promise<void> => {
  const { entries, deltas } = planFinishedAttempt(attempt, existing);
  await db.$executeRaw`
    WITH written AS (
      INSERT INTO "LeaderboardEntry"
        ("boardKey", "userId", "score", "achievedAt", "attemptId", "attemptCount")
      SELECT * FROM unnest(
        ${entries.map((e) => e.boardKey)}::text[],
        ${entries.map((e) => e.userId)}::uuid[],
        ${entries.map((e) => e.score)}::int[],
        ${entries.map((e) => pgTimestamp(e.achievedAt))}::timestamp(3)[],
        ${entries.map((e) => e.attemptId)}::uuid[],
        ${entries.map((e) => e.attemptCount)}::int[])
      ON CONFLICT ("boardKey", "userId") DO UPDATE SET
        "score" = EXCLUDED."score",
        "achievedAt" = EXCLUDED."achievedAt",
        "attemptId" = EXCLUDED."attemptId",
        "attemptCount" = EXCLUDED."attemptCount"
      RETURNING 1
    )
    INSERT INTO "LeaderboardCount" ("boardKey", "level", "score", "bucket", "count")
    SELECT * FROM unnest(
      ${deltas.map((d) => d.boardKey)}::text[],
      ${deltas.map((d) => d.level)}::smallint[],
      ${deltas.map((d) => d.score)}::int[],
      ${deltas.map((d) => d.bucket)}::int[],
      ${deltas.map((d) => d.delta)}::int[])
    ON CONFLICT ("boardKey", "level", "score", "bucket") DO UPDATE SET
      "count" = "LeaderboardCount"."count" + EXCLUDED."count"`;
};

/** The boards an attempt on `setId` finished at `at` counts on. */
export { boardsFor };

/**
 * Recomputes a board's count rows from its entries in SQL (a repair or backfill tool; the probe
 * and the tests use it to fill large boards). Must agree with `bucketsOf`.
 */
export const rebuildBoardCounts = async ({
  db,
  boardKey: key,
}: {
  db: DbClient;
  boardKey: string;
}): Promise<void> => {
  const { coarse, fine } = bandWidths(key);
  await db.$executeRaw`DELETE FROM "LeaderboardCount" WHERE "boardKey" = ${key}`;
  await db.$executeRaw`
    INSERT INTO "LeaderboardCount" ("boardKey", "level", "score", "bucket", "count")
    SELECT ${key}, l.level, l.score, l.bucket, count(*)::int FROM "LeaderboardEntry" e,
    LATERAL (VALUES
      (0::smallint, floor(e."score"::numeric / ${coarse})::int, 0),
      (1::smallint, floor(e."score"::numeric / ${fine})::int, 0),
      (2::smallint, e."score", 0),
      (3::smallint, e."score", floor(extract(epoch FROM e."achievedAt") / 86400)::int),
      (4::smallint, e."score", floor(extract(epoch FROM e."achievedAt") / 3600)::int)
    ) AS l(level, score, bucket)
    WHERE e."boardKey" = ${key}
    GROUP BY l.level, l.score, l.bucket`;
};

/**
 * Exact ranks of several entries (possibly on different boards) in one statement: a handful of
 * short index range sums over the count table plus a count inside one (score, hour) bucket,
 * whatever the size of the board.
 */
export const rankEntries = async ({
  db,
  targets,
}: {
  db: DbClient;
  targets: readonly { boardKey: string; entry: RankKey }[];
}): Promise<number[]> => {
  if (targets.length === 0) {
    return [];
  }
  const rows = await db.$queryRaw<{ ord: number; rank: number }[]>(rankSql(targets));
  const byOrd = new Map(rows.map((row) => [row.ord, row.rank]));
  return targets.map((_target, index) => byOrd.get(index + 1) ?? 0);
};

/** The rank statement of `rankEntries` (exported for the probe's EXPLAIN ANALYZE). */
export const rankSql = (targets: readonly { boardKey: string; entry: RankKey }[]) => {
  const probes = targets.map((target) => rankProbe(target.boardKey, target.entry));
  return Prisma.sql`
    SELECT t.ord::int AS ord, (1
      + coalesce((SELECT sum(c."count") FROM "LeaderboardCount" c
          WHERE c."boardKey" = t.board AND c."level" = 0 AND c."score" > t.coarse), 0)
      + coalesce((SELECT sum(c."count") FROM "LeaderboardCount" c
          WHERE c."boardKey" = t.board AND c."level" = 1
            AND c."score" > t.fine AND c."score" < t.fine_end), 0)
      + coalesce((SELECT sum(c."count") FROM "LeaderboardCount" c
          WHERE c."boardKey" = t.board AND c."level" = 2
            AND c."score" > t.score AND c."score" < t.score_end), 0)
      + coalesce((SELECT sum(c."count") FROM "LeaderboardCount" c
          WHERE c."boardKey" = t.board AND c."level" = 3 AND c."score" = t.score
            AND c."bucket" < t.day), 0)
      + coalesce((SELECT sum(c."count") FROM "LeaderboardCount" c
          WHERE c."boardKey" = t.board AND c."level" = 4 AND c."score" = t.score
            AND c."bucket" >= t.day * 24 AND c."bucket" < t.hour), 0)
      + (SELECT count(*) FROM "LeaderboardEntry" e
          WHERE e."boardKey" = t.board AND e."score" = t.score
            AND e."achievedAt" >= t.hour_start
            AND (e."achievedAt", e."userId") < (t.at, t.player))
      )::int AS rank
    FROM unnest(
      ${probes.map((p) => p.boardKey)}::text[],
      ${probes.map((p) => p.coarseBand)}::int[],
      ${probes.map((p) => p.fineBand)}::int[],
      ${probes.map((p) => p.fineEnd)}::int[],
      ${probes.map((p) => p.score)}::int[],
      ${probes.map((p) => p.scoreEnd)}::int[],
      ${probes.map((p) => p.day)}::int[],
      ${probes.map((p) => p.hour)}::int[],
      ${probes.map((p) => pgTimestamp(p.hourStart))}::timestamp(3)[],
      ${probes.map((p) => pgTimestamp(p.achievedAt))}::timestamp(3)[],
      ${probes.map((p) => p.userId)}::uuid[])
      WITH ORDINALITY AS t(board, coarse, fine, fine_end, score, score_end, day, hour,
        hour_start, at, player, ord)`;
};

type Json = Record<string, unknown>;

/** An entry read back through to_json (timestamps without a zone are UTC). */
const entryFromJson = (row: Json): EntryRow => ({
  boardKey: row.boardKey as string,
  userId: row.userId as string,
  score: row.score as number,
  achievedAt: new Date(`${String(row.achievedAt).replace(/Z$/, '')}Z`),
  attemptId: (row.attemptId as string | null) ?? null,
  attemptCount: row.attemptCount as number,
});

const Cursor = z.object({ s: z.number().int(), t: z.iso.datetime(), u: z.uuid() });

export type LeaderboardInput = {
  setId?: string | null;
  window: LeaderboardWindow;
  classId?: string | null;
  first?: number | null;
  after?: string | null;
};

export type LeaderboardView = {
  set: QuestionSet | null;
  window: LeaderboardWindow;
  class: Class | null;
  entries: RankedEntry[];
  totalPlayers: number;
  viewerEntry: RankedEntry | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** Rows after `entry` in board order (score desc, achievedAt asc, userId asc). */
const afterClause = (entry: RankKey) => Prisma.sql`
  AND ("score" < ${entry.score} OR ("score" = ${entry.score}
    AND ("achievedAt", "userId") > (${pgTimestamp(entry.achievedAt)}::timestamp(3), ${entry.userId}::uuid)))`;

const ranked = (row: RankKey & { attemptCount: number }, rank: number): RankedEntry => ({
  rank,
  userId: row.userId,
  score: row.score,
  achievedAt: row.achievedAt,
  attemptCount: row.attemptCount,
});

const cursorOf = (entry: RankKey): string =>
  encodeCursor({ s: entry.score, t: entry.achievedAt.toISOString(), u: entry.userId });

/**
 * A board page: a set's (or the overall) board in a window, optionally only a class's members.
 * Whole boards are read by index (top N, keyset pages) and ranked through the count table; a
 * class board is at most a class of entries, ranked in one statement.
 */
export const getLeaderboard = async ({
  db,
  viewer,
  input,
  now,
}: {
  db: DbClient;
  viewer: User | null;
  input: LeaderboardInput;
  now: Date;
}): Promise<LeaderboardView> => {
  const size = pageSize(input.first, 20, 100);
  const after = input.after ? decodeCursor(input.after, Cursor) : null;
  const set = input.setId
    ? isUuid(input.setId)
      ? await db.questionSet.findFirst({
          where: { id: input.setId, isPractice: false, status: { in: ['PUBLISHED', 'ARCHIVED'] } },
        })
      : null
    : null;
  if (input.setId && !set) {
    throw notFound('Question set');
  }
  let klass: Class | null = null;
  if (input.classId) {
    if (!viewer) {
      throw new AppError('UNAUTHENTICATED', 'Sign in to see a class board');
    }
    klass = isUuid(input.classId)
      ? await db.class.findFirst({
          where: {
            id: input.classId,
            OR: [{ teacherId: viewer.id }, { members: { some: { userId: viewer.id } } }],
          },
        })
      : null;
    if (!klass) {
      throw notFound('Class');
    }
  }
  const key = boardKey(set?.id ?? null, input.window, now);
  const base = { set, window: input.window, class: klass };
  if (klass) {
    return { ...base, ...(await classBoard({ db, key, classId: klass.id, viewer, size, after })) };
  }
  const afterEntry = after
    ? { score: after.s, achievedAt: new Date(after.t), userId: after.u }
    : null;
  // The page, the viewer's own entry and the player count in one statement.
  const [found] = await db.$queryRaw<{ page: Json[]; mine: Json | null; total: number }[]>`
    SELECT
      (SELECT coalesce(json_agg(p ORDER BY p."score" DESC, p."achievedAt", p."userId"), '[]'::json)
        FROM (SELECT * FROM "LeaderboardEntry"
              WHERE "boardKey" = ${key} ${afterEntry ? afterClause(afterEntry) : Prisma.empty}
              ORDER BY "score" DESC, "achievedAt" ASC, "userId" ASC
              LIMIT ${size + 1}) p) AS page,
      ${
        viewer
          ? Prisma.sql`(SELECT to_json(m) FROM "LeaderboardEntry" m
              WHERE m."boardKey" = ${key} AND m."userId" = ${viewer.id}::uuid)`
          : Prisma.sql`NULL::json`
      } AS mine,
      (SELECT coalesce(sum("count"), 0)::int FROM "LeaderboardCount"
        WHERE "boardKey" = ${key} AND "level" = 0) AS total`;
  const rows = (found?.page ?? []).map(entryFromJson);
  const mine = found?.mine ? entryFromJson(found.mine) : null;
  const totalPlayers = found?.total ?? 0;
  const page = rows.slice(0, size);
  const first = page[0];
  const targets = [
    ...(first && afterEntry ? [{ boardKey: key, entry: first }] : []),
    ...(mine ? [{ boardKey: key, entry: mine }] : []),
  ];
  const ranks = await rankEntries({ db, targets });
  const firstRank = first && afterEntry ? (ranks[0] ?? 1) : 1;
  const viewerRank = mine ? ranks.at(-1) : undefined;
  const last = page.at(-1);
  return {
    ...base,
    entries: page.map((row, index) => ranked(row, firstRank + index)),
    totalPlayers,
    viewerEntry: mine && viewerRank ? ranked(mine, viewerRank) : null,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? cursorOf(last) : null },
  };
};

/**
 * A class's board: the members' entries on the board, ranked among themselves in one statement
 * (a class is small; this is O(class size), not O(board)).
 */
const classBoard = async ({
  db,
  key,
  classId,
  viewer,
  size,
  after,
}: {
  db: DbClient;
  key: string;
  classId: string;
  viewer: User | null;
  size: number;
  after: { s: number; t: string; u: string } | null;
}) => {
  const rows = await db.$queryRaw<(EntryRow & { rank: number })[]>`
    SELECT e.*, (row_number() OVER (
      ORDER BY e."score" DESC, e."achievedAt" ASC, e."userId" ASC))::int AS rank
    FROM "ClassMember" m
    JOIN "LeaderboardEntry" e ON e."boardKey" = ${key} AND e."userId" = m."userId"
    WHERE m."classId" = ${classId}::uuid
    ORDER BY rank`;
  const afterEntry = after
    ? { score: after.s, achievedAt: new Date(after.t), userId: after.u }
    : null;
  const rest = afterEntry ? rows.filter((row) => compareEntries(row, afterEntry) > 0) : rows;
  const page = rest.slice(0, size);
  const mine = viewer ? rows.find((row) => row.userId === viewer.id) : undefined;
  const last = page.at(-1);
  return {
    entries: page.map((row) => ranked(row, row.rank)),
    totalPlayers: rows.length,
    viewerEntry: mine ? ranked(mine, mine.rank) : null,
    pageInfo: { hasNextPage: rest.length > size, endCursor: last ? cursorOf(last) : null },
  };
};

/**
 * The players' ranks on the all-time boards of sets (for `Attempt.rank`), batched: one statement
 * for the entries, one for the ranks.
 */
export const rankPlayersOnSets = async ({
  db,
  keys,
}: {
  db: DbClient;
  keys: readonly { setId: string; userId: string }[];
}): Promise<(number | null)[]> => {
  const boards = keys.map((key) => boardKey(key.setId, 'ALL_TIME', new Date(0)));
  const entries = await db.leaderboardEntry.findMany({
    where: {
      OR: keys.map((key, index) => ({ boardKey: boards[index] as string, userId: key.userId })),
    },
  });
  const found = new Map(entries.map((entry) => [`${entry.boardKey}|${entry.userId}`, entry]));
  const targets = keys.map((key, index) => found.get(`${boards[index]}|${key.userId}`) ?? null);
  const present = targets.filter((entry): entry is NonNullable<typeof entry> => entry !== null);
  const ranks = await rankEntries({
    db,
    targets: present.map((entry) => ({ boardKey: entry.boardKey, entry })),
  });
  const rankOf = new Map(present.map((entry, index) => [entry, ranks[index] ?? null]));
  return targets.map((entry) => (entry ? (rankOf.get(entry) ?? null) : null));
};

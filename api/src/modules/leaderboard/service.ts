import { type Class, type DbClient, Prisma, type QuestionSet, type User } from '@quiz/prisma';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import { cursorInstant, decodeCursor, encodeCursor, pageSize } from '../../lib/cursor';
import { isUuid } from '../../lib/ids';
import { pgTimestamp } from '../../lib/pg-time';
import { queryRows } from '../../lib/sql';
import { setFromJson } from '../attempts/service/find-attempts';
import {
  type BoardEntry,
  bandWidths,
  boardKey,
  boardsFor,
  type CountDelta,
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
}): Promise<BoardEntry[]> => {
  const { entries, deltas } = planFinishedAttempt(attempt, existing);
  if (entries.length > 0) {
    await db.$executeRaw(recordSql(entries, deltas));
  }
  return entries;
};

/** The statement of `recordFinishedAttempt` (exported for the benchmark's floor server). */
export const recordSql = (entries: readonly BoardEntry[], deltas: readonly CountDelta[]) =>
  Prisma.sql`
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
  const rows = await queryRows<{ ord: number; rank: number }>(db, rankSql(targets));
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

// `s` is an int4 score: a safe integer past it reached SQL and failed there.
const Cursor = z.object({ s: z.int32(), t: cursorInstant, u: z.uuid() });

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
  /** The players of `entries`, when the page statement read them (for the user loader). */
  players?: User[];
};

/** Rows after `entry` in board order (score desc, achievedAt asc, userId asc). */
/**
 * Up to `limit` entries of a board in board order, after `after` when given. A keyset page is two
 * index range scans (the rest of the cursor's score, then the lower scores) merged: a single
 * `score < s OR (score = s AND …)` condition cannot bound the index scan, which then walks every
 * entry above the cursor (O(offset): tens of ms deep in a 1M board).
 */
const pageRowsSql = (key: string, after: RankKey | null, limit: number) =>
  after
    ? Prisma.sql`
      SELECT * FROM (
        (SELECT * FROM "LeaderboardEntry"
          WHERE "boardKey" = ${key} AND "score" = ${after.score}
            AND ("achievedAt", "userId") > (${pgTimestamp(after.achievedAt)}::timestamp(3), ${after.userId}::uuid)
          ORDER BY "achievedAt" ASC, "userId" ASC LIMIT ${limit})
        UNION ALL
        (SELECT * FROM "LeaderboardEntry"
          WHERE "boardKey" = ${key} AND "score" < ${after.score}
          ORDER BY "score" DESC, "achievedAt" ASC, "userId" ASC LIMIT ${limit})
      ) after_cursor
      ORDER BY "score" DESC, "achievedAt" ASC, "userId" ASC LIMIT ${limit}`
    : Prisma.sql`
      SELECT * FROM "LeaderboardEntry" WHERE "boardKey" = ${key}
      ORDER BY "score" DESC, "achievedAt" ASC, "userId" ASC LIMIT ${limit}`;

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
  if (input.setId && !isUuid(input.setId)) {
    throw notFound('Question set');
  }
  const setId = input.setId ?? null;
  const key = boardKey(setId, input.window, now);
  if (input.classId) {
    const set = setId ? await findBoardSet(db, setId) : null;
    if (setId && !set) {
      throw notFound('Question set');
    }
    if (!viewer) {
      throw new AppError('UNAUTHENTICATED', 'Sign in to see a class board');
    }
    const klass = isUuid(input.classId)
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
    const base = { set, window: input.window, class: klass };
    return { ...base, ...(await classBoard({ db, key, classId: klass.id, viewer, size, after })) };
  }
  const afterEntry = after
    ? { score: after.s, achievedAt: new Date(after.t), userId: after.u }
    : null;
  // The set, the page with its players, the viewer's own entry and the player count: one
  // statement.
  const [found] = await queryRows<BoardPageRow>(
    db,
    boardPageSql({ key, setId, viewerId: viewer?.id ?? null, afterEntry, size }),
  );
  const set = found?.set ? setFromJson(found.set) : null;
  if (setId && !set) {
    throw notFound('Question set');
  }
  const rows = (found?.page ?? []).map((row) => entryFromJson(row.e));
  const players = (found?.page ?? []).map((row) => userFromJson(row.u));
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
    set,
    window: input.window,
    class: null,
    entries: page.map((row, index) => ranked(row, firstRank + index)),
    totalPlayers,
    viewerEntry: mine && viewerRank ? ranked(mine, viewerRank) : null,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? cursorOf(last) : null },
    players,
  };
};

const findBoardSet = (db: DbClient, id: string): Promise<QuestionSet | null> =>
  db.questionSet.findFirst({
    where: { id, isPractice: false, status: { in: ['PUBLISHED', 'ARCHIVED'] } },
  });

type BoardPageRow = {
  set: Json | null;
  page: { e: Json; u: Json }[];
  mine: Json | null;
  total: number;
};

/** The page statement of `getLeaderboard` (exported for the benchmark's floor server). */
export const boardPageSql = ({
  key,
  setId,
  viewerId,
  afterEntry,
  size,
}: {
  key: string;
  setId: string | null;
  viewerId: string | null;
  afterEntry: RankKey | null;
  size: number;
}) => Prisma.sql`
    SELECT
      ${
        setId
          ? Prisma.sql`(SELECT to_json(s) FROM "QuestionSet" s WHERE s.id = ${setId}::uuid
              AND NOT s."isPractice" AND s."status" IN ('PUBLISHED', 'ARCHIVED'))`
          : Prisma.sql`NULL::json`
      } AS set,
      (SELECT coalesce(json_agg(json_build_object('e', p, 'u', u)
          ORDER BY p."score" DESC, p."achievedAt", p."userId"), '[]'::json)
        FROM (${pageRowsSql(key, afterEntry, size + 1)}) p
        JOIN "User" u ON u.id = p."userId") AS page,
      ${
        viewerId
          ? Prisma.sql`(SELECT to_json(m) FROM "LeaderboardEntry" m
              WHERE m."boardKey" = ${key} AND m."userId" = ${viewerId}::uuid)`
          : Prisma.sql`NULL::json`
      } AS mine,
      (SELECT coalesce(sum("count"), 0)::int FROM "LeaderboardCount"
        WHERE "boardKey" = ${key} AND "level" = 0) AS total`;

/** A user read back through to_json (timestamps without a zone are UTC). */
const userFromJson = (row: Json): User => ({
  id: row.id as string,
  email: (row.email as string | null) ?? null,
  displayName: row.displayName as string,
  nameKey: (row.nameKey as string | undefined) ?? '',
  role: row.role as User['role'],
  passwordHash: (row.passwordHash as string | null) ?? null,
  isGuest: row.isGuest as boolean,
  createdAt: new Date(`${String(row.createdAt).replace(/Z$/, '')}Z`),
});

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

/** A player's entry on a set's all-time board: its rank and the attempt it holds. */
export type PlayerPlace = { rank: number; attemptId: string | null };

/**
 * The players' entries on the all-time boards of sets, ranked (for `Attempt.rank`, `ranked` and
 * `bestRank`), batched: one statement for the entries, one for the ranks.
 */
export const rankPlayersOnSets = async ({
  db,
  keys,
}: {
  db: DbClient;
  keys: readonly { setId: string; userId: string }[];
}): Promise<(PlayerPlace | null)[]> => {
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
  return targets.map((entry) => {
    const rank = entry ? rankOf.get(entry) : null;
    return entry && rank ? { rank, attemptId: entry.attemptId } : null;
  });
};

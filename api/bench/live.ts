/**
 * `pnpm bench:live [--players N] [--questions Q] [--burst-ms B]`: one live game with N simulated
 * players over real WebSockets (graphql-ws), this process being the load generator and the API a
 * separate process (src/server.ts) on a throwaway database. Per question: the host opens it, every
 * player answers over their socket inside the same burst window, the host reveals.
 *
 * Measured: joins/s; answer sent → acknowledged (after commit) p50/p99; host's reveal sent → the
 * last player receiving it (p50/p99 over players); acknowledged answers missing from the
 * database afterwards (must be 0); the API's RSS and CPU per 1,000 connected players.
 * Client sockets bind source addresses 127.0.0.2+ (28k ports each), as the anchors advise.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
import WebSocket from 'ws';
import { seedTinyKb } from '../test/factories/knowledge';
import { createTeacherWithSet } from '../test/factories/sets';
import { cpuMsOf } from './lib/proc';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PLAYERS = arg('players', 1000);
const QUESTIONS = arg('questions', 3);
const BURST_MS = arg('burst-ms', 2000);
const CONNECT_PER_SEC = 2000;
const SECRET = randomBytes(16).toString('hex');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const pct = (values: number[], p: number) => {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
// Response bodies are read field by field; a loose type keeps the load loop short.
// biome-ignore lint/suspicious/noExplicitAny: bench-side view of arbitrary GraphQL data
type Loose = any;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

type Player = {
  n: number;
  token: string;
  client: Client;
  phaseAt: Map<string, number>;
};

const main = async () => {
  // PostgreSQL as shipped (fsync and synchronous_commit on): an acknowledged answer is durable.
  const root = mkdtempSync(path.join(os.tmpdir(), 'quiz-bench-live-'));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its folder
  const dataDir = path.join(root, 'postgres');
  const pgServer = await startEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    settings: {},
  });
  await ensureDatabase(pgServer.url, 'quiz_live');
  const url = withDatabase(pgServer.url, 'quiz_live');
  await applyMigrations(url);
  const database = {
    url,
    db: createPrismaClient({ url, poolSize: 4 }),
    drop: async () => {
      await database.db.$disconnect();
      await pgServer.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await seedTinyKb(database.db);
  const fixture = await createTeacherWithSet(database.db, {
    questions: QUESTIONS,
    timeLimitSec: 20,
  });
  const port = await freePort();
  const api: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      PROXY_SECRET: SECRET,
      DB_POOL_SIZE: '10',
      MAX_IN_FLIGHT: '2000',
      MAX_IN_FLIGHT_PER_CLIENT: '2000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    api.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('API ready') && resolve());
    api.once('exit', () => reject(new Error('API exited')));
  });
  const pid = api.pid as number;
  const http = `http://127.0.0.1:${port}/graphql`;
  const ws = `ws://127.0.0.1:${port}/graphql`;
  const hostCookie = `quiz_session=${fixture.teacherToken}`;
  // Each simulated phone is its own client address (as behind the web proxy), so per-address
  // join limits apply as in a real school.
  const call = async (query: string, variables: object, headers: Record<string, string> = {}) => {
    const response = await fetch(http, {
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
    'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
    { s: fixture.set.id },
    { cookie: hostCookie },
  );
  const { id: gameId, pin } = created.createLiveGame.game;
  const rssIdle = rssMb(pid);

  // Joins over HTTP, 50 at a time.
  const joinStart = performance.now();
  const tokens: string[] = new Array(PLAYERS);
  for (let i = 0; i < PLAYERS; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, PLAYERS - i) }, async (_, k) => {
        const n = i + k;
        const data = await call(
          'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token } }',
          { p: pin, n: `Player ${n}` },
          { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
        );
        tokens[n] = data.joinLiveGame.token;
      }),
    );
  }
  const joinSec = (performance.now() - joinStart) / 1000;

  // Sockets: one graphql-ws client per player, bound to 127.0.0.2+.
  const players: Player[] = [];
  const connectStart = performance.now();
  for (let n = 0; n < PLAYERS; n++) {
    const localAddress = `127.0.0.${2 + (n % 8)}`;
    const phaseAt = new Map<string, number>();
    const client = createClient({
      url: ws,
      lazy: false,
      retryAttempts: 0,
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { localAddress, perMessageDeflate: false });
        }
      },
    });
    const player = { n, token: tokens[n] as string, client, phaseAt };
    client.subscribe(
      {
        query:
          'subscription ($t: String!) { livePlayerEvents(token: $t) { game { phase questionIndex seq } } }',
        variables: { t: player.token },
      },
      {
        next: (value) => {
          const game = (value.data as Loose)?.livePlayerEvents?.game;
          const key = `${game?.phase}:${game?.questionIndex}`;
          if (game && !phaseAt.has(key)) {
            phaseAt.set(key, performance.now());
          }
        },
        error: () => {},
        complete: () => {},
      },
    );
    players.push(player);
    if (n % CONNECT_PER_SEC === CONNECT_PER_SEC - 1) {
      await sleep(1000);
    }
  }
  // Wait until every player has its lobby snapshot.
  while (players.some((p) => !p.phaseAt.has('LOBBY:-1'))) {
    await sleep(50);
  }
  const connectSec = (performance.now() - connectStart) / 1000;
  global.gc?.();
  await sleep(1000);
  const rssConnected = rssMb(pid);

  const host = (command: string) =>
    call(
      'mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { game { seq } } }',
      { g: gameId, c: command },
      { cookie: hostCookie },
    );

  const acks: number[] = [];
  const revealLatency: number[] = [];
  const revealLast: number[] = [];
  let acknowledged = 0;
  let failed = 0;
  const cpuStart = cpuMsOf(pid);
  const wallStart = performance.now();
  for (let q = 0; q < QUESTIONS; q++) {
    if (q === 0) {
      await host('START');
    } else {
      await host('NEXT');
    }
    if (q > 0 && fixture.questions.length) {
      await sleep(0);
    }
    while (players.some((p) => !p.phaseAt.has(`QUESTION:${q}`))) {
      await sleep(20);
    }
    // Every player answers once, spread uniformly over the burst window, over their socket.
    const question = fixture.questions[q] as { right: Record<string, unknown> } | undefined;
    const response = question?.right ?? {};
    await Promise.all(
      players.map(
        (p) =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              const sent = performance.now();
              let ok = false;
              p.client.subscribe(
                {
                  query:
                    'mutation ($t: String!, $i: Int!, $r: ResponseInput!) { submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted } }',
                  variables: { t: p.token, i: q, r: response },
                },
                {
                  next: (value) => {
                    ok = Boolean((value.data as Loose)?.submitLiveAnswer?.accepted);
                  },
                  error: () => {
                    failed += 1;
                    resolve();
                  },
                  complete: () => {
                    if (ok) {
                      acknowledged += 1;
                      acks.push(performance.now() - sent);
                    } else {
                      failed += 1;
                    }
                    resolve();
                  },
                },
              );
            }, Math.random() * BURST_MS);
          }),
      ),
    );
    const revealSent = performance.now();
    await host('REVEAL');
    while (players.some((p) => !p.phaseAt.has(`REVEAL:${q}`))) {
      await sleep(10);
    }
    const arrivals = players.map((p) => (p.phaseAt.get(`REVEAL:${q}`) as number) - revealSent);
    revealLatency.push(...arrivals);
    revealLast.push(Math.max(...arrivals));
    if (q < QUESTIONS - 1) {
      await host('NEXT'); // leaderboard
      while (players.some((p) => !p.phaseAt.has(`LEADERBOARD:${q}`))) {
        await sleep(10);
      }
    }
  }
  const cpuMs = cpuMsOf(pid) - cpuStart;
  const wallMs = performance.now() - wallStart;
  const stored = await database.db.liveAnswer.count({ where: { gameId } });
  const result = {
    players: PLAYERS,
    questions: QUESTIONS,
    burstMs: BURST_MS,
    joinsPerSec: Math.round(PLAYERS / joinSec),
    connectSec: Number(connectSec.toFixed(1)),
    answersAcknowledged: acknowledged,
    answersFailed: failed,
    answersStored: stored,
    acknowledgedLost: Math.max(0, acknowledged - stored),
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
    apiRssMb: { idle: Math.round(rssIdle), connected: Math.round(rssConnected) },
    apiRssMbPer1000: Number((((rssConnected - rssIdle) / PLAYERS) * 1000).toFixed(1)),
    apiCpuShareDuringGame: Number((cpuMs / wallMs).toFixed(2)),
    node: process.version,
  };
  console.log(JSON.stringify(result, null, 2));
  for (const p of players) {
    void p.client.dispose();
  }
  api.kill('SIGTERM');
  await new Promise((resolve) => api.once('exit', resolve));
  await database.drop();
  process.exit(0);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

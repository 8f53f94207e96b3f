import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../client';
import { withDatabase } from './url';

// Set by the jest globalSetup in ./test-server.ts.
const SERVER_URL = 'QUIZ_TEST_SERVER_URL';
const TEMPLATE = 'QUIZ_TEST_TEMPLATE';
const RUN_ID = 'QUIZ_TEST_RUN_ID';

const adminQuery = async (serverUrl: string, sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 8_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export type TestDatabase = {
  url: string;
  db: PrismaClient;
  /** Empties every table (keeps the migrations table). */
  reset: () => Promise<void>;
  /** Disconnects and drops the database. */
  drop: () => Promise<void>;
};

/** A fresh migrated database for one test file. Call `drop()` in afterAll. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const serverUrl = process.env[SERVER_URL];
  const template = process.env[TEMPLATE];
  const runId = process.env[RUN_ID];
  if (!serverUrl || !template || !runId) {
    throw new Error('The test database server is not set up: is the jest globalSetup configured?');
  }
  // Random, not a counter: jest gives every test file a fresh module registry, so a counter would
  // restart at 1 in each file of a worker and collide with a database a timed-out file left behind.
  const name = `quiz_test_${runId}_${process.pid}_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = withDatabase(serverUrl, name);
  const db = createPrismaClient({ url, poolSize: 4 });
  return {
    url,
    db,
    reset: async () => {
      const tables = await db.$queryRaw<{ tablename: string }[]>`
        SELECT tablename FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
      if (tables.length > 0) {
        const list = tables.map((table) => `"${table.tablename}"`).join(', ');
        await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
      }
    },
    drop: async () => {
      await db.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
};

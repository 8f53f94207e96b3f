import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { getDatabaseEnv } from '../env';
import { startEmbeddedPostgres } from './embedded';
import { assertDatabaseReachable, redactUrl } from './reachable';
import { withDatabase } from './url';

export type { EmbeddedDatabase } from './embedded';
export { startEmbeddedPostgres } from './embedded';
export { StartupError } from './errors';
export { assertPortFree, findFreePort } from './port';
export { assertDatabaseReachable, redactUrl } from './reachable';
export { databaseName, withDatabase } from './url';

/** The app's database on the embedded server. */
export const APP_DATABASE = 'quiz';

export type OpenedDatabase = {
  url: string;
  /** How the database was found, for the start-up banner. */
  description: string;
  /** Stops the embedded server if this process started it; otherwise does nothing. */
  close: () => Promise<void>;
};

/** Creates database `name` on the server at `serverUrl` unless it exists. */
export const ensureDatabase = async (serverUrl: string, name: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The database every command uses: `DATABASE_URL` when set; otherwise the embedded PostgreSQL.
 * If another live command of this checkout (e.g. the running app) already owns the embedded
 * server, it is reused; otherwise this process starts it and owns it until `close()`.
 */
export const openDatabase = async (
  log: (line: string) => void = console.log,
): Promise<OpenedDatabase> => {
  const env = getDatabaseEnv();
  if (env.DATABASE_URL) {
    await assertDatabaseReachable(env.DATABASE_URL, 8_000);
    return {
      url: env.DATABASE_URL,
      description: `PostgreSQL at ${redactUrl(env.DATABASE_URL)} (DATABASE_URL)`,
      close: async () => {},
    };
  }

  const ownerFile = path.join(path.dirname(env.EMBEDDED_PG_DIR), 'postgres.owner');
  const owner = existsSync(ownerFile)
    ? (JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number; url: string })
    : undefined;
  if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
    await assertDatabaseReachable(owner.url, 5_000);
    return {
      url: withDatabase(owner.url, APP_DATABASE),
      description: `embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (started by pid ${owner.pid})`,
      close: async () => {},
    };
  }

  const server = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    log,
  });
  writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, url: server.url }));
  await ensureDatabase(server.url, APP_DATABASE);
  return {
    url: withDatabase(server.url, APP_DATABASE),
    description: `embedded PostgreSQL on port ${server.port}, data in ${server.dataDir}`,
    close: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
};

import pg from 'pg';
import { StartupError } from './errors';

/** Hides the password when a URL is printed. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
};

/**
 * Connects once and runs `SELECT 1`, failing with a clear StartupError within `timeoutMs` instead
 * of hanging on an unreachable host.
 */
export const assertDatabaseReachable = async (url: string, timeoutMs = 5_000): Promise<void> => {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A late socket error after a failed connect must not crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Cannot reach the database at ${redactUrl(url)} (${reason || 'connection failed'}). Check DATABASE_URL, or unset it to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
};

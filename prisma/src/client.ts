import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client';

export type CreatePrismaClientOptions = {
  url: string;
  /** Pool size of this client (node-postgres `max`). */
  poolSize?: number;
  /** How long a query may wait for a free connection before it fails. */
  connectionTimeoutMs?: number;
};

/** Runs one raw statement ($1-style parameters) and returns its rows as objects. */
export type RawQuery = (text: string, values: readonly unknown[]) => Promise<unknown[]>;

const raw = new WeakMap<object, RawQuery>();

/** `timestamp` columns hold UTC (as Prisma writes them): read them as UTC instants. */
const TIMESTAMP_OID = 1114;
const utc = (value: string): Date => new Date(`${value.replace(' ', 'T')}Z`);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID
      ? utc
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * One client per process (and one per test database): a factory, not a hidden global, so the API,
 * the seed and the tests each decide which database they talk to. The node-postgres pool under
 * the client is created here (and ended by `$disconnect()`), so that `poolOf` can hand it out.
 */
export const createPrismaClient = ({
  url,
  poolSize = 10,
  connectionTimeoutMs = 5_000,
}: CreatePrismaClientOptions): PrismaClient => {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectionTimeoutMs,
  });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
  });
  raw.set(client, async (text, values) => {
    const result = await pool.query({ text, values: [...values], types });
    return result.rows;
  });
  return client;
};

/**
 * Raw statements straight on the node-postgres pool a client of `createPrismaClient` runs on
 * (the same connections, size and acquire timeout), for hot paths where Prisma's own raw-query
 * path costs too much; undefined for anything else (a transaction client, a test double).
 * Timestamps come back as UTC Dates, json/jsonb parsed, int8 and numeric as strings.
 */
export const rawQueryOf = (client: object): RawQuery | undefined => raw.get(client);

export type { PrismaClient };

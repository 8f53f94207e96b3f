import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';

export type CreatePrismaClientOptions = {
  url: string;
  /** Pool size of this client (node-postgres `max`). */
  poolSize?: number;
  /** How long a query may wait for a free connection before it fails. */
  connectionTimeoutMs?: number;
};

/**
 * One client per process (and one per test database): a factory, not a hidden global, so the API,
 * the seed and the tests each decide which database they talk to.
 */
export const createPrismaClient = ({
  url,
  poolSize = 10,
  connectionTimeoutMs = 5_000,
}: CreatePrismaClientOptions): PrismaClient =>
  new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: connectionTimeoutMs,
    }),
  });

export type { PrismaClient };

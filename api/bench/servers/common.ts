/** What every bench server reads from its environment, and how it says it is ready. */
import { createPrismaClient, type PrismaClient } from '@quiz/prisma';

export const serverEnv = () => {
  const port = Number(process.env.PORT);
  const url = process.env.DATABASE_URL;
  const poolSize = Number(process.env.DB_POOL_SIZE ?? 10);
  if (!port || !url) {
    throw new Error('PORT and DATABASE_URL are required');
  }
  return { port, url, poolSize };
};

export const peerPrisma = (): PrismaClient => {
  const { url, poolSize } = serverEnv();
  return createPrismaClient({ url, poolSize, connectionTimeoutMs: 5_000 });
};

export const ready = (name: string, port: number): void => {
  console.log(`${name} ready on ${port} (pid ${process.pid})`);
};

/** Exits cleanly on SIGTERM/SIGINT (the orchestrator stops servers this way). */
export const exitOnSignal = (close: () => Promise<unknown>): void => {
  const stop = () => {
    close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
};

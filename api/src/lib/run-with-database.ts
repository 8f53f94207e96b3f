import { createPrismaClient, type PrismaClient } from '@quiz/prisma';
import { openDatabase } from '@quiz/prisma/database';

/**
 * How the API's command-line scripts (the seed, `pnpm teacher:invite`) run: open the database
 * `npm run up` uses (running or not), hand a client to `work`, close both, and exit 0, or 1 with
 * the error printed.
 */
export const runWithDatabase = (
  work: (db: PrismaClient, url: string) => Promise<void>,
  log: (line: string) => void = console.log,
): void => {
  const main = async () => {
    const database = await openDatabase(log);
    const db = createPrismaClient({ url: database.url });
    try {
      await work(db, database.url);
    } finally {
      await db.$disconnect();
      await database.close();
    }
  };
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};

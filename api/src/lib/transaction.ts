import type { DbClient, Prisma } from '@quiz/prisma';

export type TransactionOptions = { timeout?: number; maxWait?: number };

/**
 * Runs `fn` in a transaction: a new one on a client, or the caller's when `db` already is one,
 * so services compose inside each other's transactions.
 */
export const withTransaction = <T>(
  db: DbClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> =>
  '$transaction' in db
    ? db.$transaction(fn, { maxWait: options.maxWait ?? 2_000, timeout: options.timeout ?? 10_000 })
    : fn(db);

import { type DbClient, type Prisma, rawQueryOf } from '@quiz/prisma';

/**
 * Runs a raw statement and returns its rows, as `db.$queryRaw` would, on the hot paths (the
 * session lookup of every request, the quiz fetch, answer submission, ranks and board pages).
 * Outside a transaction it goes straight to the client's node-postgres pool (the same
 * connections Prisma uses; see `rawQueryOf`): Prisma's raw-query path costs ≈ 100 µs of CPU more
 * per statement (measured; docs/benchmarks.md), on a path where a request runs two or three. Inside a transaction (or with a
 * client that is not `createPrismaClient`'s) it is `$queryRaw`. Statements run this way return
 * only types both paths read alike: text, uuid, integers, booleans, enums, double precision,
 * json/jsonb and UTC timestamps (no int8 or numeric, which Prisma turns into BigInt and Decimal).
 */
export const queryRows = async <T>(db: DbClient, sql: Prisma.Sql): Promise<T[]> => {
  const query = rawQueryOf(db);
  return query ? ((await query(sql.text, sql.values)) as T[]) : db.$queryRaw<T[]>(sql);
};

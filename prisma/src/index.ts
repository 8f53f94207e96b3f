// The package's public surface: the client factory, the generated model types and enums.

// Model types: User, QuestionSet, Attempt, …
export type * from '../generated/client/client';
export { Prisma } from '../generated/client/client';
export * from '../generated/client/enums';
export type { CreatePrismaClientOptions, PrismaClient, RawQuery } from './client';
export { createPrismaClient, rawQueryOf } from './client';

/** A client or a transaction, so services can be composed inside `db.$transaction`. */
export type DbClient =
  | import('../generated/client/client').PrismaClient
  | import('../generated/client/client').Prisma.TransactionClient;

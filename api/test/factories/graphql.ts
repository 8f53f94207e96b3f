import type { ExecuteOptions, SingleResult, TestApi } from '../harness';

/** The data of a successful operation; fails the test with the errors otherwise. */
export const ok = async <T = Record<string, unknown>>(
  result: Promise<SingleResult> | SingleResult,
): Promise<T> => {
  const { data, errors } = await result;
  if (errors?.length) {
    throw new Error(`Unexpected GraphQL errors: ${JSON.stringify(errors)}`);
  }
  return data as T;
};

/** The first error's code of an operation that must fail. */
export const errorCode = async (result: Promise<SingleResult> | SingleResult) => {
  const { errors } = await result;
  if (!errors?.length) {
    throw new Error('Expected the operation to fail');
  }
  return errors[0]?.extensions?.code;
};

/** An executor bound to one session (and optionally a clock). */
export const as =
  (api: TestApi, sessionToken?: string, defaults: ExecuteOptions = {}) =>
  (query: string, variables?: Record<string, unknown>, options: ExecuteOptions = {}) =>
    api.execute(query, { ...defaults, ...options, sessionToken, variables });

const DOMAIN_TABLES = [
  'User',
  'Session',
  'Class',
  'ClassMember',
  'Question',
  'QuestionSet',
  'QuestionSetItem',
  'Attempt',
  'AttemptItem',
  'ReviewCard',
  'LeaderboardEntry',
  'LeaderboardCount',
];

/**
 * Every row of the domain tables (all but the rate-limit buckets, which count requests by
 * design), to prove that a failed operation changed nothing.
 */
export const snapshotDatabase = async (api: TestApi): Promise<Record<string, unknown>> => {
  const snapshot: Record<string, unknown> = {};
  for (const table of DOMAIN_TABLES) {
    const rows = await api.database.db.$queryRawUnsafe<{ rows: unknown }[]>(
      `SELECT coalesce(json_agg(t ORDER BY t::text), '[]'::json) AS rows FROM "${table}" t`,
    );
    snapshot[table] = rows[0]?.rows;
  }
  return snapshot;
};

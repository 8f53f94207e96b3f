import { type DbClient, Prisma } from '@quiz/prisma';
import { AppError } from '../errors';
import { pgTimestamp } from './pg-time';

export type RateLimitRule = {
  /** What is limited, e.g. `signIn:email+ip`. */
  name: string;
  limit: number;
  windowSec: number;
};

/**
 * The limits, in one place (docs/api.md lists them). Failed sign-ins have their own throttle with
 * backoff (modules/accounts/throttle.ts).
 */
export const RATE_LIMITS = {
  // A classroom shares one address (NAT): these allow a few classes an hour.
  signUpPerIp: { name: 'signUp:ip', limit: 60, windowSec: 60 * 60 },
  guestPerIp: { name: 'guest:ip', limit: 120, windowSec: 60 * 60 },
  // Successful sign-ins of one account. Failures are throttled before any hashing
  // (accounts/throttle.ts), successes were not: the password's holder could sign in 15 times a
  // second from one address, each an argon2 verification and a session row kept for good
  // (probe round 7). A class sharing one account on 30 computers signs in twice over.
  signInPerAccount: { name: 'signIn:ok', limit: 60, windowSec: 10 * 60 },
  invitePerUser: { name: 'invite:user', limit: 20, windowSec: 24 * 60 * 60 },
  joinClassPerUser: { name: 'joinClass:user', limit: 20, windowSec: 10 * 60 },
  answerPerUser: { name: 'answer:user', limit: 120, windowSec: 60 },
  startPerUser: { name: 'start:user', limit: 60, windowSec: 60 },
  // Practice and review each write a set and an attempt of up to 30 items, and guests are free
  // (120 an hour per address), so the per-player count alone let one address write 300 of them
  // in 8 s and keep going (probe round 7: about 10 kB each, gigabytes a day). A school behind
  // one address still starts 20 a minute.
  practicePerIp: { name: 'practice:ip', limit: 1200, windowSec: 60 * 60 },
  // Codes that are not a published quiz (a typo, an archived quiz, a class): enough for a
  // classroom behind one address, too few to test class codes by the thousand.
  codeLookupPerIp: { name: 'codeLookup:ip', limit: 120, windowSec: 10 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type ConsumeRateLimitOptions = {
  db: DbClient;
  rule: RateLimitRule;
  /** Who is limited: a user id, an email and an address… */
  subject: string;
  now: Date;
};

/**
 * The upsert that counts one request against a fixed window, as SQL returning (count, resetAt):
 * hot paths put it in a CTE of their own first statement to save a round trip.
 */
export const rateLimitSql = ({ rule, subject, now }: Omit<ConsumeRateLimitOptions, 'db'>) => {
  const key = `${rule.name}:${subject}`.slice(0, 300);
  const at = pgTimestamp(now);
  const resetAt = pgTimestamp(new Date(now.getTime() + rule.windowSec * 1000));
  return Prisma.sql`
    INSERT INTO "RateLimitBucket" ("key", "count", "resetAt")
    VALUES (${key}, 1, ${resetAt}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."resetAt" <= ${at}::timestamp(3) THEN 1
                     ELSE "RateLimitBucket"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimitBucket"."resetAt" <= ${at}::timestamp(3)
                       THEN EXCLUDED."resetAt" ELSE "RateLimitBucket"."resetAt" END
    RETURNING "count", "resetAt"`;
};

/** Throws RATE_LIMITED with `retryAfter` (seconds) when the counted request is over the limit. */
export const assertWithinLimit = (
  rule: RateLimitRule,
  counted: { count: number; resetAt: Date } | undefined,
  now: Date,
): void => {
  if (counted && counted.count > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((counted.resetAt.getTime() - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', `Too many requests; retry in ${retryAfter} s`, {
      retryAfter,
    });
  }
};

/**
 * Refuses (RATE_LIMITED) a subject whose window is used up, without counting: for limits that
 * count only failures (misses) but must hold before the lookup, or a blocked caller would still
 * learn from the hits (answered) versus the misses (refused).
 */
export const refuseIfLimited = async ({
  db,
  rule,
  subject,
  now,
}: ConsumeRateLimitOptions): Promise<void> => {
  const key = `${rule.name}:${subject}`.slice(0, 300);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    SELECT "count", "resetAt" FROM "RateLimitBucket"
    WHERE "key" = ${key} AND "resetAt" > ${pgTimestamp(now)}::timestamp(3)`;
  const row = rows[0];
  // One more miss would be over the limit: refuse now, as that miss would be.
  assertWithinLimit(rule, row ? { count: row.count + 1, resetAt: row.resetAt } : undefined, now);
};

/**
 * Counts one request against a fixed window with one atomic upsert, so the count holds across
 * API processes. Throws RATE_LIMITED with `retryAfter` (seconds) once the window is used up.
 */
export const consumeRateLimit = async ({
  db,
  rule,
  subject,
  now,
}: ConsumeRateLimitOptions): Promise<void> => {
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>(
    rateLimitSql({ rule, subject, now }),
  );
  assertWithinLimit(rule, rows[0], now);
};

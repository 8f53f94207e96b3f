import { createHash } from 'node:crypto';
import { type DbClient, Prisma } from '@quiz/prisma';
import { AppError } from '../../errors';
import { pgTimestamp } from '../../lib/pg-time';
import { rateLimitSql } from '../../lib/rate-limit';
import { queryRows } from '../../lib/sql';

/**
 * A failure throttle with exponential backoff: the first `free` failures within `forgetSec` of
 * each other cost nothing; after that, failure n blocks the key for
 * min(maxSec, baseSec · 2^(n − free − 1)) seconds. A quiet `forgetSec` starts the count again.
 */
export type BackoffRule = { free: number; baseSec: number; maxSec: number; forgetSec: number };

/** The sign-in throttles, in one place (docs/security.md explains them). */
export const SIGN_IN_THROTTLES = {
  /** One email from one address: the owner's own typos, or a guesser at one account. */
  pair: { free: 5, baseSec: 2, maxSec: 15 * 60, forgetSec: 24 * 3600 },
  /**
   * One email from one browser that signed in to it before (its device cookie): only that
   * browser's typos count here, so failures by others at the same address do not keep it out.
   */
  device: { free: 5, baseSec: 2, maxSec: 15 * 60, forgetSec: 24 * 3600 },
  /**
   * One address over every email: password spraying. After 10 failures an address gets about
   * two guesses a minute. Pairs that signed in before from here are exempt (a classroom NAT).
   */
  address: { free: 10, baseSec: 2, maxSec: 30, forgetSec: 3600 },
  /** One email from every address (a botnet on one account); trusted pairs are exempt. */
  account: { free: 20, baseSec: 2, maxSec: 5 * 60, forgetSec: 24 * 3600 },
} as const satisfies Record<string, BackoffRule>;

/**
 * Failures across the whole site per minute; above it, only trusted pairs may try until the
 * minute is over (a distributed attack slows everyone except owners on their own addresses).
 */
export const GLOBAL_FAILURES = { name: 'signIn:failures', limit: 300, windowSec: 60 } as const;

/** How long a successful (email, address) pair stays trusted. */
export const TRUST_DAYS = 30;

type Kind = keyof typeof SIGN_IN_THROTTLES;

/** Emails are stored hashed: the table holds what people typed, including typos of others. */
const emailId = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);

const keyOf = (kind: Kind, email: string, address: string, device = ''): string => {
  const where = address.slice(0, 64);
  switch (kind) {
    case 'pair':
      return `p:${emailId(email)}|${where}`;
    case 'device':
      return `d:${emailId(email)}|${createHash('sha256').update(device).digest('hex').slice(0, 32)}`;
    case 'address':
      return `a:${where}`;
    case 'account':
      return `e:${emailId(email)}`;
  }
};

const tooMany = (retryAfter: number) =>
  new AppError('RATE_LIMITED', `Too many sign-in attempts; retry in ${retryAfter} s`, {
    retryAfter,
  });

const secondsUntil = (at: Date, now: Date) =>
  Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));

/** An admitted attempt: which keys it was charged to, to settle once the password is checked. */
export type Admission = {
  trusted: boolean;
  /** The browser's device id was already trusted for this email (it is the key charged). */
  trustedDevice: boolean;
  charged: { kind: Kind; key: string }[];
};

/**
 * Admits one sign-in attempt or throws RATE_LIMITED (with `retryAfter`) before any password is
 * checked, so a blocked attempt costs no hashing and answers alike for every email. An admitted
 * attempt is charged as a failure up front (so a burst of parallel requests is counted one by
 * one under the row lock) and refunded by `settleSignIn` if it succeeds.
 */
export const admitSignIn = async ({
  db,
  email,
  address,
  device,
  now,
}: {
  db: DbClient;
  email: string;
  address: string;
  /** The browser's device id (its cookie): trusted for this email, it is the only key charged. */
  device?: string | null;
  now: Date;
}): Promise<Admission> => {
  const at = pgTimestamp(now);
  const pairKey = { kind: 'pair' as Kind, key: keyOf('pair', email, address) };
  const deviceKey = device
    ? { kind: 'device' as Kind, key: keyOf('device', email, '', device) }
    : null;
  const keys = [
    pairKey,
    { kind: 'address' as Kind, key: keyOf('address', email, address) },
    { kind: 'account' as Kind, key: keyOf('account', email, address) },
  ];
  const globalKey = `${GLOBAL_FAILURES.name}:all`;
  const rows = await queryRows<{
    key: string;
    blockedUntil: Date | null;
    trustedUntil: Date | null;
    globalFailures: number | null;
    globalResetAt: Date | null;
  }>(
    db,
    Prisma.sql`
      SELECT k.key, t."blockedUntil", t."trustedUntil", b.count AS "globalFailures",
             b."resetAt" AS "globalResetAt"
      FROM unnest(${[...keys, ...(deviceKey ? [deviceKey] : [])].map((k) => k.key)}::text[]) AS k(key)
      LEFT JOIN "SignInThrottle" t ON t.key = k.key
      LEFT JOIN "RateLimitBucket" b ON b.key = ${globalKey} AND b."resetAt" > ${at}::timestamp(3)`,
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const isTrusted = (key: string) => {
    const until = byKey.get(key)?.trustedUntil;
    return !!until && until > now;
  };
  // A trusted browser is charged alone: a classmate at the same address (a school's one NAT)
  // fails against the pair, the address and the email, never against this browser's key.
  const trustedDevice = !!deviceKey && isTrusted(deviceKey.key);
  const trusted = trustedDevice || isTrusted(pairKey.key);
  const charged = trustedDevice && deviceKey ? [deviceKey] : trusted ? [pairKey] : keys;
  let until: Date | null = null;
  for (const { key } of charged) {
    const blocked = byKey.get(key)?.blockedUntil;
    if (blocked && blocked > now && (!until || blocked > until)) {
      until = blocked;
    }
  }
  const global = rows[0];
  if (
    !trusted &&
    global?.globalResetAt &&
    (global.globalFailures ?? 0) >= GLOBAL_FAILURES.limit &&
    (!until || global.globalResetAt > until)
  ) {
    until = global.globalResetAt;
  }
  if (until) {
    throw tooMany(secondsUntil(until, now));
  }
  await db.$executeRaw`
    INSERT INTO "SignInThrottle" (key)
    SELECT unnest(${charged.map((k) => k.key)}::text[])
    ON CONFLICT (key) DO NOTHING`;
  for (const { kind, key } of charged) {
    const rule: BackoffRule = SIGN_IN_THROTTLES[kind];
    const forgetBefore = pgTimestamp(new Date(now.getTime() - rule.forgetSec * 1000));
    // Every expression reads the row as it is under the lock (no FROM clause), so concurrent
    // attempts count one after another; the WHERE admits only an unblocked key.
    const failures = Prisma.sql`(CASE WHEN "lastFailureAt" IS NULL
        OR "lastFailureAt" <= ${forgetBefore}::timestamp(3) THEN 0 ELSE failures END + 1)`;
    const admitted = await db.$executeRaw`
      UPDATE "SignInThrottle" SET
        failures = ${failures},
        "blockedUntil" = CASE WHEN ${failures} > ${rule.free}
          THEN ${at}::timestamp(3) + make_interval(secs => LEAST(${rule.maxSec}::float8,
            ${rule.baseSec}::float8 * power(2, ${failures} - ${rule.free} - 1)))
          ELSE NULL END,
        "lastFailureAt" = ${at}::timestamp(3)
      WHERE key = ${key} AND ("blockedUntil" IS NULL OR "blockedUntil" <= ${at}::timestamp(3))`;
    if (admitted === 0) {
      // Another attempt got there first and blocked the key; what was charged stays charged.
      throw tooMany(1);
    }
  }
  return { trusted, trustedDevice, charged };
};

/**
 * After the password check: a success clears its pair and marks it trusted, and refunds what it
 * was charged to the address and email; a failure stays charged and, unless it came from a
 * trusted pair or browser, counts toward the global limit.
 */
export const settleSignIn = async ({
  db,
  admission,
  success,
  device,
  now,
}: {
  db: DbClient;
  admission: Admission;
  success: boolean;
  /** The browser's device id, to trust for this email from now on (a success only). */
  device?: { email: string; token: string } | null;
  now: Date;
}): Promise<void> => {
  if (!success) {
    // Only untrusted failures fill the site-wide bucket. A trusted key has its own backoff and is
    // exempt from the bucket anyway, and trust is cheap to make for one's own account: every
    // success without a device cookie trusts a new browser (60 per account per 10 minutes), each
    // with 5 free failures. Counted, one address with a few accounts of its own filled the 300 a
    // minute and held every new browser on the site out (probe, round 10).
    if (!admission.trusted) {
      await db.$queryRaw(rateLimitSql({ rule: GLOBAL_FAILURES, subject: 'all', now }));
    }
    return;
  }
  const trustedUntil = pgTimestamp(new Date(now.getTime() + TRUST_DAYS * 86_400_000));
  if (device) {
    await db.$executeRaw`
      INSERT INTO "SignInThrottle" (key, "trustedUntil")
      VALUES (${keyOf('device', device.email, '', device.token)}, ${trustedUntil}::timestamp(3))
      ON CONFLICT (key) DO UPDATE SET
        failures = 0, "blockedUntil" = NULL, "lastFailureAt" = NULL,
        "trustedUntil" = EXCLUDED."trustedUntil"`;
  }
  const pair = admission.charged.find((k) => k.kind === 'pair')?.key ?? '';
  const others = admission.charged.filter((k) => k.kind !== 'pair').map((k) => k.key);
  await db.$executeRaw`
    UPDATE "SignInThrottle" SET
      failures = CASE WHEN key = ${pair} THEN 0 ELSE GREATEST(failures - 1, 0) END,
      "blockedUntil" = NULL,
      "lastFailureAt" = CASE WHEN key = ${pair} THEN NULL ELSE "lastFailureAt" END,
      "trustedUntil" = CASE WHEN key = ${pair} THEN ${trustedUntil}::timestamp(3)
        ELSE "trustedUntil" END
    WHERE key = ANY(${[pair, ...others]}::text[])`;
};

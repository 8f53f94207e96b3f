import { createHash, randomBytes } from 'node:crypto';
import { type DbClient, Prisma, type User } from '@quiz/prisma';
import { queryRows } from '../../lib/sql';

/** The cookie that carries the opaque session token (its name over plain HTTP). */
export const SESSION_COOKIE = 'quiz_session';

/**
 * The session cookie's name. Behind HTTPS it is `__Host-` prefixed: browsers keep such a cookie
 * only if it is Secure, Path=/ and has no Domain, so no other site (a sibling subdomain on the
 * same parent domain) can plant one. With the plain name, a planted `quiz_session` with a longer
 * Path was sent first and read first: the student was signed into the planter's account (probe,
 * 7 Dec). Over plain HTTP (development) browsers refuse `__Host-` cookies, hence the plain name.
 */
export const sessionCookieName = (env: { COOKIE_SECURE: boolean }): string =>
  env.COOKIE_SECURE ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;

/**
 * The browser's sign-in device cookie: a random id given at a successful sign-in, so that the
 * browser's owner is trusted by (email, browser) and not only by (email, address). A classmate
 * behind the school's one address could otherwise fail sign-ins with a student's email and keep
 * her (trusted by that same address) out for 15 minutes at a time (probe, round 9). `__Host-`
 * behind HTTPS, for the session cookie's reason: a planted id would let the planter's failures
 * count against the student's browser.
 */
export const DEVICE_COOKIE = 'quiz_device';

export const deviceCookieName = (env: { COOKIE_SECURE: boolean }): string =>
  env.COOKIE_SECURE ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;

/** A device id as a cookie may carry it (anything else is ignored, as a malformed session is). */
export const isDeviceToken = (value: string | undefined | null): value is string =>
  !!value && /^[A-Za-z0-9_-]{20,100}$/.test(value);

export const newDeviceToken = (): string => randomBytes(24).toString('base64url');

/** A new random session token (sent to the browser) and its hash (the only thing stored). */
export const newSessionToken = (): { token: string; id: string } => {
  const token = randomBytes(32).toString('base64url');
  return { token, id: hashSessionToken(token) };
};

export const hashSessionToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

/** The session lookup (exported for the benchmark's floor server). */
export const sessionSql = (id: string) => Prisma.sql`
    SELECT u.*, s."expiresAt" AS "_expiresAt", s."revokedAt" AS "_revokedAt"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${id}`;

/**
 * The user behind a session token, or null when the token is unknown, expired or revoked.
 * Looked up on every request, so revoking a session takes effect at once in every API process.
 */
export const findUserBySessionToken = async ({
  db,
  token,
  now,
}: {
  db: DbClient;
  token: string;
  now: Date;
}): Promise<{ user: User; sessionId: string } | null> => {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    return null;
  }
  // One statement per request: the session and its user, joined.
  const id = hashSessionToken(token);
  const rows = await queryRows<User & { _expiresAt: Date; _revokedAt: Date | null }>(
    db,
    sessionSql(id),
  );
  const row = rows[0];
  if (!row || row._revokedAt || row._expiresAt <= now) {
    return null;
  }
  const { _expiresAt, _revokedAt, ...user } = row;
  return { user, sessionId: id };
};

/**
 * Whether a session (by its id, the token's hash) still stands: not revoked, not expired. For
 * streams that outlive the request that checked the cookie (a host's live stream).
 */
export const sessionIsLive = async ({
  db,
  sessionId,
  now,
}: {
  db: DbClient;
  sessionId: string;
  now: Date;
}): Promise<boolean> => {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true },
  });
  return !!session && session.revokedAt === null && session.expiresAt > now;
};

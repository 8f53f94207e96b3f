import type { DbClient, Role, User } from '@quiz/prisma';
import { z } from 'zod';
import { type FieldError, fieldError } from '../../lib/field-errors';
import { consumeRateLimit, RATE_LIMITS } from '../../lib/rate-limit';
import { checkDisplayName, checkNickname } from './nickname';
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from './passwords';
import { newSessionToken } from './session';

/** A successful sign-in: the user and the raw token for the cookie (only its hash is stored). */
export type SignedIn = { user: User; token: string; errors?: undefined };
export type AuthResult = SignedIn | { user?: undefined; token?: undefined; errors: FieldError[] };

type SessionOptions = {
  db: DbClient;
  now: Date;
  ttlDays: number;
  /** The session the request came with; it ends when a new one starts (no fixation). */
  currentSessionId: string | null;
};

const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());

const startSession = async ({
  db,
  now,
  ttlDays,
  currentSessionId,
  userId,
}: SessionOptions & { userId: string }): Promise<string> => {
  const { token, id } = newSessionToken();
  if (currentSessionId) {
    await db.session.updateMany({
      where: { id: currentSessionId, revokedAt: null },
      data: { revokedAt: now },
    });
  }
  await db.session.create({
    data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + ttlDays * 86_400_000) },
  });
  return token;
};

export type SignUpOptions = SessionOptions & {
  input: { email: string; password: string; displayName: string; role?: Role | null };
  ip: string;
};

/** Creates a student or teacher account and signs it in. Validation failures come back as FieldErrors. */
export const signUp = async ({ input, ip, ...session }: SignUpOptions): Promise<AuthResult> => {
  const { db, now } = session;
  await consumeRateLimit({ db, rule: RATE_LIMITS.signUpPerIp, subject: ip, now });
  const errors: FieldError[] = [];
  const email = Email.safeParse(input.email);
  if (!email.success) {
    errors.push(fieldError('email', 'INVALID', 'Enter a valid email address'));
  }
  const problem = passwordProblem(input.password, email.data ?? input.email);
  if (problem) {
    errors.push(
      fieldError(
        'password',
        input.password.length < 10
          ? 'TOO_SHORT'
          : input.password.length > PASSWORD_MAX
            ? 'TOO_LONG'
            : 'WEAK_PASSWORD',
        problem,
      ),
    );
  }
  const name = checkDisplayName(input.displayName);
  if (!name.ok) {
    errors.push(fieldError('displayName', name.code, name.message));
  }
  const role = input.role ?? 'STUDENT';
  if (role !== 'STUDENT' && role !== 'TEACHER') {
    errors.push(fieldError('role', 'NOT_ALLOWED', 'Choose STUDENT or TEACHER'));
  }
  if (errors.length > 0 || !email.success || !name.ok) {
    return { errors };
  }
  const taken = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  if (taken) {
    return { errors: [fieldError('email', 'TAKEN', 'An account with this email exists')] };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: email.data, displayName: name.nickname, role, passwordHash, createdAt: now },
    });
    return { user, token: await startSession({ ...session, userId: user.id }) };
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') {
      return { errors: [fieldError('email', 'TAKEN', 'An account with this email exists')] };
    }
    throw error;
  }
};

export type SignInOptions = SessionOptions & {
  input: { email: string; password: string };
  ip: string;
};

const INVALID = [fieldError('password', 'INVALID_CREDENTIALS', 'Wrong email or password')];

/**
 * Signs in with email and password. Limited per email+address and per email (shared by every
 * API process); an unknown email costs one argon2 verification like a known one.
 */
export const signIn = async ({ input, ip, ...session }: SignInOptions): Promise<AuthResult> => {
  const { db, now } = session;
  const email = input.email.trim().toLowerCase().slice(0, 254);
  await consumeRateLimit({
    db,
    rule: RATE_LIMITS.signInPerEmailAndIp,
    subject: `${email}|${ip}`,
    now,
  });
  await consumeRateLimit({ db, rule: RATE_LIMITS.signInPerEmail, subject: email, now });
  const password = input.password.slice(0, PASSWORD_MAX + 1);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.isGuest ? null : user?.passwordHash, password);
  if (!user || !ok) {
    return { errors: INVALID };
  }
  return { user, token: await startSession({ ...session, userId: user.id }) };
};

export type JoinAsGuestOptions = SessionOptions & { nickname: string; ip: string };

/** A guest: a user without email or password, known by a checked nickname. */
export const joinAsGuest = async ({
  nickname,
  ip,
  ...session
}: JoinAsGuestOptions): Promise<AuthResult> => {
  const { db, now } = session;
  const check = checkNickname(nickname);
  if (!check.ok) {
    return { errors: [fieldError('nickname', check.code, check.message)] };
  }
  await consumeRateLimit({ db, rule: RATE_LIMITS.guestPerIp, subject: ip, now });
  const user = await db.user.create({
    data: { displayName: check.nickname, role: 'STUDENT', isGuest: true, createdAt: now },
  });
  return { user, token: await startSession({ ...session, userId: user.id }) };
};

/** Ends one session at once (every process checks revocation on each request). */
export const signOut = async ({
  db,
  sessionId,
  now,
}: {
  db: DbClient;
  sessionId: string | null;
  now: Date;
}): Promise<boolean> => {
  if (!sessionId) {
    return false;
  }
  const { count } = await db.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count > 0;
};

/** Ends every session of a user (all devices). */
export const signOutEverywhere = async ({
  db,
  userId,
  now,
}: {
  db: DbClient;
  userId: string;
  now: Date;
}): Promise<boolean> => {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return true;
};

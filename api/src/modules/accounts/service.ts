import { checkPassword, PASSWORD_MAX } from '@quiz/password-rule';
import type { DbClient, User } from '@quiz/prisma';
import { z } from 'zod';
import { type FieldError, fieldError } from '../../lib/field-errors';
import { pgTimestamp } from '../../lib/pg-time';
import { consumeRateLimit, RATE_LIMITS, refuseIfLimited } from '../../lib/rate-limit';
import { withTransaction } from '../../lib/transaction';
import { normalizeInvitationCode, recordInvitationUse, redeemInvitation } from './invitations';
import {
  checkDisplayName,
  checkNickname,
  displayNamePassesForStaff,
  type NicknameCheck,
  nameKey,
  withoutHonorific,
} from './nickname';
import { hashPassword, verifyPassword } from './passwords';
import { newDeviceToken, newSessionToken } from './session';
import { admitSignIn, settleSignIn } from './throttle';

/** A successful sign-in: the user and the raw token for the cookie (only its hash is stored). */
export type SignedIn = { user: User; token: string; sessionId: string; errors?: undefined };
export type AuthResult =
  | SignedIn
  | { user?: undefined; token?: undefined; sessionId?: undefined; errors: FieldError[] };

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
}: SessionOptions & { userId: string }): Promise<{ token: string; sessionId: string }> => {
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
  return { token, sessionId: id };
};

/** Guests' names are kept out of new names' way for this long; accounts' for good. */
const GUEST_NAME_DAYS = 30;

/**
 * Whether a checked name may be used: refused when it looks like a name in use (same key: an
 * account's, or a recent guest's), or when it is a title plus a teacher's name or part of one
 * ("Ms. Farahani" beside the teacher Leila Farahani). One indexed query.
 */
export const nameProblem = async (
  db: DbClient,
  check: Extract<NicknameCheck, { ok: true }>,
  now: Date,
  {
    guests = true,
    exceptUserId,
  }: {
    /** Recent guests' names count too (false: accounts' only, as for a live game's seat). */
    guests?: boolean;
    /** The one asking: their own name is theirs to use. */
    exceptUserId?: string;
  } = {},
): Promise<{ code: 'TAKEN' | 'NOT_ALLOWED'; message: string } | null> => {
  const guestsSince = new Date(now.getTime() - GUEST_NAME_DAYS * 86_400_000);
  const rest = withoutHonorific(check.key);
  const found = await db.user.findFirst({
    where: {
      ...(exceptUserId ? { id: { not: exceptUserId } } : {}),
      OR: [
        {
          nameKey: check.key,
          OR: [{ isGuest: false }, ...(guests ? [{ createdAt: { gt: guestsSince } }] : [])],
        },
        ...(rest
          ? [
              {
                nameKey: rest,
                isGuest: false,
                role: { in: ['TEACHER' as const, 'ADMIN' as const] },
              },
            ]
          : []),
      ],
    },
    select: { nameKey: true },
  });
  if (found) {
    return {
      code: 'TAKEN',
      message:
        'Someone already uses this name or one that looks like it; add an initial or a number',
    };
  }
  if (rest) {
    // A title plus one word of a teacher's name ("Dr Leila", "Ms. Farahani").
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT 1 AS n FROM "User"
      WHERE NOT "isGuest" AND role IN ('TEACHER', 'ADMIN')
        AND ${rest} = ANY(string_to_array("nameKey", ' '))
      LIMIT 1`;
    if (rows.length > 0) {
      return { code: 'NOT_ALLOWED', message: "This looks like a teacher's name; choose your own" };
    }
  }
  return null;
};

/** Gives users created before name keys existed theirs (the seed runs it on every start). */
export const backfillNameKeys = async (db: DbClient): Promise<number> => {
  const users = await db.user.findMany({
    where: { nameKey: '' },
    select: { id: true, displayName: true },
  });
  for (const user of users) {
    await db.user.update({ where: { id: user.id }, data: { nameKey: nameKey(user.displayName) } });
  }
  return users.length;
};

export type SignUpInput = {
  email: string;
  password: string;
  displayName: string;
  invitationCode?: string | null;
};

export type SignUpOptions = { db: DbClient; now: Date; input: SignUpInput; ip: string };

/** The sign-up answer: the same whether or not the email already had an account. */
export type SignUpResult = { accepted: boolean; errors: FieldError[] };

/** Thrown inside the sign-up transaction to undo it when the email is already registered. */
class EmailTaken extends Error {}
class InvalidInvitation extends Error {}

const INVALID_INVITATION = fieldError(
  'invitationCode',
  'INVALID',
  'This invitation code is not valid: it may be mistyped, used, revoked or expired',
);

/**
 * Creates a student account, or a teacher's with a valid invitation code. It does not sign in,
 * and answers `accepted` alike whether the email is new or already registered (then nothing is
 * written and the code is not used): the response does not say who has an account. Both paths
 * hash the password once and run the same insert, so the time does not say it either. The user
 * signs in next; see docs/security.md, "Accounts and sign-in".
 */
export const signUp = async ({ db, now, input, ip }: SignUpOptions): Promise<SignUpResult> => {
  await consumeRateLimit({ db, rule: RATE_LIMITS.signUpPerIp, subject: ip, now });
  const errors: FieldError[] = [];
  const email = Email.safeParse(input.email);
  if (!email.success) {
    errors.push(fieldError('email', 'INVALID', 'Enter a valid email address'));
  }
  const name = checkDisplayName(input.displayName);
  if (!name.ok) {
    errors.push(fieldError('displayName', name.code, name.message));
  }
  const password = checkPassword(input.password, [
    email.data ?? input.email,
    name.ok ? name.nickname : input.displayName,
  ]);
  if (!password.ok && password.code) {
    errors.push(fieldError('password', password.code, password.message));
  }
  const wantsInvitation = !!input.invitationCode?.trim();
  const code = wantsInvitation ? normalizeInvitationCode(input.invitationCode ?? '') : null;
  if (wantsInvitation && !code) {
    errors.push(INVALID_INVITATION);
  }
  // Without a code the account is a student's, whose name must not pass for staff on boards and
  // rosters (a teacher's invitation is the staff's way in; an invalid code creates nothing).
  if (name.ok && !wantsInvitation && displayNamePassesForStaff(name.nickname)) {
    errors.push(fieldError('displayName', 'NOT_ALLOWED', 'This name is reserved'));
  }
  if (errors.length > 0 || !email.success || !name.ok) {
    return { accepted: false, errors };
  }
  const clash = await nameProblem(db, name, now);
  if (clash) {
    return { accepted: false, errors: [fieldError('displayName', clash.code, clash.message)] };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    await withTransaction(db, async (tx) => {
      // The code is taken first, whatever the email: its answer must not depend on the email.
      if (code && !(await redeemInvitation({ db: tx, code, now }))) {
        throw new InvalidInvitation();
      }
      // ON CONFLICT DO NOTHING: an existing email inserts nothing and raises nothing, in the
      // same statement a new one takes; the rollback then gives the code back.
      const created = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "User" (id, email, "displayName", "nameKey", role, "passwordHash", "createdAt")
        VALUES (gen_random_uuid(), ${email.data}, ${name.nickname}, ${name.key},
          ${code ? 'TEACHER' : 'STUDENT'}::"Role", ${passwordHash}, ${pgTimestamp(now)}::timestamp(3))
        ON CONFLICT (email) DO NOTHING
        RETURNING id`;
      const user = created[0];
      if (!user) {
        throw new EmailTaken();
      }
      if (code) {
        await recordInvitationUse({ db: tx, code, userId: user.id });
      }
    });
  } catch (error) {
    if (error instanceof EmailTaken) {
      return { accepted: true, errors: [] };
    }
    if (error instanceof InvalidInvitation) {
      return { accepted: false, errors: [INVALID_INVITATION] };
    }
    throw error;
  }
  return { accepted: true, errors: [] };
};

export type SignInOptions = SessionOptions & {
  input: { email: string; password: string };
  ip: string;
  /** The browser's device id from its cookie, if any (throttle.ts trusts it by email). */
  device?: string | null;
};

const INVALID = [fieldError('password', 'INVALID_CREDENTIALS', 'Wrong email or password')];

/**
 * Signs in with email and password, through the failure throttles (throttle.ts): a throttled
 * attempt is refused before any hashing; an unknown email costs one argon2 verification like a
 * known one and is throttled by the same keys.
 */
export const signIn = async ({
  input,
  ip,
  device,
  ...session
}: SignInOptions): Promise<AuthResult & { device?: string }> => {
  const { db, now } = session;
  const email = input.email.trim().toLowerCase().slice(0, 254);
  // An account whose sign-ins are used up is refused before any hashing, whatever the password
  // (only its password's holder can use them up, so this tells a guesser nothing).
  const successes = { db, rule: RATE_LIMITS.signInPerAccount, subject: email, now };
  await refuseIfLimited(successes);
  const admission = await admitSignIn({ db, email, address: ip, device, now });
  const password = input.password.slice(0, PASSWORD_MAX + 1);
  const user = await db.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.isGuest ? null : user?.passwordHash, password);
  // A browser keeps its device id only if that id is already trusted for this email; any other
  // success gets a new random one. Trusting the id the browser brought let whoever chose it (a
  // made-up id planted beforehand: on a shared school computer, or by a sibling site over plain
  // HTTP) hold a trusted browser of every student who then signed in there (probe, round 10).
  const trustedDevice = device && admission.trustedDevice ? device : newDeviceToken();
  await settleSignIn({
    db,
    admission,
    success: !!user && ok,
    device: { email, token: trustedDevice },
    now,
  });
  if (!user || !ok) {
    return { errors: INVALID };
  }
  await consumeRateLimit(successes);
  return {
    user,
    ...(await startSession({ ...session, userId: user.id })),
    ...(trustedDevice === device ? {} : { device: trustedDevice }),
  };
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
  const clash = await nameProblem(db, check, now);
  if (clash) {
    return { errors: [fieldError('nickname', clash.code, clash.message)] };
  }
  const user = await db.user.create({
    data: {
      displayName: check.nickname,
      nameKey: check.key,
      role: 'STUDENT',
      isGuest: true,
      createdAt: now,
    },
  });
  return { user, ...(await startSession({ ...session, userId: user.id })) };
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

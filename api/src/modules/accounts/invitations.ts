import { createHash } from 'node:crypto';
import type { DbClient, TeacherInvitation } from '@quiz/prisma';
import { notFound } from '../../errors';
import { CODE_ALPHABET, randomCode } from '../../lib/codes';
import { type FieldError, fieldError } from '../../lib/field-errors';
import { isUuid } from '../../lib/ids';
import { consumeRateLimit, RATE_LIMITS } from '../../lib/rate-limit';
import { cleanUserText } from '../../lib/user-text';

/** 16 characters of a 25-letter alphabet: about 2^74 codes, so guessing one is hopeless. */
const CODE_LENGTH = 16;
export const INVITATION_TTL_DAYS = 7;
const LABEL_MAX = 80;

export type InvitationStatus = 'PENDING' | 'USED' | 'EXPIRED' | 'REVOKED';

export const invitationStatus = (invitation: TeacherInvitation, now: Date): InvitationStatus =>
  invitation.usedAt
    ? 'USED'
    : invitation.revokedAt
      ? 'REVOKED'
      : invitation.expiresAt <= now
        ? 'EXPIRED'
        : 'PENDING';

/** Codes are shown in groups of four ("ABCD-EFGH-…") and typed in any case, with or without dashes. */
const formatCode = (code: string): string => code.match(/.{4}/g)?.join('-') ?? code;

/** The canonical form of a typed invitation code, or null when it cannot be one. */
export const normalizeInvitationCode = (input: string): string | null => {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))
    ? code
    : null;
};

/** Codes are random and long, so a fast hash is enough: what matters is that no code is stored. */
export const hashInvitationCode = (code: string): string =>
  createHash('sha256').update(code).digest('hex');

export type CreatedInvitation = { invitation: TeacherInvitation; code: string };

/**
 * A new invitation; the code is returned once and only its hash is kept. `issuerId` is null
 * when an operator issues it from the command line (`pnpm teacher:invite`).
 */
export const createInvitation = async ({
  db,
  issuerId,
  label = '',
  now,
  ttlDays = INVITATION_TTL_DAYS,
}: {
  db: DbClient;
  issuerId: string | null;
  label?: string | null;
  now: Date;
  ttlDays?: number;
}): Promise<CreatedInvitation | { errors: FieldError[] }> => {
  const cleanLabel = cleanUserText(label ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  if ([...cleanLabel].length > LABEL_MAX) {
    return { errors: [fieldError('label', 'TOO_LONG', `Use at most ${LABEL_MAX} characters`)] };
  }
  if (issuerId) {
    await consumeRateLimit({ db, rule: RATE_LIMITS.invitePerUser, subject: issuerId, now });
  }
  const code = randomCode(CODE_LENGTH);
  const invitation = await db.teacherInvitation.create({
    data: {
      codeHash: hashInvitationCode(code),
      label: cleanLabel,
      createdById: issuerId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlDays * 86_400_000),
    },
  });
  return { invitation, code: formatCode(code) };
};

/** The issuer's own invitations, newest first. */
export const findInvitations = ({ db, issuerId }: { db: DbClient; issuerId: string }) =>
  db.teacherInvitation.findMany({
    where: { createdById: issuerId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 50,
  });

/** Revokes one of the issuer's pending invitations (idempotent); another's reads as missing. */
export const revokeInvitation = async ({
  db,
  issuerId,
  id,
  now,
}: {
  db: DbClient;
  issuerId: string;
  id: string;
  now: Date;
}): Promise<TeacherInvitation> => {
  const own = isUuid(id)
    ? await db.teacherInvitation.findFirst({ where: { id, createdById: issuerId } })
    : null;
  if (!own) {
    throw notFound('Invitation');
  }
  await db.teacherInvitation.updateMany({
    where: { id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  return db.teacherInvitation.findUniqueOrThrow({ where: { id } });
};

/**
 * Takes a pending invitation in one guarded update (two sign-ups racing for one code cannot both
 * get it). False when the code is unknown, used, revoked or expired.
 */
export const redeemInvitation = async ({
  db,
  code,
  now,
}: {
  db: DbClient;
  code: string;
  now: Date;
}): Promise<boolean> => {
  const { count } = await db.teacherInvitation.updateMany({
    where: {
      codeHash: hashInvitationCode(code),
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { usedAt: now },
  });
  return count === 1;
};

/** Notes who used a redeemed invitation (in the same transaction as the account). */
export const recordInvitationUse = ({
  db,
  code,
  userId,
}: {
  db: DbClient;
  code: string;
  userId: string;
}) =>
  db.teacherInvitation.update({
    where: { codeHash: hashInvitationCode(code) },
    data: { usedById: userId },
  });

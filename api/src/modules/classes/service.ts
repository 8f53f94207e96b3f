import type { Class, DbClient, User } from '@quiz/prisma';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import { normalizeCode } from '../../lib/codes';
import { type FieldError, fieldError, fieldErrorsFromZod } from '../../lib/field-errors';
import { isUuid } from '../../lib/ids';
import { consumeRateLimit, RATE_LIMITS, refuseIfLimited } from '../../lib/rate-limit';
import { withUniqueCode } from '../../lib/unique-code';
import { userText } from '../../lib/user-text';

export type ClassPayload = { class: Class | null; errors: FieldError[] };

const Name = userText().min(2, 'Use at least 2 characters').max(80);

/** A new class of the teacher's, with a join code for students. */
export const createClass = async ({
  db,
  teacherId,
  input,
  now,
}: {
  db: DbClient;
  teacherId: string;
  input: { name: string };
  now: Date;
}): Promise<ClassPayload> => {
  const parsed = z.object({ name: Name }).safeParse(input);
  if (!parsed.success) {
    return { class: null, errors: fieldErrorsFromZod(parsed.error) };
  }
  const created = await withUniqueCode((joinCode) =>
    db.class.create({ data: { teacherId, name: parsed.data.name, joinCode, createdAt: now } }),
  );
  return { class: created, errors: [] };
};

/**
 * A student joins a class by its code (idempotent). Guests and teachers cannot; tries are
 * limited per user so codes cannot be guessed by brute force.
 */
export const joinClass = async ({
  db,
  user,
  code,
  now,
  ip = null,
}: {
  db: DbClient;
  user: User;
  code: string;
  now: Date;
  /** The client's address: misses count against its code lookups (`codeLookupPerIp`). */
  ip?: string | null;
}): Promise<ClassPayload> => {
  if (user.isGuest || user.role !== 'STUDENT') {
    throw new AppError('FORBIDDEN', 'Only student accounts can join a class');
  }
  await consumeRateLimit({ db, rule: RATE_LIMITS.joinClassPerUser, subject: user.id, now });
  // Accounts cost a sign-up each (60 an hour per address), so a per-player count alone let one
  // address test class codes by the thousand: an address whose lookups are used up is refused
  // before the code is looked up, and each miss counts. A class joining behind one NAT (hits)
  // costs nothing.
  if (ip !== null) {
    await refuseIfLimited({ db, rule: RATE_LIMITS.codeLookupPerIp, subject: ip, now });
  }
  const joinCode = normalizeCode(code);
  const found = joinCode
    ? await db.class.findFirst({ where: { joinCode, archivedAt: null } })
    : null;
  if (!found) {
    if (ip !== null) {
      await consumeRateLimit({ db, rule: RATE_LIMITS.codeLookupPerIp, subject: ip, now });
    }
    return { class: null, errors: [fieldError('code', 'NOT_FOUND', 'No class has this code')] };
  }
  // ON CONFLICT DO NOTHING: Prisma's upsert read first and then inserted, so two joins at once
  // (a double tap) both inserted and the later one failed on the unique pair as
  // INTERNAL_SERVER_ERROR (probe round 7). Joining again keeps the first joinedAt.
  await db.classMember.createMany({
    data: [{ classId: found.id, userId: user.id, joinedAt: now }],
    skipDuplicates: true,
  });
  return { class: found, errors: [] };
};

/** Archives an own class: students can no longer join it. */
export const archiveClass = async ({
  db,
  teacherId,
  id,
  now,
}: {
  db: DbClient;
  teacherId: string;
  id: string;
  now: Date;
}): Promise<ClassPayload> => {
  const found = isUuid(id) ? await db.class.findFirst({ where: { id, teacherId } }) : null;
  if (!found) {
    throw notFound('Class');
  }
  if (found.archivedAt) {
    return { class: found, errors: [] };
  }
  const archived = await db.class.update({ where: { id }, data: { archivedAt: now } });
  return { class: archived, errors: [] };
};

const ownClass = async (db: DbClient, teacherId: string, id: string): Promise<Class> => {
  const found = isUuid(id) ? await db.class.findFirst({ where: { id, teacherId } }) : null;
  if (!found) {
    throw notFound('Class');
  }
  return found;
};

/**
 * The teacher takes a student out of their class. Before (probe round 8) a class, once joined,
 * could not be left or cleaned: anyone given the code (a student posts it; an account costs one
 * sign-up, 60 an hour per address) stayed on the class board and in the class's item statistics
 * for good, and the teacher's only remedy was archiving the class with its board. Attempts and
 * scores stay; the board and analytics filter by current membership.
 */
export const removeClassMember = async ({
  db,
  teacherId,
  classId,
  userId,
}: {
  db: DbClient;
  teacherId: string;
  classId: string;
  userId: string;
}): Promise<ClassPayload> => {
  const found = await ownClass(db, teacherId, classId);
  const { count } = isUuid(userId)
    ? await db.classMember.deleteMany({ where: { classId: found.id, userId } })
    : { count: 0 };
  if (count === 0) {
    throw notFound('Class member');
  }
  return { class: found, errors: [] };
};

/** A new join code for an own class: a leaked code stops letting anyone in (members stay). */
export const renewClassJoinCode = async ({
  db,
  teacherId,
  id,
}: {
  db: DbClient;
  teacherId: string;
  id: string;
}): Promise<ClassPayload> => {
  const found = await ownClass(db, teacherId, id);
  if (found.archivedAt) {
    throw new AppError('CONFLICT', 'This class is archived: nobody can join it');
  }
  const renewed = await withUniqueCode((joinCode) =>
    db.class.update({ where: { id: found.id }, data: { joinCode } }),
  );
  return { class: renewed, errors: [] };
};

/** The teacher's active classes, newest first. */
export const findTeacherClasses = ({
  db,
  teacherId,
}: {
  db: DbClient;
  teacherId: string;
}): Promise<Class[]> =>
  db.class.findMany({
    where: { teacherId, archivedAt: null },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });

/** A viewer's classes: a teacher's own, a student's memberships. */
export const findViewerClasses = ({ db, user }: { db: DbClient; user: User }): Promise<Class[]> =>
  user.role === 'STUDENT'
    ? db.class.findMany({
        where: { archivedAt: null, members: { some: { userId: user.id } } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
      })
    : findTeacherClasses({ db, teacherId: user.id });

/** A class its teacher or one of its members may see; null for anyone else. */
export const getVisibleClass = ({
  db,
  viewerId,
  id,
}: {
  db: DbClient;
  viewerId: string;
  id: string;
}): Promise<Class | null> =>
  isUuid(id)
    ? db.class.findFirst({
        where: { id, OR: [{ teacherId: viewerId }, { members: { some: { userId: viewerId } } }] },
      })
    : Promise.resolve(null);

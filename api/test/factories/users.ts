import { randomUUID } from 'node:crypto';
import type { DbClient, Role, User } from '@quiz/prisma';
import { nameKey } from '../../src/modules/accounts/nickname';
import { hashPassword } from '../../src/modules/accounts/passwords';
import { newSessionToken } from '../../src/modules/accounts/session';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

// One real argon2id hash per test process: factories reuse it so that a hundred users do not
// cost a hundred hashes.
let defaultHash: Promise<string> | undefined;
const passwordHash = () => {
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  return defaultHash;
};

let counter = 0;

export type CreatedUser = { user: User; token: string };

/** A user with a live session; `token` is what the cookie would carry. */
export const createUser = async (
  db: DbClient,
  overrides: { role?: Role; isGuest?: boolean; displayName?: string; email?: string } = {},
): Promise<CreatedUser> => {
  counter += 1;
  const isGuest = overrides.isGuest ?? false;
  const displayName = overrides.displayName ?? `${overrides.role ?? 'STUDENT'} ${counter}`;
  const user = await db.user.create({
    data: {
      displayName,
      nameKey: nameKey(displayName),
      email: isGuest
        ? null
        : (overrides.email ?? `user${counter}-${randomUUID().slice(0, 8)}@test.quiz`),
      role: overrides.role ?? 'STUDENT',
      isGuest,
      passwordHash: isGuest ? null : await passwordHash(),
    },
  });
  return { user, token: await createSession(db, user.id) };
};

export const createSession = async (db: DbClient, userId: string): Promise<string> => {
  const { token, id } = newSessionToken();
  await db.session.create({
    data: { id, userId, expiresAt: new Date(Date.now() + 365 * 86_400_000) },
  });
  return token;
};

export const createTeacher = (db: DbClient, overrides: { displayName?: string } = {}) =>
  createUser(db, { role: 'TEACHER', ...overrides });

export const createStudent = (db: DbClient, overrides: { displayName?: string } = {}) =>
  createUser(db, { role: 'STUDENT', ...overrides });

export const createGuest = (db: DbClient, overrides: { displayName?: string } = {}) =>
  createUser(db, { isGuest: true, ...overrides });

import type { DbClient, QuestionSet, SetStatus } from '@quiz/prisma';
import { AppError } from '../../../errors';
import { normalizeCode } from '../../../lib/codes';
import { pageSize } from '../../../lib/cursor';
import { isUuid } from '../../../lib/ids';
import { consumeRateLimit, RATE_LIMITS } from '../../../lib/rate-limit';

/**
 * Published sets anyone may browse and play, newest first (never practice sets). `after` is the
 * id of the last set already shown.
 */
export const findPublishedSets = async ({
  db,
  first,
  after,
}: {
  db: DbClient;
  first?: number | null;
  after?: string | null;
}): Promise<QuestionSet[]> => {
  const size = pageSize(first, 20, 100);
  const cursor =
    after && isUuid(after)
      ? await db.questionSet.findFirst({
          where: { id: after, status: 'PUBLISHED', isPractice: false },
          select: { id: true, publishedAt: true },
        })
      : null;
  if (after && !cursor?.publishedAt) {
    throw new AppError('BAD_USER_INPUT', 'after must be the id of a published set', {
      field: 'after',
    });
  }
  const publishedAt = cursor?.publishedAt;
  return db.questionSet.findMany({
    where: {
      status: 'PUBLISHED',
      isPractice: false,
      ...(cursor && publishedAt
        ? {
            OR: [{ publishedAt: { lt: publishedAt } }, { publishedAt, id: { gt: cursor.id } }],
          }
        : {}),
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: size,
  });
};

/** A published set by its share code, whatever the case or spacing typed; null when unknown. */
export const getPublishedSetByCode = async ({
  db,
  code,
}: {
  db: DbClient;
  code: string;
}): Promise<QuestionSet | null> => {
  const shareCode = normalizeCode(code);
  if (!shareCode) {
    return null;
  }
  return db.questionSet.findFirst({
    where: { shareCode, status: 'PUBLISHED', isPractice: false },
  });
};

export type JoinCodeKind = 'QUIZ' | 'ARCHIVED_QUIZ' | 'CLASS' | 'UNKNOWN';

/** What a typed code is, so the join page can say what to do (`Query.joinCode`). */
export type JoinCodeLookup = { kind: JoinCodeKind; set: QuestionSet | null };

/** The message for a code that starts no quiz, by kind (startAttempt's NOT_FOUND says it too). */
export const JOIN_CODE_MESSAGES: Record<Exclude<JoinCodeKind, 'QUIZ'>, string> = {
  UNKNOWN: 'No quiz or class has this code; check it with your teacher.',
  ARCHIVED_QUIZ: 'This quiz has been archived by its teacher and can no longer be played.',
  CLASS: 'This is a class code: join the class, then play its quizzes.',
};

/**
 * Looks a code up among published quizzes, then archived ones and open classes. A published quiz
 * costs nothing; the other answers are counted per client address (`codeLookupPerIp`), since they
 * would otherwise let anyone test class codes for free.
 */
export const lookUpJoinCode = async ({
  db,
  code,
  ip,
  now,
}: {
  db: DbClient;
  code: string;
  /** Null: the caller counts the request itself (startAttempt's own limit). */
  ip: string | null;
  now: Date;
}): Promise<JoinCodeLookup> => {
  const normal = normalizeCode(code);
  if (!normal) {
    return { kind: 'UNKNOWN', set: null };
  }
  const set = await db.questionSet.findFirst({
    where: { shareCode: normal, isPractice: false, status: { in: ['PUBLISHED', 'ARCHIVED'] } },
    orderBy: { status: 'desc' },
  });
  if (set?.status === 'PUBLISHED') {
    return { kind: 'QUIZ', set };
  }
  if (ip !== null) {
    await consumeRateLimit({ db, rule: RATE_LIMITS.codeLookupPerIp, subject: ip, now });
  }
  if (set) {
    return { kind: 'ARCHIVED_QUIZ', set: null };
  }
  const klass = await db.class.findFirst({
    where: { joinCode: normal, archivedAt: null },
    select: { id: true },
  });
  return { kind: klass ? 'CLASS' : 'UNKNOWN', set: null };
};

/** The teacher's own sets, most recently changed first. */
export const findMySets = ({
  db,
  ownerId,
  status,
}: {
  db: DbClient;
  ownerId: string;
  status?: SetStatus | null;
}): Promise<QuestionSet[]> =>
  db.questionSet.findMany({
    where: { ownerId, isPractice: false, ...(status ? { status } : {}) },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
  });

/** One own set, or null (another teacher's set reads as missing). */
export const getOwnSet = ({
  db,
  ownerId,
  id,
}: {
  db: DbClient;
  ownerId: string;
  id: string;
}): Promise<QuestionSet | null> =>
  isUuid(id)
    ? db.questionSet.findFirst({ where: { id, ownerId, isPractice: false } })
    : Promise.resolve(null);

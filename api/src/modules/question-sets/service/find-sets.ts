import type { DbClient, QuestionSet, SetStatus } from '@quiz/prisma';
import { AppError } from '../../../errors';
import { normalizeCode } from '../../../lib/codes';
import { pageSize } from '../../../lib/cursor';
import { isUuid } from '../../../lib/ids';

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

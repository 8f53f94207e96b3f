import type { DbClient, Prisma, Question, QuestionOrigin, QuestionType } from '@quiz/prisma';
import { z } from 'zod';
import { decodeCursor, encodeCursor, pageSize } from '../../../lib/cursor';

/** What a teacher may use: the generated bank and their own questions (never deleted or retired ones). */
export const visibleQuestionWhere = (viewerId: string): Prisma.QuestionWhereInput => ({
  deletedAt: null,
  retiredAt: null,
  OR: [{ origin: 'GENERATED' }, { authorId: viewerId }],
});

export type QuestionFilter = {
  types?: readonly QuestionType[] | null;
  eras?: readonly string[] | null;
  actors?: readonly string[] | null;
  themes?: readonly string[] | null;
  minDifficulty?: number | null;
  maxDifficulty?: number | null;
  origin?: QuestionOrigin | null;
  mine?: boolean | null;
  search?: string | null;
};

const filterWhere = (viewerId: string, filter: QuestionFilter | null | undefined) => {
  const and: Prisma.QuestionWhereInput[] = [visibleQuestionWhere(viewerId)];
  if (filter?.types?.length) {
    and.push({ type: { in: [...filter.types] } });
  }
  if (filter?.eras?.length) {
    and.push({ eraSlug: { in: [...filter.eras] } });
  }
  if (filter?.actors?.length) {
    and.push({ actorSlugs: { hasSome: [...filter.actors] } });
  }
  if (filter?.themes?.length) {
    and.push({ themes: { hasSome: [...filter.themes] } });
  }
  if (filter?.minDifficulty !== null && filter?.minDifficulty !== undefined) {
    and.push({ difficulty: { gte: filter.minDifficulty } });
  }
  if (filter?.maxDifficulty !== null && filter?.maxDifficulty !== undefined) {
    and.push({ difficulty: { lte: filter.maxDifficulty } });
  }
  if (filter?.origin) {
    and.push({ origin: filter.origin });
  }
  if (filter?.mine) {
    and.push({ authorId: viewerId });
  }
  const search = filter?.search?.trim().slice(0, 100);
  if (search) {
    and.push({ stem: { contains: search, mode: 'insensitive' } });
  }
  return { AND: and };
};

const Cursor = z.object({ d: z.number(), id: z.string().max(100) });

export type BankQuestionPage = {
  nodes: Question[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countsByType: { type: QuestionType; count: number }[];
};

export type FindBankQuestionsOptions = {
  db: DbClient;
  viewerId: string;
  filter?: QuestionFilter | null;
  first?: number | null;
  after?: string | null;
};

/**
 * Searches the questions a teacher may use, easiest first (then by id), keyset-paginated, with
 * the counts per type of the whole result for the filter chips.
 */
export const findBankQuestions = async ({
  db,
  viewerId,
  filter,
  first,
  after,
}: FindBankQuestionsOptions): Promise<BankQuestionPage> => {
  const size = pageSize(first, 20, 100);
  const where = filterWhere(viewerId, filter);
  const cursor = after ? decodeCursor(after, Cursor) : null;
  const [rows, groups] = await Promise.all([
    db.question.findMany({
      where: cursor
        ? {
            AND: [
              where,
              {
                OR: [
                  { difficulty: { gt: cursor.d } },
                  { difficulty: cursor.d, id: { gt: cursor.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ difficulty: 'asc' }, { id: 'asc' }],
      take: size + 1,
    }),
    db.question.groupBy({ by: ['type'], where, _count: { _all: true }, orderBy: { type: 'asc' } }),
  ]);
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  const countsByType = groups.map((group) => ({ type: group.type, count: group._count._all }));
  return {
    nodes,
    totalCount: countsByType.reduce((sum, group) => sum + group.count, 0),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor({ d: last.difficulty, id: last.id }) : null,
    },
    countsByType,
  };
};

/** One question the teacher may use, or null (another teacher's question reads as missing). */
export const getBankQuestion = ({
  db,
  viewerId,
  id,
}: {
  db: DbClient;
  viewerId: string;
  id: string;
}): Promise<Question | null> =>
  db.question.findFirst({ where: { id, ...visibleQuestionWhere(viewerId) } });

/**
 * The peers' schema: our SDL (api/schema.graphql, so the web's documents validate unchanged) with
 * straightforward Prisma resolvers, the way a team would write them with the ORM's defaults:
 * nested `include`s, one ORM call per field, the ORM's own findUnique batching, no DataLoaders,
 * no raw SQL, no caches, "my rank" by COUNT, no count table. Apollo (defaults), Yoga and Mercurius
 * all serve exactly this schema. The pure domain logic (scoring, response checks, board keys and
 * entry rules) is the API's, so every server computes the same answers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AttemptItem, PrismaClient, Question, User } from '@quiz/prisma';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { encodeCursor } from '../../src/lib/cursor';
import { DateTimeScalar } from '../../src/lib/date-time';
import { isUuid } from '../../src/lib/ids';
import { responseProblem } from '../../src/modules/attempts/responses';
import { deadlineOf, elapsedMs, isConcealed, isLate } from '../../src/modules/attempts/rules';
import { passageIdsOf } from '../../src/modules/attempts/views';
import {
  boardKey,
  boardsFor,
  type LeaderboardWindow,
  planFinishedAttempt,
} from '../../src/modules/leaderboard/ranking';
import { keyOf, promptOf } from '../../src/modules/questions/bank';
import { pointsFor, scoreResponse } from '../../src/modules/questions/scoring';
import {
  type QuestionKey,
  type QuestionPrompt,
  QuestionResponse,
  type Rationale,
} from '../../src/modules/questions/types';

export type PeerContext = { prisma: PrismaClient; viewer: User | null; now: Date };

const fail = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

const cookieValue = (header: string | null | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return undefined;
};

/** The viewer from the session cookie: one ORM call with the user included. */
export const peerContext = async (
  prisma: PrismaClient,
  cookie: string | null | undefined,
): Promise<PeerContext> => {
  const now = new Date();
  const token = cookieValue(cookie, 'quiz_session');
  const session = token
    ? await prisma.session.findUnique({
        where: { id: createHash('sha256').update(token).digest('hex') },
        include: { user: true },
      })
    : null;
  const viewer = session && !session.revokedAt && session.expiresAt > now ? session.user : null;
  return { prisma, viewer, now };
};

const requireViewer = (ctx: PeerContext): User => {
  if (!ctx.viewer) {
    throw fail('UNAUTHENTICATED', 'Sign in first');
  }
  return ctx.viewer;
};

type AttemptParent = {
  id: string;
  setId: string;
  userId: string;
  status: 'IN_PROGRESS' | 'FINISHED';
  finishedAt: Date | null;
  items?: AttemptItem[];
};
type QuestionParent = {
  item: AttemptItem;
  question: Question;
  status: string;
  finishedAt: Date | null;
};
type ResultParent = { item: AttemptItem; question: Question };
type EntryParent = {
  rank: number;
  score: number;
  achievedAt: Date;
  attemptCount: number;
  user: User;
};

const rankOnBoard = async (
  prisma: PrismaClient,
  key: string,
  entry: { score: number; achievedAt: Date; userId: string },
): Promise<number> =>
  1 +
  (await prisma.leaderboardEntry.count({
    where: {
      boardKey: key,
      OR: [
        { score: { gt: entry.score } },
        { score: entry.score, achievedAt: { lt: entry.achievedAt } },
        { score: entry.score, achievedAt: entry.achievedAt, userId: { lt: entry.userId } },
      ],
    },
  }));

const resultOf = (parent: QuestionParent): ResultParent | null => {
  if (parent.item.answeredAt) {
    return { item: parent.item, question: parent.question };
  }
  if (parent.status === 'FINISHED') {
    return {
      item: {
        ...parent.item,
        answeredAt: parent.finishedAt ?? new Date(0),
        isCorrect: false,
        credit: 0,
        points: 0,
        response: {},
      },
      question: parent.question,
    };
  }
  return null;
};

const resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    attempt: async (_: unknown, { id }: { id: string }, ctx: PeerContext) => {
      const viewer = requireViewer(ctx);
      if (!isUuid(id)) {
        return null;
      }
      return ctx.prisma.attempt.findFirst({
        where: { id, userId: viewer.id },
        include: { items: { orderBy: { position: 'asc' } } },
      });
    },
    leaderboard: async (
      _: unknown,
      { input }: { input: { setId?: string | null; window?: LeaderboardWindow; first?: number } },
      ctx: PeerContext,
    ) => {
      const window = input.window ?? 'ALL_TIME';
      const first = input.first ?? 20;
      const set = input.setId
        ? await ctx.prisma.questionSet.findFirst({
            where: {
              id: input.setId,
              isPractice: false,
              status: { in: ['PUBLISHED', 'ARCHIVED'] },
            },
          })
        : null;
      if (input.setId && !set) {
        throw fail('NOT_FOUND', 'Question set not found');
      }
      const key = boardKey(set?.id ?? null, window, ctx.now);
      const rows = await ctx.prisma.leaderboardEntry.findMany({
        where: { boardKey: key },
        orderBy: [{ score: 'desc' }, { achievedAt: 'asc' }, { userId: 'asc' }],
        take: first + 1,
        include: { user: true },
      });
      const totalPlayers = await ctx.prisma.leaderboardEntry.count({ where: { boardKey: key } });
      const mine = ctx.viewer
        ? await ctx.prisma.leaderboardEntry.findUnique({
            where: { boardKey_userId: { boardKey: key, userId: ctx.viewer.id } },
            include: { user: true },
          })
        : null;
      const page = rows.slice(0, first);
      const last = page.at(-1);
      return {
        set,
        window,
        class: null,
        totalPlayers,
        entries: page.map((row, index) => ({ ...row, rank: index + 1 })),
        viewerEntry: mine ? { ...mine, rank: await rankOnBoard(ctx.prisma, key, mine) } : null,
        pageInfo: {
          hasNextPage: rows.length > first,
          endCursor: last
            ? encodeCursor({ s: last.score, t: last.achievedAt.toISOString(), u: last.userId })
            : null,
        },
      };
    },
  },
  Mutation: {
    answerQuestion: async (
      _: unknown,
      args: { attemptId: string; position: number; response: Record<string, unknown> },
      ctx: PeerContext,
    ): Promise<ResultParent> => {
      const viewer = requireViewer(ctx);
      const { prisma, now } = ctx;
      // Rate limit: 120 answers a minute per player, read then write.
      const key = `answer:user:${viewer.id}`;
      const bucket = await prisma.rateLimitBucket.findUnique({ where: { key } });
      if (!bucket || bucket.resetAt <= now) {
        await prisma.rateLimitBucket.upsert({
          where: { key },
          create: { key, count: 1, resetAt: new Date(now.getTime() + 60_000) },
          update: { count: 1, resetAt: new Date(now.getTime() + 60_000) },
        });
      } else if (bucket.count >= 120) {
        throw fail('RATE_LIMITED', 'Too many requests');
      } else {
        await prisma.rateLimitBucket.update({ where: { key }, data: { count: { increment: 1 } } });
      }
      if (!isUuid(args.attemptId)) {
        throw fail('NOT_FOUND', 'Question of this attempt not found');
      }
      const item = await prisma.attemptItem.findUnique({
        where: { attemptId_position: { attemptId: args.attemptId, position: args.position } },
        include: { attempt: true },
      });
      if (!item || item.attempt.userId !== viewer.id) {
        throw fail('NOT_FOUND', 'Question of this attempt not found');
      }
      const question = await prisma.question.findUnique({ where: { id: item.questionId } });
      if (!question) {
        throw fail('NOT_FOUND', 'Question not found');
      }
      if (item.answeredAt) {
        return { item, question };
      }
      if (item.attempt.status !== 'IN_PROGRESS') {
        throw fail('CONFLICT', 'The attempt is finished');
      }
      const parsed = QuestionResponse.safeParse(args.response);
      const prompt = promptOf(question);
      const problem = parsed.success
        ? responseProblem(question.type, prompt, parsed.data)
        : 'The response has the wrong shape';
      if (!parsed.success || problem) {
        throw fail('BAD_USER_INPUT', problem ?? 'Invalid response');
      }
      const timing = { presentedAt: item.presentedAt ?? now, timeLimitSec: item.timeLimitSec };
      const late = isLate(timing, now);
      const score = late
        ? { credit: 0, isCorrect: false }
        : scoreResponse({
            type: question.type,
            prompt,
            key: keyOf(question),
            response: parsed.data,
          });
      const points = late
        ? 0
        : pointsFor({
            credit: score.credit,
            scoringMode: item.attempt.scoringMode,
            elapsedMs: elapsedMs(timing, now),
            timeLimitMs: item.timeLimitSec === null ? null : item.timeLimitSec * 1000,
          });
      const updated = await prisma.attemptItem.update({
        where: {
          attemptId_position: { attemptId: args.attemptId, position: args.position },
          answeredAt: null,
        },
        data: {
          answeredAt: now,
          presentedAt: item.presentedAt ?? now,
          response: parsed.data,
          isCorrect: score.isCorrect,
          credit: score.credit,
          points,
          timedOut: late,
        },
      });
      return { item: updated, question };
    },
    finishAttempt: async (_: unknown, { attemptId }: { attemptId: string }, ctx: PeerContext) => {
      const viewer = requireViewer(ctx);
      const { prisma, now } = ctx;
      if (!isUuid(attemptId)) {
        throw fail('NOT_FOUND', 'Attempt not found');
      }
      return prisma.$transaction(async (tx) => {
        const attempt = await tx.attempt.findFirst({
          where: { id: attemptId, userId: viewer.id },
          include: { set: true },
        });
        if (!attempt) {
          throw fail('NOT_FOUND', 'Attempt not found');
        }
        if (attempt.status === 'FINISHED') {
          return attempt;
        }
        const sum = await tx.attemptItem.aggregate({
          where: { attemptId },
          _sum: { points: true },
        });
        const correctCount = await tx.attemptItem.count({
          where: { attemptId, isCorrect: true, timedOut: false },
        });
        const finished = await tx.attempt.update({
          where: { id: attemptId },
          data: {
            status: 'FINISHED',
            finishedAt: now,
            score: sum._sum.points ?? 0,
            correctCount,
          },
        });
        if (!attempt.set.isPractice) {
          const existing = await tx.leaderboardEntry.findMany({
            where: { userId: viewer.id, boardKey: { in: boardsFor(attempt.setId, now) } },
          });
          const { entries } = planFinishedAttempt(
            {
              attemptId,
              userId: viewer.id,
              setId: attempt.setId,
              score: finished.score,
              finishedAt: now,
            },
            existing,
          );
          for (const entry of entries) {
            await tx.leaderboardEntry.upsert({
              where: { boardKey_userId: { boardKey: entry.boardKey, userId: entry.userId } },
              create: entry,
              update: entry,
            });
          }
        }
        return finished;
      });
    },
  },
  Attempt: {
    set: (attempt: AttemptParent, _: unknown, ctx: PeerContext) =>
      ctx.prisma.questionSet.findUnique({ where: { id: attempt.setId } }),
    player: (attempt: AttemptParent, _: unknown, ctx: PeerContext) =>
      ctx.prisma.user.findUnique({ where: { id: attempt.userId } }),
    answeredCount: (attempt: AttemptParent) =>
      (attempt.items ?? []).filter((item) => item.answeredAt).length,
    questions: async (
      attempt: AttemptParent,
      _: unknown,
      ctx: PeerContext,
    ): Promise<QuestionParent[]> => {
      const items = attempt.items ?? [];
      const questions = await ctx.prisma.question.findMany({
        where: { id: { in: items.map((item) => item.questionId) } },
      });
      const byId = new Map(questions.map((question) => [question.id, question]));
      return items.map((item) => ({
        item,
        question: byId.get(item.questionId) as Question,
        status: attempt.status,
        finishedAt: attempt.finishedAt,
      }));
    },
    citations: async (attempt: AttemptParent, _: unknown, ctx: PeerContext) => {
      const answered = (attempt.items ?? []).filter((item) => item.answeredAt);
      const questions = await ctx.prisma.question.findMany({
        where: { id: { in: answered.map((item) => item.questionId) } },
      });
      const ids = [...new Set(questions.flatMap(passageIdsOf))];
      return ctx.prisma.citation.findMany({ where: { id: { in: ids } } });
    },
    rank: async (attempt: AttemptParent, _: unknown, ctx: PeerContext) => {
      if (attempt.status !== 'FINISHED') {
        return null;
      }
      const key = boardKey(attempt.setId, 'ALL_TIME', new Date(0));
      const entry = await ctx.prisma.leaderboardEntry.findUnique({
        where: { boardKey_userId: { boardKey: key, userId: attempt.userId } },
      });
      return entry ? rankOnBoard(ctx.prisma, key, entry) : null;
    },
  },
  PublishedSet: {
    shareCode: (set: { shareCode: string | null }) => set.shareCode ?? '',
    isTimed: async (set: { id: string }, _: unknown, ctx: PeerContext) =>
      (await ctx.prisma.questionSetItem.count({
        where: { setId: set.id, timeLimitSec: { not: null } },
      })) > 0,
    questionCount: (set: { id: string }, _: unknown, ctx: PeerContext) =>
      ctx.prisma.questionSetItem.count({ where: { setId: set.id } }),
  },
  AttemptQuestion: {
    position: (p: QuestionParent) => p.item.position,
    questionId: (p: QuestionParent) => p.question.id,
    type: (p: QuestionParent) => p.question.type,
    stem: (p: QuestionParent) =>
      isConcealed(p.item, p.status as 'IN_PROGRESS') ? '' : p.question.stem,
    prompt: (p: QuestionParent) =>
      isConcealed(p.item, p.status as 'IN_PROGRESS') ? {} : promptOf(p.question),
    concealed: (p: QuestionParent) => isConcealed(p.item, p.status as 'IN_PROGRESS'),
    timeLimitSec: (p: QuestionParent) => p.item.timeLimitSec,
    presentedAt: (p: QuestionParent) => p.item.presentedAt,
    deadline: (p: QuestionParent) => deadlineOf(p.item),
    result: resultOf,
  },
  QuestionPrompt: {
    options: (p: QuestionPrompt) => p.options ?? [],
    selectMany: (p: QuestionPrompt) => p.selectMany ?? false,
    items: (p: QuestionPrompt) => p.items ?? [],
    targets: (p: QuestionPrompt) => p.targets ?? [],
    numeric: (p: QuestionPrompt) => p.numeric ?? null,
    quote: (p: QuestionPrompt) => p.quote ?? null,
  },
  AnswerResult: {
    position: (r: ResultParent) => r.item.position,
    isCorrect: (r: ResultParent) => r.item.isCorrect ?? false,
    credit: (r: ResultParent) => r.item.credit ?? 0,
    points: (r: ResultParent) => r.item.points ?? 0,
    timedOut: (r: ResultParent) => r.item.timedOut,
    answeredAt: (r: ResultParent) => r.item.answeredAt,
    response: (r: ResultParent) => r.item.response ?? {},
    key: (r: ResultParent) => keyOf(r.question),
    explanation: (r: ResultParent) => r.question.explanation,
    citations: (r: ResultParent, _: unknown, ctx: PeerContext) =>
      ctx.prisma.citation.findMany({ where: { id: { in: r.question.citationIds } } }),
    citationIds: async (r: ResultParent, _: unknown, ctx: PeerContext) =>
      (await ctx.prisma.citation.findMany({ where: { id: { in: r.question.citationIds } } })).map(
        (c) => c.id,
      ),
    passages: (r: ResultParent, _: unknown, ctx: PeerContext) =>
      ctx.prisma.citation.findMany({ where: { id: { in: passageIdsOf(r.question) } } }),
  },
  AnswerKey: {
    optionIds: (k: QuestionKey) => k.optionIds ?? [],
    order: (k: QuestionKey) => k.order ?? [],
    pairs: (k: QuestionKey) => k.pairs ?? [],
    year: (k: QuestionKey) => k.year ?? null,
  },
  Rationale: {
    citations: (r: Rationale, _: unknown, ctx: PeerContext) =>
      ctx.prisma.citation.findMany({ where: { id: { in: r.citationIds } } }),
    citationIds: async (r: Rationale, _: unknown, ctx: PeerContext) =>
      (await ctx.prisma.citation.findMany({ where: { id: { in: r.citationIds } } })).map(
        (c) => c.id,
      ),
  },
  ResponseValue: {
    optionIds: (r: { optionIds?: string[] }) => r.optionIds ?? [],
    order: (r: { order?: string[] }) => r.order ?? [],
    pairs: (r: { pairs?: unknown[] }) => r.pairs ?? [],
    year: (r: { year?: number }) => r.year ?? null,
  },
  Citation: {
    source: (c: { sourceSlug: string }, _: unknown, ctx: PeerContext) =>
      ctx.prisma.source.findUnique({ where: { slug: c.sourceSlug } }),
  },
  LeaderboardEntry: {
    player: (e: EntryParent) => e.user,
  },
};

export const peerSchema = (): GraphQLSchema =>
  createSchema<PeerContext>({
    typeDefs: readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8'),
    resolvers,
  });

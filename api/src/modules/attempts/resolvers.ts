import type { Attempt } from '@quiz/prisma';
import type { Context } from '../../context';
import { AppError, notFound } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { requireViewer } from '../accounts/guards';
import { type PlayerPlace, rankEntries } from '../leaderboard/service';
import { keyOf } from '../questions/bank';
import { storedGrade } from '../questions/short-answer';
import { idMapsOf, playerPrompt, publicKey, publicResponse } from './public-ids';
import { answerQuestion, openQuestion } from './service/answer-question';
import {
  type AttemptWithItems,
  countReviewDue,
  findMyAttempts,
  getOwnAttempt,
} from './service/find-attempts';
import { finishAttempt, rankTargetOf } from './service/finish-attempt';
import { startAttempt, startPractice, startReview } from './service/start-attempt';
import { attemptQuestionView, passageIdsOf } from './views';

/** Hands what a service already read to the loaders, so field resolvers do not read it again. */
const primed = (ctx: Context, found: AttemptWithItems): Attempt => {
  ctx.loaders.attemptItems.prime(found.attempt.id, found.items);
  ctx.loaders.set.prime(found.set.id, found.set);
  if (found.setStats) {
    ctx.loaders.setStats.prime(found.set.id, found.setStats);
  }
  return found.attempt;
};

/**
 * The player's entry on the all-time board of a finished attempt's set (null for practice and
 * unfinished attempts, or no entry): its rank and the attempt it holds. One attempt's three rank
 * fields share it through the loader.
 */
const placeOf = async (attempt: Attempt, ctx: Context): Promise<PlayerPlace | null> => {
  if (attempt.status !== 'FINISHED') {
    return null;
  }
  // Just finished here: rank the entry the finish wrote (no need to read it back).
  const target = rankTargetOf(attempt);
  // A finish that wrote no entry (a retake) still has the player's place from their first attempt.
  if (target) {
    const cached = justRanked.get(target);
    if (cached) {
      return cached;
    }
    const ranking = rankEntries({
      db: ctx.db,
      targets: [{ boardKey: target.boardKey, entry: target }],
    }).then(([rank]) => (rank ? { rank, attemptId: target.attemptId } : null));
    justRanked.set(target, ranking);
    return ranking;
  }
  const set = await ctx.loaders.set.load(attempt.setId);
  return set && !set.isPractice
    ? ctx.loaders.setPlace.load(`${attempt.setId}|${attempt.userId}`)
    : null;
};
const justRanked = new WeakMap<object, Promise<PlayerPlace | null>>();

export const resolvers: Resolvers = {
  Query: {
    attempt: async (_parent, { id }, ctx) => {
      const found = await getOwnAttempt({ db: ctx.db, userId: requireViewer(ctx).id, id });
      return found ? primed(ctx, found) : null;
    },
    myAttempts: (_parent, { first, after }, ctx) =>
      findMyAttempts({ db: ctx.db, userId: requireViewer(ctx).id, first, after }),
    reviewDueCount: (_parent, _args, ctx) =>
      countReviewDue({ db: ctx.db, userId: requireViewer(ctx).id, now: ctx.now() }),
  },
  Mutation: {
    startAttempt: async (_parent, { input }, ctx) =>
      primed(
        ctx,
        await startAttempt({
          db: ctx.db,
          user: requireViewer(ctx),
          input,
          now: ctx.now(),
          ip: ctx.ip,
        }),
      ),
    startPractice: async (_parent, { input }, ctx) =>
      primed(
        ctx,
        await startPractice({
          db: ctx.db,
          user: requireViewer(ctx),
          input: { ...input, count: input.count ?? 10 },
          now: ctx.now(),
          ip: ctx.ip,
        }),
      ),
    startReview: async (_parent, { count }, ctx) =>
      primed(
        ctx,
        await startReview({
          db: ctx.db,
          user: requireViewer(ctx),
          count: count ?? 10,
          now: ctx.now(),
          ip: ctx.ip,
        }),
      ),
    openQuestion: (_parent, { attemptId, position }, ctx) =>
      openQuestion({
        db: ctx.db,
        userId: requireViewer(ctx).id,
        attemptId,
        position,
        now: ctx.now(),
      }),
    answerQuestion: (_parent, { attemptId, position, response }, ctx) =>
      answerQuestion({
        db: ctx.db,
        userId: requireViewer(ctx).id,
        attemptId,
        position,
        response,
        now: ctx.now(),
      }),
    finishAttempt: (_parent, { attemptId }, ctx) =>
      finishAttempt({ db: ctx.db, userId: requireViewer(ctx).id, attemptId, now: ctx.now() }),
  },
  // Reachable only through the player's own attempts (every query filters by the viewer).
  Attempt: {
    set: async (attempt, _args, ctx) => {
      const set = await ctx.loaders.set.load(attempt.setId);
      if (!set) {
        throw notFound('Question set');
      }
      return set;
    },
    player: async (attempt, _args, ctx) => {
      // Attempts are only ever read by their own player: the viewer is that user (same row).
      if (ctx.viewer && ctx.viewer.id === attempt.userId) {
        return ctx.viewer;
      }
      const player = await ctx.loaders.user.load(attempt.userId);
      if (!player) {
        throw notFound('Player');
      }
      return player;
    },
    answeredCount: async (attempt, _args, ctx) =>
      (await ctx.loaders.attemptItems.load(attempt.id)).filter((item) => item.answeredAt).length,
    questions: async (attempt, _args, ctx) => {
      const items = await ctx.loaders.attemptItems.load(attempt.id);
      const questions = await ctx.loaders.question.loadMany(items.map((item) => item.questionId));
      return items.map((item, index) => {
        const question = questions[index];
        if (!question || question instanceof Error) {
          throw new AppError('NOT_FOUND', `Question ${item.questionId} not found`);
        }
        return attemptQuestionView({
          item,
          question,
          status: attempt.status,
          scoringMode: attempt.scoringMode,
          finishedAt: attempt.finishedAt,
        });
      });
    },
    rank: async (attempt, _args, ctx) => {
      const place = await placeOf(attempt, ctx);
      return place && place.attemptId === attempt.id ? place.rank : null;
    },
    ranked: async (attempt, _args, ctx) => {
      const place = await placeOf(attempt, ctx);
      return place !== null && place.attemptId === attempt.id;
    },
    bestRank: async (attempt, _args, ctx) => (await placeOf(attempt, ctx))?.rank ?? null,
    // The one table of passages for the whole review: results and rationales carry ids only.
    // Unanswered items add nothing (their keys, and so their passages, stay unread).
    citations: async (attempt, _args, ctx) => {
      const items = (await ctx.loaders.attemptItems.load(attempt.id)).filter(
        (item) => item.answeredAt,
      );
      const questions = await ctx.loaders.question.loadMany(items.map((item) => item.questionId));
      const ids = questions.flatMap((question) =>
        question && !(question instanceof Error) ? passageIdsOf(question) : [],
      );
      return ctx.loaders.citations.load([...new Set(ids)]);
    },
  },
  // AttemptQuestion: plain properties (views.ts), no resolvers.
  // The only route to a key for a player: produced for locked (or finished) items only.
  AnswerResult: {
    position: (result) => result.item.position,
    isCorrect: (result) => result.item.isCorrect ?? false,
    credit: (result) => result.item.credit ?? 0,
    points: (result) => result.item.points ?? 0,
    timedOut: (result) => result.item.timedOut,
    answeredAt: (result) => result.item.answeredAt,
    // Stored in the question's own ids; the player sees the public ones (public-ids.ts).
    response: (result) =>
      publicResponse(
        (result.item.response ?? {}) as object,
        idMapsOf(playerPrompt(result.question)),
      ),
    key: (result) => publicKey(keyOf(result.question), idMapsOf(playerPrompt(result.question))),
    explanation: (result) => result.question.explanation,
    citations: (result, _args, ctx) => ctx.loaders.citations.load(result.question.citationIds),
    // Ids of passages that exist, like `citations` (a table lookup never misses).
    citationIds: async (result, _args, ctx) =>
      (await ctx.loaders.citations.load(result.question.citationIds)).map((c) => c.id),
    passages: (result, _args, ctx) => ctx.loaders.citations.load(passageIdsOf(result.question)),
    grading: (result) => storedGrade(result.item.grading),
  },
};

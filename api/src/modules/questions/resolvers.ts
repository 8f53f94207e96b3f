import type { Resolvers } from '../../generated/graphql';
import { requireTeacher } from '../accounts/guards';
import { playerPrompt } from '../attempts/public-ids';
import { keyOf, promptOf } from './bank';
import { findBankQuestions, findSimilarQuestions, getBankQuestion } from './service/find-questions';
import { generateBankQuestions } from './service/generate-questions';
import { createQuestion, deleteQuestion, updateQuestion } from './service/write-questions';
import { QUESTION_TYPES } from './types';

export const resolvers: Resolvers = {
  Query: {
    bankQuestions: (_parent, { filter, first, after }, ctx) =>
      findBankQuestions({
        db: ctx.db,
        viewerId: requireTeacher(ctx).id,
        filter,
        first,
        after,
        typeOrder: QUESTION_TYPES,
      }),
    bankQuestion: (_parent, { id }, ctx) =>
      getBankQuestion({ db: ctx.db, viewerId: requireTeacher(ctx).id, id }),
    similarQuestions: (_parent, { id, first }, ctx) =>
      findSimilarQuestions({ db: ctx.db, viewerId: requireTeacher(ctx).id, id, first }),
  },
  Mutation: {
    generateQuestions: (_parent, { input }, ctx) => {
      requireTeacher(ctx);
      return generateBankQuestions({ db: ctx.db, input: { ...input, count: input.count ?? 10 } });
    },
    createQuestion: (_parent, { input }, ctx) =>
      createQuestion({ db: ctx.db, authorId: requireTeacher(ctx).id, input, now: ctx.now() }),
    updateQuestion: (_parent, { id, input }, ctx) =>
      updateQuestion({ db: ctx.db, authorId: requireTeacher(ctx).id, id, input, now: ctx.now() }),
    deleteQuestion: (_parent, { id }, ctx) =>
      deleteQuestion({ db: ctx.db, authorId: requireTeacher(ctx).id, id, now: ctx.now() }),
  },
  // Reachable only through teacher-authorised fields (bank queries, own sets, own analytics).
  BankQuestion: {
    prompt: (question) => promptOf(question),
    // Probe round 12: the worksheet printed the stored order, a teacher's chronology solved.
    presentedPrompt: (question) => playerPrompt(question),
    key: (question) => keyOf(question),
    citations: (question, _args, ctx) => ctx.loaders.citations.load(question.citationIds),
    era: (question, _args, ctx) =>
      question.eraSlug ? ctx.loaders.era.load(question.eraSlug) : null,
    eras: async (question, _args, ctx) => {
      // Rows written without the facet refresh (none today) still show their own era.
      const slugs = question.eraSlugs.length > 0 ? question.eraSlugs : [question.eraSlug ?? ''];
      const eras = await Promise.all(
        slugs.filter(Boolean).map((slug) => ctx.loaders.era.load(slug)),
      );
      return eras
        .filter((era) => era !== null && era !== undefined)
        .sort((a, b) => a.position - b.position);
    },
    themes: (question, _args, ctx) => ctx.loaders.themes.load(question.themes),
    actors: (question, _args, ctx) => ctx.loaders.actors.load(question.actorSlugs),
    author: (question, _args, ctx) =>
      question.authorId ? ctx.loaders.user.load(question.authorId) : null,
  },
  QuestionPrompt: {
    options: (prompt) => prompt.options ?? [],
    selectMany: (prompt) => prompt.selectMany ?? false,
    items: (prompt) => prompt.items ?? [],
    targets: (prompt) => prompt.targets ?? [],
    numeric: (prompt) => prompt.numeric ?? null,
    quote: (prompt) => prompt.quote ?? null,
    answerHint: (prompt) => prompt.answerHint ?? null,
  },
  AnswerKey: {
    optionIds: (key) => key.optionIds ?? [],
    order: (key) => key.order ?? [],
    pairs: (key) => key.pairs ?? [],
    year: (key) => key.year ?? null,
    answers: (key) => key.answers ?? [],
    rejects: (key) => key.rejects ?? [],
  },
  Rationale: {
    citations: (rationale, _args, ctx) => ctx.loaders.citations.load(rationale.citationIds),
    // Only ids that `citations` returns, so a lookup in the passages table never misses.
    citationIds: async (rationale, _args, ctx) =>
      (await ctx.loaders.citations.load(rationale.citationIds)).map((c) => c.id),
  },
  ResponseValue: {
    optionIds: (response) => response.optionIds ?? [],
    order: (response) => response.order ?? [],
    pairs: (response) => response.pairs ?? [],
    year: (response) => response.year ?? null,
    text: (response) => response.text ?? null,
  },
};

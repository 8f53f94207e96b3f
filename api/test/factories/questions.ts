import { randomUUID } from 'node:crypto';
import type { DbClient, Prisma, Question, QuestionType } from '@quiz/prisma';
import { idMapsOf, playerPrompt, publicResponse } from '../../src/modules/attempts/public-ids';
import type { QuestionKey, QuestionPrompt } from '../../src/modules/questions/types';

let counter = 0;

/**
 * The answer a test player gives: right or wrong for each fixture question, in the ids a player
 * sees (o1, o2, …; `storedRight` is the same answer in the question's own ids).
 */
export type FixtureQuestion = Question & {
  right: Record<string, unknown>;
  wrong: Record<string, unknown>;
  storedRight: Record<string, unknown>;
};

const shapes: Record<
  'SINGLE_CHOICE' | 'MULTI_SELECT' | 'CHRONOLOGY' | 'NUMERIC_YEAR' | 'SHORT_ANSWER',
  (n: number) => { prompt: QuestionPrompt; key: QuestionKey; right: object; wrong: object }
> = {
  SINGLE_CHOICE: (n) => ({
    prompt: {
      options: [
        { id: `a${n}`, label: `Option A ${n}` },
        { id: `b${n}`, label: `Option B ${n}` },
        { id: `c${n}`, label: `Option C ${n}` },
        { id: `d${n}`, label: `Option D ${n}` },
      ],
    },
    key: {
      optionIds: [`b${n}`],
      rationales: [
        {
          ref: `b${n}`,
          isCorrect: true,
          text: 'B is right.',
          citationIds: ['cite-1'],
          factIds: [],
        },
        { ref: `a${n}`, isCorrect: false, text: 'A is wrong.', citationIds: [], factIds: [] },
      ],
    },
    right: { optionIds: [`b${n}`] },
    wrong: { optionIds: [`a${n}`] },
  }),
  MULTI_SELECT: (n) => ({
    prompt: {
      selectMany: true,
      options: [
        { id: `a${n}`, label: `Option A ${n}` },
        { id: `b${n}`, label: `Option B ${n}` },
        { id: `c${n}`, label: `Option C ${n}` },
      ],
    },
    key: { optionIds: [`a${n}`, `c${n}`], rationales: [] },
    right: { optionIds: [`a${n}`, `c${n}`] },
    wrong: { optionIds: [`b${n}`] },
  }),
  CHRONOLOGY: (n) => ({
    prompt: {
      items: [
        { id: `x${n}`, label: `Event X ${n}` },
        { id: `y${n}`, label: `Event Y ${n}` },
        { id: `z${n}`, label: `Event Z ${n}` },
      ],
    },
    key: { order: [`y${n}`, `x${n}`, `z${n}`], rationales: [] },
    right: { order: [`y${n}`, `x${n}`, `z${n}`] },
    wrong: { order: [`z${n}`, `x${n}`, `y${n}`] },
  }),
  NUMERIC_YEAR: () => ({
    prompt: { numeric: { min: 1946, max: 2025, tolerance: 0 } },
    key: { year: 1980, rationales: [] },
    right: { year: 1980 },
    wrong: { year: 1990 },
  }),
  SHORT_ANSWER: () => ({
    prompt: { answerHint: "a person's name" },
    key: {
      answers: ['Hafez al-Assad', 'Hafiz Assad'],
      rejects: ['Bashar al-Assad'],
      rationales: [
        {
          ref: 'answer',
          isCorrect: true,
          text: 'He was president then.',
          citationIds: ['cite-1'],
          factIds: [],
        },
      ],
    },
    right: { text: 'hafez assad' },
    wrong: { text: 'Bashar al-Assad' },
  }),
};

/**
 * Generated-looking bank questions from a tiny fixture (not from the real generator, so API tests
 * do not depend on it). Cycles through the given types.
 */
export const createQuestions = async (
  db: DbClient,
  count: number,
  options: { types?: (keyof typeof shapes)[]; authorId?: string; era?: string } = {},
): Promise<FixtureQuestion[]> => {
  const types = options.types ?? ['SINGLE_CHOICE'];
  const created: FixtureQuestion[] = [];
  for (let i = 0; i < count; i += 1) {
    counter += 1;
    const type = types[i % types.length] as keyof typeof shapes;
    const shape = shapes[type](counter);
    const question = await db.question.create({
      data: {
        id: options.authorId ? randomUUID() : `q_test_${counter}_${randomUUID().slice(0, 8)}`,
        origin: options.authorId ? 'AUTHORED' : 'GENERATED',
        authorId: options.authorId ?? null,
        type: type as QuestionType,
        template: 'fixture',
        stem: `Fixture question ${counter}?`,
        prompt: shape.prompt as Prisma.InputJsonValue,
        key: shape.key as Prisma.InputJsonValue,
        explanation: `Because of passage ${counter}.`,
        citationIds: ['cite-1', 'cite-2'],
        factIds: [],
        eraSlug: options.era ?? (counter % 2 ? 'early-era' : 'late-era'),
        themes: ['alliance'],
        actorSlugs: ['iran'],
        difficulty: (counter % 10) / 10,
      },
    });
    // Ids as players see them: orderings and matchings are shown shuffled per question (probe of
    // 6 Dec), so the fixture's answers are mapped through the same presented prompt.
    const maps = idMapsOf(playerPrompt(question));
    created.push({
      ...question,
      right: publicResponse(shape.right, maps) as Record<string, unknown>,
      wrong: publicResponse(shape.wrong, maps) as Record<string, unknown>,
      storedRight: shape.right as Record<string, unknown>,
    });
  }
  return created;
};

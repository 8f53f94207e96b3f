import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const START = `mutation ($input: StartAttemptInput!) {
  startAttempt(input: $input) {
    id questions { position type stem prompt { answerHint options { id } } result { isCorrect } }
  }
}`;
const ANSWER = `mutation ($attemptId: ID!, $position: Int!, $response: ResponseInput!) {
  answerQuestion(attemptId: $attemptId, position: $position, response: $response) {
    isCorrect credit points
    response { text optionIds year }
    grading { match matched }
    key { answers rejects rationales { ref isCorrect text } }
  }
}`;
const REVIEW = `query ($id: ID!) {
  attempt(id: $id) {
    questions { position result { isCorrect response { text } grading { match matched }
      key { answers } } }
  }
}`;
const CREATE_Q = `mutation ($input: QuestionInput!) {
  createQuestion(input: $input) {
    question { id type prompt { answerHint options { id } }
      key { answers rejects rationales { ref isCorrect text } } }
    errors { field code }
  }
}`;

type Answered = {
  answerQuestion: {
    isCorrect: boolean;
    credit: number;
    points: number;
    response: { text: string | null; optionIds: string[]; year: number | null };
    grading: { match: string; matched: string | null } | null;
    key: { answers: string[]; rejects: string[]; rationales: { ref: string }[] };
  };
};

describe('SHORT_ANSWER questions', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  const startSet = async (questions: number) => {
    const fixture = await createTeacherWithSet(db, { questions, types: ['SHORT_ANSWER'] });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const started = await ok<{
      startAttempt: {
        id: string;
        questions: { type: string; prompt: { answerHint: string | null; options: object[] } }[];
      };
    }>(run(START, { input: { setId: fixture.set.id } }));
    return { run, attempt: started.startAttempt, raw: started };
  };

  it('shows the hint, not the accepted answers, before answering', async () => {
    const { attempt, raw } = await startSet(1);
    expect(attempt.questions[0]).toMatchObject({
      type: 'SHORT_ANSWER',
      prompt: { answerHint: "a person's name", options: [] },
    });
    expect(JSON.stringify(raw)).not.toMatch(/Hafez|Hafiz|Bashar/);
  });

  it.each([
    [
      'a transliteration, shouted, with a bell and spaces',
      '  HAFEZ al-Asad\u0007 ',
      'HAFEZ al-Asad',
      true,
      'VARIANT',
      'Hafez al-Assad',
    ],
    ['the alias', 'Hafiz Assad', 'Hafiz Assad', true, 'ALIAS', 'Hafiz Assad'],
    ['a typo', 'Hafex al-Assad', 'Hafex al-Assad', true, 'TYPO', 'Hafez al-Assad'],
    ['the near miss', 'Bashar al-Assad', 'Bashar al-Assad', false, 'NEAR_MISS', 'Bashar al-Assad'],
    ['someone else', 'Khomeini', 'Khomeini', false, 'WRONG', null],
  ])(
    'grades %s, stores the cleaned text and says how it matched',
    async (_name, text, stored, right, match, matched) => {
      const { run, attempt } = await startSet(1);
      const data = await ok<Answered>(
        run(ANSWER, { attemptId: attempt.id, position: 0, response: { text } }),
      );
      expect(data.answerQuestion).toMatchObject({
        isCorrect: right,
        credit: right ? 1 : 0,
        points: right ? 1000 : 0,
        response: { text: stored, optionIds: [], year: null },
        grading: { match, matched },
        key: { answers: ['Hafez al-Assad', 'Hafiz Assad'], rejects: ['Bashar al-Assad'] },
      });
      expect(data.answerQuestion.key.rationales.map((r) => r.ref)).toEqual(['answer']);
    },
  );

  it.each([
    ['empty text', { text: '' }],
    ['only spaces and controls', { text: ' \u0000\u0007\u200B ' }],
    ['too long', { text: 'a'.repeat(121) }],
    ['option ids instead of text', { optionIds: ['a'] }],
    ['text and a year', { text: 'Hafez', year: 1970 }],
    // A NUL is refused in every string argument (docs/security.md), answers included.
    ['a NUL inside a right answer', { text: 'Hafez al-Assad\u0000' }],
    ['no answer at all', {}],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_name, response) => {
    const { run, attempt } = await startSet(1);
    const before = await snapshotDatabase(api);
    expect(await errorCode(run(ANSWER, { attemptId: attempt.id, position: 0, response }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('shows the typed answer and its grading again in the review', async () => {
    const { run, attempt } = await startSet(2);
    await ok(run(ANSWER, { attemptId: attempt.id, position: 0, response: { text: 'Hizbulah' } }));
    await ok(run(ANSWER, { attemptId: attempt.id, position: 1, response: { text: 'Hafiz' } }));
    await ok(
      run('mutation ($id: ID!) { finishAttempt(attemptId: $id) { id } }', { id: attempt.id }),
    );
    const review = await ok<{
      attempt: { questions: { result: { response: { text: string }; grading: object } }[] };
    }>(run(REVIEW, { id: attempt.id }));
    expect(review.attempt.questions.map((q) => q.result)).toEqual([
      {
        isCorrect: false,
        response: { text: 'Hizbulah' },
        grading: { match: 'WRONG', matched: null },
        key: { answers: ['Hafez al-Assad', 'Hafiz Assad'] },
      },
      {
        isCorrect: false,
        response: { text: 'Hafiz' },
        grading: { match: 'WRONG', matched: null },
        key: { answers: ['Hafez al-Assad', 'Hafiz Assad'] },
      },
    ]);
  });

  describe('teachers write them', () => {
    let run: ReturnType<typeof as>;
    beforeAll(async () => {
      run = as(api, (await createTeacher(db)).token);
    });

    const typed = (over: Record<string, unknown> = {}) => ({
      type: 'SHORT_ANSWER',
      stem: 'Who led Syria when the alliance with Iran began?',
      answerHint: "a person's name",
      correctAnswers: ['Hafez al-Assad', 'Hafiz Assad'],
      nearMisses: ['Bashar al-Assad'],
      explanation: 'He was president from 1971 to 2000.',
      rationales: [{ ref: 'answer', text: 'He was president then.', citationIds: ['cite-1'] }],
      citationIds: ['cite-1'],
      ...over,
    });

    it('creates one with its accepted answers, near misses and hint', async () => {
      const data = await ok<{ createQuestion: { question: object; errors: [] } }>(
        run(CREATE_Q, { input: typed() }),
      );
      expect(data.createQuestion.errors).toEqual([]);
      expect(data.createQuestion.question).toMatchObject({
        type: 'SHORT_ANSWER',
        prompt: { answerHint: "a person's name", options: [] },
        key: {
          answers: ['Hafez al-Assad', 'Hafiz Assad'],
          rejects: ['Bashar al-Assad'],
          rationales: [{ ref: 'answer', isCorrect: true, text: 'He was president then.' }],
        },
      });
    });

    it.each([
      ['no accepted answer', { correctAnswers: null }, 'correctAnswers', 'REQUIRED'],
      ['an empty list', { correctAnswers: [] }, 'correctAnswers', 'TOO_FEW'],
      [
        'a blank name',
        { correctAnswers: ['Hafez al-Assad', '  '] },
        'correctAnswers.1',
        'REQUIRED',
      ],
      ['a name of punctuation', { correctAnswers: ['?!'] }, 'correctAnswers.0', 'INVALID'],
      [
        'the same spelling twice',
        { correctAnswers: ['Hafez al-Assad', 'hafez al assad'] },
        'correctAnswers.1',
        'DUPLICATE',
      ],
      [
        'a near miss within a typo of the answer',
        { nearMisses: ['Hafez al-Asaad'] },
        'nearMisses.0',
        'DUPLICATE',
      ],
      [
        'options',
        { options: [{ label: 'A' }, { label: 'B' }, { label: 'C' }] },
        'options',
        'NOT_ALLOWED',
      ],
      [
        'a rationale for an option',
        { rationales: [{ ref: 'o0', text: 'x' }] },
        'rationales.0.ref',
        'NOT_FOUND',
      ],
    ])('refuses %s (%s: %s) and writes nothing', async (_name, change, field, code) => {
      const before = await snapshotDatabase(api);
      const data = await ok<{
        createQuestion: { question: unknown; errors: { field: string; code: string }[] };
      }>(run(CREATE_Q, { input: typed(change) }));
      expect(data.createQuestion.question).toBeNull();
      expect(data.createQuestion.errors).toContainEqual({ field, code });
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('refuses near misses and a hint on other types', async () => {
      const data = await ok<{ createQuestion: { errors: { field: string; code: string }[] } }>(
        run(CREATE_Q, {
          input: {
            ...typed({ type: 'SINGLE_CHOICE', correctAnswers: null }),
            options: [{ label: 'Iran' }, { label: 'Syria' }, { label: 'Iraq' }],
            correctOptionIds: ['o1'],
            rationales: [],
          },
        }),
      );
      expect(data.createQuestion.errors).toEqual(
        expect.arrayContaining([
          { field: 'nearMisses', code: 'NOT_ALLOWED' },
          { field: 'answerHint', code: 'NOT_ALLOWED' },
        ]),
      );
    });
  });
});

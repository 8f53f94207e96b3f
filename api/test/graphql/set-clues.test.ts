import type { PrismaClient } from '@quiz/prisma';
import { setClues } from '../../src/modules/questions/clues';
import { as, ok } from '../factories/graphql';
import { createTeacherWithSet } from '../factories/sets';
import { createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// The real setClues, counted: aliases must not each recompute it.
jest.mock('../../src/modules/questions/clues', () => {
  const actual = jest.requireActual('../../src/modules/questions/clues');
  return { ...actual, setClues: jest.fn(actual.setClues) };
});

const CLUES = `query ($id: ID!) { questionSet(id: $id) { clues { givenBy answers answer } } }`;

/** Audit 13: one question's stem answering another in the same set is shown to its teacher. */
describe('QuestionSet.clues', () => {
  let api: TestApi;
  let db: PrismaClient;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
  });
  afterAll(async () => {
    await api.close();
  });

  it('names the item whose stem shows the war’s years and the item asking when it began', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const [first, , third] = fixture.questions;
    if (!first || !third) {
      throw new Error('fixture');
    }
    await db.question.update({
      where: { id: first.id },
      data: {
        stem: 'Which Arab states isolated Syria during the Iran–Iraq War (1980–88)? Select all that apply.',
      },
    });
    await db.question.update({
      where: { id: third.id },
      data: {
        type: 'NUMERIC_YEAR',
        stem: 'In what year did the Iran–Iraq War begin?',
        prompt: { numeric: { min: 1946, max: 2025, tolerance: 0 } },
        key: { year: 1980, rationales: [] },
      },
    });
    const data = await ok<{ questionSet: { clues: unknown[] } }>(
      as(api, fixture.teacherToken)(CLUES, { id: fixture.set.id }),
    );
    expect(data.questionSet.clues).toEqual([{ givenBy: 0, answers: 2, answer: '1980' }]);
  });

  it('works the clues out once per set per request, however many aliases ask', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const spy = setClues as jest.MockedFunction<typeof setClues>;
    spy.mockClear();
    {
      const aliases = Array.from({ length: 12 }, (_, i) => `c${i}: clues { answers }`).join(' ');
      const data = await ok<{ questionSet: Record<string, unknown[]> }>(
        as(api, fixture.teacherToken)(`query ($id: ID!) { questionSet(id: $id) { ${aliases} } }`, {
          id: fixture.set.id,
        }),
      );
      expect(Object.keys(data.questionSet)).toHaveLength(12);
      expect(spy).toHaveBeenCalledTimes(1);
    }
  });

  it('lists none for a set whose items do not answer each other, and none to another teacher', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const data = await ok<{ questionSet: { clues: unknown[] } }>(
      as(api, fixture.teacherToken)(CLUES, { id: fixture.set.id }),
    );
    expect(data.questionSet.clues).toEqual([]);
    const other = await createTeacher(db);
    // Another teacher's set does not exist for them (null, as questionSet answers for any id).
    const stranger = await ok<{ questionSet: unknown }>(
      as(api, other.token)(CLUES, { id: fixture.set.id }),
    );
    expect(stranger.questionSet).toBeNull();
  });

  // Blind reviewers: "the same passage in items 33/49/52/59". A key fact or passage shared by two
  // items of one set is named to its teacher.
  const OVERLAPS = `query ($id: ID!) { questionSet(id: $id) { overlaps { a b reason } } }`;

  it('names the items asking the same key fact, and those citing the same passage', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 4, publish: false });
    const spec = [
      { factIds: ['event:war', 'event:other'], citationIds: ['c-war'] },
      { factIds: ['event:treaty'], citationIds: ['c-treaty', 'c-shared'] },
      { factIds: ['event:war'], citationIds: ['c-war-2'] },
      { factIds: ['event:other'], citationIds: ['c-shared'] },
    ];
    for (const [i, q] of fixture.questions.entries()) {
      await db.question.update({ where: { id: q.id }, data: spec[i] ?? {} });
    }
    const data = await ok<{ questionSet: { overlaps: unknown[] } }>(
      as(api, fixture.teacherToken)(OVERLAPS, { id: fixture.set.id }),
    );
    expect(data.questionSet.overlaps).toEqual([
      { a: 0, b: 2, reason: 'SAME_FACT' },
      { a: 1, b: 3, reason: 'SAME_PASSAGE' },
    ]);
    // Every item on its own fact and passages: nothing to say. (A fresh set: questions are
    // cached across requests.)
    const own = await createTeacherWithSet(db, { questions: 3, publish: false });
    for (const [i, q] of own.questions.entries()) {
      await db.question.update({
        where: { id: q.id },
        data: { factIds: [`event:own-${i}`], citationIds: [`c-own-${i}`] },
      });
    }
    const clean = await ok<{ questionSet: { overlaps: unknown[] } }>(
      as(api, own.teacherToken)(OVERLAPS, { id: own.set.id }),
    );
    expect(clean.questionSet.overlaps).toEqual([]);
  });

  it('answers a second write in one request with its own items, overlaps and count', async () => {
    // Probe of 6 Dec, round 3: the per-request caches answered the second setQuestionSetItems
    // with the first one's items and overlaps (one item, none), though three on one fact were saved.
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    for (const q of fixture.questions) {
      await db.question.update({ where: { id: q.id }, data: { factIds: ['event:one-fact'] } });
    }
    const ids = fixture.questions.map((q) => ({ questionId: q.id }));
    const written = `{ questionSet { questionCount items { position } overlaps { a b reason } } }`;
    const data = await ok<
      Record<
        'x' | 'y',
        { questionSet: { questionCount: number; items: unknown[]; overlaps: unknown[] } }
      >
    >(
      as(api, fixture.teacherToken)(
        `mutation ($id: ID!, $one: [QuestionSetItemInput!]!, $all: [QuestionSetItemInput!]!) {
          x: setQuestionSetItems(id: $id, items: $one) ${written}
          y: setQuestionSetItems(id: $id, items: $all) ${written} }`,
        { id: fixture.set.id, one: ids.slice(0, 1), all: ids },
      ),
    );
    expect(data.x.questionSet).toEqual({
      questionCount: 1,
      items: [{ position: 0 }],
      overlaps: [],
    });
    expect(data.y.questionSet).toEqual({
      questionCount: 3,
      items: [{ position: 0 }, { position: 1 }, { position: 2 }],
      overlaps: [
        { a: 0, b: 1, reason: 'SAME_FACT' },
        { a: 0, b: 2, reason: 'SAME_FACT' },
        { a: 1, b: 2, reason: 'SAME_FACT' },
      ],
    });
  });
});

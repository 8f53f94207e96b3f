import type { PrismaClient } from '@quiz/prisma';
import { as } from '../factories/graphql';
import { createQuestions } from '../factories/questions';
import { createTeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';

const SET_ITEMS = `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
  setQuestionSetItems(id: $id, items: $items) {
    questionSet { id items { position question { id } } }
    errors { field code }
  }
}`;

/** Probe round 7: a teacher's saves arriving at once (a double click, two tabs). */
describe('authoring races', () => {
  let api: TestApi;
  let db: PrismaClient;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
  });
  afterAll(async () => {
    await api.close();
  });

  it('setQuestionSetItems saved at once: every save answers, the set holds one of them whole', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const extra = await createQuestions(db, 8);
    const lists = [extra.slice(0, 4), extra.slice(4, 8), extra.slice(1, 3), extra.slice(5, 8)].map(
      (questions) => questions.map((q) => q.id),
    );
    const run = as(api, fixture.teacherToken);
    // Before: the later saves' inserts collided with the first one's rows (unique setId,
    // position), INTERNAL_SERVER_ERROR, and the set held whichever rows won.
    const results = await Promise.all(
      [...lists, ...lists].map((ids) =>
        run(SET_ITEMS, { id: fixture.set.id, items: ids.map((questionId) => ({ questionId })) }),
      ),
    );
    expect(results.map((result) => result.errors ?? [])).toEqual(results.map(() => []));
    const stored = (
      await db.questionSetItem.findMany({
        where: { setId: fixture.set.id },
        orderBy: { position: 'asc' },
      })
    ).map((item) => item.questionId);
    expect(lists).toContainEqual(stored);
  });
});

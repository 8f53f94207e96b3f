import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const DAY = 86_400_000;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
  answerQuestion(attemptId: $a, position: $p, response: $r) { points }
}`;

/**
 * Probe round 8: a wrong answer in a set makes a review card for the question played. When the
 * teacher then fixed the question (an edit supersedes an own question: the old row is marked
 * deleted) or deleted it, review kept serving the old row: its old key scored and its old
 * explanation shown, days later, to every student who had missed it. Round 5 left out retired
 * questions only.
 */
describe('review of a question its teacher edited or deleted', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  /** A student who missed each question of a teacher's own two-question set. */
  const missedBoth = async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    for (const question of fixture.questions) {
      await db.question.update({
        where: { id: question.id },
        data: { origin: 'AUTHORED', authorId: fixture.teacher.id },
      });
    }
    const student = await createStudent(db);
    const t0 = Date.now();
    const at = (ms: number) => as(api, student.token, { now: () => new Date(ms) });
    const attempt = await ok<{ startAttempt: { id: string } }>(
      at(t0)(`mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }`, {
        id: fixture.set.id,
      }),
    );
    for (const [position, question] of fixture.questions.entries()) {
      await ok(at(t0)(ANSWER, { a: attempt.startAttempt.id, p: position, r: question.wrong }));
    }
    await ok(
      at(t0)(`mutation ($a: ID!) { finishAttempt(attemptId: $a) { score } }`, {
        a: attempt.startAttempt.id,
      }),
    );
    const later = at(t0 + 3 * DAY);
    const due = await ok<{ reviewDueCount: number }>(later('{ reviewDueCount }'));
    expect(due.reviewDueCount).toBe(2);
    return { fixture, later, teach: as(api, fixture.teacherToken) };
  };

  it('serves neither the superseded version nor a deleted question', async () => {
    const { fixture, later, teach } = await missedBoth();
    const [first, second] = fixture.questions;
    // The teacher fixes the first question's key…
    const edited = await ok<{ updateQuestion: { question: { id: string } | null } }>(
      teach(
        `mutation ($id: ID!, $input: QuestionInput!) {
          updateQuestion(id: $id, input: $input) { question { id } errors { field code } }
        }`,
        {
          id: first?.id,
          input: {
            type: 'SINGLE_CHOICE',
            stem: 'Which option is right, with the key fixed?',
            options: [
              { id: 'a', label: 'Option A' },
              { id: 'b', label: 'Option B' },
              { id: 'c', label: 'Option C' },
            ],
            correctOptionIds: ['c'],
            explanation: 'C is right; the first version was wrong.',
            citationIds: ['cite-1'],
          },
        },
      ),
    );
    expect(edited.updateQuestion.question).not.toBeNull();
    // …and takes the second out of the set and deletes it.
    await ok(
      teach(
        `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
        setQuestionSetItems(id: $id, items: $items) { errors { field code } }
      }`,
        { id: fixture.set.id, items: [{ questionId: edited.updateQuestion.question?.id }] },
      ),
    );
    await ok(teach(`mutation ($id: ID!) { deleteQuestion(id: $id) }`, { id: second?.id }));

    // Before: 2 due, and a review served both old rows (the old key scored again).
    expect((await ok<{ reviewDueCount: number }>(later('{ reviewDueCount }'))).reviewDueCount).toBe(
      0,
    );
    expect(await errorCode(later('mutation { startReview { id } }'))).toBe('CONFLICT');
  });
});

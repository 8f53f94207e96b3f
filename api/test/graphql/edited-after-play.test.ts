import type { PrismaClient } from '@quiz/prisma';
import { parseCsvRecords } from '../../src/modules/interop/sheet';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const ANALYTICS = `query ($id: ID!) {
  setAnalytics(setId: $id) {
    questions { position answerCount }
    students { firstScore answers { position points given } }
  }
}`;
const RESULTS = `query ($id: ID!) { exportSetResults(setId: $id, format: CSV) { content } }`;

/**
 * Probe round 7: a teacher who edits a question after the class played it (a typo) gets a new
 * question in the set (questions are immutable) while attempts keep the one they played. Scores
 * and boards stay as they were; but the results page and the export matched answers to the set by
 * question id, so every student's answer to the edited question vanished from both while their
 * score still counted it.
 */
describe('a question edited after the class played it', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  it("keeps each student's answer at its place on the results page and in the export", async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const student = await createStudent(db);
    const play = as(api, student.token);
    const attempt = await ok<{ startAttempt: { id: string } }>(
      play(`mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }`, {
        id: fixture.set.id,
      }),
    );
    for (const [position, question] of fixture.questions.entries()) {
      await ok(
        play(
          `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
            answerQuestion(attemptId: $a, position: $p, response: $r) { points }
          }`,
          { a: attempt.startAttempt.id, p: position, r: question.right },
        ),
      );
    }
    await ok(
      play(`mutation ($a: ID!) { finishAttempt(attemptId: $a) { score } }`, {
        a: attempt.startAttempt.id,
      }),
    );
    const teach = as(api, fixture.teacherToken);
    type Analytics = {
      setAnalytics: {
        questions: { position: number; answerCount: number }[];
        students: {
          firstScore: number;
          answers: { position: number; points: number; given: string }[];
        }[];
      };
    };
    const before = await ok<Analytics>(teach(ANALYTICS, { id: fixture.set.id }));
    const edited = await ok<{ updateQuestion: { question: { id: string } | null } }>(
      teach(
        `mutation ($id: ID!, $input: QuestionInput!) {
          updateQuestion(id: $id, input: $input) { question { id } errors { field code } }
        }`,
        {
          id: fixture.questions[0]?.id,
          input: {
            type: 'SINGLE_CHOICE',
            stem: 'Which option is right, with the typo fixed?',
            options: [
              { id: 'a', label: 'Option A' },
              { id: 'b', label: 'Option B' },
              { id: 'c', label: 'Option C' },
            ],
            correctOptionIds: ['b'],
            explanation: 'B is right.',
            citationIds: ['cite-1'],
          },
        },
      ),
    );
    expect(edited.updateQuestion.question).not.toBeNull();
    const after = await ok<Analytics>(teach(ANALYTICS, { id: fixture.set.id }));
    const [was, now] = [before, after].map((a) => a.setAnalytics.students[0]);
    expect(now?.firstScore).toBe(2000);
    // Before the fix: only position 1 was left.
    expect(now?.answers).toEqual(was?.answers);
    expect(now?.answers.map((answer) => answer.position)).toEqual([0, 1]);
    // The item statistics are the edit's own: nobody has answered the new version yet.
    expect(after.setAnalytics.questions.map((q) => q.answerCount)).toEqual([0, 1]);

    const file = await ok<{ exportSetResults: { content: string } }>(
      teach(RESULTS, { id: fixture.set.id }),
    );
    const [header, row] = parseCsvRecords(file.exportSetResults.content).records.map(
      (record) => record.cells,
    );
    const q1 = header?.indexOf('Q1 points') ?? -1;
    expect(q1).toBeGreaterThan(-1);
    expect(row?.[q1]).toBe('1000');
  });
});

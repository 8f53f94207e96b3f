import type { PrismaClient } from '@quiz/prisma';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// Results and history show THIS attempt's place (or that it is not ranked) and the player's own
// place beside it: `rank`, `ranked`, `bestRank`.

const RANKS = 'id score rank ranked bestRank';

type Ranks = {
  id: string;
  score: number;
  rank: number | null;
  ranked: boolean;
  bestRank: number | null;
};

describe('attempt ranks', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  /** Plays the whole set as `token`, answering the first `right` questions right. */
  const play = async (fixture: TeacherWithSet, token: string, right: number): Promise<Ranks> => {
    const run = as(api, token);
    const started = await ok<{
      startAttempt: { id: string; questions: { position: number; questionId: string }[] };
    }>(
      run(
        'mutation ($input: StartAttemptInput!) { startAttempt(input: $input) { id questions { position questionId } } }',
        { input: { code: fixture.set.shareCode } },
      ),
    );
    const { id, questions } = started.startAttempt;
    for (const [index, question] of questions.entries()) {
      // No question id before answering: set items are in the fixture's order.
      const fixtureQuestion = fixture.questions[question.position];
      await ok(
        run(
          'mutation ($a: ID!, $p: Int!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: $p, response: $r) { points } }',
          {
            a: id,
            p: question.position,
            r: index < right ? fixtureQuestion?.right : fixtureQuestion?.wrong,
          },
        ),
      );
    }
    const done = await ok<{ finishAttempt: Ranks }>(
      run(`mutation ($a: ID!) { finishAttempt(attemptId: $a) { ${RANKS} } }`, { a: id }),
    );
    return done.finishAttempt;
  };

  const read = async (token: string, id: string) =>
    (
      await ok<{ attempt: Ranks }>(
        as(api, token)(`query ($id: ID!) { attempt(id: $id) { ${RANKS} } }`, { id }),
      )
    ).attempt;

  it('ranks the first attempt, not a retake (even a stronger one), and gives the place beside it', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3 });
    await db.questionSet.update({ where: { id: fixture.set.id }, data: { allowRetakes: true } });
    const ana = await createStudent(db);
    const bob = await createStudent(db);

    const anaFirst = await play(fixture, ana.token, 2);
    expect(anaFirst).toMatchObject({ score: 2000, rank: 1, ranked: true, bestRank: 1 });

    const bobFirst = await play(fixture, bob.token, 3);
    expect(bobFirst).toMatchObject({ score: 3000, rank: 1, ranked: true, bestRank: 1 });

    // Ana's first attempt has moved down to second; a retake, even a perfect one, is practice and
    // not ranked at all, and both show her own place (#2) beside them.
    const anaRetake = await play(fixture, ana.token, 3);
    expect(anaRetake).toMatchObject({ score: 3000, rank: null, ranked: false, bestRank: 2 });
    expect(await read(ana.token, anaFirst.id)).toMatchObject({
      rank: 2,
      ranked: true,
      bestRank: 2,
    });
    expect(await read(ana.token, anaRetake.id)).toMatchObject({
      rank: null,
      ranked: false,
      bestRank: 2,
    });

    // History: every row with its own answer (one batch).
    const history = await ok<{ myAttempts: Ranks[] }>(
      as(api, ana.token)(`{ myAttempts { ${RANKS} } }`),
    );
    expect(history.myAttempts).toEqual([
      expect.objectContaining({ id: anaRetake.id, rank: null, ranked: false, bestRank: 2 }),
      expect.objectContaining({ id: anaFirst.id, rank: 2, ranked: true, bestRank: 2 }),
    ]);
  });

  it('never ranks a practice or unfinished attempt', async () => {
    const student = await createStudent(db);
    const run = as(api, student.token);
    const practice = await ok<{ startPractice: Ranks }>(
      run(`mutation { startPractice(input: { count: 2 }) { ${RANKS} } }`),
    );
    expect(practice.startPractice).toMatchObject({ rank: null, ranked: false, bestRank: null });
    await ok(
      run('mutation ($a: ID!) { finishAttempt(attemptId: $a) { id } }', {
        a: practice.startPractice.id,
      }),
    );
    expect(await read(student.token, practice.startPractice.id)).toMatchObject({
      rank: null,
      ranked: false,
      bestRank: null,
    });
  });
});

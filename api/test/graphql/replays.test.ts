/**
 * Issue 12, deliverables 4 and 5, attacked as a cheating student would: nothing identifies a
 * question before it is answered (ids, aliases, fragments, stored slugs sent back), finishing an
 * empty attempt reads no key, and boards rank the first attempt only (no replays, no farming).
 */
import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const START = `mutation ($id: ID!) { startAttempt(input: { setId: $id }) {
  id isRetake questions { position questionId stem concealed prompt { options { id label } } }
} }`;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
  answerQuestion(attemptId: $a, position: $p, response: $r) { isCorrect points key { optionIds } }
}`;
const FINISH = `mutation ($a: ID!) { finishAttempt(attemptId: $a) {
  id score rank isRetake
  questions { position questionId result { isCorrect key { optionIds rationales { ref text } } explanation } }
} }`;
const BOARD = `query ($id: ID!) { leaderboard(input: { setId: $id }) {
  entries { rank score attemptCount player { id } }
} }`;

type Started = {
  startAttempt: {
    id: string;
    isRetake: boolean;
    questions: {
      position: number;
      questionId: string | null;
      stem: string;
      concealed: boolean;
      prompt: { options: { id: string; label: string }[] };
    }[];
  };
};
type Finished = {
  finishAttempt: {
    id: string;
    score: number;
    rank: number | null;
    isRetake: boolean;
    questions: { questionId: string | null; result: object | null }[];
  };
};

describe('replays and early keys (issue 12)', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  /** Stored option ids and question ids: none may reach a player before answering. */
  const storedIds = (fixture: TeacherWithSet) =>
    fixture.questions.flatMap((q) => [
      q.id,
      ...(q.prompt as { options: { id: string }[] }).options.map((o) => `"${o.id}"`),
    ]);

  it('an attempt names no question and no stored option id, through aliases and fragments', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3 });
    const run = as(api, (await createStudent(db)).token);
    const started = await ok<Started>(run(START, { id: fixture.set.id }));
    const again = await ok(
      run(
        `query ($id: ID!) { attempt(id: $id) {
          questions { a: questionId b: questionId ...F ... on AttemptQuestion { c: questionId } }
        } }
        fragment F on AttemptQuestion { d: questionId prompt { options { id } } }`,
        { id: started.startAttempt.id },
      ),
    );
    const text = JSON.stringify([started, again]);
    expect(storedIds(fixture).filter((id) => text.includes(id))).toEqual([]);
    expect(text).not.toMatch(/"[abcd]":"/);
    expect(started.startAttempt.questions.map((q) => q.prompt.options.map((o) => o.id))).toEqual([
      ['o1', 'o2', 'o3', 'o4'],
      ['o1', 'o2', 'o3', 'o4'],
      ['o1', 'o2', 'o3', 'o4'],
    ]);
  });

  it('a stored id sent as an answer is an unknown option, and nothing is written', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const run = as(api, (await createStudent(db)).token);
    const { startAttempt } = await ok<Started>(run(START, { id: fixture.set.id }));
    const stored = fixture.questions[0]?.storedRight as { optionIds: string[] };
    const before = await snapshotDatabase(api);
    for (const optionIds of [stored.optionIds, ['O2'], ['o2', 'o2'], ['i1'], ['o5'], ['']]) {
      const { errors } = await run(ANSWER, { a: startAttempt.id, p: 0, r: { optionIds } });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await snapshotDatabase(api)).toEqual(before);
    // The public id of the same option scores.
    const right = await ok<{ answerQuestion: { isCorrect: boolean; key: object } }>(
      run(ANSWER, { a: startAttempt.id, p: 0, r: fixture.questions[0]?.right }),
    );
    expect(right.answerQuestion).toEqual({
      isCorrect: true,
      points: 1000,
      key: { optionIds: fixture.questions[0]?.right.optionIds },
    });
  });

  it('a timed question not yet opened shows nothing that identifies it', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2, timeLimitSec: 20 });
    const run = as(api, (await createStudent(db)).token);
    const { startAttempt } = await ok<Started>(run(START, { id: fixture.set.id }));
    expect(startAttempt.questions).toEqual([
      { position: 0, questionId: null, stem: '', concealed: true, prompt: { options: [] } },
      { position: 1, questionId: null, stem: '', concealed: true, prompt: { options: [] } },
    ]);
    const opened = await ok<{ openQuestion: { questionId: string | null; stem: string } }>(
      run('mutation ($a: ID!) { openQuestion(attemptId: $a, position: 1) { questionId stem } }', {
        a: startAttempt.id,
      }),
    );
    // Opened: the stem shows, the id still does not (it is not answered).
    expect(opened.openQuestion).toEqual({ questionId: null, stem: fixture.questions[1]?.stem });
  });

  it('finishing with nothing answered returns no keys, and the set cannot be replayed', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const { startAttempt } = await ok<Started>(run(START, { id: fixture.set.id }));
    const finished = await ok<Finished>(run(FINISH, { a: startAttempt.id }));
    expect(finished.finishAttempt.questions).toEqual([
      { position: 0, questionId: null, result: null },
      { position: 1, questionId: null, result: null },
      { position: 2, questionId: null, result: null },
    ]);
    const text = JSON.stringify(finished);
    expect(text).not.toMatch(/Because|B is right|optionIds/);
    expect(storedIds(fixture).filter((id) => text.includes(id))).toEqual([]);
    expect(finished.finishAttempt).toMatchObject({ score: 0, rank: 1, isRetake: false });
    // Without retakes, a second attempt is refused and nothing is written.
    const before = await snapshotDatabase(api);
    expect(await errorCode(run(START, { id: fixture.set.id }))).toBe('CONFLICT');
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('with retakes allowed, a perfect replay is practice: unranked, the first score stands', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3 });
    await db.questionSet.update({ where: { id: fixture.set.id }, data: { allowRetakes: true } });
    const student = await createStudent(db);
    const rival = await createStudent(db);
    const run = as(api, student.token);
    // The rival plays once and gets 2,000.
    const rivalRun = as(api, rival.token);
    const theirs = await ok<Started>(rivalRun(START, { id: fixture.set.id }));
    for (const p of [0, 1]) {
      await ok(rivalRun(ANSWER, { a: theirs.startAttempt.id, p, r: fixture.questions[p]?.right }));
    }
    await ok(rivalRun(FINISH, { a: theirs.startAttempt.id }));
    // The student finishes an empty first attempt (0 points), then replays with every answer.
    const first = await ok<Started>(run(START, { id: fixture.set.id }));
    expect(first.startAttempt.isRetake).toBe(false);
    await ok(run(FINISH, { a: first.startAttempt.id }));
    const boardBefore = await ok(as(api)(BOARD, { id: fixture.set.id }));
    for (let round = 0; round < 3; round += 1) {
      const replay = await ok<Started>(run(START, { id: fixture.set.id }));
      expect(replay.startAttempt.isRetake).toBe(true);
      for (const q of replay.startAttempt.questions) {
        await ok(
          run(ANSWER, {
            a: replay.startAttempt.id,
            p: q.position,
            r: fixture.questions[q.position]?.right,
          }),
        );
      }
      const done = await ok<Finished>(run(FINISH, { a: replay.startAttempt.id }));
      expect(done.finishAttempt).toMatchObject({ score: 3000, rank: null, isRetake: true });
    }
    // The board is exactly as before the replays: the rival first, the student's 0 below.
    const board = await ok<{ leaderboard: { entries: object[] } }>(
      as(api)(BOARD, { id: fixture.set.id }),
    );
    expect(board).toEqual(boardBefore);
    expect(board.leaderboard.entries).toEqual([
      { rank: 1, score: 2000, attemptCount: 1, player: { id: rival.user.id } },
      { rank: 2, score: 0, attemptCount: 1, player: { id: student.user.id } },
    ]);
  });

  it('two attempts raced past the resume: using one leaves neither ranked', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const a = await ok<Started>(run(START, { id: fixture.set.id }));
    // A second open attempt, as two concurrent startAttempt calls could leave behind.
    const copy = await db.attempt.findUniqueOrThrow({
      where: { id: a.startAttempt.id },
      include: { items: true },
    });
    const { items, id: _id, ...attempt } = copy;
    const b = await db.attempt.create({
      data: {
        ...attempt,
        startedAt: new Date(copy.startedAt.getTime() + 1),
        items: {
          createMany: {
            data: items.map(({ attemptId: _a, ...item }) => ({
              ...item,
              grading: item.grading ?? undefined,
              response: item.response ?? undefined,
            })),
          },
        },
      },
    });
    // Peek at a key in B, then answer A perfectly and finish it first: A is not ranked.
    await ok(run(ANSWER, { a: b.id, p: 0, r: fixture.questions[0]?.wrong }));
    for (const p of [0, 1]) {
      await ok(run(ANSWER, { a: a.startAttempt.id, p, r: fixture.questions[p]?.right }));
    }
    const done = await ok<Finished>(run(FINISH, { a: a.startAttempt.id }));
    expect(done.finishAttempt).toMatchObject({ score: 2000, rank: null, isRetake: true });
    const peeked = await ok<Finished>(run(FINISH, { a: b.id }));
    expect(peeked.finishAttempt).toMatchObject({ rank: null, isRetake: true });
    expect(await db.leaderboardEntry.count({ where: { userId: student.user.id } })).toBe(0);
  });

  it('teachers switch retakes on and off; players see the setting', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const teacher = as(api, fixture.teacherToken);
    const updated = await ok<{ updateQuestionSet: { questionSet: { allowRetakes: boolean } } }>(
      teacher(
        'mutation ($id: ID!) { updateQuestionSet(id: $id, input: { allowRetakes: true }) { questionSet { allowRetakes } } }',
        { id: fixture.set.id },
      ),
    );
    expect(updated.updateQuestionSet.questionSet.allowRetakes).toBe(true);
    const seen = await ok<{ setByCode: { allowRetakes: boolean } }>(
      as(api)('query ($c: String!) { setByCode(code: $c) { allowRetakes } }', {
        c: fixture.set.shareCode,
      }),
    );
    expect(seen.setByCode.allowRetakes).toBe(true);
    // Another teacher cannot change it.
    const other = await createTeacherWithSet(db, { questions: 1 });
    expect(
      await errorCode(
        as(api, other.teacherToken)(
          'mutation ($id: ID!) { updateQuestionSet(id: $id, input: { allowRetakes: false }) { questionSet { id } } }',
          { id: fixture.set.id },
        ),
      ),
    ).toBe('NOT_FOUND');
    const created = await ok<{ createQuestionSet: { questionSet: { allowRetakes: boolean } } }>(
      teacher(
        'mutation { createQuestionSet(input: { title: "Once only" }) { questionSet { allowRetakes } } }',
      ),
    );
    expect(created.createQuestionSet.questionSet.allowRetakes).toBe(false);
  });
});

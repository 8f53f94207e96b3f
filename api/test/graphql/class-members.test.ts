import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const JOIN = `mutation ($code: String!) {
  joinClass(code: $code) { class { id } errors { field code } }
}`;
const REMOVE = `mutation ($c: ID!, $u: ID!) {
  removeClassMember(classId: $c, userId: $u) { class { id memberCount } }
}`;
const RENEW = `mutation ($id: ID!) { renewClassJoinCode(id: $id) { class { joinCode } } }`;
const BOARD = `query ($s: ID!, $c: ID!) {
  leaderboard(input: { setId: $s, classId: $c }) { entries { player { id } } totalPlayers }
}`;
const ANALYTICS = `query ($s: ID!, $c: ID!) {
  setAnalytics(setId: $s, classId: $c) { playerCount students { player { id } } }
}`;

/**
 * Probe round 8: a class, once joined, could not be cleaned. Anyone given its code (a student
 * posts it; an account costs a sign-up) stayed a member for good: on the class board (with keys
 * from a classmate, at the top), in the class's item statistics the teacher acts on. The teacher
 * could neither remove a member nor change the code; only archive the class, board and all.
 */
describe('a teacher cleans their class', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  const play = async (token: string, setId: string, answers: Record<string, unknown>[]) => {
    const run = as(api, token);
    const attempt = await ok<{ startAttempt: { id: string } }>(
      run(`mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }`, { id: setId }),
    );
    for (const [position, r] of answers.entries()) {
      await ok(
        run(
          `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
            answerQuestion(attemptId: $a, position: $p, response: $r) { points }
          }`,
          { a: attempt.startAttempt.id, p: position, r },
        ),
      );
    }
    await ok(
      run(`mutation ($a: ID!) { finishAttempt(attemptId: $a) { score } }`, {
        a: attempt.startAttempt.id,
      }),
    );
  };

  it('removes an intruder from the board and the results, and renews a leaked code', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const teach = as(api, fixture.teacherToken);
    const created = await ok<{ createClass: { class: { id: string; joinCode: string } } }>(
      teach(`mutation { createClass(input: { name: "Class 9B" }) { class { id joinCode } } }`),
    );
    const { id: classId, joinCode } = created.createClass.class;
    const pupil = await createStudent(db);
    const intruder = await createStudent(db);
    for (const who of [pupil, intruder]) {
      await ok(as(api, who.token)(JOIN, { code: joinCode }));
    }
    await play(
      pupil.token,
      fixture.set.id,
      fixture.questions.map((q) => q.wrong),
    );
    await play(
      intruder.token,
      fixture.set.id,
      fixture.questions.map((q) => q.right),
    );
    const vars = { s: fixture.set.id, c: classId };
    type Board = { leaderboard: { entries: { player: { id: string } }[] } };
    const before = await ok<Board>(teach(BOARD, vars));
    expect(before.leaderboard.entries.map((e) => e.player.id)).toEqual([
      intruder.user.id,
      pupil.user.id,
    ]);

    // Only the class's teacher may remove, and only a member.
    const other = await createTeacher(db);
    expect(await errorCode(as(api, other.token)(REMOVE, { c: classId, u: intruder.user.id }))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(as(api, pupil.token)(REMOVE, { c: classId, u: intruder.user.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(teach(REMOVE, { c: classId, u: other.user.id }))).toBe('NOT_FOUND');

    // Before the fix this mutation did not exist (the intruder stayed for good).
    const removed = await ok<{ removeClassMember: { class: { memberCount: number } } }>(
      teach(REMOVE, { c: classId, u: intruder.user.id }),
    );
    expect(removed.removeClassMember.class.memberCount).toBe(1);
    const after = await ok<Board>(teach(BOARD, vars));
    expect(after.leaderboard.entries.map((e) => e.player.id)).toEqual([pupil.user.id]);
    const analytics = await ok<{
      setAnalytics: { playerCount: number; students: { player: { id: string } }[] };
    }>(teach(ANALYTICS, vars));
    expect(analytics.setAnalytics.students.map((s) => s.player.id)).toEqual([pupil.user.id]);
    expect(
      (
        await ok<{ class: null }>(
          as(api, intruder.token)(`query ($id: ID!) { class(id: $id) { id } }`, { id: classId }),
        )
      ).class,
    ).toBeNull();

    // The leaked code stops working; the new one lets the class in; members stay.
    const renewed = await ok<{ renewClassJoinCode: { class: { joinCode: string } } }>(
      teach(RENEW, { id: classId }),
    );
    const fresh = renewed.renewClassJoinCode.class.joinCode;
    expect(fresh).not.toBe(joinCode);
    const refused = await ok<{ joinClass: { class: null; errors: { code: string }[] } }>(
      as(api, intruder.token)(JOIN, { code: joinCode }),
    );
    expect(refused.joinClass.errors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const latecomer = await createStudent(db);
    const joined = await ok<{ joinClass: { class: { id: string } } }>(
      as(api, latecomer.token)(JOIN, { code: fresh }),
    );
    expect(joined.joinClass.class.id).toBe(classId);
    expect(await errorCode(as(api, other.token)(RENEW, { id: classId }))).toBe('NOT_FOUND');
  });
});

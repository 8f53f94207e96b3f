import type { PrismaClient } from '@quiz/prisma';
import { idMapsOf, playerPrompt } from '../../src/modules/attempts/public-ids';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createQuestions } from '../factories/questions';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { type CreatedUser, createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const PLAY = `mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id questions { position questionId } } }`;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: $p, response: $r) { points } }`;
const FINISH = 'mutation ($a: ID!) { finishAttempt(attemptId: $a) { score } }';
const BOARD = `query ($input: LeaderboardInput!) {
  leaderboard(input: $input) {
    window totalPlayers set { id } class { id }
    entries { rank score attemptCount player { displayName } }
    viewerEntry { rank score }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Board = {
  leaderboard: {
    totalPlayers: number;
    entries: {
      rank: number;
      score: number;
      attemptCount: number;
      player: { displayName: string };
    }[];
    viewerEntry: { rank: number; score: number } | null;
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

describe('results: leaderboards, analytics, practice and review', () => {
  let api: TestApi;
  let db: PrismaClient;
  let fixture: TeacherWithSet;
  let other: TeacherWithSet;
  let students: CreatedUser[];
  let classId: string;
  const lastWeek = Date.parse('2026-11-18T12:00:00Z');
  const thisWeek = Date.parse('2026-11-25T09:00:00Z');

  /** Plays a set answering right exactly the positions in `right`, at a given time. */
  const play = async (who: CreatedUser, set: TeacherWithSet, right: number[], at: number) => {
    const run = as(api, who.token, { now: () => new Date(at) });
    const started = await ok<{
      startAttempt: { id: string; questions: { position: number; questionId: string }[] };
    }>(run(PLAY, { id: set.set.id }));
    for (const q of started.startAttempt.questions) {
      // Unshuffled sets: the fixture's order (an attempt names no question before answering).
      const question = set.questions[q.position];
      await ok(
        run(ANSWER, {
          a: started.startAttempt.id,
          p: q.position,
          r: right.includes(q.position) ? question?.right : question?.wrong,
        }),
      );
    }
    return ok<{ finishAttempt: { score: number } }>(run(FINISH, { a: started.startAttempt.id }));
  };

  /** The question at a position of an attempt (read from the database, as only a test can). */
  const questionAt = async (attemptId: string, position: number) => {
    const item = await db.attemptItem.findFirstOrThrow({ where: { attemptId, position } });
    return db.question.findUniqueOrThrow({ where: { id: item.questionId } });
  };

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
    fixture = await createTeacherWithSet(db, { questions: 3 });
    // Retakes allowed, so Karim and Sara can play again below (as practice).
    await db.questionSet.update({ where: { id: fixture.set.id }, data: { allowRetakes: true } });
    other = await createTeacherWithSet(db, { questions: 2 });
    students = [];
    for (const name of ['Sara', 'Omid', 'Lina', 'Karim']) {
      students.push(await createStudent(db, { displayName: name }));
    }
    const klass = await db.class.create({
      data: { teacherId: fixture.teacher.id, name: 'Class', joinCode: 'MMMMMM' },
    });
    classId = klass.id;
    await db.classMember.createMany({
      data: students.slice(0, 3).map((s) => ({ classId, userId: s.user.id })),
    });
    const [sara, omid, lina, karim] = students as [
      CreatedUser,
      CreatedUser,
      CreatedUser,
      CreatedUser,
    ];
    // Last week: Karim scores 2000 (his first attempt); this week everyone plays once.
    await play(karim, fixture, [0, 1], lastWeek);
    await play(sara, fixture, [0, 1, 2], thisWeek);
    await play(omid, fixture, [0, 1], thisWeek + 60_000);
    await play(lina, fixture, [0], thisWeek + 120_000);
    await play(karim, fixture, [], thisWeek + 180_000);
    // Sara plays again (worse): a retake is practice; her first attempt stands.
    await play(sara, fixture, [2], thisWeek + 240_000);
    // Another set for the overall board.
    await play(lina, other, [0, 1], thisWeek + 300_000);
  });
  afterAll(() => api.close());

  const board = (who: CreatedUser | null, input: Record<string, unknown>) =>
    ok<Board>(as(api, who?.token, { now: () => new Date(thisWeek + 3_600_000) })(BOARD, { input }));

  it('ranks the set board all time: first attempt per player, ties by time', async () => {
    const lina = students[2] as CreatedUser;
    const data = await board(lina, { setId: fixture.set.id });
    expect(
      data.leaderboard.entries.map((e) => [e.rank, e.player.displayName, e.score, e.attemptCount]),
    ).toEqual([
      [1, 'Sara', 3000, 1],
      // Karim reached 2000 last week, before Omid did: earlier wins the tie.
      [2, 'Karim', 2000, 1],
      [3, 'Omid', 2000, 1],
      [4, 'Lina', 1000, 1],
    ]);
    expect(data.leaderboard.totalPlayers).toBe(4);
    expect(data.leaderboard.viewerEntry).toEqual({ rank: 4, score: 1000 });
  });

  it('windows: this week only counts first attempts made this week', async () => {
    const data = await board(students[3] as CreatedUser, {
      setId: fixture.set.id,
      window: 'THIS_WEEK',
    });
    // Karim's first attempt was last week; his retake this week is practice, on no board.
    expect(data.leaderboard.entries.map((e) => [e.player.displayName, e.score])).toEqual([
      ['Sara', 3000],
      ['Omid', 2000],
      ['Lina', 1000],
    ]);
    expect(data.leaderboard.viewerEntry).toBeNull();
    const month = await board(null, { setId: fixture.set.id, window: 'THIS_MONTH' });
    expect(month.leaderboard.totalPlayers).toBe(4);
  });

  it('overall board sums each player’s first score per set', async () => {
    const data = await board(null, {});
    expect(data.leaderboard.entries.map((e) => [e.player.displayName, e.score])).toEqual([
      ['Sara', 3000],
      ['Lina', 3000],
      ['Karim', 2000],
      ['Omid', 2000],
    ]);
    expect(data.leaderboard.viewerEntry).toBeNull();
  });

  it('pages with a cursor, ranks continuing', async () => {
    const first = await ok<Board>(as(api)(BOARD, { input: { setId: fixture.set.id, first: 3 } }));
    expect(first.leaderboard.pageInfo.hasNextPage).toBe(true);
    const second = await ok<Board>(
      as(api)(BOARD, {
        input: { setId: fixture.set.id, first: 3, after: first.leaderboard.pageInfo.endCursor },
      }),
    );
    expect(second.leaderboard.entries.map((e) => [e.rank, e.player.displayName])).toEqual([
      [4, 'Lina'],
    ]);
    expect(second.leaderboard.pageInfo.hasNextPage).toBe(false);
  });

  it('a class board ranks members only, for members and the teacher', async () => {
    const lina = students[2] as CreatedUser;
    const data = await board(lina, { setId: fixture.set.id, classId });
    expect(data.leaderboard.entries.map((e) => [e.rank, e.player.displayName])).toEqual([
      [1, 'Sara'],
      [2, 'Omid'],
      [3, 'Lina'],
    ]);
    expect(data.leaderboard.viewerEntry).toEqual({ rank: 3, score: 1000 });
    expect(
      await errorCode(
        as(api, (students[3] as CreatedUser).token)(BOARD, {
          input: { setId: fixture.set.id, classId },
        }),
      ),
    ).toBe('NOT_FOUND');
    const teacher = await ok<Board>(
      as(api, fixture.teacherToken)(BOARD, { input: { setId: fixture.set.id, classId } }),
    );
    expect(teacher.leaderboard.totalPlayers).toBe(3);
  });

  it('attempt.rank is the player’s place on the set’s all-time board', async () => {
    const omid = students[1] as CreatedUser;
    const data = await ok<{ myAttempts: { rank: number | null; score: number }[] }>(
      as(api, omid.token)('{ myAttempts { rank score } }'),
    );
    expect(data.myAttempts).toEqual([{ rank: 3, score: 2000 }]);
    // Sara's retake says it is one and has no rank; her first attempt keeps rank 1.
    const sara = await ok<{
      myAttempts: { rank: number | null; score: number; isRetake: boolean }[];
    }>(as(api, (students[0] as CreatedUser).token)('{ myAttempts { rank score isRetake } }'));
    expect(sara.myAttempts).toEqual([
      { rank: null, score: 1000, isRetake: true },
      { rank: 1, score: 3000, isRetake: false },
    ]);
  });

  it('set analytics: facility, corrected discrimination, picks, flags, students', async () => {
    type Stat = {
      facility: number;
      discrimination: number | null;
      meanCredit: number;
      flags: string[];
      findings: { code: string; message: string }[];
      correctCount: number;
      measured: {
        answerCount: number;
        expectedCorrect: number | null;
        priorExpectedCorrect: number;
        status: string;
      };
      options: { optionId: string; isCorrect: boolean; pickCount: number }[];
    };
    type Student = {
      player: { displayName: string };
      attemptCount: number;
      bestScore: number;
      lastScore: number;
      bestCorrectCount: number;
      firstScore: number;
      retakeCount: number;
      medianAnswerSeconds: number | null;
      flags: string[];
      answers: { position: number; isCorrect: boolean; answered: boolean; given: string | null }[];
    };
    type Analytics = {
      attemptCount: number;
      playerCount: number;
      meanScore: number;
      questions: Stat[];
      students: Student[];
      scoreDistribution: { fromPercent: number; count: number }[];
      minimumAnswers: { code: string; minimum: number }[];
    };
    const data = await ok<{ setAnalytics: Analytics }>(
      as(api, fixture.teacherToken)(
        `query ($set: ID!) { setAnalytics(setId: $set) {
        attemptCount playerCount meanScore
        questions { position answerCount facility discrimination meanCredit flags correctCount
          findings { code message }
          measured { answerCount expectedCorrect priorExpectedCorrect status }
          options { optionId isCorrect pickCount pickRate } question { id } }
        students { player { displayName } attemptCount bestScore lastScore bestCorrectCount
          firstScore retakeCount medianAnswerSeconds flags
          answers { position isCorrect answered given } }
        scoreDistribution { fromPercent count }
        minimumAnswers { code minimum }
      } }`,
        { set: fixture.set.id },
      ),
    );
    const a = data.setAnalytics;
    expect(a.attemptCount).toBe(6);
    expect(a.playerCount).toBe(4);
    expect(a.meanScore).toBeCloseTo((2000 + 3000 + 2000 + 1000 + 0 + 1000) / 6, 9);
    // First attempts: Karim [1,1,0] (last week), Sara [1,1,1], Omid [1,1,0], Lina [1,0,0].
    // Question 1: x = [1,1,1,0] for (Karim, Sara, Omid, Lina); totals [2,3,2,1] → rest [1,2,1,1].
    const q1 = a.questions[1] as Stat;
    expect(q1.facility).toBe(0.75);
    const x = [1, 1, 1, 0];
    const rest = [1, 2, 1, 1];
    const mx = 0.75;
    const mr = 1.25;
    const sxy = x.reduce((s, xi, i) => s + (xi - mx) * ((rest[i] as number) - mr), 0);
    const sxx = x.reduce((s, xi) => s + (xi - mx) ** 2, 0);
    const srr = rest.reduce((s, ri) => s + (ri - mr) ** 2, 0);
    expect(q1.discrimination).toBeCloseTo(sxy / Math.sqrt(sxx * srr), 9);
    expect(q1.meanCredit).toBe(0.75);
    const picks = Object.fromEntries(
      q1.options.map((o) => [o.isCorrect ? 'right' : o.optionId.slice(0, 1), o.pickCount]),
    );
    expect(picks).toEqual({ right: 3, a: 1, c: 0, d: 0 });
    // Four first attempts are under every estimate's minimum: no flag rests on them, and the
    // page states the minima once instead of "too few answers" on every row.
    expect(q1.flags).toEqual([]);
    expect(q1.findings).toEqual([]);
    expect(q1.correctCount).toBe(3);
    // Everyone got question 0 right: no variance, no discrimination.
    expect(a.questions[0]).toMatchObject({ facility: 1, discrimination: null, flags: [] });
    // Measured difficulty rests on first answers only (Sara's and Karim's second do not count).
    expect(q1.measured).toMatchObject({ answerCount: 4, expectedCorrect: null, status: 'TOO_FEW' });
    expect(q1.measured.priorExpectedCorrect).toBeGreaterThan(0);
    expect(a.minimumAnswers.map((m) => [m.code, m.minimum])).toEqual([
      ['FACILITY', 5],
      ['DISCRIMINATION', 15],
      ['DISTRACTOR', 20],
      ['MEASURED_DIFFICULTY', 10],
      ['MEASURED_DIFFICULTY_FINAL', 30],
    ]);
    // First attempts scored 2/3, 3/3, 2/3 and 1/3 of the maximum.
    expect(a.scoreDistribution.map((b) => b.count)).toEqual([0, 0, 0, 1, 0, 0, 2, 0, 0, 1]);
    const sara = a.students.find((s) => s.player.displayName === 'Sara');
    expect(sara?.answers.map((x) => x.position)).toEqual([0, 1, 2]);
    expect(sara?.answers.filter((x) => x.isCorrect).length).toBe(1);
    expect(sara?.answers.every((x) => x.answered && x.given !== null)).toBe(true);
    const rows: [string, number, number, number, number][] = a.students.map((s) => [
      s.player.displayName,
      s.attemptCount,
      s.bestScore,
      s.lastScore,
      s.bestCorrectCount,
    ]);
    // Best score first; the tie between Karim and Omid in any order.
    expect(rows.map((r) => r[2])).toEqual([3000, 2000, 2000, 1000]);
    expect([...rows].sort((x, y) => y[2] - x[2] || x[0].localeCompare(y[0]))).toEqual([
      ['Sara', 2, 3000, 1000, 3],
      ['Karim', 2, 2000, 0, 2],
      ['Omid', 1, 2000, 2000, 2],
      ['Lina', 1, 1000, 1000, 1],
    ]);
    // First scores and retakes; this helper answers without opening questions (0 s each), so
    // Sara's all-correct first attempt is flagged as rapid; the others had a wrong answer.
    expect(
      Object.fromEntries(
        a.students.map((s) => [
          s.player.displayName,
          [s.firstScore, s.retakeCount, s.medianAnswerSeconds, s.flags],
        ]),
      ),
    ).toEqual({
      Sara: [3000, 1, 0, ['RAPID_ANSWERS']],
      Karim: [2000, 1, 0, []],
      Omid: [2000, 0, 0, []],
      Lina: [1000, 0, 0, []],
    });
    const byClass = await ok<{ setAnalytics: { playerCount: number; class: { id: string } } }>(
      as(api, fixture.teacherToken)(
        'query ($set: ID!, $c: ID!) { setAnalytics(setId: $set, classId: $c) { playerCount class { id } } }',
        {
          set: fixture.set.id,
          c: classId,
        },
      ),
    );
    expect(byClass.setAnalytics).toEqual({ playerCount: 3, class: { id: classId } });
  });

  it('practice and review: unranked, spaced repetition of mistakes', async () => {
    await createQuestions(db, 6, { era: 'late-era' });
    const karim = students[3] as CreatedUser;
    const t0 = thisWeek + 7_200_000;
    const run = (at: number) => as(api, karim.token, { now: () => new Date(at) });
    const dueBefore = await ok<{ reviewDueCount: number }>(
      run(t0 + 30 * 86_400_000)('{ reviewDueCount }'),
    );
    // Karim's wrong answers in normal play created cards.
    expect(dueBefore.reviewDueCount).toBeGreaterThan(0);
    const practice = await ok<{
      startPractice: {
        id: string;
        set: { isPractice: boolean; shareCode: string };
        questions: { position: number; questionId: string }[];
      };
    }>(
      run(t0)(
        'mutation { startPractice(input: { eras: ["late-era"], count: 4 }) { id set { isPractice shareCode } questions { position questionId } } }',
      ),
    );
    expect(practice.startPractice.set).toEqual({ isPractice: true, shareCode: '' });
    expect(practice.startPractice.questions).toHaveLength(4);
    const entriesBefore = await db.leaderboardEntry.count();
    for (const q of practice.startPractice.questions) {
      const fixtureQ = await questionAt(practice.startPractice.id, q.position);
      const key = fixtureQ.key as { optionIds: string[] };
      const options = (fixtureQ.prompt as { options: { id: string }[] }).options;
      const shown = idMapsOf(playerPrompt(fixtureQ)).toPublic.options;
      const wrong = shown.get(options.find((o) => !key.optionIds.includes(o.id))?.id ?? '');
      await ok(
        run(t0)(ANSWER, { a: practice.startPractice.id, p: q.position, r: { optionIds: [wrong] } }),
      );
    }
    await ok(run(t0)(FINISH, { a: practice.startPractice.id }));
    expect(await db.leaderboardEntry.count()).toBe(entriesBefore);
    // Not listed among published sets.
    const listed = await ok<{ publishedSets: { id: string }[] }>(
      as(api)('{ publishedSets(first: 100) { id } }'),
    );
    const practiceSet = await db.attempt.findUniqueOrThrow({
      where: { id: practice.startPractice.id },
    });
    expect(listed.publishedSets.map((s) => s.id)).not.toContain(practiceSet.setId);
    // Wrong answers are due again soon (FSRS "Again"); a review attempt brings them back.
    const due = await ok<{ reviewDueCount: number }>(run(t0 + 86_400_000)('{ reviewDueCount }'));
    expect(due.reviewDueCount).toBeGreaterThanOrEqual(4);
    const review = await ok<{
      startReview: { id: string; questions: { position: number; questionId: string }[] };
    }>(
      run(t0 + 86_400_000)(
        'mutation { startReview(count: 2) { id questions { position questionId } } }',
      ),
    );
    expect(review.startReview.questions).toHaveLength(2);
    const [first] = review.startReview.questions;
    const q = await questionAt(review.startReview.id, first?.position ?? 0);
    const card = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: karim.user.id, questionId: q.id } },
    });
    const keyIds = (q.key as { optionIds: string[] }).optionIds;
    const shownIds = idMapsOf(playerPrompt(q)).toPublic.options;
    const optionIds = keyIds.map((id) => shownIds.get(id));
    await ok(
      run(t0 + 86_400_000)(ANSWER, {
        a: review.startReview.id,
        p: first?.position,
        r: { optionIds },
      }),
    );
    const moved = await db.reviewCard.findUniqueOrThrow({
      where: { userId_questionId: { userId: karim.user.id, questionId: q.id } },
    });
    expect(moved.due.getTime()).toBeGreaterThan(card.due.getTime());
    expect(await errorCode(run(t0)('mutation { startReview(count: 500) { id } }'))).toBe(
      'BAD_USER_INPUT',
    );
    const fresh = await createStudent(db);
    expect(await errorCode(as(api, fresh.token)('mutation { startReview { id } }'))).toBe(
      'CONFLICT',
    );
    expect(
      await errorCode(
        as(api, fresh.token)('mutation { startPractice(input: { eras: ["nope"] }) { id } }'),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

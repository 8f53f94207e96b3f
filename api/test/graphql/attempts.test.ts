import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent, createUser } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const START = `mutation ($input: StartAttemptInput!) {
  startAttempt(input: $input) {
    id status score maxScore questionCount answeredCount
    set { id title shareCode isPractice }
    questions { position questionId type stem concealed timeLimitSec presentedAt deadline
      prompt { options { id label } items { id label } numeric { min max } }
      result { isCorrect } }
  }
}`;
const OPEN = `mutation ($attemptId: ID!, $position: Int!) {
  openQuestion(attemptId: $attemptId, position: $position) {
    position stem concealed presentedAt deadline prompt { options { id } }
  }
}`;
const ANSWER = `mutation ($attemptId: ID!, $position: Int!, $response: ResponseInput!) {
  answerQuestion(attemptId: $attemptId, position: $position, response: $response) {
    position isCorrect credit points timedOut answeredAt
    response { optionIds order year }
    key { optionIds order year rationales { ref isCorrect text citations { id } citationIds } }
    explanation citations { id quote source { slug title } } citationIds passages { id quote }
  }
}`;
const FINISH = `mutation ($attemptId: ID!) {
  finishAttempt(attemptId: $attemptId) { id status score correctCount maxScore finishedAt rank }
}`;
const REVIEW = `query ($id: ID!) {
  attempt(id: $id) {
    id status score rank answeredCount
    questions { position questionId stem result { isCorrect points timedOut response { optionIds }
      key { optionIds rationales { isCorrect citationIds } } explanation citationIds } }
    citations { id quote source { slug } }
  }
}`;

type Question = {
  position: number;
  questionId: string;
  stem: string;
  concealed: boolean;
  prompt: { options: { id: string }[] };
};
type Started = { startAttempt: { id: string; questions: Question[]; maxScore: number } };

describe('attempts', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(() => api.close());

  /**
   * The fixture's right (or wrong) response for the question at a position of an unshuffled set
   * (the attempt itself names no question before it is answered).
   */
  const responseFor = (fixture: TeacherWithSet, position: number, right: boolean) => {
    const question = fixture.questions[position];
    if (!question) {
      throw new Error('unknown question');
    }
    return right ? question.right : question.wrong;
  };

  it('plays a set: start by code without keys, answer with feedback once locked, finish', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const started = await ok<Started>(
      run(START, { input: { code: fixture.set.shareCode?.toLowerCase() } }),
    );
    const attempt = started.startAttempt;
    // Nothing names a question before it is answered: no id, and options by place only.
    expect(attempt.questions.map((q) => q.questionId)).toEqual([null, null, null]);
    expect(attempt.questions[0]?.prompt.options.map((o) => o.id)).toEqual(['o1', 'o2', 'o3', 'o4']);
    expect(JSON.stringify(started)).not.toContain(fixture.questions[0]?.id as string);
    expect(attempt.maxScore).toBe(3000);
    expect(JSON.stringify(started)).not.toMatch(/isCorrect":true|rationale|explanation/);

    const [q0, q1] = attempt.questions as [Question, Question];
    // Nothing locked yet: no key read, so no passage in the attempt's table either.
    const before = await ok<{ attempt: { citations: unknown[] } }>(run(REVIEW, { id: attempt.id }));
    expect(before.attempt.citations).toEqual([]);
    const right = await ok<{ answerQuestion: Record<string, unknown> }>(
      run(ANSWER, {
        attemptId: attempt.id,
        position: 0,
        response: responseFor(fixture, q0.position, true),
      }),
    );
    expect(right.answerQuestion).toMatchObject({
      isCorrect: true,
      credit: 1,
      points: 1000,
      timedOut: false,
      explanation: expect.stringContaining('Because'),
      citations: [
        {
          id: 'cite-1',
          quote: expect.any(String),
          source: { slug: 'test-source', title: expect.any(String) },
        },
        {
          id: 'cite-2',
          quote: expect.any(String),
          source: { slug: 'test-source', title: expect.any(String) },
        },
      ],
    });
    expect(right.answerQuestion.key).toMatchObject({
      optionIds: [expect.any(String)],
      rationales: expect.arrayContaining([expect.objectContaining({ isCorrect: true })]),
    });
    // Each passage once: the answer's own (cite-1, cite-2), of which the right option's
    // rationale cites cite-1 again; the rationales and the result point into it by id.
    expect(right.answerQuestion).toMatchObject({
      citationIds: ['cite-1', 'cite-2'],
      passages: [
        { id: 'cite-1', quote: expect.any(String) },
        { id: 'cite-2', quote: expect.any(String) },
      ],
    });
    expect(right.answerQuestion.key).toMatchObject({
      rationales: expect.arrayContaining([
        expect.objectContaining({ isCorrect: true, citationIds: ['cite-1'] }),
        expect.objectContaining({ isCorrect: false, citationIds: [] }),
      ]),
    });
    const wrong = await ok<{ answerQuestion: { isCorrect: boolean; points: number } }>(
      run(ANSWER, {
        attemptId: attempt.id,
        position: 1,
        response: responseFor(fixture, q1.position, false),
      }),
    );
    expect(wrong.answerQuestion).toMatchObject({ isCorrect: false, points: 0 });

    const finished = await ok<{ finishAttempt: Record<string, unknown> }>(
      run(FINISH, { attemptId: attempt.id }),
    );
    expect(finished.finishAttempt).toMatchObject({
      status: 'FINISHED',
      score: 1000,
      correctCount: 1,
      rank: 1,
    });
    // The review shows the answered questions with their keys (in public ids); the unanswered
    // one has no result and no id, so finishing early reads no key.
    const review = await ok<{
      attempt: {
        questions: { questionId: string | null; result: Record<string, unknown> | null }[];
      };
    }>(run(REVIEW, { id: attempt.id }));
    expect(review.attempt.questions.map((q) => q.result?.points ?? null)).toEqual([1000, 0, null]);
    expect(review.attempt.questions.map((q) => q.questionId)).toEqual([
      fixture.questions[0]?.id,
      fixture.questions[1]?.id,
      null,
    ]);
    // The key's public id is its place in the seeded order the player saw.
    const shownRight = fixture.questions[0]?.right.optionIds;
    expect(shownRight).toHaveLength(1);
    expect(review.attempt.questions[0]?.result).toMatchObject({
      response: { optionIds: shownRight },
      key: {
        optionIds: shownRight,
        rationales: expect.arrayContaining([{ isCorrect: true, citationIds: ['cite-1'] }]),
      },
      citationIds: ['cite-1', 'cite-2'],
    });
    // One table for the whole review: both answered questions cite cite-1 and cite-2, and each
    // is sent once, whatever the number of questions and rationales that cite it.
    expect(
      (review.attempt as unknown as { citations: { id: string }[] }).citations.map((c) => c.id),
    ).toEqual(['cite-1', 'cite-2']);
    // A wrong answer in normal play creates a review card.
    expect(await db.reviewCard.count({ where: { userId: student.user.id } })).toBe(1);
  });

  it('resumes the open attempt instead of starting a second one', async () => {
    const fixture = await createTeacherWithSet(db);
    const student = await createStudent(db);
    const run = as(api, student.token);
    const a = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    const b = await ok<Started>(run(START, { input: { code: fixture.set.shareCode } }));
    expect(b.startAttempt.id).toBe(a.startAttempt.id);
  });

  it('shuffles per attempt (seeded by the attempt id) when the set asks for it', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 12, shuffle: true });
    const orders = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const student = await createStudent(db);
      const started = await ok<Started>(
        as(api, student.token)(START, { input: { setId: fixture.set.id } }),
      );
      const ids = (
        await db.attemptItem.findMany({
          where: { attemptId: started.startAttempt.id },
          orderBy: { position: 'asc' },
        })
      ).map((item) => item.questionId);
      expect([...ids].sort()).toEqual(fixture.questions.map((q) => q.id).sort());
      orders.add(ids.join());
      // The order is the attempt's: reading it again gives the same.
      const again = await ok<{ attempt: { questions: { position: number }[] } }>(
        as(api, student.token)('query ($id: ID!) { attempt(id: $id) { questions { position } } }', {
          id: started.startAttempt.id,
        }),
      );
      expect(again.attempt.questions.map((q) => q.position)).toEqual([...ids.keys()]);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('a repeated answer returns the stored result and never scores twice', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    const q0 = startAttempt.questions[0] as Question;
    const first = await ok(
      run(ANSWER, {
        attemptId: startAttempt.id,
        position: 0,
        response: responseFor(fixture, q0.position, false),
      }),
    );
    const before = await snapshotDatabase(api);
    const again = await ok(
      run(ANSWER, {
        attemptId: startAttempt.id,
        position: 0,
        response: responseFor(fixture, q0.position, true),
      }),
    );
    expect(again).toEqual(first);
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('concurrent answers to one question store exactly one', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    const q0 = startAttempt.questions[0] as Question;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ok<{ answerQuestion: { isCorrect: boolean; answeredAt: string } }>(
          run(ANSWER, {
            attemptId: startAttempt.id,
            position: 0,
            response: responseFor(fixture, q0.position, i % 2 === 0),
          }),
        ),
      ),
    );
    const distinct = new Set(results.map((r) => JSON.stringify(r.answerQuestion)));
    expect(distinct.size).toBe(1);
    const finished = await ok<{ finishAttempt: { score: number } }>(
      run(FINISH, { attemptId: startAttempt.id }),
    );
    const stored = results[0]?.answerQuestion.isCorrect ? 1000 : 0;
    expect(finished.finishAttempt.score).toBe(stored);
  });

  it('finishing twice (even concurrently) scores once and updates the board once', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    for (const q of startAttempt.questions) {
      await ok(
        run(ANSWER, {
          attemptId: startAttempt.id,
          position: q.position,
          response: responseFor(fixture, q.position, true),
        }),
      );
    }
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        ok<{ finishAttempt: { score: number; finishedAt: string } }>(
          run(FINISH, { attemptId: startAttempt.id }),
        ),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]?.finishAttempt.score).toBe(2000);
    const entries = await db.leaderboardEntry.findMany({ where: { userId: student.user.id } });
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.attemptCount === 1 && e.score === 2000)).toBe(true);
    const before = await snapshotDatabase(api);
    await ok(run(FINISH, { attemptId: startAttempt.id }));
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('answers racing a finish: the score always equals the stored answers', async () => {
    for (let round = 0; round < 5; round += 1) {
      const fixture = await createTeacherWithSet(db, { questions: 5 });
      const student = await createStudent(db);
      const run = as(api, student.token);
      const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
      await Promise.all([
        ...startAttempt.questions.map((q) =>
          run(ANSWER, {
            attemptId: startAttempt.id,
            position: q.position,
            response: responseFor(fixture, q.position, true),
          }),
        ),
        run(FINISH, { attemptId: startAttempt.id }),
      ]);
      await ok(run(FINISH, { attemptId: startAttempt.id }));
      const attempt = await db.attempt.findUniqueOrThrow({
        where: { id: startAttempt.id },
        include: { items: true },
      });
      const points = attempt.items.reduce((sum, item) => sum + (item.points ?? 0), 0);
      expect(attempt.score).toBe(points);
      const entry = await db.leaderboardEntry.findUniqueOrThrow({
        where: { boardKey_userId: { boardKey: `s:${fixture.set.id}:a`, userId: student.user.id } },
      });
      expect(entry.score).toBe(points);
    }
  });

  it('answering a finished attempt is a CONFLICT and changes nothing', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    const student = await createStudent(db);
    const run = as(api, student.token);
    const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    await ok(run(FINISH, { attemptId: startAttempt.id }));
    const before = await snapshotDatabase(api);
    const q1 = startAttempt.questions[1] as Question;
    expect(
      await errorCode(
        run(ANSWER, {
          attemptId: startAttempt.id,
          position: 1,
          response: responseFor(fixture, q1.position, true),
        }),
      ),
    ).toBe('CONFLICT');
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  describe('time limits (server clock, 1 s grace)', () => {
    const at = (ms: number) => () => new Date(ms);
    const T0 = Date.parse('2026-11-02T10:00:00Z');

    it.each([
      ['on time', 9_000, false, 550],
      ['within the grace', 10_900, false, 500],
      ['late', 11_100, true, 0],
    ])('an answer %s (%i ms after opening)', async (_name, after, timedOut, points) => {
      const fixture = await createTeacherWithSet(db, {
        questions: 1,
        timeLimitSec: 10,
        scoringMode: 'SPEED_BONUS',
      });
      const student = await createStudent(db);
      const run = as(api, student.token);
      const { startAttempt } = await ok<Started>(
        run(START, { input: { setId: fixture.set.id } }, { now: at(T0) }),
      );
      const q0 = startAttempt.questions[0] as Question;
      // Timed questions are concealed until opened.
      expect(q0).toMatchObject({ concealed: true, stem: '', prompt: { options: [] } });
      const opened = await ok<{ openQuestion: Record<string, unknown> }>(
        run(OPEN, { attemptId: startAttempt.id, position: 0 }, { now: at(T0 + 1_000) }),
      );
      expect(opened.openQuestion).toMatchObject({
        concealed: false,
        presentedAt: new Date(T0 + 1_000).toISOString(),
        deadline: new Date(T0 + 11_000).toISOString(),
      });
      // Opening again never restarts the clock.
      const reopened = await ok<{ openQuestion: { presentedAt: string } }>(
        run(OPEN, { attemptId: startAttempt.id, position: 0 }, { now: at(T0 + 5_000) }),
      );
      expect(reopened.openQuestion.presentedAt).toBe(new Date(T0 + 1_000).toISOString());
      const answer = await ok<{ answerQuestion: Record<string, unknown> }>(
        run(
          ANSWER,
          {
            attemptId: startAttempt.id,
            position: 0,
            response: responseFor(fixture, q0.position, true),
          },
          { now: at(T0 + 1_000 + after) },
        ),
      );
      expect(answer.answerQuestion).toMatchObject({ timedOut, points, isCorrect: !timedOut });
      // Feedback (the key) is shown either way once the answer is locked.
      expect(answer.answerQuestion.key).toBeTruthy();
    });

    it('refuses an answer to a timed question that was never opened', async () => {
      const fixture = await createTeacherWithSet(db, { questions: 1, timeLimitSec: 10 });
      const student = await createStudent(db);
      const run = as(api, student.token);
      const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
      const before = await snapshotDatabase(api);
      const q0 = startAttempt.questions[0] as Question;
      expect(
        await errorCode(
          run(ANSWER, {
            attemptId: startAttempt.id,
            position: 0,
            response: responseFor(fixture, q0.position, true),
          }),
        ),
      ).toBe('CONFLICT');
      expect(await snapshotDatabase(api)).toEqual(before);
    });
  });

  // Round 4: the response was checked against the prompt before the "open it first" refusal, so
  // the refusals of a concealed question told its prompt: how many options (o1…oN known, oN+1
  // unknown) and a year question's bounds ("Enter a year between …").
  it('tells nothing of a concealed question when it is answered before it is opened', async () => {
    const fixture = await createTeacherWithSet(db, {
      questions: 2,
      timeLimitSec: 10,
      types: ['SINGLE_CHOICE', 'NUMERIC_YEAR'],
    });
    const run = as(api, (await createStudent(db)).token);
    const { startAttempt } = await ok<Started>(run(START, { input: { setId: fixture.set.id } }));
    const before = await snapshotDatabase(api);
    const probes = [
      { position: 0, response: { optionIds: ['o1'] } },
      { position: 0, response: { optionIds: ['o99'] } },
      { position: 0, response: { optionIds: ['o1', 'o2'] } },
      { position: 0, response: { year: 2000 } },
      { position: 1, response: { year: -1_000_000 } },
      { position: 1, response: { year: 2000 } },
      { position: 1, response: { optionIds: ['o1'] } },
    ];
    const refusals = await Promise.all(
      probes.map(async ({ position, response }) => {
        const result = await run(ANSWER, { attemptId: startAttempt.id, position, response });
        const error = result.errors?.[0];
        return { code: error?.extensions?.code, message: error?.message };
      }),
    );
    expect(new Set(refusals.map((refusal) => JSON.stringify(refusal)))).toEqual(
      new Set([
        JSON.stringify({
          code: 'CONFLICT',
          message: 'Open the question before answering it (its clock starts then)',
        }),
      ]),
    );
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  describe('bad input changes nothing', () => {
    let fixture: TeacherWithSet;
    let run: ReturnType<typeof as>;
    let attemptId: string;
    let other: ReturnType<typeof as>;
    beforeAll(async () => {
      fixture = await createTeacherWithSet(db, {
        questions: 2,
        types: ['SINGLE_CHOICE', 'NUMERIC_YEAR'],
      });
      const student = await createStudent(db);
      run = as(api, student.token);
      other = as(api, (await createStudent(db)).token);
      attemptId = (await ok<Started>(run(START, { input: { setId: fixture.set.id } }))).startAttempt
        .id;
    });

    it.each([
      ['an unknown option id', 0, { optionIds: ['nope'] }, 'BAD_USER_INPUT'],
      ['two options for a single choice', 0, { optionIds: ['x', 'y'] }, 'BAD_USER_INPUT'],
      ['the wrong field for the type', 0, { year: 1980 }, 'BAD_USER_INPUT'],
      ['an empty response', 0, {}, 'BAD_USER_INPUT'],
      ['a year outside the bounds', 1, { year: 3000 }, 'BAD_USER_INPUT'],
      ['a position out of range', 7, { optionIds: ['x'] }, 'NOT_FOUND'],
      ['a negative position', -1, { optionIds: ['x'] }, 'NOT_FOUND'],
    ])('%s', async (_name, position, response, code) => {
      const before = await snapshotDatabase(api);
      expect(await errorCode(run(ANSWER, { attemptId, position, response }))).toBe(code);
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it.each([
      ['a position of the wrong type', { position: 'first', response: { optionIds: ['x'] } }],
      [
        'a response of the wrong shape',
        { position: 0, response: { optionIds: 'x', colour: 'red' } },
      ],
      ['a year that is not an integer', { position: 1, response: { year: 1980.5 } }],
    ])('%s is refused by the schema (BAD_USER_INPUT)', async (_name, variables) => {
      const before = await snapshotDatabase(api);
      expect(await errorCode(run(ANSWER, { attemptId, ...variables }))).toBe('BAD_USER_INPUT');
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it.each([
      ['an unknown attempt id', '00000000-0000-4000-8000-000000000000'],
      ['a malformed attempt id', 'not-a-uuid'],
    ])('%s is NOT_FOUND', async (_name, id) => {
      const before = await snapshotDatabase(api);
      expect(
        await errorCode(
          run(ANSWER, { attemptId: id, position: 0, response: { optionIds: ['a'] } }),
        ),
      ).toBe('NOT_FOUND');
      expect(await errorCode(run(FINISH, { attemptId: id }))).toBe('NOT_FOUND');
      expect(await ok(run(REVIEW, { id }))).toEqual({ attempt: null });
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it("another player's attempt cannot be read, opened, answered or finished", async () => {
      const before = await snapshotDatabase(api);
      expect(await ok(other(REVIEW, { id: attemptId }))).toEqual({ attempt: null });
      expect(await errorCode(other(OPEN, { attemptId, position: 0 }))).toBe('NOT_FOUND');
      expect(
        await errorCode(other(ANSWER, { attemptId, position: 0, response: { optionIds: ['a'] } })),
      ).toBe('NOT_FOUND');
      expect(await errorCode(other(FINISH, { attemptId }))).toBe('NOT_FOUND');
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it.each([
      ['an unknown code', { code: 'ZZZZZZ' }, 'NOT_FOUND'],
      ['a malformed code', { code: '!!' }, 'NOT_FOUND'],
      ['a malformed set id', { setId: 'x' }, 'NOT_FOUND'],
      ['both a code and an id', { code: 'ZZZZZZ', setId: 'x' }, 'BAD_USER_INPUT'],
      ['neither', {}, 'BAD_USER_INPUT'],
    ])('starting with %s', async (_name, input, code) => {
      const before = await snapshotDatabase(api);
      expect(await errorCode(run(START, { input }))).toBe(code);
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('a draft set cannot be started', async () => {
      const draft = await createTeacherWithSet(db, { publish: false });
      expect(await errorCode(run(START, { input: { setId: draft.set.id } }))).toBe('NOT_FOUND');
    });

    it('anonymous callers must sign in', async () => {
      const anonymous = as(api);
      expect(await errorCode(anonymous(START, { input: { setId: fixture.set.id } }))).toBe(
        'UNAUTHENTICATED',
      );
      expect(await errorCode(anonymous(FINISH, { attemptId }))).toBe('UNAUTHENTICATED');
      expect(await errorCode(anonymous('{ reviewDueCount }'))).toBe('UNAUTHENTICATED');
    });
  });

  it('guests play and finish too', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const guest = await createUser(db, { isGuest: true, displayName: 'Guesty' });
    const run = as(api, guest.token);
    const { startAttempt } = await ok<Started>(
      run(START, { input: { code: fixture.set.shareCode } }),
    );
    const q0 = startAttempt.questions[0] as Question;
    await ok(
      run(ANSWER, {
        attemptId: startAttempt.id,
        position: 0,
        response: responseFor(fixture, q0.position, true),
      }),
    );
    const done = await ok<{ finishAttempt: { score: number; rank: number } }>(
      run(FINISH, { attemptId: startAttempt.id }),
    );
    expect(done.finishAttempt).toMatchObject({ score: 1000, rank: 1 });
  });
});

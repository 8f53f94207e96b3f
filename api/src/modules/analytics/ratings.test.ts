import type { PrismaClient, User } from '@quiz/prisma';
import { createTestDatabase, type TestDatabase } from '@quiz/prisma/test-database';
import { createTeacherWithSet, type TeacherWithSet } from '../../../test/factories/sets';
import { createGuest, createStudent } from '../../../test/factories/users';
import { randomCode } from '../../lib/codes';
import { answerQuestion, openQuestion } from '../attempts/service/answer-question';
import { finishAttempt } from '../attempts/service/finish-attempt';
import { startAttempt } from '../attempts/service/start-attempt';
import { difficultyFromPrior, eloUpdate } from './elo';
import { guessOf, measuredDifficulty } from './ratings';

/** Elo ratings stored with each answer (real PostgreSQL, through the real services). */
describe('measured difficulty (Elo) in PostgreSQL', () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let now = Date.UTC(2026, 11, 1, 9);
  const tick = () => {
    now += 1_000;
    return new Date(now);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.drop());

  const play = async (user: User, fixture: TeacherWithSet, right: readonly boolean[]) => {
    const { attempt } = await startAttempt({
      db,
      user,
      input: { setId: fixture.set.id },
      now: tick(),
    });
    for (const [position, isRight] of right.entries()) {
      const q = fixture.questions[position];
      if (!q) {
        throw new Error('no such question');
      }
      await answerQuestion({
        db,
        userId: user.id,
        attemptId: attempt.id,
        position,
        response: isRight ? q.right : q.wrong,
        now: tick(),
      });
    }
    await finishAttempt({ db, userId: user.id, attemptId: attempt.id, now: tick() });
    return attempt.id;
  };

  const ratingsOf = async (fixture: TeacherWithSet, user: User) => ({
    items: await Promise.all(
      fixture.questions.map((q) => db.itemRating.findUnique({ where: { questionId: q.id } })),
    ),
    player: await db.playerRating.findUnique({ where: { userId: user.id } }),
  });

  it('equals the pure eloUpdate, answer by answer, starting from the prior', async () => {
    const fixture = await createTeacherWithSet(db, {
      questions: 3,
      types: ['SINGLE_CHOICE', 'CHRONOLOGY', 'SINGLE_CHOICE'],
    });
    const a = (await createStudent(db)).user;
    const b = (await createStudent(db)).user;
    // The oracle, in memory.
    const items = fixture.questions.map((q) => ({
      difficulty: difficultyFromPrior(q.difficulty, guessOf(q)),
      answers: 0,
      guess: guessOf(q),
    }));
    const players = new Map<string, { ability: number; answers: number }>();
    const expectPlay = (user: User, right: boolean[]) => {
      const player = players.get(user.id) ?? { ability: 0, answers: 0 };
      right.forEach((isRight, i) => {
        const item = items[i] as (typeof items)[number];
        const next = eloUpdate(
          {
            ability: player.ability,
            playerAnswers: player.answers,
            difficulty: item.difficulty,
            itemAnswers: item.answers,
          },
          isRight ? 1 : 0,
          item.guess,
        );
        player.ability = next.ability;
        player.answers = next.playerAnswers;
        item.difficulty = next.difficulty;
        item.answers = next.itemAnswers;
      });
      players.set(user.id, player);
    };

    await play(a, fixture, [true, false, true]);
    expectPlay(a, [true, false, true]);
    await play(b, fixture, [false, true, true]);
    expectPlay(b, [false, true, true]);

    const stored = await ratingsOf(fixture, b);
    stored.items.forEach((row, i) => {
      expect(row?.answerCount).toBe(2);
      expect(row?.difficulty).toBeCloseTo(items[i]?.difficulty as number, 9);
    });
    expect(stored.player?.answerCount).toBe(3);
    expect(stored.player?.ability).toBeCloseTo(players.get(b.id)?.ability as number, 9);
    const ofA = await db.playerRating.findUnique({ where: { userId: a.id } });
    expect(ofA?.ability).toBeCloseTo(players.get(a.id)?.ability as number, 9);
    const shown = measuredDifficulty(fixture.questions[0] as never, stored.items[0] ?? null);
    expect(shown.answerCount).toBe(2);
    expect(shown.status).toBe('TOO_FEW');
  });

  it('counts only a player’s first answer to a question, and no timed-out answer', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2 });
    // The second play is a retake, which the set must allow.
    await db.questionSet.update({ where: { id: fixture.set.id }, data: { allowRetakes: true } });
    const student = (await createStudent(db)).user;
    await play(student, fixture, [true, true]);
    const after1 = await ratingsOf(fixture, student);
    await play(student, fixture, [false, false]);
    const after2 = await ratingsOf(fixture, student);
    expect(after2).toEqual(after1);
    expect(after2.player?.answerCount).toBe(2);

    const timed = await createTeacherWithSet(db, { questions: 1, timeLimitSec: 5 });
    const late = (await createStudent(db)).user;
    const { attempt } = await startAttempt({
      db,
      user: late,
      input: { setId: timed.set.id },
      now: tick(),
    });
    await openQuestion({ db, userId: late.id, attemptId: attempt.id, position: 0, now: tick() });
    now += 60_000;
    const result = await answerQuestion({
      db,
      userId: late.id,
      attemptId: attempt.id,
      position: 0,
      response: timed.questions[0]?.right ?? {},
      now: tick(),
    });
    expect(result.item.timedOut).toBe(true);
    expect(
      await db.itemRating.findUnique({ where: { questionId: timed.questions[0]?.id } }),
    ).toBeNull();
    expect(await db.playerRating.findUnique({ where: { userId: late.id } })).toBeNull();
  });

  it('counts one first answer when a player answers one question in two attempts at once', async () => {
    // Two sets (or a set and a practice) can hold the same question; answering both at once
    // used to rate the question twice: each statement's "no earlier answer" check read a
    // snapshot without the other's uncommitted answer.
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const q = fixture.questions[0];
    if (!q) {
      throw new Error('no question');
    }
    const copies = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        db.questionSet.create({
          data: {
            ownerId: fixture.teacher.id,
            title: `Copy ${i} of ${fixture.set.title}`,
            status: 'PUBLISHED',
            shareCode: randomCode(6),
            publishedAt: new Date(),
            items: { create: { position: 0, questionId: q.id } },
          },
        }),
      ),
    );
    for (let round = 0; round < 3; round += 1) {
      const student = (await createStudent(db)).user;
      const attempts = await Promise.all(
        [fixture.set, ...copies].map((set) =>
          startAttempt({ db, user: student, input: { setId: set.id }, now: new Date(now) }),
        ),
      );
      const before =
        (await db.itemRating.findUnique({ where: { questionId: q.id } }))?.answerCount ?? 0;
      await Promise.all(
        attempts.map(({ attempt }) =>
          answerQuestion({
            db,
            userId: student.id,
            attemptId: attempt.id,
            position: 0,
            response: q.wrong,
            now: new Date(now + 1_000),
          }),
        ),
      );
      const after = await db.itemRating.findUnique({ where: { questionId: q.id } });
      expect(after?.answerCount).toBe(before + 1);
      const player = await db.playerRating.findUnique({ where: { userId: student.id } });
      expect(player?.answerCount).toBe(1);
    }
  });

  it('leaves the ratings alone for guests, whose names cost one request each', async () => {
    // The measure is shared by every teacher whose set holds the question, and once it has 30
    // answers it replaces their class's own share in the easy/hard flags: 30 guests answering
    // a bank question wrong (in a set of the attacker's own) flagged it TOO_HARD everywhere.
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const q = fixture.questions[0];
    if (!q) {
      throw new Error('no question');
    }
    const guests = await Promise.all(
      Array.from({ length: 30 }, async () => (await createGuest(db)).user),
    );
    for (const guest of guests) {
      const { attempt } = await startAttempt({
        db,
        user: guest,
        input: { setId: fixture.set.id },
        now: tick(),
      });
      const result = await answerQuestion({
        db,
        userId: guest.id,
        attemptId: attempt.id,
        position: 0,
        response: q.wrong,
        now: tick(),
      });
      expect(result.item.isCorrect).toBe(false);
    }
    expect(await db.itemRating.findUnique({ where: { questionId: q.id } })).toBeNull();
    expect(
      await db.playerRating.count({ where: { userId: { in: guests.map((g) => g.id) } } }),
    ).toBe(0);
    // A student account's answer still counts.
    await play((await createStudent(db)).user, fixture, [false]);
    expect((await db.itemRating.findUnique({ where: { questionId: q.id } }))?.answerCount).toBe(1);
  });

  it('loses no update when 24 players answer the same question at once', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1 });
    const players = await Promise.all(
      Array.from({ length: 24 }, async () => (await createStudent(db)).user),
    );
    const attempts = await Promise.all(
      players.map((user) =>
        startAttempt({ db, user, input: { setId: fixture.set.id }, now: new Date(now) }),
      ),
    );
    const q = fixture.questions[0];
    await Promise.all(
      players.map((user, i) =>
        answerQuestion({
          db,
          userId: user.id,
          attemptId: attempts[i]?.attempt.id as string,
          position: 0,
          // Half right, half wrong.
          response: (i % 2 === 0 ? q?.right : q?.wrong) ?? {},
          now: new Date(now + 1_000),
        }),
      ),
    );
    const row = await db.itemRating.findUnique({ where: { questionId: q?.id } });
    expect(row?.answerCount).toBe(24);
    const rated = await db.playerRating.count({
      where: { userId: { in: players.map((p) => p.id) } },
    });
    expect(rated).toBe(24);
    // Every answer moved the item: 12 right and 12 wrong from the same start leave it near the
    // prior but not exactly on it, and never NaN.
    expect(Number.isFinite(row?.difficulty)).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { randomCode } from '../../src/lib/codes';
import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createQuestions } from '../factories/questions';
import { createGuest, createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * Round 6 held a set's own attempts while a live game of it runs (answerQuestion shows the key at
 * once). Probe round 11: a teacher's own question is usually in more than one of her sets (the
 * homework and the live review of a unit), and the rule matched the set, not the question. While
 * the review ran live, a free guest started the published homework (listed on the home page),
 * answered the question on the projector with anything and read its key, explanation and
 * rationales, before the reveal. The same rule now holds an answer to a question the teacher's
 * running game plays, whichever of her sets the attempt is of.
 */
const START = `mutation ($s: ID!) {
  startAttempt(input: { setId: $s }) { id questions { position stem } } }`;
const ANSWER = `mutation ($a: ID!, $p: Int!) {
  answerQuestion(attemptId: $a, position: $p, response: { optionIds: ["o1"] }) {
    key { optionIds } explanation } }`;
const OPEN = `mutation ($a: ID!, $p: Int!) {
  openQuestion(attemptId: $a, position: $p) { position presentedAt } }`;
const CREATE = 'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id } } }';
const COMMAND = `mutation ($g: ID!, $c: LiveCommand!) {
  liveCommand(gameId: $g, command: $c) { game { phase } } }`;

type Started = { startAttempt: { id: string; questions: { position: number; stem: string }[] } };

describe("a teacher's question on the projector cannot be answered in her other sets", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('holds the shared question while the game runs; the rest of the homework goes on', async () => {
    const db = api.database.db;
    const teacher = await createTeacher(db);
    const [shared, reviewOnly, homeworkOnly] = await createQuestions(db, 3, {
      types: ['SINGLE_CHOICE'],
      authorId: teacher.user.id,
    });
    if (!shared || !reviewOnly || !homeworkOnly) {
      throw new Error('fixture');
    }
    const publishedSet = (title: string, questionIds: string[]) =>
      db.questionSet.create({
        data: {
          ownerId: teacher.user.id,
          title,
          status: 'PUBLISHED',
          shareCode: randomCode(6),
          publishedAt: new Date(),
          items: {
            createMany: {
              data: questionIds.map((questionId, position) => ({ position, questionId })),
            },
          },
        },
      });
    const review = await publishedSet('Unit 3 live review', [shared.id, reviewOnly.id]);
    const homework = await publishedSet('Unit 3 homework', [homeworkOnly.id, shared.id]);

    const host = as(api, teacher.token);
    const { createLiveGame } = await ok<{ createLiveGame: { game: { id: string } } }>(
      host(CREATE, { s: review.id }),
    );
    await ok(host(COMMAND, { g: createLiveGame.game.id, c: 'START' }));

    // A free guest plays the homework beside the game; the shared question is its position 1.
    const guest = as(api, (await createGuest(db)).token);
    const started = await ok<Started>(guest(START, { s: homework.id }));
    const attemptId = started.startAttempt.id;
    expect(started.startAttempt.questions[1]?.stem).toBe(shared.stem);
    const { errors } = await guest(ANSWER, { a: attemptId, p: 1 });
    expect(errors?.map((error) => [error.extensions?.code, error.extensions?.reason])).toEqual([
      ['CONFLICT', 'LIVE_GAME'],
    ]);
    expect(
      await db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 1 } }),
    ).toMatchObject({ answeredAt: null, response: null });
    // Its other question is not on the projector.
    expect((await guest(ANSWER, { a: attemptId, p: 0 })).errors).toBeUndefined();

    // A student who took a seat holds no homework started before the game either.
    const seated = await createStudent(db);
    const early = await ok<Started>(as(api, seated.token)(START, { s: homework.id }));
    await db.attempt.update({
      where: { id: early.startAttempt.id },
      data: { startedAt: new Date(Date.now() - 3_600_000) },
    });
    await db.liveGamePlayer.create({
      data: {
        gameId: createLiveGame.game.id,
        userId: seated.user.id,
        nickname: 'Seated',
        nameKey: 'seated',
        tokenHash: 'seated-token-hash',
        joinedAt: new Date(),
      },
    });
    const seatedAnswer = await as(api, seated.token)(ANSWER, { a: early.startAttempt.id, p: 1 });
    expect(seatedAnswer.errors?.[0]?.extensions?.reason).toBe('LIVE_GAME');

    // A timed homework question is not opened while it is held: its clock would run out while
    // the answer waits for the game's end.
    const timed = await publishedSet('Unit 3 timed homework', [shared.id]);
    await db.questionSetItem.updateMany({ where: { setId: timed.id }, data: { timeLimitSec: 30 } });
    const timedAttempt = await ok<Started>(guest(START, { s: timed.id }));
    const opened = await guest(OPEN, { a: timedAttempt.startAttempt.id, p: 0 });
    expect(opened.errors?.map((error) => error.extensions?.reason)).toEqual(['LIVE_GAME']);
    expect(
      await db.attemptItem.findFirstOrThrow({ where: { attemptId: timedAttempt.startAttempt.id } }),
    ).toMatchObject({ presentedAt: null });

    // The same file imported into both sets: two rows of one question, held alike.
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      ...row
    } = await db.question.findUniqueOrThrow({
      where: { id: shared.id },
    });
    const copy = await db.question.create({ data: { ...row, id: randomUUID() } as never });
    const imported = await publishedSet('Unit 3 homework, imported again', [copy.id]);
    const second = await ok<Started>(guest(START, { s: imported.id }));
    const copyAnswer = await guest(ANSWER, { a: second.startAttempt.id, p: 0 });
    expect(copyAnswer.errors?.[0]?.extensions?.reason).toBe('LIVE_GAME');

    // Round 12: a copy she re-typed with another case and spacing (or full-width letters) is the
    // same question: held too. Before, the stem had to match to the byte.
    const retyped = await db.question.create({
      data: {
        ...row,
        id: randomUUID(),
        stem: `  ${row.stem.toUpperCase().replaceAll(' ', '   ')}\t`,
      } as never,
    });
    const retypedSet = await publishedSet('Unit 3 homework, typed again', [retyped.id]);
    const third = await ok<Started>(guest(START, { s: retypedSet.id }));
    const retypedAnswer = await guest(ANSWER, { a: third.startAttempt.id, p: 0 });
    expect(retypedAnswer.errors?.[0]?.extensions?.reason).toBe('LIVE_GAME');
    // A different question of hers with another stem is not held.
    const other = await db.question.create({
      data: { ...row, id: randomUUID(), stem: `${row.stem} (part two)` } as never,
    });
    const otherSet = await publishedSet('Unit 3 extension', [other.id]);
    const fourth = await ok<Started>(guest(START, { s: otherSet.id }));
    expect((await guest(ANSWER, { a: fourth.startAttempt.id, p: 0 })).errors).toBeUndefined();

    // Once the game has ended, the homework's question is answered as usual, and the timed one
    // opens.
    await ok(host(COMMAND, { g: createLiveGame.game.id, c: 'END' }));
    expect((await guest(OPEN, { a: timedAttempt.startAttempt.id, p: 0 })).errors).toBeUndefined();
    expect((await guest(ANSWER, { a: attemptId, p: 1 })).errors).toBeUndefined();
  });
});

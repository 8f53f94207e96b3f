import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createGuest, createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * A live game of a published set, and the same set played as an ordinary attempt in another
 * tab: answerQuestion returns the key at once, so a free guest read each key while the question
 * was on the projector and answered it on the phone (probe, 7 Dec). While a game of the set is
 * running (lobby included), new attempts of the set are refused, and an attempt started after
 * the game was created is refused its answers; the set's owner may still preview it.
 */
const START = `mutation ($input: StartAttemptInput!) {
  startAttempt(input: $input) { id questions { position prompt { options { id } } } } }`;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
  answerQuestion(attemptId: $a, position: $p, response: $r) { key { optionIds } } }`;
const CREATE = 'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }';
const COMMAND = `mutation ($g: ID!, $c: LiveCommand!) {
  liveCommand(gameId: $g, command: $c) { game { phase reveal { key { optionIds } } } } }`;

type Failure = { code: unknown; reason: unknown };
const failureOf = async (
  result: Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>,
): Promise<Failure | null> => {
  const { errors } = await result;
  const [error] = errors ?? [];
  return error ? { code: error.extensions?.code, reason: error.extensions?.reason } : null;
};
const LIVE_GAME: Failure = { code: 'CONFLICT', reason: 'LIVE_GAME' };

describe('a set being played live cannot be played alongside for its keys', () => {
  let api: TestApi;
  let fixture: TeacherWithSet;
  let gameId: string;
  const command = (c: string) =>
    ok<{
      liveCommand: { game: { phase: string; reveal: { key: { optionIds: string[] } } | null } };
    }>(as(api, fixture.teacherToken)(COMMAND, { g: gameId, c }));

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db, {
      questions: 2,
      types: ['SINGLE_CHOICE', 'SINGLE_CHOICE'],
    });
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('refuses new attempts while the game runs, and the answers of one started since', async () => {
    // Homework started before the game: it goes on (the limit of the rule, docs/security.md).
    const homework = await createStudent(api.database.db);
    const seated = await createStudent(api.database.db);
    const before = await ok<{ startAttempt: { id: string } }>(
      as(api, homework.token)(START, { input: { setId: fixture.set.id } }),
    );
    const created = await ok<{ createLiveGame: { game: { id: string } } }>(
      as(api, fixture.teacherToken)(CREATE, { s: fixture.set.id }),
    );
    gameId = created.createLiveGame.game.id;
    await command('START');

    const cheat = await createGuest(api.database.db);
    const cheater = as(api, cheat.token);
    expect(await failureOf(cheater(START, { input: { setId: fixture.set.id } }))).toEqual(
      LIVE_GAME,
    );
    expect(
      await failureOf(cheater(START, { input: { code: fixture.set.shareCode ?? '' } })),
    ).toEqual(LIVE_GAME);

    // An attempt that slipped in after the game was created (a start racing the creation).
    const slipped = await createStudent(api.database.db);
    const row = await api.database.db.attempt.findFirstOrThrow({
      where: { id: before.startAttempt.id },
    });
    /** `row`'s attempt, with its items, for another player started at `startedAt`. */
    const copyAttempt = async (userId: string, startedAt: Date) =>
      api.database.db.attempt.create({
        data: {
          setId: row.setId,
          setVersion: row.setVersion,
          scoringMode: row.scoringMode,
          questionCount: row.questionCount,
          userId,
          status: 'IN_PROGRESS',
          startedAt,
          items: {
            createMany: {
              data: (
                await api.database.db.attemptItem.findMany({ where: { attemptId: row.id } })
              ).map(({ position, questionId, timeLimitSec }) => ({
                position,
                questionId,
                timeLimitSec,
              })),
            },
          },
        },
      });
    const racing = await copyAttempt(slipped.user.id, new Date());
    expect(
      await failureOf(
        as(api, slipped.token)(ANSWER, { a: racing.id, p: 0, r: { optionIds: ['o1'] } }),
      ),
    ).toEqual(LIVE_GAME);

    // The same homework, kept for the game by a student who then takes a seat in it: its answers
    // would give each key while the question is on the projector.
    const seatedRow = await copyAttempt(seated.user.id, new Date(row.startedAt.getTime() - 60_000));
    const answerSeated = () =>
      failureOf(as(api, seated.token)(ANSWER, { a: seatedRow.id, p: 0, r: { optionIds: ['o1'] } }));
    await api.database.db.liveGamePlayer.create({
      data: {
        gameId,
        userId: seated.user.id,
        nickname: 'Seated',
        nameKey: 'seated',
        tokenHash: 'seated-token-hash',
        joinedAt: new Date(),
      },
    });
    expect(await answerSeated()).toEqual(LIVE_GAME);

    expect(
      await failureOf(
        as(api, homework.token)(ANSWER, {
          a: before.startAttempt.id,
          p: 0,
          r: { optionIds: ['o1'] },
        }),
      ),
    ).toBeNull();
    // The owner previews their own set.
    expect(
      await failureOf(as(api, fixture.teacherToken)(START, { input: { setId: fixture.set.id } })),
    ).toBeNull();

    await command('REVEAL');
    await command('END');
    const after = await ok<{ startAttempt: { id: string } }>(
      cheater(START, { input: { setId: fixture.set.id } }),
    );
    expect(after.startAttempt.id).toBeTruthy();
  });

  it('does not hold a set for a game left behind', async () => {
    const other = await createTeacherWithSet(api.database.db, { questions: 1 });
    const created = await ok<{ createLiveGame: { game: { id: string } } }>(
      as(api, other.teacherToken)(CREATE, { s: other.set.id }),
    );
    const student = await createStudent(api.database.db);
    expect(
      await failureOf(as(api, student.token)(START, { input: { setId: other.set.id } })),
    ).toEqual(LIVE_GAME);
    // Its host's screen closed 31 minutes ago and never came back (HOST_ABANDON_MS).
    const game = { id: created.createLiveGame.game.id };
    await api.database.db.liveGame.update({
      where: game,
      data: { hostConnected: false, hostAwaySince: new Date(Date.now() - 31 * 60_000) },
    });
    expect(
      await failureOf(as(api, student.token)(START, { input: { setId: other.set.id } })),
    ).toBeNull();
    // Connected on paper (a process died with the screen open), but the lobby opened 7 hours ago.
    const third = await createTeacherWithSet(api.database.db, { questions: 1 });
    const stale = await ok<{ createLiveGame: { game: { id: string } } }>(
      as(api, third.teacherToken)(CREATE, { s: third.set.id }),
    );
    await api.database.db.liveGame.update({
      where: { id: stale.createLiveGame.game.id },
      data: { hostConnected: true, createdAt: new Date(Date.now() - 7 * 3_600_000) },
    });
    expect(
      await failureOf(as(api, student.token)(START, { input: { setId: third.set.id } })),
    ).toBeNull();
  });
});

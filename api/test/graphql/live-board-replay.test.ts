import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * The set's LIVE board kept each account's best live score over any number of games: a student
 * who sat one game learned every key at its reveals, joined the next game of the same set
 * (another class's PIN is on a projector) and took the top of the board with them, the replay
 * that attempts' boards stopped in issue 12 (probe, 7 Dec). Now a player's first game stands.
 */
describe('the LIVE board ranks each player’s first game', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('keeps the first game’s score against a replay with the keys', async () => {
    const fixture = await createTeacherWithSet(api.database.db, {
      questions: 1,
      types: ['SINGLE_CHOICE'],
    });
    const host = as(api, fixture.teacherToken);
    const student = await createStudent(api.database.db);
    const play = async (pick: (key: string[], options: string[]) => string) => {
      const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
        host('mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }', {
          s: fixture.set.id,
        }),
      );
      const { id, pin } = created.createLiveGame.game;
      const joined = await ok<{ joinLiveGame: { token: string } }>(
        as(api, student.token)('mutation ($p: String!) { joinLiveGame(pin: $p) { token } }', {
          p: pin,
        }),
      );
      const command = (c: string) =>
        ok<{
          liveCommand: {
            game: {
              question: { prompt: { options: { id: string }[] } } | null;
              reveal: { key: { optionIds: string[] } } | null;
            };
          };
        }>(
          host(
            `mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) {
              game { question { prompt { options { id } } } reveal { key { optionIds } } } } }`,
            { g: id, c },
          ),
        );
      const started = await command('START');
      const options = started.liveCommand.game.question?.prompt.options.map((o) => o.id) ?? [];
      // The first game answers wrong on purpose: the key read from the game's own snapshot.
      const snapshot = await api.database.db.liveGame.findUniqueOrThrow({ where: { id } });
      const key =
        learned ??
        (snapshot.questions as { key: { optionIds: string[] } }[])[0]?.key.optionIds ??
        [];
      await ok(
        as(api)(
          `mutation ($t: String!, $r: ResponseInput!) {
            submitLiveAnswer(token: $t, questionIndex: 0, response: $r) { accepted } }`,
          { t: joined.joinLiveGame.token, r: { optionIds: [pick(key, options)] } },
        ),
      );
      const revealed = await command('REVEAL');
      learned = revealed.liveCommand.game.reveal?.key.optionIds ?? null;
      await command('END');
    };
    let learned: string[] | null = null;
    const board = async () =>
      (
        await ok<{ leaderboard: { entries: { score: number; player: { id: string } }[] } }>(
          as(api)(
            'query ($s: ID!) { leaderboard(input: { setId: $s, window: LIVE }) { entries { score player { id } } } }',
            { s: fixture.set.id },
          ),
        )
      ).leaderboard.entries;

    // First game: a wrong answer, and the key learned at the reveal.
    await play((key, options) => options.find((o) => !key.includes(o)) ?? 'o1');
    const first = await board();
    expect(first).toEqual([{ score: 0, player: { id: student.user.id } }]);
    expect(learned).not.toBeNull();
    // The next game of the set, answered with that key.
    await play((key) => key[0] ?? 'o1');
    expect(await board()).toEqual(first);
  });
});

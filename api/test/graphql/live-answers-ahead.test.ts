import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';

/**
 * submitLiveAnswer checked the response against the question it named before anything else, so a
 * misfit answer to a question not yet opened, even with a made-up token (the game's id is given
 * by the PIN's lobby), said what that question was: "This question takes order", "Unknown or
 * repeated option id" (probe, 6 Dec). The fit is now judged after the seat and the open question.
 */
const SUBMIT = `mutation ($t: String!, $i: Int!, $r: ResponseInput!) {
  submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted } }`;

type Refusal = { code: unknown; message: string; reason?: unknown };
/** The one refusal for any question that is not the open one (probe, 6 Dec evening). */
const NOT_OPEN: Refusal = {
  code: 'CONFLICT',
  message: 'This question is not open for answers',
  reason: 'NOT_OPEN',
};
const refusal = async (
  result: Promise<{
    errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  }>,
): Promise<Refusal> => {
  const { errors } = await result;
  const [error] = errors ?? [];
  if (!error) {
    throw new Error('Expected the answer to be refused');
  }
  return {
    code: error.extensions?.code,
    message: error.message,
    ...(error.extensions?.reason ? { reason: error.extensions.reason } : {}),
  };
};

describe('answers to questions not yet opened say nothing about them', () => {
  let api: TestApi;
  let gameId: string;
  let token: string;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    const fixture = await createTeacherWithSet(api.database.db, {
      questions: 3,
      types: ['SINGLE_CHOICE', 'CHRONOLOGY', 'NUMERIC_YEAR'],
    });
    const host = as(api, fixture.teacherToken);
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      host('mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }', {
        s: fixture.set.id,
      }),
    );
    gameId = created.createLiveGame.game.id;
    const joined = await ok<{ joinLiveGame: { token: string } }>(
      as(api)(
        'mutation ($p: String!) { joinLiveGame(pin: $p, nickname: "Ahead Reader") { token } }',
        {
          p: created.createLiveGame.game.pin,
        },
      ),
    );
    token = joined.joinLiveGame.token;
    await ok(
      host('mutation ($g: ID!) { liveCommand(gameId: $g, command: START) { game { phase } } }', {
        g: gameId,
      }),
    );
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it.each([
    ['a seat', () => token],
    ['a made-up token for the game', () => `${gameId}.not-a-real-seat-secret-at-all`],
  ])(
    'with %s, a misfit answer to question 2 or 3 hears only that it is not open',
    async (_who, tokenOf) => {
      for (const [index, response] of [
        [1, { optionIds: ['o1'] }], // CHRONOLOGY takes an order
        [1, { order: ['i9'] }],
        [2, { optionIds: ['o1'] }], // NUMERIC_YEAR takes a year
        [2, { year: -5 }],
        // No such question: the same refusal (a separate one told the game's length).
        [3, { optionIds: ['o1'] }],
        [99, { year: 1979 }],
        [-1, { order: ['i1'] }],
      ] as const) {
        const refused = await refusal(
          api.execute(SUBMIT, { variables: { t: tokenOf(), i: index, r: response } }),
        );
        expect(refused).toEqual(NOT_OPEN);
      }
    },
  );

  it('in the lobby, every question (the first, a later one, one that does not exist) hears the same', async () => {
    const fixture = await createTeacherWithSet(api.database.db, {
      questions: 2,
      types: ['SINGLE_CHOICE', 'NUMERIC_YEAR'],
    });
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      as(api, fixture.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
        { s: fixture.set.id },
      ),
    );
    const joined = await ok<{ joinLiveGame: { token: string } }>(
      as(api)(
        'mutation ($p: String!) { joinLiveGame(pin: $p, nickname: "Early Bird") { token } }',
        {
          p: created.createLiveGame.game.pin,
        },
      ),
    );
    const lobbyGame = created.createLiveGame.game.id;
    for (const t of [joined.joinLiveGame.token, `${lobbyGame}.not-a-real-seat-secret-at-all`]) {
      for (const [index, response] of [
        [0, { optionIds: ['o1'] }],
        [0, { year: 1979 }],
        [1, { optionIds: ['o1'] }],
        [1, { year: 1979 }],
        [2, { optionIds: ['o1'] }],
        [7, { order: ['i1'] }],
      ] as const) {
        const refused = await refusal(
          api.execute(SUBMIT, { variables: { t, i: index, r: response } }),
        );
        expect(refused).toEqual(NOT_OPEN);
      }
    }
  });

  it('a made-up token answering the open question is refused as a token, not for its response', async () => {
    const refused = await refusal(
      api.execute(SUBMIT, {
        variables: { t: `${gameId}.not-a-real-seat-secret-at-all`, i: 0, r: { order: ['i1'] } },
      }),
    );
    expect(refused.code).toBe('UNAUTHENTICATED');
  });

  it('a seat answering the open question with a misfit still hears what is wrong, and can answer after', async () => {
    const refused = await refusal(
      api.execute(SUBMIT, { variables: { t: token, i: 0, r: { order: ['i1'] } } }),
    );
    expect(refused).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'This question takes optionIds (and nothing else)',
    });
    const answered = await ok<{ submitLiveAnswer: { accepted: boolean } }>(
      api.execute(SUBMIT, { variables: { t: token, i: 0, r: { optionIds: ['o1'] } } }),
    );
    expect(answered.submitLiveAnswer.accepted).toBe(true);
  });
});

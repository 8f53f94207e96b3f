import { LIVE_PIN_MISSES_PER_IP, stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';

/**
 * A live game's PIN is six digits, and neither liveLobby nor joinLiveGame counted a wrong one:
 * one client could walk the PIN space (hundreds a second) and find every open game (probe,
 * 6 Dec). Misses are counted per address; a used-up address is refused before the lookup, so a
 * right PIN cannot be told from a wrong one by the answer.
 */
const LOBBY = 'query ($p: String!) { liveLobby(pin: $p) { gameId } }';
const JOIN = 'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token } }';

describe('guessing live game PINs', () => {
  let api: TestApi;
  let pin: string;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    const fixture = await createTeacherWithSet(api.database.db, { questions: 1 });
    const created = await ok<{ createLiveGame: { game: { pin: string } } }>(
      as(api, fixture.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { pin } } }',
        { s: fixture.set.id },
      ),
    );
    pin = created.createLiveGame.game.pin;
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  const codeOf = async (query: string, variables: Record<string, unknown>, ip: string) =>
    (await api.execute(query, { variables, ip })).errors?.[0]?.extensions?.code ?? 'OK';

  it('a class typing the right PIN is never counted', async () => {
    for (let n = 0; n < LIVE_PIN_MISSES_PER_IP.limit + 10; n += 1) {
      expect(await codeOf(LOBBY, { p: pin }, '10.1.0.1')).toBe('OK');
    }
  });

  it('wrong PINs from one address are refused past the limit, and then the right one too', async () => {
    const wrong = (n: number) => String((Number(pin) + 1 + n) % 1_000_000).padStart(6, '0');
    const ip = '10.2.0.1';
    for (let n = 0; n < LIVE_PIN_MISSES_PER_IP.limit; n += 1) {
      const query = n % 2 === 0 ? LOBBY : JOIN;
      expect(await codeOf(query, { p: wrong(n), n: `Guesser ${n}` }, ip)).toBe('NOT_FOUND');
    }
    expect(await codeOf(LOBBY, { p: wrong(999) }, ip)).toBe('RATE_LIMITED');
    // The right PIN answers exactly as a wrong one now: nothing to learn from the difference.
    expect(await codeOf(LOBBY, { p: pin }, ip)).toBe('RATE_LIMITED');
    expect(await codeOf(JOIN, { p: pin, n: 'Late Guesser' }, ip)).toBe('RATE_LIMITED');
    // Another address is not held by it.
    expect(await codeOf(JOIN, { p: pin, n: 'Real Student' }, '10.3.0.1')).toBe('OK');
  });
});

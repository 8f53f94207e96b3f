import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';
import { countSql } from '../sql-counter';

// A class joining at once: each join's first view must not read every seat of the game again
// (one read per join made N joins cost O(N^2) and stalled the 1,000-player benchmark). Joins
// share one read of the game; each still gets its own seat in its view.

const JOIN = `mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) {
  token view { game { phase playerCount } me { id nickname score rank } myAnswer { questionIndex } } } }`;
/** The players' frame reads every seat of the game: the seat columns, with no LIMIT. */
const isSeatScan = (sql: string) =>
  /^SELECT/i.test(sql) &&
  sql.includes('"LiveGamePlayer"') &&
  sql.includes('"bestStreak"') &&
  !/LIMIT/i.test(sql);

describe('joining a live game', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countSql>;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    counter = countSql([api.database.url]);
  });
  afterAll(async () => {
    counter.restore();
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('40 players joining at once share reads of the game, each seeing their own seat', async () => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const created = await ok<{ createLiveGame: { game: { pin: string } } }>(
      as(api, fixture.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { pin } } }',
        { s: fixture.set.id },
      ),
    );
    const pin = created.createLiveGame.game.pin;
    type Joined = {
      joinLiveGame: {
        token: string;
        view: {
          game: { phase: string; playerCount: number };
          me: { id: string; nickname: string; score: number; rank: number | null };
          myAnswer: null;
        };
      };
    };
    let views: Joined[] = [];
    const statements = await counter.during(async () => {
      views = await Promise.all(
        Array.from({ length: 40 }, (_, n) =>
          ok<Joined>(as(api)(JOIN, { p: pin, n: `Joiner ${n}` }, { ip: `10.0.0.${n}` })),
        ),
      );
    });
    views.forEach(({ joinLiveGame: { view } }, n) => {
      expect(view.me.nickname).toBe(`Joiner ${n}`);
      expect(view.me.score).toBe(0);
      expect(view.me.rank).toBeNull();
      expect(view.myAnswer).toBeNull();
      expect(view.game.phase).toBe('LOBBY');
      expect(view.game.playerCount).toBeGreaterThanOrEqual(1);
      expect(view.game.playerCount).toBeLessThanOrEqual(40);
    });
    expect(new Set(views.map((v) => v.joinLiveGame.view.me.id)).size).toBe(40);
    // One read per join would be 40; shared reads are a handful whatever the class size.
    expect(statements.filter(isSeatScan).length).toBeLessThanOrEqual(4);
    // The last player's count is exact once a fresh read is due (rejoin reads fresh).
    const rejoin = await ok<{ livePlayer: { game: { playerCount: number } } }>(
      as(api)('query ($t: String!) { livePlayer(token: $t) { game { playerCount } } }', {
        t: views[39]?.joinLiveGame.token,
      }),
    );
    expect(rejoin.livePlayer.game.playerCount).toBe(40);
  });
});

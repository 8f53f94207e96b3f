import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createGuest, createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// Seats and names in a live game (probe, 6 Dec evening): a nickname follows the accounts
// module's rules for a guest's name (none that looks like an account's), an account holds one
// seat per game, and its rejoin replaces the seat's token.

const JOIN = `mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) {
  token view { game { playerCount } me { id nickname } } } }`;
type Joined = {
  joinLiveGame: {
    token: string;
    view: { game: { playerCount: number }; me: { id: string; nickname: string } };
  };
};

describe('live seats and nicknames', () => {
  let api: TestApi;
  let pin: string;
  let gameId: string;
  let teacherToken: string;
  let ip = 0;
  /** Each join from its own address: the per-address join and PIN limits are not under test. */
  const join = (nickname: string | null, sessionToken?: string) =>
    api.execute(JOIN, { variables: { p: pin, n: nickname }, sessionToken, ip: `10.9.0.${++ip}` });
  const refusalOf = async (result: ReturnType<typeof join>) => {
    const { errors } = await result;
    return { code: errors?.[0]?.extensions?.code, reason: errors?.[0]?.extensions?.reason };
  };

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    await createStudent(api.database.db, { displayName: 'Darya Karimi' });
    await createTeacher(api.database.db, { displayName: 'Leila Farahani' });
    await createGuest(api.database.db, { displayName: 'Quiet Fox' });
    const fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    teacherToken = fixture.teacherToken;
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      as(api, teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
        { s: fixture.set.id },
      ),
    );
    ({ id: gameId, pin } = created.createLiveGame.game);
  });
  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it("refuses a guest's nickname that looks like an account's name, or a title and a teacher's", async () => {
    for (const name of ['Darya Karimi', 'darya  KARIMI', 'D\u0430rya Karimi' /* Cyrillic а */]) {
      expect(await refusalOf(join(name))).toEqual({ code: 'CONFLICT', reason: 'NAME_TAKEN' });
    }
    expect(await refusalOf(join('Ms Farahani'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_ALLOWED',
    });
    // A guest account's name is not an account's: a seat may use it (names are unique per game).
    const joined = await ok<Joined>(join('Quiet Fox'));
    expect(joined.joinLiveGame.view.me.nickname).toBe('Quiet Fox');
  });

  // "Host", "Quiz Host", "Quizmaster" and "Game Master" took seats and showed on the projector's
  // leaderboard as if the game's host were playing (probe, 7 Dec): names of the one running the
  // game are reserved, as "Teacher" and "Admin" were.
  it.each(['Host', 'The Host', 'Quiz Host', 'h0st', 'Quizmaster', 'Quiz_Master', 'Game Master'])(
    'refuses the host-like nickname %j',
    async (name) => {
      expect(await refusalOf(join(name))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'NOT_ALLOWED',
      });
    },
  );

  it.each(['Ghost Rider', 'Hostiles', 'Mastery'])('still accepts %j', async (name) => {
    expect((await ok<Joined>(join(name))).joinLiveGame.view.me.nickname).toBe(name);
  });

  it('lets an account use its own name', async () => {
    const darya = await api.database.db.user.findFirstOrThrow({
      where: { displayName: 'Darya Karimi' },
    });
    const { createSession } = await import('../factories/users');
    const token = await createSession(api.database.db, darya.id);
    const joined = await ok<Joined>(join(null, token));
    expect(joined.joinLiveGame.view.me.nickname).toBe('Darya Karimi');
  });

  it('gives an account one seat: joining again rejoins it with a new token, the old one stops working', async () => {
    const student = await createStudent(api.database.db, { displayName: 'Omid Rahimi' });
    const first = await ok<Joined>(join('Omid R', student.token));
    const before = first.joinLiveGame.view.game.playerCount;
    const again = await ok<Joined>(join('Someone Else', student.token));
    expect(again.joinLiveGame.view.me).toEqual(first.joinLiveGame.view.me);
    expect(again.joinLiveGame.view.game.playerCount).toBe(before);
    expect(again.joinLiveGame.token).not.toBe(first.joinLiveGame.token);
    const view = 'query ($t: String!) { livePlayer(token: $t) { me { id } } }';
    const old = await api.execute(view, { variables: { t: first.joinLiveGame.token } });
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await ok<{ livePlayer: { me: { id: string } } }>(
      api.execute(view, { variables: { t: again.joinLiveGame.token } }),
    );
    expect(fresh.livePlayer.me.id).toBe(first.joinLiveGame.view.me.id);
    // Joins at once from one account still make one seat, each answers its view (probe, 6 Dec,
    // round 3: a rejoin looked its seat up by its new token after the commit, which a join at the
    // same moment had replaced: 3–5 of 8 answered UNAUTHENTICATED), and one token works after.
    for (const name of ['Sara Ahmadi', 'Reza Tehrani', 'Nima Saberi']) {
      const racer = await createStudent(api.database.db, { displayName: name });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, n) => join(`${name.split(' ')[0]} ${n}`, racer.token)),
      );
      expect(results.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(
        Array(8).fill(undefined),
      );
      expect(
        await api.database.db.liveGamePlayer.count({ where: { gameId, userId: racer.user.id } }),
      ).toBe(1);
      let working = 0;
      for (const result of results) {
        const token = (result.data as Joined).joinLiveGame.token;
        working += (await api.execute(view, { variables: { t: token } })).errors ? 0 : 1;
      }
      expect(working).toBe(1);
    }
  });

  it('keeps a removed account out: its rejoin is refused', async () => {
    const student = await createStudent(api.database.db, { displayName: 'Bijan Moradi' });
    const joined = await ok<Joined>(join(null, student.token));
    await ok(
      as(api, teacherToken)(
        'mutation ($g: ID!, $p: ID!) { kickLivePlayer(gameId: $g, playerId: $p) { game { id } } }',
        { g: gameId, p: joined.joinLiveGame.view.me.id },
      ),
    );
    expect(await refusalOf(join(null, student.token))).toEqual({
      code: 'FORBIDDEN',
      reason: 'KICKED',
    });
  });
});

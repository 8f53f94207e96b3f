import type { PlayerView } from '../../src/modules/live/frames';
import { liveRuntime, stopLiveRuntime, subscribePlayer } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';
import { countSql } from '../sql-counter';

// The process keeps each game's players' frame and updates it from the changes it makes (joins,
// scoring, kicks, phase changes): joining, rejoining and subscribing read O(1) rows, not every
// seat. The database stays the truth: a change made elsewhere (another process: here a direct
// write, a seq bump and a NOTIFY as another process would send) is picked up.

const JOIN = `mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) {
  token view { game { playerCount } me { id } } } }`;
const REJOIN = `query ($t: String!) { livePlayer(token: $t) {
  game { seq phase playerCount } me { id score rank } } }`;
const COMMAND =
  'mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { game { phase } } }';
const ANSWER = `mutation ($t: String!, $i: Int!, $r: ResponseInput!) {
  submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted } }`;

/**
 * A read of every seat of the game: the seat columns selected by game, with no LIMIT. (Reads by
 * seat key are not: Prisma batches concurrent ones into one `"tokenHash" IN (…)`.)
 */
const isSeatScan = (sql: string) =>
  /^SELECT/i.test(sql) &&
  sql.includes('"bestStreak"') &&
  /FROM "public"\."LiveGamePlayer" WHERE \(?"public"\."LiveGamePlayer"\."gameId" = /.test(sql) &&
  !/LIMIT/i.test(sql);

type Joined = { joinLiveGame: { token: string; view: { game: { playerCount: number } } } };
type Rejoined = {
  livePlayer: {
    game: { seq: number; phase: string; playerCount: number };
    me: { id: string; score: number; rank: number | null };
  };
};

describe('the players’ frame kept by the process', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countSql>;
  let fixture: TeacherWithSet;
  let gameId: string;
  let pin: string;
  const tokens: string[] = [];
  const streams: AsyncIterableIterator<PlayerView>[] = [];

  const host = (command: string) =>
    ok(as(api, fixture.teacherToken)(COMMAND, { g: gameId, c: command }));
  const rejoin = (token: string) => ok<Rejoined>(as(api)(REJOIN, { t: token }));
  /** The stream's newest view at `seq` or later (views are whole screens: older ones are skipped). */
  const viewAt = async (stream: AsyncIterableIterator<PlayerView>, seq: number) => {
    for (;;) {
      const { value } = await stream.next();
      if (value.game.seq >= seq) {
        return value;
      }
    }
  };
  const gameSeq = async () =>
    (await api.database.db.liveGame.findUniqueOrThrow({ where: { id: gameId } })).seq;

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    counter = countSql([api.database.url]);
    fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      as(api, fixture.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s, speedPoints: false }) { game { id pin } } }',
        { s: fixture.set.id },
      ),
    );
    gameId = created.createLiveGame.game.id;
    pin = created.createLiveGame.game.pin;
  }, 60_000);

  afterAll(async () => {
    for (const stream of streams) {
      await stream.return?.();
    }
    counter.restore();
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('after the first frame, N joins, rejoins and subscriptions read no seat list', async () => {
    const first = await ok<Joined>(
      as(api)(JOIN, { p: pin, n: 'First Player' }, { ip: '10.1.0.1' }),
    );
    tokens.push(first.joinLiveGame.token);
    expect(first.joinLiveGame.view.game.playerCount).toBe(1);

    const N = 30;
    let joined: Joined[] = [];
    const joins = await counter.during(async () => {
      joined = await Promise.all(
        Array.from({ length: N }, (_, n) =>
          ok<Joined>(as(api)(JOIN, { p: pin, n: `Joiner ${n}` }, { ip: `10.1.1.${n}` })),
        ),
      );
    });
    tokens.push(...joined.map((j) => j.joinLiveGame.token));
    expect(joins.filter(isSeatScan)).toEqual([]);
    // Each join adds its seat to the held frame: the counts they saw are 2..N+1, once each.
    expect(joined.map((j) => j.joinLiveGame.view.game.playerCount).sort((a, b) => a - b)).toEqual(
      Array.from({ length: N }, (_, n) => n + 2),
    );

    const rejoins = await counter.during(async () => {
      const views = await Promise.all(tokens.map(rejoin));
      for (const view of views) {
        expect(view.livePlayer.game.playerCount).toBe(N + 1);
      }
    });
    expect(rejoins.filter(isSeatScan)).toEqual([]);
    // One O(1) read per rejoin (the seat with the game's seq), whatever the class size.
    expect(rejoins.filter((sql) => sql.includes('"LiveGamePlayer"')).length).toBeLessThanOrEqual(
      2 * tokens.length,
    );

    const runtime = liveRuntime(api.database.db, api.database.url);
    const subscribes = await counter.during(async () => {
      for (const token of tokens) {
        const stream = await subscribePlayer(api.database.db, runtime, token, new Date());
        streams.push(stream);
        const { value } = await stream.next();
        expect(value.game.playerCount).toBe(N + 1);
      }
    });
    expect(subscribes.filter(isSeatScan)).toEqual([]);
    expect(subscribes.filter((sql) => sql.includes('"LiveGamePlayer"')).length).toBeLessThanOrEqual(
      2 * tokens.length,
    );
  });

  it('a reveal updates the frame from its scoring transaction, with no second seat read', async () => {
    await host('START');
    const seq = await gameSeq();
    const [stream] = streams as [AsyncIterableIterator<PlayerView>];
    expect((await viewAt(stream, seq)).game.phase).toBe('QUESTION');
    const stem = (
      await ok<{ livePlayer: { game: { question: { stem: string } } } }>(
        as(api)('query ($t: String!) { livePlayer(token: $t) { game { question { stem } } } }', {
          t: tokens[0],
        }),
      )
    ).livePlayer.game.question.stem;
    const asked = fixture.questions.find((q) => q.stem === stem);
    await ok(as(api)(ANSWER, { t: tokens[0], i: 0, r: asked?.right }));

    const reveal = await counter.during(() => host('REVEAL'));
    // The scoring transaction reads the seats once; nothing reads them again for the screens.
    expect(reveal.filter(isSeatScan).length).toBe(1);
    const revealed = await viewAt(stream, seq + 1);
    expect(revealed.game.phase).toBe('REVEAL');
    expect(revealed.me.score).toBe(1000);
    expect(revealed.me.rank).toBe(1);
    expect(revealed.myAnswer?.isCorrect).toBe(true);
    expect(revealed.game.reveal?.answerCount).toBe(1);
    const other = await viewAt(streams[1] as AsyncIterableIterator<PlayerView>, seq + 1);
    expect(other.me.score).toBe(0);
    expect(other.me.rank).toBe(2);
  });

  it('picks up a change made by another process: a direct write, a seq bump and its NOTIFY', async () => {
    const db = api.database.db;
    const seat = await db.liveGamePlayer.findFirstOrThrow({
      where: { gameId, nickname: 'Joiner 5' },
    });
    // tokens[0] is the first player's, tokens[1 + n] Joiner n's; streams follow tokens.
    const streamOf5 = streams[6];
    const before = await gameSeq();
    // As another API process would: change seats, bump seq and announce it, in one transaction.
    const [, , notified] = await db.$transaction([
      db.liveGamePlayer.update({
        where: { id: seat.id },
        data: { score: 5000, correctCount: 1 },
      }),
      db.liveGame.update({ where: { id: gameId }, data: { seq: { increment: 1 } } }),
      db.$queryRaw<
        { ok: string }[]
      >`SELECT pg_notify('live_game', ${`${gameId}|state|${before + 1}|elsewhere|s`})::text AS ok`,
    ]);
    expect(notified).toHaveLength(1);
    const pushed = await viewAt(streamOf5 as AsyncIterableIterator<PlayerView>, before + 1);
    expect(pushed.me.score).toBe(5000);
    expect(pushed.me.rank).toBe(1);
    const leader = await viewAt(streams[0] as AsyncIterableIterator<PlayerView>, before + 1);
    expect(leader.me.rank).toBe(2);

    // Without a NOTIFY (missed while disconnected): the seq read with the seat shows the gap.
    await db.$transaction([
      db.liveGamePlayer.update({ where: { id: seat.id }, data: { score: 7000 } }),
      db.liveGame.update({ where: { id: gameId }, data: { seq: { increment: 1 } } }),
    ]);
    const fresh = await rejoin(tokens[1] as string);
    expect(fresh.livePlayer.game.seq).toBe(before + 2);
    const again = await rejoin(tokens[6] as string);
    expect(again.livePlayer.me.id).toBe(seat.id);
    expect(again.livePlayer.me.score).toBe(7000);

    // A phase-only change elsewhere keeps the seats held and reads no seat list.
    const phaseOnly = await counter.during(async () => {
      await db.$transaction([
        db.liveGame.update({
          where: { id: gameId },
          data: { seq: { increment: 1 }, locked: true },
        }),
        db.$queryRaw`SELECT pg_notify('live_game', ${`${gameId}|state|${before + 3}|elsewhere|p`})::text`,
      ]);
      const locked = await viewAt(streams[2] as AsyncIterableIterator<PlayerView>, before + 3);
      expect(locked.game.locked).toBe(true);
      expect(locked.me.rank).toBe(3);
    });
    expect(phaseOnly.filter(isSeatScan)).toEqual([]);
  });
});

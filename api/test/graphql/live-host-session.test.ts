import type { Client } from 'graphql-ws';
import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createSession, createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';
import { waitFor } from '../wait';
import { wsClient } from './ws-client';

// A host's live stream outlives the request that checked its cookie. After "sign out
// everywhere" it kept pushing the roster to the old screen (probe, 6 Dec evening); now it ends
// with UNAUTHENTICATED at the next event (or the next quiet-time check, while-valid.test.ts).

type GqlError = { message: string; extensions?: Record<string, unknown> };
type Event = { data?: { liveHostEvents?: { game: { playerCount: number } } } };

describe('live streams that must end', () => {
  let api: TestApi;
  let url: string;
  const clients: Client[] = [];
  const logged: unknown[] = [];

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    const base = await api.listen({ webSocket: { log: (error) => logged.push(error) } });
    url = `${base.replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('ends with UNAUTHENTICATED on the next event after signOutEverywhere', async () => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      as(api, fixture.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
        { s: fixture.set.id },
      ),
    );
    const { id, pin } = created.createLiveGame.game;
    // The screen's own session (another device's session is the one that signs out).
    const screenToken = await createSession(api.database.db, fixture.teacher.id);
    const client = wsClient(url, { cookie: `quiz_session=${screenToken}` });
    clients.push(client);
    const events: Event[] = [];
    let failure: GqlError[] | null = null;
    let wake = () => {};
    client.subscribe(
      {
        query: 'subscription ($g: ID!) { liveHostEvents(gameId: $g) { game { playerCount } } }',
        variables: { g: id },
      },
      {
        next: (value) => {
          events.push(value as Event);
          wake();
        },
        error: (error) => {
          failure = error as GqlError[];
          wake();
        },
        complete: () => wake(),
      },
    );
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!done() && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
    };
    const join = (nickname: string) =>
      ok(
        as(api)(
          'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token } }',
          {
            p: pin,
            n: nickname,
          },
        ),
      );
    await until(() => events.length > 0);
    await join('Nasrin');
    await until(() => events.some((e) => e.data?.liveHostEvents?.game.playerCount === 1));
    expect(failure).toBeNull();

    await ok(as(api, fixture.teacherToken)('mutation { signOutEverywhere }'));
    await join('Kaveh');
    await until(() => failure !== null);
    expect(failure).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(events.some((e) => e.data?.liveHostEvents?.game.playerCount === 2)).toBe(false);
    expect(logged).toEqual([]);
  });

  it("ends a kicked seat's stream after the view that says so", async () => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const host = as(api, fixture.teacherToken);
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      host('mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }', {
        s: fixture.set.id,
      }),
    );
    const { id, pin } = created.createLiveGame.game;
    const joined = await ok<{ joinLiveGame: { token: string; view: { me: { id: string } } } }>(
      as(api)(
        'mutation ($p: String!) { joinLiveGame(pin: $p, nickname: "Troll Name") { token view { me { id } } } }',
        { p: pin },
      ),
    );
    const client = wsClient(url);
    clients.push(client);
    type PlayerEvent = {
      data?: { livePlayerEvents?: { game: { phase: string }; me: { kicked: boolean } } };
    };
    const events: PlayerEvent[] = [];
    let completed = false;
    client.subscribe(
      {
        query:
          'subscription ($t: String!) { livePlayerEvents(token: $t) { game { phase } me { kicked } } }',
        variables: { t: joined.joinLiveGame.token },
      },
      {
        next: (value) => {
          events.push(value as PlayerEvent);
        },
        error: () => {},
        complete: () => {
          completed = true;
        },
      },
    );
    await waitFor(() => events.length > 0);
    await ok(
      host(
        'mutation ($g: ID!, $p: ID!) { kickLivePlayer(gameId: $g, playerId: $p) { game { id } } }',
        {
          g: id,
          p: joined.joinLiveGame.view.me.id,
        },
      ),
    );
    await waitFor(() => completed);
    expect(completed).toBe(true);
    expect(events.at(-1)?.data?.livePlayerEvents?.me.kicked).toBe(true);
    const seen = events.length;
    await ok(
      host('mutation ($g: ID!) { liveCommand(gameId: $g, command: START) { game { phase } } }', {
        g: id,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toHaveLength(seen);
    expect(logged).toEqual([]);
  });

  // A signed-in student's seat token lives in the browser (localStorage), not in a session:
  // after "sign out everywhere" (a lost phone, a shared school computer) it still answered and
  // streamed in the student's name, and its points went on their LIVE board (probe, 7 Dec).
  it("ends an account's seat tokens and their streams with signOutEverywhere", async () => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const host = as(api, fixture.teacherToken);
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      host('mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }', {
        s: fixture.set.id,
      }),
    );
    const { id, pin } = created.createLiveGame.game;
    const student = await createStudent(api.database.db, { displayName: 'Shirin Tehrani' });
    const joinAs = (token: string) =>
      ok<{ joinLiveGame: { token: string; view: { me: { id: string } } } }>(
        as(api, token)(
          'mutation ($p: String!) { joinLiveGame(pin: $p) { token view { me { id } } } }',
          { p: pin },
        ),
      );
    const stolen = await joinAs(student.token);
    const client = wsClient(url);
    clients.push(client);
    const events: unknown[] = [];
    let completed = false;
    client.subscribe(
      {
        query: 'subscription ($t: String!) { livePlayerEvents(token: $t) { game { phase } } }',
        variables: { t: stolen.joinLiveGame.token },
      },
      {
        next: (value) => {
          events.push(value);
        },
        error: () => {
          completed = true;
        },
        complete: () => {
          completed = true;
        },
      },
    );
    await waitFor(() => events.length > 0);
    expect(events).toHaveLength(1);

    await ok(as(api, student.token)('mutation { signOutEverywhere }'));
    await waitFor(() => completed);
    expect(completed).toBe(true);
    await ok(
      host('mutation ($g: ID!) { liveCommand(gameId: $g, command: START) { game { phase } } }', {
        g: id,
      }),
    );
    const seat = as(api);
    expect(
      await errorCode(
        seat('query ($t: String!) { livePlayer(token: $t) { me { id } } }', {
          t: stolen.joinLiveGame.token,
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(
      await errorCode(
        seat(
          'mutation ($t: String!) { submitLiveAnswer(token: $t, questionIndex: 0, response: { optionIds: ["o1"] }) { accepted } }',
          { t: stolen.joinLiveGame.token },
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    // Signed in again, the student gets the same seat back under a new token.
    const again = await joinAs(await createSession(api.database.db, student.user.id));
    expect(again.joinLiveGame.view.me.id).toBe(stolen.joinLiveGame.view.me.id);
    expect(logged).toEqual([]);
  });

  it("refuses another teacher's game (NOT_FOUND), as over HTTP", async () => {
    const owner = await createTeacherWithSet(api.database.db, { questions: 1 });
    const created = await ok<{ createLiveGame: { game: { id: string } } }>(
      as(api, owner.teacherToken)(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id } } }',
        { s: owner.set.id },
      ),
    );
    const other = await createTeacherWithSet(api.database.db, { questions: 1 });
    const client = wsClient(url, { cookie: `quiz_session=${other.teacherToken}` });
    clients.push(client);
    const result = await new Promise<{ errors?: GqlError[] }>((resolve) => {
      client.subscribe(
        {
          query: 'subscription ($g: ID!) { liveHostEvents(gameId: $g) { game { id } } }',
          variables: { g: created.createLiveGame.game.id },
        },
        {
          next: (value) => resolve(value as { errors?: GqlError[] }),
          error: (error) => resolve({ errors: error as GqlError[] }),
          complete: () => {},
        },
      );
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

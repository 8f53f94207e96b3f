import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Admission, Ticket } from '../../src/limits/admission';
import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';
import { aliasedVariableEvents } from '../hostile/attacks';
import { wsClient } from './ws-client';

// The process's one Admission, to hold a client's share from the test.
const admissions: Admission[] = [];
jest.mock('../../src/limits/admission', () => {
  const actual = jest.requireActual('../../src/limits/admission');
  return {
    ...actual,
    createAdmission: (env: never) => {
      const made = actual.createAdmission(env);
      admissions.push(made);
      return made;
    },
  };
});

// graphql-ws applies every per-operation limit HTTP applies (limits/operation.ts), and its
// refusals are clean (a stable code, nothing logged). Probe of 6 Dec, evening: a socket skipped
// the cost, text and input-list checks and the in-flight shares, and its 9th operation was
// logged with a stack and answered INTERNAL_SERVER_ERROR.

type GqlError = { message: string; extensions?: Record<string, unknown> };
type Result = { data?: Record<string, unknown> | null; errors?: GqlError[] };

describe('limits over graphql-ws', () => {
  let api: TestApi;
  let url: string;
  let fixture: TeacherWithSet;
  const logged: unknown[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await createTestApi({ MAX_IN_FLIGHT_PER_CLIENT: '1' });
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const base = await api.listen({ webSocket: { log: (error) => logged.push(error) } });
    url = `${base.replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await stopLiveRuntime(api.database.db);
    await api.close();
  });
  beforeEach(() => {
    logged.length = 0;
  });

  const connect = (headers: Record<string, string> = {}) => {
    const client = wsClient(url, headers);
    clients.push(client);
    return client;
  };
  /** The first result of an operation, or its refusal as `{ errors }`. */
  const once = (client: Client, query: string, variables: Record<string, unknown> = {}) =>
    new Promise<Result>((resolve) => {
      client.subscribe(
        { query, variables },
        {
          next: (value) => resolve(value as Result),
          error: (error) => resolve({ errors: error as GqlError[] }),
          complete: () => {},
        },
      );
    });
  const extensionsOf = (result: Result) => result.errors?.[0]?.extensions;

  it('refuses a document over the cost limit', async () => {
    const result = await once(connect(), aliasedVariableEvents(), { n: 100 });
    expect(result.data).toBeUndefined();
    expect(extensionsOf(result)).toEqual(
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 200_000 }),
    );
    expect(logged).toEqual([]);
  });

  it('refuses NUL and lone surrogates in variables and string literals', async () => {
    const client = connect();
    const lobby = 'query ($p: String!) { liveLobby(pin: $p) { gameId } }';
    for (const pin of ['12\u00003456', '12\ud8003456']) {
      const result = await once(client, lobby, { p: pin });
      expect(extensionsOf(result)).toEqual({ code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0]?.message).toMatch(/Variable "\$p" contains/);
    }
    const literal = await once(client, '{ liveLobby(pin: "12\\u0000") { gameId } }');
    expect(extensionsOf(literal)).toEqual({ code: 'BAD_USER_INPUT' });
    expect(logged).toEqual([]);
  });

  it('refuses an input list over 200 items', async () => {
    const result = await once(
      connect(),
      'mutation ($t: String!, $o: [ID!]) { submitLiveAnswer(token: $t, questionIndex: 0, response: { optionIds: $o }) { accepted } }',
      { t: 'x', o: Array.from({ length: 201 }, (_, i) => `o${i}`) },
    );
    expect(extensionsOf(result)).toEqual(
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'inputItems', found: 201 }),
    );
  });

  // A subscription's document runs and is sent again for every subscriber at every event: 14
  // aliases of `game` made each player's push 13 times the web's. Measured, 200 seats × 3
  // screens, one reveal: 0.8 MB in 148 ms with the web's document, 10.7 MB in 725 ms (422 ms
  // CPU) with 14 aliases (probe, 7 Dec). The web's subscriptions use no aliases.
  it('refuses aliases in a subscription, through fragments too', async () => {
    const client = connect();
    for (const query of [
      'subscription ($t: String!) { livePlayerEvents(token: $t) { game { id } g2: game { id } } }',
      'subscription ($t: String!) { livePlayerEvents(token: $t) { ...V } } fragment V on LivePlayerView { a: me { id } }',
      'subscription ($t: String!) { e: livePlayerEvents(token: $t) { me { id } } }',
    ]) {
      const result = await once(client, query, { t: 'x' });
      expect(extensionsOf(result)).toEqual(
        expect.objectContaining({
          code: 'QUERY_TOO_COMPLEX',
          limit: 'subscriptionAliases',
          max: 0,
        }),
      );
    }
    // Without aliases it runs (and refuses the made-up token as usual).
    const plain = await once(
      client,
      'subscription ($t: String!) { livePlayerEvents(token: $t) { game { id } me { id } } }',
      { t: 'x' },
    );
    expect(extensionsOf(plain)).toEqual(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(logged).toEqual([]);
  });

  it('names the depth limit as HTTP does (QUERY_TOO_COMPLEX, not a validation failure)', async () => {
    let selection = 'slug';
    for (let i = 0; i < 6; i += 1) {
      selection = `relations { subject { ${selection} } }`;
    }
    const result = await once(connect(), `{ actor(slug: "iran") { ${selection} } }`);
    expect(extensionsOf(result)).toEqual(
      expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }),
    );
  });

  it('counts operations in the client’s in-flight share (the one HTTP counts against)', async () => {
    // MAX_IN_FLIGHT_PER_CLIENT is 1 here; the address comes from the socket (no trusted proxy),
    // and X-Forwarded-For marks it as a client rather than our own server-side rendering.
    const client = connect({ 'x-forwarded-for': '203.0.113.9' });
    const query = '{ events(first: 5) { nodes { slug title } } }';
    const results = await Promise.all(Array.from({ length: 4 }, () => once(client, query)));
    const refused = results.filter((result) => result.errors);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const result of refused) {
      expect(extensionsOf(result)).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', limit: 'clientInFlight' }),
      );
    }
    expect(results.some((result) => result.data?.events)).toBe(true);
    // Each share went back when its operation was done: one at a time always runs.
    for (let i = 0; i < 3; i += 1) {
      expect((await once(client, query)).errors).toBeUndefined();
    }
    expect(logged).toEqual([]);
  });

  it('takes the share before parsing: a full share refuses unseen documents on every socket unparsed', async () => {
    // Probe of 6 Dec, round 3: parsing and validating ran before the share was taken, so one
    // address's sockets (500 per process, 8 operations each) could have 4,000 unseen documents
    // parsed and validated at once, whatever its share of 8.
    const admission = admissions.at(-1) as Admission;
    const enter = jest.spyOn(admission, 'enter');
    const probe = connect({ 'x-forwarded-for': '203.0.113.9' });
    expect((await once(probe, '{ __typename }')).errors).toBeUndefined();
    const key = enter.mock.calls.at(-1)?.[0] as string;
    expect(key).toEqual(expect.any(String));
    enter.mockRestore();
    // The client's one place (MAX_IN_FLIGHT_PER_CLIENT is 1) is busy with other work.
    const held = admission.enter(key);
    expect('open' in held).toBe(true);
    try {
      const sockets = Array.from({ length: 5 }, () =>
        connect({ 'x-forwarded-for': '203.0.113.9' }),
      );
      const results = await Promise.all(
        sockets.map((socket, i) => once(socket, `{ unseen${i}: __typename ${'{'.repeat(i + 1)}`)),
      );
      for (const result of results) {
        expect(extensionsOf(result)).toEqual(
          expect.objectContaining({ code: 'RATE_LIMITED', limit: 'clientInFlight' }),
        );
      }
    } finally {
      admission.leave(held as Ticket);
    }
    // With the place free the same kind of document is parsed, and refused for what it is.
    expect(extensionsOf(await once(probe, '{ unseen: __typename {'))).toEqual(
      expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }),
    );
    expect(admission.load.requests).toBe(0);
    expect(logged).toEqual([]);
  });

  it('refuses the 9th operation on one socket with RATE_LIMITED and logs nothing', async () => {
    // Eight host screens: four games (a game keeps its newest four host screens, hub.ts).
    const games: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const created = await ok<{ createLiveGame: { game: { id: string } } }>(
        as(api, fixture.teacherToken)(
          'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id } } }',
          { s: fixture.set.id },
        ),
      );
      games.push(created.createLiveGame.game.id);
    }
    const client = connect({ cookie: `quiz_session=${fixture.teacherToken}` });
    const stream = 'subscription ($g: ID!) { liveHostEvents(gameId: $g) { game { id phase } } }';
    const firsts = await Promise.all(
      Array.from({ length: 8 }, (_, n) => once(client, stream, { g: games[n % 4] })),
    );
    for (const first of firsts) {
      expect(first.errors).toBeUndefined();
    }
    const ninth = await once(client, stream, { g: games[0] });
    expect(ninth.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'RATE_LIMITED', limit: 'socketOperations' }),
      }),
    ]);
    expect(logged).toEqual([]);
  });

  it('answers variables that do not fit their types with BAD_USER_INPUT, logging nothing', async () => {
    const client = connect();
    const missing = await once(client, 'query ($x: Boolean!) { __typename @skip(if: $x) }');
    expect(missing.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$x" of required type "Boolean!" was not provided.',
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
    const wrong = await once(client, 'query ($p: String!) { liveLobby(pin: $p) { gameId } }', {
      p: { not: 'a string' },
    });
    expect(extensionsOf(wrong)).toEqual({ code: 'BAD_USER_INPUT' });
    expect(logged).toEqual([]);
  });

  it('refuses a session mutation (its cookie cannot be sent): no session is made', async () => {
    const before = await api.database.db.session.count();
    const guest = await once(
      connect(),
      'mutation { joinAsGuest(nickname: "Socket Guest") { viewer { user { id } } } }',
    );
    expect(extensionsOf(guest)).toEqual({ code: 'BAD_REQUEST' });
    const viaFragment = await once(
      connect(),
      'mutation { ...F } fragment F on Mutation { signIn(input: { email: "a@b.c", password: "x" }) { errors { code } } }',
    );
    expect(extensionsOf(viaFragment)).toEqual({ code: 'BAD_REQUEST' });
    expect(await api.database.db.session.count()).toBe(before);
    expect(logged).toEqual([]);
  });

  it('closes a socket that floods messages (4429), and only that one', async () => {
    const flood = new WebSocket(url, 'graphql-transport-ws');
    await new Promise((resolve) => flood.once('open', resolve));
    const closed = new Promise<number>((resolve) => flood.once('close', (code) => resolve(code)));
    flood.send('{"type":"connection_init"}');
    await new Promise((resolve) => flood.once('message', resolve)); // connection_ack
    for (let i = 0; i < 150; i += 1) {
      flood.send(
        JSON.stringify({
          id: `f${i}`,
          type: 'subscribe',
          payload: { query: `{ a${i}: __typename }` },
        }),
      );
    }
    expect(await closed).toBe(4429);
    expect((await once(connect(), '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(logged).toEqual([]);
  });

  it('closes a socket on a frame it got wrong (too long, bad UTF-8) without logging it (round 9)', async () => {
    // Each logged "live: internal error on a WebSocket" with a stack: anyone could fill the log.
    const frames: [string | Buffer, number][] = [
      ['x'.repeat(17 * 1024), 1009],
      [Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 1007],
    ];
    for (const [frame, expected] of frames) {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) =>
        socket.once('close', (code) => resolve(code)),
      );
      socket.on('error', () => {});
      socket.send(frame, { binary: false });
      expect(await closed).toBe(expected);
    }
    expect((await once(connect(), '{ __typename }')).data).toEqual({ __typename: 'Query' });
    expect(logged).toEqual([]);
  });

  it('answers a document with two operations and no name without logging', async () => {
    const result = await once(connect(), 'query A { __typename } query B { __typename }');
    expect(extensionsOf(result)).toEqual({ code: 'OPERATION_RESOLUTION_FAILURE' });
    expect(logged).toEqual([]);
  });
});

describe('graphql-ws in production mode', () => {
  let api: TestApi;
  let url: string;
  const clients: Client[] = [];
  beforeAll(async () => {
    api = await createTestApi({ NODE_ENV: 'production' });
    url = `${(await api.listen({ webSocket: {} })).replace('http', 'ws')}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api.close();
  });

  const once = (query: string) =>
    new Promise<Result>((resolve) => {
      const client = wsClient(url);
      clients.push(client);
      client.subscribe(
        { query },
        {
          next: (value) => resolve(value as Result),
          error: (error) => resolve({ errors: error as GqlError[] }),
          complete: () => {},
        },
      );
    });

  it('refuses introspection, as HTTP does (it answered the whole schema over a socket)', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "User") { fields { name } } }',
    ]) {
      const result = await once(query);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('gives no field suggestions', async () => {
    const result = await once('{ leaderbord(input: {}) { totalPlayers } eventz { totalCount } }');
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(result.errors)).not.toMatch(/Did you mean|leaderboard|events/);
  });
});

describe('sockets per client address', () => {
  let api: TestApi;
  let url: string;
  beforeAll(async () => {
    api = await createTestApi({ MAX_SOCKETS_PER_CLIENT: '2' });
    url = `${(await api.listen({ webSocket: {} })).replace('http', 'ws')}/graphql`;
  });
  afterAll(() => api.close());

  /** Opens a raw socket; resolves with it, or with the upgrade's refusal status. */
  const open = (headers: Record<string, string>) =>
    new Promise<WebSocket | number>((resolve) => {
      const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('error', () => resolve(0));
    });
  const closed = (socket: WebSocket) =>
    new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.close();
    });

  it('refuses the upgrade past MAX_SOCKETS_PER_CLIENT from one address, and counts closes', async () => {
    // X-Forwarded-For marks a client (not our own server-side rendering); without the proxy
    // secret the address is the socket's own.
    const client = { 'x-forwarded-for': '198.51.100.7' };
    const first = await open(client);
    const second = await open(client);
    expect(first).toBeInstanceOf(WebSocket);
    expect(second).toBeInstanceOf(WebSocket);
    expect(await open(client)).toBe(429);
    await closed(first as WebSocket);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const third = await open(client);
    expect(third).toBeInstanceOf(WebSocket);
    // Our own web server's sockets without a client address are not capped here.
    const own = await Promise.all([open({}), open({}), open({})]);
    expect(own.every((socket) => socket instanceof WebSocket)).toBe(true);
    await Promise.all([second, third, ...own].map((socket) => closed(socket as WebSocket)));
  });
});

describe('response ceilings over graphql-ws', () => {
  // 15 aliases × 40 themes = 600 list items and about 40 kB (as limits.test.ts over HTTP).
  const wide = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: themes { slug name description }`).join(' ')} }`;
  const apis: TestApi[] = [];
  const clients: Client[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all(apis.map((api) => api.close()));
  });
  const answerTo = async (env: Record<string, string>) => {
    const api = await createTestApi(env);
    apis.push(api);
    await api.database.db.theme.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        slug: `theme-${i}`,
        name: `Theme ${i}`,
        description: `A theme made up for this test, number ${i}.`,
      })),
    });
    const url = `${(await api.listen({ webSocket: {} })).replace('http', 'ws')}/graphql`;
    const client = wsClient(url);
    clients.push(client);
    return new Promise<Result>((resolve) => {
      client.subscribe(
        { query: wide },
        {
          next: (value) => resolve(value as Result),
          error: (error) => resolve({ errors: error as GqlError[] }),
          complete: () => {},
        },
      );
    });
  };

  it('stops a response that grows past MAX_RESPONSE_ITEMS: one error, no partial data', async () => {
    const result = await answerTo({ MAX_RESPONSE_ITEMS: '100' });
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'RESPONSE_TOO_LARGE', limit: 'responseItems' }),
      }),
    ]);
  });

  it('refuses an answer over MAX_RESPONSE_BYTES', async () => {
    const result = await answerTo({ MAX_RESPONSE_BYTES: '10000' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'RESPONSE_TOO_LARGE', limit: 'responseBytes', max: 10_000 }),
    );
  });
});

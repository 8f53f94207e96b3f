import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { Client } from 'graphql-ws';
import { hashSessionToken } from '../../src/modules/accounts/session';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createSession, createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';
import { waitFor } from '../wait';
import { wsClient as wsClientWith } from './ws-client';

// Two real API processes (src/server.ts) on one database: the host drives the game on A, the
// players are connected to B over graphql-ws, and every change reaches them through PostgreSQL
// LISTEN/NOTIFY. Nothing is mocked.

const API_DIR = path.resolve(__dirname, '..', '..');

const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

type Server = { http: string; ws: string; child: ChildProcess };

const startServer = async (databaseUrl: string): Promise<Server> => {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  while (!output.includes('API ready')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`The API did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { http: `http://127.0.0.1:${port}/graphql`, ws: `ws://127.0.0.1:${port}/graphql`, child };
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

type GqlError = { message: string; extensions?: { code?: string; reason?: string } };
// Responses are checked field by field below; a loose type keeps the assertions readable.
// biome-ignore lint/suspicious/noExplicitAny: test-side view of arbitrary GraphQL data
type Loose = any;
type Result = { data?: Record<string, Loose> | null; errors?: GqlError[] };

/** A graphql-ws client, with the session cookie on the upgrade request when given. */
const wsClient = (url: string, cookie?: string, origin?: string): Client =>
  wsClientWith(url, { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) });

/** A subscription that records every event; `until` waits for one that matches. */
const record = (client: Client, query: string, variables: Record<string, unknown>) => {
  const events: Result[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        events.push(value as Result);
        wake?.();
      },
      error: (error) => {
        failure = error;
        wake?.();
      },
      complete: () => {},
    },
  );
  const until = async (match: (event: Result) => boolean): Promise<Result> => {
    for (;;) {
      const found = events.find(match);
      if (found) {
        return found;
      }
      if (failure) {
        throw new Error(`Subscription failed: ${JSON.stringify(failure)}`);
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  return { events, until, dispose };
};

const PLAYER_VIEW = `
  game { id phase seq questionIndex deadline serverNow
    question { index type stem prompt { options { id label } } }
    reveal { key { optionIds } explanation citations { quote sourceTitle } distribution { optionId count } answerCount correctCount }
    leaderboard { rank nickname score } }
  me { id nickname score correctCount streak rank kicked }
  myAnswer { questionIndex response { optionIds } isCorrect points }`;
const HOST_VIEW = `game { id pin phase seq questionIndex playerCount answerCount hostConnected locked
  leaderboard { rank nickname score correctCount } } players { id nickname }`;

describe('a live game served by two API processes', () => {
  let api: TestApi;
  let fixture: TeacherWithSet;
  let a: Server;
  let b: Server;
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db, { questions: 3 });
    [a, b] = await Promise.all([startServer(api.database.url), startServer(api.database.url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await Promise.all([a, b].filter(Boolean).map((server) => stop(server.child)));
    await api.close();
  });

  const call = async (server: Server, query: string, variables: object = {}, cookie?: string) => {
    const response = await fetch(server.http, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Result;
  };
  const data = async (promise: Promise<Result>) => {
    const result = await promise;
    if (result.errors?.length) {
      throw new Error(JSON.stringify(result.errors));
    }
    return result.data as Record<string, Loose>;
  };
  const codeOf = async (promise: Promise<Result>) => (await promise).errors?.[0]?.extensions?.code;

  it('plays a whole game: the host on A, players on B, every change fanned out', async () => {
    const hostCookie = `quiz_session=${fixture.teacherToken}`;
    const host = (command: string, gameId: string) =>
      data(
        call(
          a,
          `mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { ${HOST_VIEW} } }`,
          { g: gameId, c: command },
          hostCookie,
        ),
      );

    const created = await data(
      call(
        a,
        `mutation ($s: ID!) { createLiveGame(input: { setId: $s, speedPoints: false }) { ${HOST_VIEW} } }`,
        { s: fixture.set.id },
        hostCookie,
      ),
    );
    const game = created.createLiveGame.game;
    expect(game.pin).toMatch(/^\d{6}$/);
    expect(game.phase).toBe('LOBBY');

    // A student may not create or drive games; nor may anyone without a session.
    expect(
      await codeOf(
        call(a, `mutation { liveCommand(gameId: "${game.id}", command: START) { game { id } } }`),
      ),
    ).toBe('UNAUTHENTICATED');

    const hostClient = wsClient(a.ws, hostCookie);
    clients.push(hostClient);
    const hostStream = record(
      hostClient,
      `subscription ($g: ID!) { liveHostEvents(gameId: $g) { ${HOST_VIEW} } }`,
      {
        g: game.id,
      },
    );
    await hostStream.until((e) => e.data?.liveHostEvents.game.id === game.id);

    // Three players join on B; names follow the account rules and are unique per game.
    const join = (nickname: string) =>
      call(
        b,
        'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token view { me { id nickname } } } }',
        {
          p: game.pin,
          n: nickname,
        },
      );
    const lobby = await data(
      call(b, 'query ($p: String!) { liveLobby(pin: $p) { gameId title suggestedNickname } }', {
        p: game.pin,
      }),
    );
    expect(lobby.liveLobby.gameId).toBe(game.id);
    expect(lobby.liveLobby.suggestedNickname).toMatch(/^\w+ \w+$/);
    const [ana, ben, cy] = await Promise.all(['Ana', 'Ben', 'Cyrus'].map((n) => data(join(n))));
    const tokens = [ana, ben, cy].map((j) => j?.joinLiveGame.token as string);
    const [anaToken, benToken, cyToken] = tokens as [string, string, string];
    expect((await join('ana')).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NAME_TAKEN',
    });
    expect(await codeOf(join('x'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(call(b, 'query { liveLobby(pin: "000000") { gameId } }'))).toBe(
      'NOT_FOUND',
    );

    // The host on A sees the joins (throttled roster events through NOTIFY).
    await hostStream.until((e) => e.data?.liveHostEvents.game.playerCount === 3);

    const playerClient = wsClient(b.ws);
    clients.push(playerClient);
    const anaStream = record(
      playerClient,
      `subscription ($t: String!) { livePlayerEvents(token: $t) { ${PLAYER_VIEW} } }`,
      {
        t: anaToken,
      },
    );
    await anaStream.until((e) => e.data?.livePlayerEvents.game.phase === 'LOBBY');

    // A locked room refuses new players but not the seated ones.
    await host('LOCK', game.id);
    expect((await join('Dara')).errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LOCKED',
    });
    await host('UNLOCK', game.id);

    await host('START', game.id);
    const opened = await anaStream.until((e) => e.data?.livePlayerEvents.game.phase === 'QUESTION');
    const question = opened.data?.livePlayerEvents.game.question;
    expect(question.index).toBe(0);
    expect(opened.data?.livePlayerEvents.game.reveal).toBeNull();
    const fixtureQuestion = fixture.questions.find((q) => q.stem === question.stem);
    if (!fixtureQuestion) {
      throw new Error('question not found');
    }

    // Answers: over the socket (Ana, on B) and over HTTP (Ben on A, Cyrus on B).
    const ANSWER = `mutation ($t: String!, $i: Int!, $r: ResponseInput!) {
      submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted alreadyRecorded response { optionIds } } }`;
    const overSocket = await new Promise<Result>((resolve, reject) => {
      let result: Result = {};
      playerClient.subscribe(
        { query: ANSWER, variables: { t: anaToken, i: 0, r: fixtureQuestion.right } },
        {
          next: (value) => {
            result = value as Result;
          },
          error: reject,
          complete: () => resolve(result),
        },
      );
    });
    expect(overSocket.data?.submitLiveAnswer).toMatchObject({
      accepted: true,
      alreadyRecorded: false,
    });
    const [benAnswer, cyAnswer] = await Promise.all([
      data(call(a, ANSWER, { t: benToken, i: 0, r: fixtureQuestion.wrong })),
      data(call(b, ANSWER, { t: cyToken, i: 0, r: fixtureQuestion.right })),
    ]);
    expect(benAnswer.submitLiveAnswer.accepted).toBe(true);
    expect(cyAnswer.submitLiveAnswer.accepted).toBe(true);
    // A second answer is not a second chance: the first one comes back.
    const again = await data(call(a, ANSWER, { t: benToken, i: 0, r: fixtureQuestion.right }));
    expect(again.submitLiveAnswer).toEqual({
      accepted: false,
      alreadyRecorded: true,
      response: { optionIds: (fixtureQuestion.wrong as { optionIds: string[] }).optionIds },
    });
    // A well-formed answer (choice ids by place) to a question not yet open.
    expect(await codeOf(call(b, ANSWER, { t: anaToken, i: 1, r: fixtureQuestion.right }))).toBe(
      'CONFLICT',
    );
    expect(
      await codeOf(
        call(b, ANSWER, { t: `${game.id}.forgedforgedforged`, i: 0, r: fixtureQuestion.right }),
      ),
    ).toBe('UNAUTHENTICATED');
    expect(await codeOf(call(b, ANSWER, { t: anaToken, i: 0, r: { year: 1 } }))).toBe(
      'BAD_USER_INPUT',
    );
    await hostStream.until((e) => e.data?.liveHostEvents.game.answerCount === 3);

    // The host kicks Cyrus; his token stops working.
    const kicked = await data(
      call(
        a,
        'mutation ($g: ID!, $p: ID!) { kickLivePlayer(gameId: $g, playerId: $p) { game { playerCount } } }',
        {
          g: game.id,
          p: cy?.joinLiveGame.view.me.id,
        },
        hostCookie,
      ),
    );
    expect(kicked.kickLivePlayer.game.playerCount).toBe(2);

    // The reveal triggered on A reaches the player connected to B, with the key and citations.
    await host('REVEAL', game.id);
    const revealed = await anaStream.until((e) => e.data?.livePlayerEvents.game.phase === 'REVEAL');
    const view = revealed.data?.livePlayerEvents;
    expect(view.game.reveal.key.optionIds).toEqual(
      (fixtureQuestion.right as { optionIds: string[] }).optionIds,
    );
    expect(view.game.reveal.explanation.length).toBeGreaterThan(0);
    expect(view.game.reveal.answerCount).toBe(2);
    expect(view.game.reveal.correctCount).toBe(1);
    expect(view.myAnswer).toMatchObject({ questionIndex: 0, isCorrect: true, points: 1000 });
    expect(view.me).toMatchObject({
      score: 1000,
      correctCount: 1,
      streak: 1,
      rank: 1,
      kicked: false,
    });

    // Rejoin after a reload: the token gives the same seat, score and streak back, on either process.
    const rejoined = await data(
      call(a, `query ($t: String!) { livePlayer(token: $t) { ${PLAYER_VIEW} } }`, { t: anaToken }),
    );
    expect(rejoined.livePlayer.me).toEqual(view.me);
    const kickedView = await data(
      call(a, `query ($t: String!) { livePlayer(token: $t) { me { kicked } } }`, { t: cyToken }),
    );
    expect(kickedView.livePlayer.me.kicked).toBe(true);

    await host('NEXT', game.id);
    const board = await anaStream.until(
      (e) => e.data?.livePlayerEvents.game.phase === 'LEADERBOARD',
    );
    expect(board.data?.livePlayerEvents.game.leaderboard).toEqual([
      { rank: 1, nickname: 'Ana', score: 1000 },
      { rank: 2, nickname: 'Ben', score: 0 },
    ]);
    await host('NEXT', game.id);
    await anaStream.until((e) => e.data?.livePlayerEvents.game.questionIndex === 1);
    // A signed-in student joins late, under their display name; their result goes on the board.
    const student = await createStudent(api.database.db, { displayName: 'Late Student' });
    const late = await data(
      call(
        b,
        'mutation ($p: String!) { joinLiveGame(pin: $p) { view { me { nickname score rank } game { phase } } } }',
        { p: game.pin },
        `quiz_session=${student.token}`,
      ),
    );
    expect(late.joinLiveGame.view).toEqual({
      me: { nickname: 'Late Student', score: 0, rank: 2 },
      game: { phase: 'QUESTION' },
    });
    expect(
      await codeOf(call(b, ANSWER, { t: cyToken, i: 1, r: fixture.questions[1]?.right })),
    ).toBe('FORBIDDEN');
    await host('SKIP', game.id);
    await host('END', game.id);
    const podium = await anaStream.until((e) => e.data?.livePlayerEvents.game.phase === 'PODIUM');
    expect(podium.data?.livePlayerEvents.game.leaderboard[0]).toEqual({
      rank: 1,
      nickname: 'Ana',
      score: 1000,
    });
    expect(
      await codeOf(
        call(
          a,
          `mutation { liveCommand(gameId: "${game.id}", command: NEXT) { game { id } } }`,
          {},
          hostCookie,
        ),
      ),
    ).toBe('CONFLICT');

    const report = await data(
      call(
        a,
        'query ($g: ID!) { liveReport(id: $g) { questions { index answerCount correctCount } players { rank nickname score correctCount results } csv } }',
        { g: game.id },
        hostCookie,
      ),
    );
    expect(report.liveReport.players).toEqual([
      { rank: 1, nickname: 'Ana', score: 1000, correctCount: 1, results: [true, null, null] },
      { rank: 2, nickname: 'Ben', score: 0, correctCount: 0, results: [false, null, null] },
      { rank: 2, nickname: 'Late Student', score: 0, correctCount: 0, results: [null, null, null] },
    ]);
    // Only players with an account rank on the set's LIVE board; guests by nickname do not.
    const liveBoard = await data(
      call(
        a,
        'query ($s: ID!) { leaderboard(input: { setId: $s, window: LIVE }) { entries { rank score player { id } } totalPlayers } }',
        { s: fixture.set.id },
      ),
    );
    expect(liveBoard.leaderboard).toEqual({
      entries: [{ rank: 1, score: 0, player: { id: student.user.id } }],
      totalPlayers: 1,
    });
    expect(report.liveReport.csv.split('\r\n')[1]).toBe('1,"Ana",,1000,1,1,1,1,,');
    anaStream.dispose();
    hostStream.dispose();
  }, 60_000);

  it('refuses over a socket what HTTP refuses: two exports, two sign-ins in one operation', async () => {
    const client = wsClient(b.ws, `quiz_session=${fixture.teacherToken}`);
    clients.push(client);
    const refusal = (query: string) =>
      new Promise<unknown>((resolve) => {
        client.subscribe(
          { query },
          { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => {} },
        );
      });
    const exports = await refusal(
      '{ a: exportLiveResults(gameId: "g", format: CSV) { content } b: exportLiveResults(gameId: "g", format: XLSX) { content } }',
    );
    expect(exports).toEqual([
      expect.objectContaining({
        message: 'exportLiveResults selected 2 times exceeds the limit of 1 per request',
        extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'expensiveField' }),
      }),
    ]);
    const guesses = await refusal(
      'mutation { a: signIn(input: { email: "a@b.c", password: "x" }) { errors { code } } b: signIn(input: { email: "a@b.c", password: "y" }) { errors { code } } }',
    );
    expect(guesses).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/must be the only field/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
  });

  it('looks the session up per operation on a socket: revoked mid-connection, refused at once', async () => {
    const token = await createSession(api.database.db, fixture.teacher.id);
    const client = wsClient(b.ws, `quiz_session=${token}`);
    clients.push(client);
    const once = (query: string, variables: Record<string, unknown> = {}) =>
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
    const games = 'query { myLiveGames { id } }';
    expect((await once(games)).errors).toBeUndefined();
    await api.database.db.session.updateMany({
      where: { id: hashSessionToken(token) },
      data: { revokedAt: new Date() },
    });
    expect((await once(games)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A seat-token answer on the same socket is judged by its token alone (here: none valid).
    const answer = await once(
      'mutation ($t: String!) { submitLiveAnswer(token: $t, questionIndex: 0, response: { optionIds: ["a"] }) { accepted } }',
      { t: `${fixture.set.id}.not-a-real-secret-at-all` },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("ends the old token's stream on another process when an account rejoins (the token was rotated)", async () => {
    const hostCookie = `quiz_session=${fixture.teacherToken}`;
    const created = await data(
      call(
        a,
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }',
        { s: fixture.set.id },
        hostCookie,
      ),
    );
    const { pin } = created.createLiveGame.game;
    const student = await createStudent(api.database.db, { displayName: 'Two Devices' });
    const cookie = `quiz_session=${student.token}`;
    const join = async () =>
      (
        await data(
          call(
            a,
            'mutation ($p: String!) { joinLiveGame(pin: $p) { token view { me { id } } } }',
            { p: pin },
            cookie,
          ),
        )
      ).joinLiveGame as { token: string; view: { me: { id: string } } };
    const first = await join();
    // The first device watches on B.
    const phone = wsClient(b.ws);
    clients.push(phone);
    let completed = false;
    const events: Result[] = [];
    phone.subscribe(
      {
        query: 'subscription ($t: String!) { livePlayerEvents(token: $t) { me { id } } }',
        variables: { t: first.token },
      },
      {
        next: (value) => {
          events.push(value as Result);
        },
        error: () => {},
        complete: () => {
          completed = true;
        },
      },
    );
    await waitFor(() => events.length > 0);
    expect(completed).toBe(false);
    // The same account joins again on A (another device): the same seat, a new token.
    const second = await join();
    expect(second.view.me.id).toBe(first.view.me.id);
    await waitFor(() => completed);
    expect(completed).toBe(true);
    // The new token's stream on B stays open.
    const laptop = wsClient(b.ws);
    clients.push(laptop);
    const stream = record(
      laptop,
      'subscription ($t: String!) { livePlayerEvents(token: $t) { me { id } } }',
      { t: second.token },
    );
    await stream.until((event) => event.data?.livePlayerEvents.me.id === first.view.me.id);
    expect(
      await codeOf(
        call(b, 'query ($t: String!) { livePlayer(token: $t) { me { id } } }', { t: first.token }),
      ),
    ).toBe('UNAUTHENTICATED');
    stream.dispose();
  });

  it('refuses a socket from another site carrying a cookie', async () => {
    const client = wsClient(b.ws, `quiz_session=${fixture.teacherToken}`, 'https://evil.example');
    clients.push(client);
    const failed = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'query { health { ok } }' },
        { next: () => resolve(null), error: (error) => resolve(error), complete: () => {} },
      );
    });
    expect(failed).not.toBeNull();
  });
});

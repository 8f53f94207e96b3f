/**
 * Issue 12's limits over real HTTP against production-mode servers: the cost of page sizes
 * given by variables and defaults, no schema suggestions, text that cannot be stored, chunked
 * bodies over the limit, the response ceilings, the time limit and the in-flight shares.
 */
import pg from 'pg';
import { seedTinyKb } from '../factories/knowledge';
import { createTestApi, type TestApi } from '../harness';
import { aliasedVariableEvents, nineLevelRelations } from '../hostile/attacks';

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

const post = async (
  base: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Body; headers: Headers }> => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': '1', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return {
    status: response.status,
    body: (await response.json()) as Body,
    headers: response.headers,
  };
};

const started: TestApi[] = [];
const start = async (env: Record<string, string> = {}) => {
  const api = await createTestApi({ NODE_ENV: 'production', ...env });
  started.push(api);
  await seedTinyKb(api.database.db);
  return { api, base: await api.listen() };
};

afterAll(async () => {
  await Promise.all(started.map((api) => api.close()));
});

describe('documents over a limit are refused, naming it', () => {
  let base: string;
  let logged: jest.SpyInstance;
  beforeAll(async () => {
    ({ base } = await start());
    logged = jest.spyOn(console, 'error');
  });
  afterAll(() => logged.mockRestore());

  it('counts a page size passed as a variable', async () => {
    const query =
      'query ($n: Int) { events(first: $n) { nodes { participants { actor { events(first: $n) { nodes { slug } } } } } } }';
    const refused = await post(base, { query, variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toEqual({
      message: 'Query cost 362,600 exceeds the limit of 200,000',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 200_000, found: 362_600 },
    });
    const small = await post(base, { query, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('counts page sizes left at their defaults', async () => {
    const query =
      '{ events { nodes { participants { actor { events { nodes { participants { actor { slug } } } } } } } } }';
    const { status, body } = await post(base, { query });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
    });
  });

  it('refuses the two attacks of issue 12', async () => {
    const nine = await post(base, { query: nineLevelRelations() });
    expect(nine.body.errors?.[0]?.message).toMatch(
      /^Query cost [\d,]+ exceeds the limit of 200,000$/,
    );
    const wide = await post(base, { query: aliasedVariableEvents(), variables: { n: 100 } });
    expect(wide.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'cost',
    });
  });

  it('refuses an input list one item over the limit of 200, naming where', async () => {
    const query = 'query ($f: EventFilter) { events(filter: $f) { totalCount } }';
    const eras = (n: number) => Array.from({ length: n }, (_, i) => `era-${i}`);
    const fits = await post(base, { query, variables: { f: { eras: eras(200) } } });
    expect(fits.status).toBe(200);
    expect(fits.body.data).toEqual({ events: { totalCount: 0 } });
    const over = await post(base, { query, variables: { f: { eras: eras(201) } } });
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]).toEqual({
      message: 'Input list of 201 items (variable "$f" at "eras") exceeds the limit of 200',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'inputItems', max: 200, found: 201 },
    });
    const literal = await post(base, {
      query: `{ events(filter: { themes: [${eras(201)
        .map((era) => `"${era}"`)
        .join(' ')}] }) { totalCount } }`,
    });
    expect(literal.status).toBe(400);
    expect(literal.body.errors?.[0]?.message).toBe(
      'Input list of 201 items (a list in the query) exceeds the limit of 200',
    );
  });

  it.each([
    [
      'an enum value in a variable',
      'query ($w: LeaderboardWindow!) { leaderboard(input: { window: $w }) { totalPlayers } }',
      { w: 'ALL_TIM' },
    ],
    [
      'an input field in a variable',
      'query ($i: LeaderboardInput!) { leaderboard(input: $i) { totalPlayers } }',
      { i: { windo: 'ALL_TIME' } },
    ],
    [
      'an enum value in a literal',
      '{ leaderboard(input: { window: ALL_TIM }) { totalPlayers } }',
      {},
    ],
    [
      'an input field in a literal',
      '{ leaderboard(input: { windo: ALL_TIME }) { totalPlayers } }',
      {},
    ],
    ['a field', '{ leaderbord(input: {}) { totalPlayers } }', {}],
    ['an argument', '{ actor(slugg: "iran") { slug } }', {}],
    ['a type', 'query ($i: LeaderbordInput) { health { ok } }', {}],
  ])('suggests nothing for a misspelt %s', async (_what, query, variables) => {
    const { status, body } = await post(base, { query, variables });
    expect(status).toBe(400);
    const text = JSON.stringify(body.errors);
    expect(text).not.toMatch(
      /Did you mean|Suggestion|ALL_TIME"\?|"window"|"leaderboard"|"slug"|"LeaderboardInput"\?/,
    );
  });

  it.each([
    [
      'a NUL in a literal',
      { query: '{ setByCode(code: "a\\u0000b") { id } }' },
      /A string in the query contains a NUL/,
    ],
    [
      'a NUL in a variable',
      { query: 'query ($c: String!) { setByCode(code: $c) { id } }', variables: { c: 'a\u0000b' } },
      /Variable "\$c" contains a NUL/,
    ],
    [
      'a lone surrogate in a variable',
      { query: 'query ($c: String!) { setByCode(code: $c) { id } }', variables: { c: 'a\ud800' } },
      /Variable "\$c" contains invalid Unicode/,
    ],
    [
      'a NUL deep in an input',
      {
        query: 'query ($f: EventFilter) { events(filter: $f) { totalCount } }',
        variables: { f: { eras: ['x', 'y\u0000'] } },
      },
      /Variable "\$f" at "eras\.1" contains a NUL/,
    ],
  ])('%s is BAD_USER_INPUT, not a logged 500', async (_what, payload, message) => {
    logged.mockClear();
    // Lone surrogates survive only as JSON escapes: send the JSON text as it would arrive.
    const { status, body } = await post(
      base,
      JSON.stringify(payload).replace(/\ud800/g, '\\ud800'),
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
    expect(logged).not.toHaveBeenCalled();
  });

  it('answers a chunked body over MAX_BODY_BYTES with 413 in the error shape', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 40) {
          controller.close();
        } else {
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('content-length')).not.toBeNull();
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'The request body exceeds the limit of 102,400 bytes',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('answers a malformed request target with 400 instead of crashing', async () => {
    const { status } = await new Promise<{ status: number }>((resolve, reject) => {
      const request = require('node:http').request(
        `${base}/`,
        { method: 'GET', path: '//[' },
        (response: { statusCode: number; resume: () => void }) => {
          response.resume();
          resolve({ status: response.statusCode });
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(400);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});

describe('responses stop at their ceilings', () => {
  // 15 aliases × 42 themes = 630 list items and about 40 kB.
  const wide = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: themes { slug name description }`).join(' ')} }`;
  const startWithThemes = async (env: Record<string, string>) => {
    const started = await start(env);
    await started.api.database.db.theme.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        slug: `theme-${i}`,
        name: `Theme ${i}`,
        description: `A theme made up for this test, number ${i}.`,
      })),
    });
    return started;
  };

  it('stops a response that grows past MAX_RESPONSE_ITEMS', async () => {
    const { base } = await startWithThemes({ MAX_RESPONSE_ITEMS: '100' });
    const { status, body } = await post(base, { query: wide });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      limit: 'responseItems',
      max: 100,
    });
  });

  it('refuses a response body over MAX_RESPONSE_BYTES', async () => {
    const { base } = await startWithThemes({ MAX_RESPONSE_BYTES: '10000' });
    const { status, body } = await post(base, { query: wide });
    expect(status).toBe(400);
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      limit: 'responseBytes',
      max: 10_000,
    });
    expect(error?.message).toMatch(/^Response of [\d,]+ bytes exceeds the limit of 10,000 bytes/);
    expect(Number(error?.extensions?.found)).toBeGreaterThan(10_000);
  });
});

describe('work in progress is shared out and bounded in time', () => {
  /** Holds an ACCESS EXCLUSIVE lock on "Era", so `{ eras }` waits until it is released. */
  const lockEras = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE "Era" IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await client.query('COMMIT');
      await client.end();
    };
  };
  // Clients told apart as the web proxy tells them to the API: its header, with the shared secret.
  const PROXY_SECRET = 'the-proxy-secret-for-limits';
  const eras = (base: string, client: string) =>
    post(
      base,
      { query: '{ eras { slug } }' },
      { 'x-forwarded-for': client, 'x-quiz-proxy-secret': PROXY_SECRET },
    );

  it('refuses a client over its share with 429 and the process over its cap with 503, at once', async () => {
    const { api, base } = await start({
      MAX_IN_FLIGHT: '2',
      MAX_IN_FLIGHT_PER_CLIENT: '1',
      PROXY_SECRET,
      TRUST_PROXY_HOPS: '1',
    });
    const release = await lockEras(api.database.url);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const first = eras(base, '203.0.113.1');
    await settle();
    let t = performance.now();
    const sameClient = await eras(base, '203.0.113.1');
    let waited = performance.now() - t;
    const second = eras(base, '203.0.113.2');
    await settle();
    t = performance.now();
    const thirdClient = await eras(base, '203.0.113.3');
    waited = Math.max(waited, performance.now() - t);
    const health = await fetch(`${base}/health`);
    await release();
    expect(sameClient.status).toBe(429);
    expect(sameClient.headers.get('retry-after')).toBe('1');
    expect(sameClient.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limit: 'clientInFlight',
      max: 1,
      retryAfter: 1,
    });
    expect(thirdClient.status).toBe(503);
    expect(thirdClient.body.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      limit: 'inFlight',
      max: 2,
    });
    // Refused without queueing behind the held requests, and /health still answers.
    expect(waited).toBeLessThan(1_000);
    expect(health.status).toBe(200);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Both shares were given back.
    expect((await eras(base, '203.0.113.1')).status).toBe(200);
  });

  it('stops a request past REQUEST_TIMEOUT_MS with 503 TIMEOUT and frees its share when its work ends', async () => {
    const { api, base } = await start({ REQUEST_TIMEOUT_MS: '400', MAX_IN_FLIGHT_PER_CLIENT: '1' });
    const release = await lockEras(api.database.url);
    const t = performance.now();
    const stopped = await eras(base, '203.0.113.9');
    const took = performance.now() - t;
    expect(stopped.status).toBe(503);
    expect(stopped.body).toEqual({
      errors: [
        {
          message: 'The request ran longer than the limit of 400 ms and was stopped',
          extensions: { code: 'TIMEOUT', limit: 'time', max: 400, retryAfter: 1 },
        },
      ],
    });
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(2_000);
    // Its execution still waits on the lock and holds the client's one slot…
    expect((await eras(base, '203.0.113.9')).status).toBe(429);
    await release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // …until it ends.
    expect((await eras(base, '203.0.113.9')).status).toBe(200);
  });
});

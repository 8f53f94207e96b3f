import net from 'node:net';
import { createTestApi, type TestApi } from '../harness';

// The HTTP layer as a client meets it: health, body limit, CSRF prevention, bad JSON, limits.
describe('GraphQL over HTTP', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await createTestApi({ MAX_BODY_BYTES: '2048' });
    base = await api.listen();
  });
  afterAll(() => api.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers a query and reports health', async () => {
    const response = await post(JSON.stringify({ query: '{ health { ok version } }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { health: { ok: true, version: '1.0.0' } } });
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('marks every answer no-store: it may hold personal data (probe, 6 Dec evening)', async () => {
    const answer = await post(JSON.stringify({ query: '{ health { ok } }' }));
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const refused = await post('{"query": ');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const viaGet = await fetch(`${base}/graphql?query=${encodeURIComponent('{ health { ok } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(viaGet.headers.get('cache-control')).toBe('no-store');
  });

  it('rejects a body over the limit with 413 and a stable code', async () => {
    const response = await post(
      JSON.stringify({ query: `{ health { ok } } #${'x'.repeat(4000)}` }),
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('blocks a simple (CSRF-able) GET request without a preflight header', async () => {
    const response = await fetch(
      `${base}/graphql?query=${encodeURIComponent('{ health { ok } }')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('CSRF');
  });

  it.each([
    [
      'depth',
      `{ ${'actor(slug: "a") { relations { subject { '.repeat(6)}slug${' } } }'.repeat(6)} }`,
    ],
    ['aliases', `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: health { ok }`).join(' ')} }`],
  ])('refuses a hostile document (%s) before executing it', async (_name, query) => {
    const response = await post(JSON.stringify({ query }));
    const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.data).toBeUndefined();
  });

  it('returns 404 with a code off the API path', async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
  });
});

// Slowloris (probe, 6 Dec): a body trickling in a byte at a time held its socket for Node's
// default five minutes, before any admission share; now the whole request must arrive within
// REQUEST_READ_TIMEOUT_MS (30 s by default; 1 s here).
describe('a request that trickles in', () => {
  let api: TestApi;
  let port: number;
  beforeAll(async () => {
    api = await createTestApi({ REQUEST_READ_TIMEOUT_MS: '1000' });
    port = Number(new URL(await api.listen()).port);
  });
  afterAll(() => api.close());

  const trickle = (head: string) =>
    new Promise<{ closedAfterMs: number; reply: string }>((resolve) => {
      const started = Date.now();
      let reply = '';
      const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
      const drip = setInterval(() => socket.writable && socket.write('x'), 200);
      socket.on('data', (chunk: Buffer) => {
        reply += chunk.toString();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(drip);
        resolve({ closedAfterMs: Date.now() - started, reply });
      });
      // The test's own bound: far past the limit, so a socket still open here fails the test.
      setTimeout(() => socket.destroy(), 8_000);
    });

  it('is cut with 408 when its body keeps trickling past the limit', async () => {
    const { closedAfterMs, reply } = await trickle(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000\r\n\r\n{"query":"',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('is cut when its headers never end', async () => {
    const { closedAfterMs } = await trickle('POST /graphql HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(closedAfterMs).toBeLessThan(4_000);
  });

  it('leaves a normal request alone', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok } }' }),
    });
    expect(response.status).toBe(200);
  });
});

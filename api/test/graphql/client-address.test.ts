import { RATE_LIMITS } from '../../src/lib/rate-limit';
import { createTestApi, type TestApi } from '../harness';

// Who the API believes the client is, over real HTTP: forged X-Forwarded-For headers sent
// straight to the API choose nothing; the web proxy's header counts only with the shared secret.

const SECRET = 'the-proxy-secret-for-this-test';

describe('client address over HTTP', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await createTestApi({ PROXY_SECRET: SECRET, TRUST_PROXY_HOPS: '1' });
    base = await api.listen();
  });
  afterAll(() => api.close());

  /** Joins as a guest and returns the address the API counted the join against. */
  const addressSeen = async (headers: Record<string, string>, nickname: string) => {
    await api.database.db.rateLimitBucket.deleteMany();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: 'mutation ($n: String!) { joinAsGuest(nickname: $n) { errors { code } } }',
        variables: { n: nickname },
      }),
    });
    expect(response.status).toBe(200);
    const buckets = await api.database.db.rateLimitBucket.findMany();
    expect(buckets).toHaveLength(1);
    return buckets[0]?.key.slice(`${RATE_LIMITS.guestPerIp.name}:`.length);
  };

  it.each([
    ['a forged header, no secret', { 'x-forwarded-for': '203.0.113.50' }],
    ['a forged chain, no secret', { 'x-forwarded-for': '203.0.113.50, 198.51.100.1' }],
    [
      'a forged header and a guessed secret',
      {
        'x-forwarded-for': '203.0.113.50',
        'x-quiz-proxy-secret': 'the-proxy-secret-for-this-tesT',
      },
    ],
    ['a forged Forwarded header', { forwarded: 'for=203.0.113.50' }],
  ])('a direct client with %s is its socket address', async (_name, headers) => {
    expect(await addressSeen(headers, 'Direct Caller')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("the web proxy's one entry counts, with the secret, and a forged entry before it does not", async () => {
    expect(
      await addressSeen(
        { 'x-forwarded-for': '198.51.100.7', 'x-quiz-proxy-secret': SECRET },
        'Via Proxy',
      ),
    ).toBe('198.51.100.7');
    expect(
      await addressSeen(
        { 'x-forwarded-for': '203.0.113.50, 198.51.100.8', 'x-quiz-proxy-secret': SECRET },
        'Via Proxy Two',
      ),
    ).toBe('198.51.100.8');
  });

  it('cannot spread 130 guest joins over forged addresses to pass the hourly limit', async () => {
    await api.database.db.rateLimitBucket.deleteMany();
    let limited = 0;
    for (let i = 0; i < RATE_LIMITS.guestPerIp.limit + 10; i += 1) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.${i}.1` },
        body: JSON.stringify({
          query: 'mutation ($n: String!) { joinAsGuest(nickname: $n) { errors { code } } }',
          variables: { n: `Sybil ${i}` },
        }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      if (body.errors?.[0]?.extensions.code === 'RATE_LIMITED') {
        limited += 1;
      }
    }
    expect(limited).toBe(10);
  });

  // Round 10: an IPv6 client holds a /64 and may use any address in it, so 130 joins from 130 of
  // its addresses all passed (0 refused); they are one client now.
  it('counts one IPv6 /64 as one client, through the proxy', async () => {
    await api.database.db.rateLimitBucket.deleteMany();
    let limited = 0;
    for (let i = 0; i < RATE_LIMITS.guestPerIp.limit + 10; i += 1) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `2001:db8:77:1:${(i + 1).toString(16)}::${i + 7}`,
          'x-quiz-proxy-secret': SECRET,
        },
        body: JSON.stringify({
          query: 'mutation ($n: String!) { joinAsGuest(nickname: $n) { errors { code } } }',
          variables: { n: `Prefix ${i}` },
        }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      if (body.errors?.[0]?.extensions.code === 'RATE_LIMITED') {
        limited += 1;
      }
    }
    expect(limited).toBe(10);
    const buckets = await api.database.db.rateLimitBucket.findMany();
    expect(buckets.map((bucket) => bucket.key)).toEqual([
      `${RATE_LIMITS.guestPerIp.name}:2001:db8:77:1::/64`,
    ]);
  });
});

/**
 * @jest-environment node
 */
import { NextRequest } from 'next/server';
import { POST } from './route';

describe('/graphql proxy', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
    delete process.env.API_URL;
  });

  it('forwards body, cookie and CSRF header to API_URL read at request time, and passes back set-cookie', async () => {
    process.env.API_URL = 'http://127.0.0.1:4999';
    const upstream = new Response('{"data":{"viewer":null}}', {
      status: 200,
      headers: [
        ['content-type', 'application/json; charset=utf-8'],
        ['set-cookie', 'sid=abc; Path=/; HttpOnly; SameSite=Lax'],
        ['set-cookie', 'other=1; Path=/'],
        ['x-internal', 'hidden'],
      ],
    });
    const fetchMock = jest.fn().mockResolvedValue(upstream);
    global.fetch = fetchMock;
    const request = new NextRequest('http://localhost:3000/graphql', {
      method: 'POST',
      body: '{"query":"{ viewer { email } }"}',
      headers: {
        'content-type': 'application/json',
        cookie: 'sid=old',
        'apollo-require-preflight': 'true',
        'x-secret': 'not forwarded',
      },
    });
    const response = await POST(request);
    const [url, init] = fetchMock.mock.calls[0] as [URL, RequestInit];
    expect(String(url)).toBe('http://127.0.0.1:4999/graphql');
    const sent = init.headers as Headers;
    expect(sent.get('cookie')).toBe('sid=old');
    expect(sent.get('apollo-require-preflight')).toBe('true');
    expect(sent.get('x-secret')).toBeNull();
    expect(Buffer.from(init.body as ArrayBuffer).toString()).toBe(
      '{"query":"{ viewer { email } }"}',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.getSetCookie()).toEqual([
      'sid=abc; Path=/; HttpOnly; SameSite=Lax',
      'other=1; Path=/',
    ]);
    expect(response.headers.get('x-internal')).toBeNull();
    expect(await response.text()).toBe('{"data":{"viewer":null}}');
  });

  it('answers 502 with SERVICE_UNAVAILABLE when the API is down', async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError('fetch failed'));
    const response = await POST(
      new NextRequest('http://localhost:3000/graphql', { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(502);
    expect((await response.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  });
});

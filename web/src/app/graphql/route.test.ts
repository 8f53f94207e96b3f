/**
 * @jest-environment node
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { stampForwardedFor } from '@/server/forwarded-for';
import { POST } from './route';

const listen = (server: http.Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }),
  );

describe('/graphql proxy', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
    delete process.env.API_URL;
    delete process.env.PROXY_SECRET;
    delete process.env.MAX_BODY_BYTES;
  });

  const refusal = async (response: Response) => {
    expect(response.status).toBe(413);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  };

  it('refuses a body over MAX_BODY_BYTES with 413 PAYLOAD_TOO_LARGE before forwarding it', async () => {
    process.env.API_URL = 'http://127.0.0.1:4999';
    const fetchMock = jest.fn().mockResolvedValue(new Response('{}'));
    global.fetch = fetchMock;
    // The API's default (100 kB) applies unless the variable says otherwise.
    await refusal(
      await POST(
        new NextRequest('http://localhost:3000/graphql', {
          method: 'POST',
          body: `{"query":"{ health { ok } }","x":"${'x'.repeat(102_400)}"}`,
        }),
      ),
    );
    process.env.MAX_BODY_BYTES = '2048';
    await refusal(
      await POST(
        new NextRequest('http://localhost:3000/graphql', {
          method: 'POST',
          body: `{"query":"{ health { ok } }","x":"${'x'.repeat(2_048)}"}`,
        }),
      ),
    );
    // A declared length over the limit is refused before a byte is read.
    await refusal(
      await POST(
        new NextRequest('http://localhost:3000/graphql', {
          method: 'POST',
          body: '{}',
          headers: { 'content-length': '5000000' },
        }),
      ),
    );
    expect(fetchMock).not.toHaveBeenCalled();
    const fits = await POST(
      new NextRequest('http://localhost:3000/graphql', {
        method: 'POST',
        body: `{"query":"{ health { ok } }","x":"${'x'.repeat(1_900)}"}`,
      }),
    );
    expect(fits.status).toBe(200);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('refuses a chunked body (no Content-Length) once it passes the limit, without reading the rest', async () => {
    process.env.API_URL = 'http://127.0.0.1:4999';
    process.env.MAX_BODY_BYTES = '4096';
    const fetchMock = jest.fn().mockResolvedValue(new Response('{}'));
    global.fetch = fetchMock;
    let pulled = 0;
    // An endless body: 1 kB a chunk for as long as it is read.
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += 1;
        controller.enqueue(new Uint8Array(1_024).fill(120));
      },
    });
    const response = await POST(
      new NextRequest('http://localhost:3000/graphql', {
        method: 'POST',
        body: endless,
        duplex: 'half',
      } as ConstructorParameters<typeof NextRequest>[1]),
    );
    await refusal(response);
    expect(pulled).toBeLessThan(10);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the socket address it saw as X-Forwarded-For, whatever the client forged, with the proxy secret', async () => {
    // The chain as it runs: a client → a node:http server that stamps the socket address (as
    // server.ts does) → this route → an upstream standing in for the API, over real sockets.
    const seen: IncomingHttpHeaders[] = [];
    const upstream = http.createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end('{"data":{"viewer":null}}');
    });
    process.env.API_URL = await listen(upstream);
    process.env.PROXY_SECRET = 'the-shared-proxy-secret';
    const web = http.createServer(async (req, res) => {
      stampForwardedFor(req);
      const chunks: Buffer[] = [];
      for await (const chunk of req) {
        chunks.push(chunk as Buffer);
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        headers.set(name, Array.isArray(value) ? value.join(', ') : (value ?? ''));
      }
      const response = await POST(
        new NextRequest(`http://localhost${req.url}`, {
          method: 'POST',
          headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.writeHead(response.status, { 'content-type': 'application/json' });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    const base = await listen(web);
    try {
      for (const forged of ['6.6.6.6', '6.6.6.6, 7.7.7.7', 'unknown', '']) {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': forged,
            'x-quiz-proxy-secret': 'a-guess-at-the-secret',
          },
          body: '{"query":"{ viewer { email } }"}',
        });
        expect(response.status).toBe(200);
      }
      expect(seen).toHaveLength(4);
      for (const headers of seen) {
        expect(headers['x-forwarded-for']).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
        expect(headers['x-quiz-proxy-secret']).toBe('the-shared-proxy-secret');
      }
    } finally {
      web.close();
      upstream.close();
    }
  });

  it('sends no X-Forwarded-For without a proxy secret (the API would not believe it)', async () => {
    process.env.API_URL = 'http://127.0.0.1:4999';
    const fetchMock = jest.fn().mockResolvedValue(new Response('{}'));
    global.fetch = fetchMock;
    await POST(
      new NextRequest('http://localhost:3000/graphql', {
        method: 'POST',
        body: '{}',
        headers: { 'x-forwarded-for': '6.6.6.6' },
      }),
    );
    const sent = (fetchMock.mock.calls[0] as [URL, RequestInit])[1].headers as Headers;
    expect(sent.get('x-forwarded-for')).toBeNull();
    expect(sent.get('x-quiz-proxy-secret')).toBeNull();
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
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('{"data":{"viewer":null}}');
  });

  it('answers 502 with SERVICE_UNAVAILABLE when the API is down', async () => {
    global.fetch = jest.fn().mockRejectedValue(new TypeError('fetch failed'));
    const response = await POST(
      new NextRequest('http://localhost:3000/graphql', { method: 'POST', body: '{}' }),
    );
    expect(response.status).toBe(502);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  });
});

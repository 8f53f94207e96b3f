import type { NextRequest } from 'next/server';
import { env } from '@/env';

/**
 * Same-origin proxy to the API: the browser talks to the web origin only, so the session cookie
 * stays first-party and no CORS is needed. API_URL is read on every request.
 */
const REQUEST_HEADERS = ['content-type', 'cookie', 'apollo-require-preflight', 'accept'];

/**
 * The client's address as this server saw it: server.ts overwrites X-Forwarded-For with the
 * socket address before Next.js runs, so it is one entry; the last one is taken in any case,
 * since a proxy appends what it saw.
 */
const socketAddress = (request: NextRequest): string | null =>
  request.headers.get('x-forwarded-for')?.split(',').pop()?.trim() || null;
const RESPONSE_HEADERS = ['content-type', 'retry-after'];
/** On every answer of this route, ours or the API's: never cached, never sniffed as another type (probe, round 9). */
const OWN_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
const TIMEOUT_MS = 30_000;

const unavailable = (message: string) =>
  Response.json(
    { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    { status: 502, headers: OWN_HEADERS },
  );

const tooLarge = (limit: number) =>
  Response.json(
    {
      errors: [
        {
          message: `The request body exceeds the limit of ${limit.toLocaleString('en-US')} bytes`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    },
    { status: 413, headers: OWN_HEADERS },
  );

/**
 * The body, read up to `limit` bytes; null as soon as it is known to be longer (a declared
 * Content-Length at once, a chunked body when it passes the limit: the rest is not read). Before,
 * the whole body was buffered whatever its size, and only the API refused it (probe, 6 Dec
 * evening): an endless chunked body was read for ever (route.test.ts).
 */
const readCapped = async (request: NextRequest, limit: number): Promise<Uint8Array | null> => {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) {
    return null;
  }
  if (!request.body) {
    return new Uint8Array(0);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
};

const forward = async (request: NextRequest): Promise<Response> => {
  let body: Uint8Array | undefined;
  if (request.method === 'POST') {
    const limit = env.MAX_BODY_BYTES;
    const read = await readCapped(request, limit);
    if (!read) {
      return tooLarge(limit);
    }
    body = read;
  }
  const target = new URL('/graphql', env.API_URL);
  target.search = request.nextUrl.search;
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) {
      headers.set(name, value);
    }
  }
  // One entry, ours: the API believes it (TRUST_PROXY_HOPS) only with the shared secret.
  const address = socketAddress(request);
  const secret = env.PROXY_SECRET;
  if (address && secret) {
    headers.set('x-forwarded-for', address);
    headers.set('x-quiz-proxy-secret', secret);
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: body as BodyInit | undefined,
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return unavailable('The quiz server cannot be reached right now.');
  }
  const out = new Headers(OWN_HEADERS);
  for (const name of RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) {
      out.set(name, value);
    }
  }
  for (const cookie of upstream.headers.getSetCookie()) {
    out.append('set-cookie', cookie);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
};

export const POST = forward;
export const GET = forward;

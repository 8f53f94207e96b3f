import type { NextRequest } from 'next/server';
import { env } from '@/env';

/**
 * Same-origin proxy to the API: the browser talks to the web origin only, so the session cookie
 * stays first-party and no CORS is needed. API_URL is read on every request.
 */
// x-forwarded-for (set by Next.js from the socket when absent) lets the API rate-limit per client
// rather than per web server.
const REQUEST_HEADERS = [
  'content-type',
  'cookie',
  'apollo-require-preflight',
  'accept',
  'x-forwarded-for',
];
const RESPONSE_HEADERS = ['content-type', 'retry-after'];
const TIMEOUT_MS = 30_000;

const unavailable = (message: string) =>
  Response.json(
    { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    { status: 502, headers: { 'cache-control': 'no-store' } },
  );

const forward = async (request: NextRequest): Promise<Response> => {
  const target = new URL('/graphql', env.API_URL);
  target.search = request.nextUrl.search;
  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) {
      headers.set(name, value);
    }
  }
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: request.method === 'POST' ? await request.arrayBuffer() : undefined,
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return unavailable('The quiz server cannot be reached right now.');
  }
  const out = new Headers({ 'cache-control': 'no-store' });
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

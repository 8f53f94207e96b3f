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

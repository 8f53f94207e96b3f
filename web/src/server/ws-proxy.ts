import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebEnv } from '../env';

/** Headers passed on to the API's WebSocket endpoint; everything else stays here. */
const PASSED = [
  'cookie',
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-protocol',
  'sec-websocket-extensions',
];

/** A browser's socket is accepted only from this site (no cross-site socket riding the cookie). */
export const sameOrigin = (req: IncomingMessage): boolean => {
  const origin = req.headers.origin;
  if (!origin) {
    return false;
  }
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

const refuse = (socket: Duplex, status: number, text: string) => {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
};

/**
 * The live game's WebSocket (graphql-ws) at /graphql, proxied to the API like the HTTP /graphql
 * route: same origin for the browser, the session cookie first-party, the client's address and
 * the shared secret added here. Next.js itself does not proxy upgrades.
 */
export const proxyWebSocket = (
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  env: Pick<WebEnv, 'API_URL' | 'PROXY_SECRET'>,
): boolean => {
  if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/graphql') {
    return false;
  }
  if (!sameOrigin(req)) {
    refuse(socket, 403, 'Forbidden');
    return true;
  }
  const target = new URL('/graphql', env.API_URL);
  const headers: Record<string, string> = { connection: 'Upgrade', upgrade: 'websocket' };
  for (const name of PASSED) {
    const value = req.headers[name];
    if (typeof value === 'string') {
      headers[name] = value;
    }
  }
  if (env.PROXY_SECRET) {
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    headers['x-quiz-proxy-secret'] = env.PROXY_SECRET;
  }
  const upstream = http.request({
    hostname: target.hostname,
    port: target.port || 80,
    path: target.pathname,
    method: 'GET',
    headers,
  });
  upstream.on('upgrade', (response, upstreamSocket, upstreamHead) => {
    const lines = [`HTTP/1.1 101 Switching Protocols`];
    for (const [name, value] of Object.entries(response.headers)) {
      if (typeof value === 'string') {
        lines.push(`${name}: ${value}`);
      }
    }
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (upstreamHead.length) {
      socket.write(upstreamHead);
    }
    if (head.length) {
      upstreamSocket.write(head);
    }
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
    upstreamSocket.on('error', () => socket.destroy());
    socket.on('error', () => upstreamSocket.destroy());
    upstreamSocket.on('close', () => socket.destroy());
    socket.on('close', () => upstreamSocket.destroy());
  });
  upstream.on('response', (response) => {
    refuse(socket, response.statusCode ?? 502, 'Refused');
    response.resume();
  });
  upstream.on('error', () => refuse(socket, 502, 'Bad Gateway'));
  upstream.end();
  return true;
};

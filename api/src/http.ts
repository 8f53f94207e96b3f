import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { PrismaClient } from '@quiz/prisma';
import { type Context, createContext, type ResponseBody, settleSessionCookie } from './context';
import type { ApiEnv } from './env';
import { clientAddress, PROXY_SECRET_HEADER } from './lib/client-address';
import { parseCookies } from './lib/cookies';
import { SESSION_COOKIE } from './modules/accounts/session';

class PayloadTooLargeError extends Error {}

const readBody = (req: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new PayloadTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new PayloadTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const sendJson = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const requestError = (res: ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });

/**
 * A body that answered nothing (no data, or every root field null) and whose every error is
 * SERVICE_UNAVAILABLE (parsed only on that path). A nullable root field that failed comes back
 * as `{ data: { attempt: null } }`, which is as empty as `data: null`.
 */
export const isUnavailable = (body: string): boolean => {
  if (!body.includes('"SERVICE_UNAVAILABLE"')) {
    return false;
  }
  try {
    const parsed = JSON.parse(body) as {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: string } }[];
    };
    return (
      (parsed.data === undefined ||
        parsed.data === null ||
        Object.values(parsed.data).every((value) => value === null)) &&
      !!parsed.errors?.length &&
      parsed.errors.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')
    );
  } catch {
    return false;
  }
};

/** A response body as JSON, or null when it is not (then no session cookie goes out). */
const parseBody = (text: string): ResponseBody | null => {
  try {
    return JSON.parse(text) as ResponseBody;
  } catch {
    return null;
  }
};

export type HttpAppOptions = {
  apollo: ApolloServer<Context>;
  db: PrismaClient;
  env: ApiEnv;
};

/**
 * The API over plain `node:http`: POST/GET /graphql through Apollo's HTTP executor, and GET
 * /health for readiness. Owning the HTTP layer keeps the per-request cost low and lets us set the
 * body limit, cookies and security headers in one place.
 */
export const createHttpServer = ({ apollo, db, env }: HttpAppOptions): http.Server => {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!server.listening) {
      // Shutting down (server.close() was called): answer, then close this keep-alive
      // connection, so clients that keep sending on it cannot hold the process open.
      res.setHeader('connection', 'close');
    }
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    try {
      if (url.pathname === '/health') {
        await db.$queryRaw`SELECT 1`;
        sendJson(res, 200, { ok: true });
        return;
      }
      if (url.pathname !== '/graphql') {
        requestError(res, 404, 'NOT_FOUND', 'Not found: the API lives at /graphql');
        return;
      }
      if (req.method !== 'POST' && req.method !== 'GET' && req.method !== 'HEAD') {
        requestError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET or POST');
        return;
      }
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, env.MAX_BODY_BYTES);
        const type = req.headers['content-type'] ?? '';
        if (type.includes('application/json')) {
          try {
            body = JSON.parse(text);
          } catch {
            requestError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
            return;
          }
        } else {
          body = text;
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) {
          headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
      }
      let context: Context | undefined;
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          context = await createContext({
            db,
            env,
            sessionToken: parseCookies(req.headers.cookie).get(SESSION_COOKIE),
            ip: clientAddress({
              remoteAddress: req.socket.remoteAddress,
              forwardedFor: req.headers['x-forwarded-for'],
              proxySecret: req.headers[PROXY_SECRET_HEADER],
              trustedHops: env.TRUST_PROXY_HOPS,
              expectedSecret: env.PROXY_SECRET,
            }),
          });
          return context;
        },
      });
      for (const [key, value] of result.headers) {
        res.setHeader(key, value);
      }
      if (context) {
        const cookies = await settleSessionCookie(
          context,
          context.newSession.pending && result.body.kind === 'complete'
            ? parseBody(result.body.string)
            : null,
        );
        if (cookies.length) {
          res.setHeader('set-cookie', cookies);
        }
      }
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        if (isUnavailable(result.body.string)) {
          // Nothing answered because the database is away: say so to proxies and clients.
          res.statusCode = 503;
          res.setHeader('retry-after', '1');
        }
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) {
          res.write(chunk);
        }
        res.end();
      }
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        requestError(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `The request body exceeds ${env.MAX_BODY_BYTES} bytes`,
        );
        return;
      }
      console.error(error);
      if (!res.headersSent) {
        requestError(res, 503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable');
      } else {
        res.end();
      }
    }
  });
  return server;
};

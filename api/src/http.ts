import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { PrismaClient } from '@quiz/prisma';
import { type Context, createContext, type ResponseBody, settleSessionCookie } from './context';
import type { ApiEnv } from './env';
import { clientAddress, PROXY_SECRET_HEADER } from './lib/client-address';
import { parseCookies } from './lib/cookies';
import { DatabaseHealth } from './lib/db-health';
import { type Admission, admissionKey, createAdmission } from './limits/admission';
import { RequestGuard } from './limits/guard';
import { type LimitError, limitErrors } from './limits/limits';
import { deviceCookieName, sessionCookieName } from './modules/accounts/session';

class PayloadTooLargeError extends Error {}

/** How much of a refused body is read and dropped, and for how long, before the socket is cut. */
const DRAIN_BYTES = 16_000_000;
const DRAIN_MS = 5_000;

/**
 * Reads and drops the rest of a refused body, so that a client still sending gets its 413
 * instead of a connection reset; a body that keeps coming past DRAIN_BYTES or DRAIN_MS is cut.
 */
const discardBody = (req: IncomingMessage) => {
  let drained = 0;
  const cut = setTimeout(() => req.destroy(), DRAIN_MS);
  cut.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) {
      req.destroy();
    }
  });
  req.once('end', () => clearTimeout(cut));
  req.once('close', () => clearTimeout(cut));
  req.resume();
};

const readBody = (req: IncomingMessage, limit: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const refuse = () => {
      discardBody(req);
      reject(new PayloadTooLargeError());
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      refuse();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // A chunked body (no Content-Length) is only known to be too large here.
        req.off('data', onData);
        chunks.length = 0;
        refuse();
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= limit) {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
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

const requestError = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
) => sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);

/** A limit's refusal, in the same shape as every other error, with Retry-After when it passes. */
const limitResponse = (res: ServerResponse, error: LimitError) =>
  sendJson(
    res,
    error.status,
    { errors: [error.toFormatted()] },
    error.retryAfter ? { 'retry-after': String(error.retryAfter) } : {},
  );

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
  /** The process's in-flight shares; pass the one the WebSocket transport uses too. */
  admission?: Admission;
};

/**
 * The API over plain `node:http`: POST/GET /graphql through Apollo's HTTP executor, and GET
 * /health for readiness. Owning the HTTP layer keeps the per-request cost low and lets us set the
 * body limit, cookies and security headers in one place.
 */
export const createHttpServer = ({
  apollo,
  db,
  env,
  admission = createAdmission(env),
}: HttpAppOptions): http.Server => {
  // /health's database check, from a background ping at most a second old (lib/db-health.ts).
  const databaseHealth = new DatabaseHealth({
    ping: () => db.$queryRaw`SELECT 1`,
    onChange: (ok, error) =>
      console.log(
        ok
          ? 'API: the database answers again'
          : `API: the database does not answer (${(error as Error)?.message?.split('\n')[0] ?? error})`,
      ),
  });
  // A trickling request (slowloris) is cut once it has taken REQUEST_READ_TIMEOUT_MS to arrive
  // (headers within 10 s of that): each open socket costs a file descriptor (20,000 here) and
  // memory, and none of them counts against the admission shares until its body is in. Node
  // answers 408 and closes. Checked every 5 s at most (upgraded WebSockets are not affected).
  const readTimeout = env.REQUEST_READ_TIMEOUT_MS;
  const server = http.createServer(
    {
      requestTimeout: readTimeout,
      headersTimeout: Math.min(10_000, readTimeout),
      connectionsCheckingInterval: Math.min(5_000, Math.ceil(readTimeout / 2)),
    },
    async (req, res) => {
      if (!server.listening) {
        // Shutting down (server.close() was called): answer, then close this keep-alive
        // connection, so clients that keep sending on it cannot hold the process open.
        res.setHeader('connection', 'close');
      }
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      // Answers hold personal data (a viewer, their attempts, a teacher's results): no shared or
      // browser cache may keep them (probe, 6 Dec evening: there was no Cache-Control at all).
      res.setHeader('cache-control', 'no-store');
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (url.pathname === '/health') {
          const arrived = performance.now();
          const ok = await databaseHealth.check();
          const answered = performance.now();
          const timing = {
            'server-timing': `db;dur=${(answered - arrived).toFixed(1)}, at;desc=${(performance.timeOrigin + arrived).toFixed(1)}`,
          };
          if (ok) {
            sendJson(res, 200, { ok: true }, timing);
          } else {
            requestError(res, 503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable', {
              'retry-after': '1',
              ...timing,
            });
          }
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
        // Admitted once the body is in: a slow upload holds a socket, not a share of the work.
        const ip = clientAddress({
          remoteAddress: req.socket.remoteAddress,
          forwardedFor: req.headers['x-forwarded-for'],
          proxySecret: req.headers[PROXY_SECRET_HEADER],
          trustedHops: env.TRUST_PROXY_HOPS,
          expectedSecret: env.PROXY_SECRET,
        });
        const ticket = admission.enter(admissionKey(req, ip));
        if (!('open' in ticket)) {
          limitResponse(res, ticket);
          return;
        }
        let execution: Promise<unknown> | undefined;
        try {
          const headers = new HeaderMap();
          for (const [key, value] of Object.entries(req.headers)) {
            if (value !== undefined) {
              headers.set(key, Array.isArray(value) ? value.join(', ') : value);
            }
          }
          const guard = new RequestGuard({
            timeoutMs: env.REQUEST_TIMEOUT_MS,
            maxItems: env.MAX_RESPONSE_ITEMS,
          });
          let context: Context | undefined;
          const running = apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
            context: async () => {
              const cookies = parseCookies(req.headers.cookie);
              context = await createContext({
                db,
                env,
                sessionToken: cookies.get(sessionCookieName(env)),
                deviceToken: cookies.get(deviceCookieName(env)),
                ip,
                guard,
                charge: (cost) => admission.charge(ticket, cost),
              });
              return context;
            },
          });
          execution = running;
          // Past the time limit the client is answered at once; the guard makes every further
          // field of the abandoned execution fail, and its share is released when it settles.
          let timer: NodeJS.Timeout | undefined;
          const timedOut = new Promise<null>((resolve) => {
            timer = setTimeout(() => resolve(null), env.REQUEST_TIMEOUT_MS);
          });
          const result = await Promise.race([running, timedOut]).finally(() => clearTimeout(timer));
          if (result === null) {
            const error = limitErrors.time(env.REQUEST_TIMEOUT_MS);
            try {
              guard.abort(error);
            } catch {
              // abort throws for the resolvers' sake; here it only marks the request stopped.
            }
            limitResponse(res, error);
            return;
          }
          for (const [key, value] of result.headers) {
            res.setHeader(key, value);
          }
          if (context) {
            const complete = result.body.kind === 'complete' ? result.body.string : null;
            const tooLarge =
              complete !== null && Buffer.byteLength(complete) > env.MAX_RESPONSE_BYTES;
            // A session's cookie goes out only with a body that reports its success (and is sent).
            const cookies = await settleSessionCookie(
              context,
              context.newSession.pending && complete !== null && !tooLarge
                ? parseBody(complete)
                : null,
            );
            if (cookies.length) {
              res.setHeader('set-cookie', cookies);
            }
          }
          res.statusCode = result.status ?? 200;
          if ((res.statusCode === 429 || res.statusCode === 503) && !res.hasHeader('retry-after')) {
            res.setHeader('retry-after', '1');
          }
          if (result.body.kind === 'complete') {
            const bytes = Buffer.byteLength(result.body.string);
            if (bytes > env.MAX_RESPONSE_BYTES) {
              res.removeHeader('set-cookie');
              limitResponse(res, limitErrors.responseBytes(bytes, env.MAX_RESPONSE_BYTES));
              return;
            }
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
        } finally {
          if (execution) {
            void execution.then(
              () => admission.leave(ticket),
              () => admission.leave(ticket),
            );
          } else {
            admission.leave(ticket);
          }
        }
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          requestError(
            res,
            413,
            'PAYLOAD_TOO_LARGE',
            `The request body exceeds the limit of ${env.MAX_BODY_BYTES.toLocaleString('en-US')} bytes`,
            { connection: 'close' },
          );
          return;
        }
        if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || req.destroyed) {
          // The client went away mid-request: nobody to answer, nothing to log.
          res.destroy();
          return;
        }
        if ((error as NodeJS.ErrnoException).code === 'ERR_INVALID_URL') {
          requestError(res, 400, 'BAD_REQUEST', 'The request target is not a valid URL');
          return;
        }
        console.error(error);
        if (!res.headersSent) {
          requestError(res, 503, 'SERVICE_UNAVAILABLE', 'The service is briefly unavailable');
        } else {
          res.end();
        }
      }
    },
  );
  server.on('listening', () => databaseHealth.start());
  server.on('close', () => databaseHealth.stop());
  return server;
};

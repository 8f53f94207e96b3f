import type { PrismaClient, User } from '@quiz/prisma';
import type { ApiEnv } from './env';
import { serializeCookie } from './lib/cookies';
import { RequestGuard } from './limits/guard';
import type { LimitError } from './limits/limits';
import { createLoaders, type Loaders } from './loaders';
import { findUserBySessionToken, SESSION_COOKIE } from './modules/accounts/session';

/**
 * The per-request context: the database, the viewer, request-scoped DataLoaders, the clock, and
 * a way for resolvers to set cookies on the HTTP response.
 */
export type Context = {
  db: PrismaClient;
  env: ApiEnv;
  /** The signed-in user or guest; null when anonymous. */
  viewer: User | null;
  /** Hash of the current session token (to end this session). */
  sessionId: string | null;
  loaders: Loaders;
  /** The server's clock; tests inject a fixed one. */
  now: () => Date;
  /** Client address, for rate limits. */
  ip: string;
  /** Set-Cookie values to send with the response. */
  setCookies: string[];
  setSessionCookie: (token: string | null) => void;
  /** This request's time and response budget (limits/guard.ts). */
  guard: RequestGuard;
  /** Charges the operation's estimated cost to this process's and client's share of work. */
  charge: (cost: number) => LimitError | null;
};

export type CreateContextOptions = {
  db: PrismaClient;
  env: ApiEnv;
  sessionToken?: string;
  ip?: string;
  now?: () => Date;
  /** The HTTP layer passes the guard its timer can stop; otherwise one from env's limits. */
  guard?: RequestGuard;
  charge?: (cost: number) => LimitError | null;
};

// 1. Resolve the viewer from the session cookie (one indexed lookup per request).
// 2. Fresh DataLoaders per request, so batching never leaks data between requests; built on first
//    use, since most operations need none of them or only a few.
export const createContext = async ({
  db,
  env,
  sessionToken,
  ip = 'unknown',
  now = () => new Date(),
  guard = new RequestGuard({
    timeoutMs: env.REQUEST_TIMEOUT_MS,
    maxItems: env.MAX_RESPONSE_ITEMS,
  }),
  charge = () => null,
}: CreateContextOptions): Promise<Context> => {
  const found = sessionToken
    ? await findUserBySessionToken({ db, token: sessionToken, now: now() })
    : null;
  const setCookies: string[] = [];
  let loaders: Loaders | undefined;
  return {
    db,
    env,
    viewer: found?.user ?? null,
    sessionId: found?.sessionId ?? null,
    get loaders() {
      loaders ??= createLoaders(db);
      return loaders;
    },
    now,
    ip,
    guard,
    charge,
    setCookies,
    setSessionCookie: (token) => {
      setCookies.push(
        serializeCookie(SESSION_COOKIE, token ?? '', {
          secure: env.COOKIE_SECURE,
          maxAgeSec: token ? env.SESSION_TTL_DAYS * 86_400 : 0,
        }),
      );
    },
  };
};

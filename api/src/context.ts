import type { PrismaClient, User } from '@quiz/prisma';
import type { ApiEnv } from './env';
import { serializeCookie } from './lib/cookies';
import { RequestGuard } from './limits/guard';
import type { LimitError } from './limits/limits';
import { createLoaders, type Loaders } from './loaders';
import {
  deviceCookieName,
  findUserBySessionToken,
  isDeviceToken,
  sessionCookieName,
} from './modules/accounts/session';

/** How long a browser keeps its device cookie (browsers cap a cookie's life at 400 days). */
const DEVICE_COOKIE_DAYS = 365;

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
  /** The browser's sign-in device id (its cookie), when it carries a well-formed one. */
  deviceToken: string | null;
  /** Set-Cookie values to send with the response. */
  setCookies: string[];
  /** This request's time and response budget (limits/guard.ts). */
  guard: RequestGuard;
  /** Charges the operation's estimated cost to this process's and client's share of work. */
  charge: (cost: number) => LimitError | null;
  /** Ends the session cookie (sign-out). */
  clearSessionCookie: () => void;
  /**
   * A session started by the field `field` (its response key). Its cookie is sent only when the
   * response body reports that field's success (`settleSessionCookie`); otherwise the session
   * is revoked unseen. A holder object, since Apollo hands resolvers a shallow copy of the
   * context (as with `setCookies`).
   */
  newSession: { pending: PendingSession | null };
};

export type PendingSession = {
  token: string;
  sessionId: string;
  field: string;
  /** A device id for a browser that had none (a sign-in), sent with the session cookie. */
  device?: string;
};

export type CreateContextOptions = {
  db: PrismaClient;
  env: ApiEnv;
  sessionToken?: string;
  deviceToken?: string;
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
  deviceToken,
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
    deviceToken: isDeviceToken(deviceToken) ? deviceToken : null,
    guard,
    charge,
    setCookies,
    clearSessionCookie: () => {
      setCookies.push(sessionCookie(env, null));
    },
    newSession: { pending: null },
  };
};

const sessionCookie = (env: ApiEnv, token: string | null) =>
  serializeCookie(sessionCookieName(env), token ?? '', {
    secure: env.COOKIE_SECURE,
    maxAgeSec: token ? env.SESSION_TTL_DAYS * 86_400 : 0,
  });

export type ResponseBody = {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ path?: ReadonlyArray<string | number> }>;
};

/**
 * After execution: the cookie of a session started in this request goes out only when the body
 * shows that field with a viewer and no error on its path; otherwise the session is revoked, so
 * a token never travels with a response that reports failure. Returns the Set-Cookie values.
 */
export const settleSessionCookie = async (
  context: Context,
  body: ResponseBody | null,
): Promise<string[]> => {
  const pending = context.newSession.pending;
  if (!pending) {
    return context.setCookies;
  }
  context.newSession.pending = null;
  const payload = body?.data?.[pending.field] as { viewer?: unknown } | null | undefined;
  const failed = body?.errors?.some((error) => error.path?.[0] === pending.field) ?? false;
  if (payload?.viewer && !failed) {
    context.setCookies.push(sessionCookie(context.env, pending.token));
    if (pending.device) {
      context.setCookies.push(
        serializeCookie(deviceCookieName(context.env), pending.device, {
          secure: context.env.COOKIE_SECURE,
          maxAgeSec: DEVICE_COOKIE_DAYS * 86_400,
        }),
      );
    }
  } else {
    await context.db.session.updateMany({
      where: { id: pending.sessionId, revokedAt: null },
      data: { revokedAt: context.now() },
    });
  }
  return context.setCookies;
};

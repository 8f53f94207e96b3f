// The prisma package validates the database variables; the API validates its own here, once.
import { parseEnv } from '@quiz/prisma/parse-env';
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Set by the launcher (embedded PostgreSQL) or by you (your own server). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  API_HOST: z.string().min(1).default('0.0.0.0'),
  /** Connections per API process. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request waits for a pooled connection before failing with SERVICE_UNAVAILABLE. */
  DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Largest accepted request body. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(10_000_000).default(102_400),
  /** Longest a GraphQL request may run before it is stopped (TIMEOUT, HTTP 503). */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Longest a client may take to send its whole request (headers and body). Node's default (300 s)
   * let a client hold a socket with a trickling body for five minutes, before any admission.
   */
  REQUEST_READ_TIMEOUT_MS: z.coerce.number().int().min(500).max(300_000).default(30_000),
  /** Largest response body (RESPONSE_TOO_LARGE above it). */
  MAX_RESPONSE_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(8_000_000),
  /** Most list items one response may hold, counted while it is built. */
  MAX_RESPONSE_ITEMS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  /** GraphQL requests one API process works on at once (503 above it). */
  MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
  /** Of those, from one client address (429 above it). */
  MAX_IN_FLIGHT_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(8),
  /**
   * Open WebSockets (live games) one client address may hold on one API process (429 at the
   * upgrade above it). A socket lives until it is closed and costs a file descriptor: without a
   * cap, one address could hold them all (probe, 6 Dec evening). Our own web server's sockets
   * without a client address (no proxy secret) count against nothing.
   */
  MAX_SOCKETS_PER_CLIENT: z.coerce.number().int().min(1).max(100_000).default(500),
  /** Session lifetime. */
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Proxies in front of the API whose X-Forwarded-For entries are believed (the web app's
   * /graphql proxy is one); 0 = always the socket address.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
  /**
   * Shared with the web app: a request is believed to come through the proxy only when it
   * carries this secret. Unset: no request is (every client is its socket address).
   */
  PROXY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Mark the session cookie Secure (serve over HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type ApiEnv = z.infer<typeof EnvSchema>;

/** Reads the environment once; throws an EnvError naming the first bad variable. */
export const loadEnv = (source: Record<string, string | undefined> = process.env): ApiEnv =>
  parseEnv(EnvSchema, source);

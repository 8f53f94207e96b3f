import { z } from 'zod';

const EnvSchema = z.object({
  /** Where the web server proxies /graphql and where server components fetch from. */
  API_URL: z.url().default('http://localhost:4000'),
  /** Shared with the API: proves that /graphql requests come through this proxy. */
  PROXY_SECRET: z.string().min(16).optional(),
  /** server.ts only: where the web app listens. */
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WEB_HOST: z.string().min(1).default('0.0.0.0'),
  /**
   * The largest /graphql request body the proxy reads (bytes): the API's own limit, same default
   * and range (api/src/env.ts). Set both together.
   */
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(10_000_000).default(102_400),
});

export type WebEnv = z.infer<typeof EnvSchema>;

/**
 * Server-side environment of the web app, validated on every read (it is tiny): `next build`
 * must not bake API_URL in, because the same build runs against APIs on other ports (e2e).
 * Empty strings count as unset.
 */
export const readEnv = (source: NodeJS.ProcessEnv = process.env): WebEnv =>
  EnvSchema.parse(Object.fromEntries(Object.entries(source).filter(([, value]) => value !== '')));

/** `env.API_URL` reads the variable at request time. */
export const env: WebEnv = {
  get API_URL() {
    return readEnv().API_URL;
  },
  get PROXY_SECRET() {
    return readEnv().PROXY_SECRET;
  },
  get WEB_PORT() {
    return readEnv().WEB_PORT;
  },
  get WEB_HOST() {
    return readEnv().WEB_HOST;
  },
  get MAX_BODY_BYTES() {
    return readEnv().MAX_BODY_BYTES;
  },
};

/** Next.js inlines NODE_ENV at build time. */
export const isDevelopment = process.env.NODE_ENV === 'development';

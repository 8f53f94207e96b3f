import { z } from 'zod';

const EnvSchema = z.object({
  /** Where the web server proxies /graphql and where server components fetch from. */
  API_URL: z.string().url().default('http://localhost:4000'),
});

/** Server-side environment of the web app, read once. */
export const env = EnvSchema.parse(
  Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')),
);

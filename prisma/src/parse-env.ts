import type { z } from 'zod';

/** Thrown when an environment variable is missing or invalid; its message is one line naming it. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Parses `source` with `schema`, treating empty strings as unset. Throws an `EnvError` whose message
 * names the first offending variable, e.g. `Invalid environment variable API_PORT: expected a number`.
 */
export const parseEnv = <S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> => {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const name = issue?.path.join('.') ?? 'unknown';
  const state = cleaned[name] === undefined ? 'Missing' : 'Invalid';
  throw new EnvError(`${state} environment variable ${name}: ${issue?.message ?? 'invalid'}`);
};

import path from 'node:path';
import { z } from 'zod';
import { parseEnv } from './parse-env';

/** The repository's root folder (this package lives in `<root>/prisma`). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const EnvSchema = z.object({
  /** A PostgreSQL server to use instead of the embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Port of the embedded PostgreSQL (only when DATABASE_URL is unset). */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Data folder of the embedded PostgreSQL; kept between runs and ignored by git. */
  EMBEDDED_PG_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '.data', 'postgres')),
  /** The five source documents the knowledge base cites. */
  SEEDS_DIR: z
    .string()
    .min(1)
    .default(path.resolve(REPO_ROOT, '..', 'shared', 'seeds')),
  /** The knowledge-base JSON files the seed loads. */
  KB_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'prisma', 'seed', 'data', 'kb')),
});

export type DatabaseEnv = z.infer<typeof EnvSchema>;

/** Parsed once, on first use, so that importing the package never exits a process. */
let cached: DatabaseEnv | undefined;
export const getDatabaseEnv = (): DatabaseEnv => {
  cached ??= parseEnv(EnvSchema, process.env);
  return cached;
};

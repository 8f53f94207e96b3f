import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as Engine from '@prisma/schema-engine-wasm/schema_engine_bg';

/**
 * Prisma's own schema engine, compiled to WebAssembly and run in-process. The native engine the
 * Prisma CLI downloads cannot be fetched on offline machines; this one ships on npm and gives the
 * same `migrate deploy` and `migrate diff` behaviour, so `prisma/migrations/` stays in Prisma's
 * layout and `prisma migrate deploy` keeps working wherever the native engine is available.
 */

export const PRISMA_DIR = path.resolve(__dirname, '..', '..');
export const SCHEMA_DIR = path.join(PRISMA_DIR, 'schema');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
/** The whole schema as of the newest migration; the "from" side of the next migration. */
export const MIGRATED_SCHEMA_FILE = path.join(PRISMA_DIR, 'migrated-schema.prisma');

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export type SchemaFile = { path: string; content: string };

/** The `.prisma` files of the schema folder, in a stable order. */
export const readSchemaFiles = (dir = SCHEMA_DIR): SchemaFile[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.prisma'))
    .sort()
    .map((name) => ({ path: name, content: readFileSync(path.join(dir, name), 'utf8') }));

/** The slice of the WebAssembly API used here (lib.dom is not loaded in a Node package). */
type WasmApi = {
  instantiate: (
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ) => Promise<{ instance: { exports: Record<string, unknown> } }>;
};
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let engineModule: Promise<typeof Engine> | undefined;

/**
 * The package's ESM entry imports the .wasm file as a module, which Node 20 cannot do, so the
 * WebAssembly instance is built here and handed to the bindings.
 */
const loadEngineModule = (): Promise<typeof Engine> => {
  engineModule ??= (async () => {
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(bindingsPath)) as typeof Engine;
    const bytes = await fs.readFile(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
};

const withEngine = async <T>(
  url: string,
  datamodel: SchemaFile[],
  run: (engine: Engine.SchemaEngine) => Promise<T>,
): Promise<T> => {
  const bindings = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const engine = await bindings.SchemaEngine.new(
    { datamodels: datamodel.map((file) => [file.path, file.content]) },
    () => {},
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
};

const readMigrationsList = async (): Promise<Engine.MigrationList> => {
  const entries = await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: 'migration_lock.toml',
      content: await fs.readFile(lockPath, 'utf8').catch(() => null),
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
        const content = await fs.readFile(file, 'utf8').then(
          (value) => ({ tag: 'ok' as const, value }),
          (error: Error) => ({ tag: 'error' as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
    ),
  };
};

/**
 * Applies the pending migrations of `prisma/migrations/` to the database at `url` and records
 * them in `_prisma_migrations`, as `prisma migrate deploy` does. Returns the names applied now.
 */
export const applyMigrations = async (url: string): Promise<string[]> =>
  withEngine(url, readSchemaFiles(), async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrationsList(),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  });

export type DiffSide = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: SchemaFile[] };

/** The SQL that turns schema `from` into schema `to` (empty when they agree). */
export const diffSchemas = async (url: string, from: DiffSide, to: DiffSide): Promise<string> =>
  withEngine(url, readSchemaFiles(), async (engine) => {
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });

/** True when a diff script holds no statement (the engine prints a comment for an empty diff). */
export const isEmptyDiff = (sql: string): boolean =>
  sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('--')).length === 0;

import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { runCli } from '../src/cli';
import { openDatabase, withDatabase } from '../src/database';
import { catalogSnapshot } from '../src/database/catalog';
import {
  applyMigrations,
  diffSchemas,
  isEmptyDiff,
  MIGRATED_SCHEMA_FILE,
  readSchemaFiles,
} from '../src/database/schema-engine';

// Fails when the schema folder and prisma/migrations disagree:
//  1. the schema changed since the newest migration (run `pnpm db:migration:new <name>`), or
//  2. the migrations do not build the schema they claim to (a hand-edited or missing migration).
// SCHEMA_DIR overrides the schema folder (the test uses it to prove the check can fail).

const admin = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql).finally(() => client.end());
};

runCli(async () => {
  const files = readSchemaFiles(process.env.SCHEMA_DIR || undefined);
  const database = await openDatabase(() => {});
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const fromMigrations = `schema_check_m_${suffix}`;
  const fromSchema = `schema_check_s_${suffix}`;
  try {
    const migrated = existsSync(MIGRATED_SCHEMA_FILE)
      ? [{ path: 'migrated-schema.prisma', content: readFileSync(MIGRATED_SCHEMA_FILE, 'utf8') }]
      : [];
    const pending = await diffSchemas(
      database.url,
      migrated.length ? { tag: 'schemaDatamodel', files: migrated } : { tag: 'empty' },
      { tag: 'schemaDatamodel', files },
    );
    if (!isEmptyDiff(pending)) {
      throw new Error(
        `schema.prisma has changes that no migration holds; run \`pnpm db:migration:new <name>\`. Pending SQL:\n${pending}`,
      );
    }

    await admin(database.url, `CREATE DATABASE "${fromMigrations}"`);
    await admin(database.url, `CREATE DATABASE "${fromSchema}"`);
    await applyMigrations(withDatabase(database.url, fromMigrations));
    const direct = await diffSchemas(
      database.url,
      { tag: 'empty' },
      { tag: 'schemaDatamodel', files },
    );
    await admin(withDatabase(database.url, fromSchema), direct);

    const [a, b] = await Promise.all([
      catalogSnapshot(withDatabase(database.url, fromMigrations)),
      catalogSnapshot(withDatabase(database.url, fromSchema)),
    ]);
    const onlyMigrations = a.filter((line) => !b.includes(line));
    const onlySchema = b.filter((line) => !a.includes(line));
    if (onlyMigrations.length || onlySchema.length) {
      throw new Error(
        [
          'prisma/migrations does not build the schema in schema.prisma.',
          ...onlyMigrations.map((line) => `  only from migrations: ${line}`),
          ...onlySchema.map((line) => `  only from schema.prisma: ${line}`),
        ].join('\n'),
      );
    }
    console.log(`Schema and migrations agree (${a.length} catalog entries compared).`);
  } finally {
    await admin(database.url, `DROP DATABASE IF EXISTS "${fromMigrations}" WITH (FORCE)`).catch(
      () => {},
    );
    await admin(database.url, `DROP DATABASE IF EXISTS "${fromSchema}" WITH (FORCE)`).catch(
      () => {},
    );
    await database.close();
  }
});

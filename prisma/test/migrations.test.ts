import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../src/database/test-database';

const PRISMA_DIR = path.resolve(__dirname, '..');
const TSX = path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx');

const schemaCheck = (env: Record<string, string>) =>
  spawnSync(TSX, [path.join(PRISMA_DIR, 'scripts', 'schema-check.ts')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('schema.prisma and prisma/migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('agree: no pending change, and the migrations build the same catalog as the schema', () => {
    const result = schemaCheck({ DATABASE_URL: database.url });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Schema and migrations agree \(\d+ catalog entries compared\)/);
    expect(result.status).toBe(0);
  });

  it('disagree when the schema gains a column that no migration adds', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-'));
    try {
      cpSync(path.join(PRISMA_DIR, 'schema'), dir, { recursive: true });
      const file = path.join(dir, 'accounts.prisma');
      const text = readFileSync(file, 'utf8').replace(
        'displayName  String',
        'displayName  String\n  nickname     String?',
      );
      writeFileSync(file, text);
      const result = schemaCheck({ DATABASE_URL: database.url, SCHEMA_DIR: dir });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('has changes that no migration holds');
      expect(result.stderr).toContain('nickname');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applying the migrations again changes nothing (idempotent db:migrate)', async () => {
    const output = execFileSync(TSX, [path.join(PRISMA_DIR, 'scripts', 'migrate.ts')], {
      env: { ...process.env, DATABASE_URL: database.url },
      encoding: 'utf8',
    });
    expect(output).toContain('the database is up to date');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    await client.end();
    expect(rows[0]?.n).toBeGreaterThan(0);
  });
});

/**
 * The bench's own embedded PostgreSQL: a data folder under /tmp per profile (kept between runs,
 * so the 1M/10M board is seeded once), its own port, pg_stat_statements loaded for the statement
 * counts. Durability stays at PostgreSQL's defaults (fsync, synchronous_commit and
 * full_page_writes on), as in production: every variant pays the same commit cost.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type EmbeddedDatabase,
  ensureDatabase,
  findFreePort,
  startEmbeddedPostgres,
  withDatabase,
} from '@quiz/prisma/database';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import pg from 'pg';
import { SEED_VERSION } from '../data';
import { type SeedReport, seedBench } from '../seed';

export const PG_SETTINGS: Record<string, string> = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.track': 'top',
  'pg_stat_statements.max': '5000',
  max_connections: '200',
  shared_buffers: '1GB',
  work_mem: '16MB',
  jit: 'off',
  // Explicitly the defaults (recorded in the results).
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
};

export type BenchDatabase = {
  server: EmbeddedDatabase;
  /** The bench database (migrated and seeded). */
  url: string;
  seed: (SeedReport & { reused: boolean }) | null;
  /** The postmaster's pid (for CPU accounting of PostgreSQL). */
  postmasterPid: () => number | null;
};

const DB = 'quiz_bench';

export const openBenchDatabase = async ({
  profile,
  boardEntries,
  fresh,
  log,
}: {
  profile: string;
  boardEntries: number;
  fresh: boolean;
  log: (line: string) => void;
}): Promise<BenchDatabase> => {
  const root = process.env.BENCH_PG_ROOT ?? path.join(os.tmpdir(), 'quiz-bench');
  const dataDir = path.join(root, profile, 'postgres');
  const markerFile = path.join(root, profile, 'seed.json');
  const wanted = { version: SEED_VERSION, boardEntries };
  const marker = existsSync(markerFile)
    ? (JSON.parse(readFileSync(markerFile, 'utf8')) as typeof wanted & { report: SeedReport })
    : null;
  const reusable =
    !fresh && marker?.version === wanted.version && marker.boardEntries === wanted.boardEntries;
  if (!reusable && existsSync(dataDir)) {
    log(`Removing the old bench database in ${dataDir}`);
    rmSync(path.join(root, profile), { recursive: true, force: true });
  }
  const port = Number(process.env.BENCH_PG_PORT ?? (await findFreePort()));
  const server = await startEmbeddedPostgres({
    dataDir,
    port,
    settings: PG_SETTINGS,
    portEnvVar: 'BENCH_PG_PORT',
    log,
  });
  const url = withDatabase(server.url, DB);
  let seed: BenchDatabase['seed'] = null;
  if (reusable && marker) {
    seed = { ...marker.report, reused: true };
    log(`Reusing the seeded bench database (${boardEntries.toLocaleString('en')} board entries)`);
  } else {
    await ensureDatabase(server.url, DB);
    await applyMigrations(url);
    log(`Seeding (${boardEntries.toLocaleString('en')} board entries)…`);
    const report = await seedBench(url, boardEntries, log);
    writeFileSync(markerFile, JSON.stringify({ ...wanted, report }));
    seed = { ...report, reused: false };
    log(`Seeded in ${report.seconds.toFixed(1)} s`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await client.end();
  return {
    server,
    url,
    seed,
    postmasterPid: () => {
      try {
        const text = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
        return Number.parseInt(text.split('\n')[0] ?? '', 10) || null;
      } catch {
        return null;
      }
    },
  };
};

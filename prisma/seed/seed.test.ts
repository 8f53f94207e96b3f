import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../src/database/test-database';

// `pnpm db:seed` (knowledge-base part) as a user runs it, against a fresh database.
const PRISMA_DIR = path.resolve(__dirname, '..');
const TSX = path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx');
const kbFile = (name: string) => path.join(PRISMA_DIR, 'seed', 'data', 'kb', name);
const count = (name: string) =>
  (JSON.parse(readFileSync(kbFile(name), 'utf8')) as unknown[]).length;

const seed = (url: string, dataDir?: string) =>
  spawnSync(TSX, [path.join(PRISMA_DIR, 'seed', 'index.ts')], {
    env: { ...process.env, DATABASE_URL: url, ...(dataDir ? { KB_DATA_DIR: dataDir } : {}) },
    encoding: 'utf8',
  });

describe('the knowledge-base seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const counts = async () => ({
    events: await database.db.event.count(),
    actors: await database.db.actor.count(),
    relations: await database.db.relation.count(),
    quotes: await database.db.quote.count(),
    figures: await database.db.figure.count(),
    citations: await database.db.citation.count(),
    understanding: await database.db.knowledgeRecord.count(),
  });

  it('loads the whole knowledge base, and a second run changes nothing', async () => {
    const first = seed(database.url);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const expected = {
      events: count('events.json'),
      actors: count('actors.json'),
      relations: count('relations.json'),
      quotes: count('quotes.json'),
      figures: count('figures.json'),
      citations: count('citations.json'),
      understanding:
        count('explanations.json') +
        count('stances.json') +
        count('series.json') +
        count('sourceErrors.json'),
    };
    expect(await counts()).toEqual(expected);
    // The understanding layer is stored whole, record for record.
    const firstStance = (
      JSON.parse(readFileSync(kbFile('stances.json'), 'utf8')) as Array<{ id: string }>
    )[0];
    const row = await database.db.knowledgeRecord.findUnique({
      where: { collection_id: { collection: 'stances', id: firstStance?.id ?? '' } },
    });
    expect(row?.data).toEqual(firstStance);
    const snapshot = await database.db.event.findMany({ orderBy: { slug: 'asc' } });

    expect(seed(database.url).status).toBe(0);
    expect(await counts()).toEqual(expected);
    expect(await database.db.event.findMany({ orderBy: { slug: 'asc' } })).toEqual(snapshot);
    // Two full seed processes (tsx start-up, validation, load): past 30 s on a loaded machine.
  }, 90_000);

  it('exits non-zero on a broken file and leaves the loaded knowledge base as it was', async () => {
    const before = await counts();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    try {
      cpSync(path.dirname(kbFile('events.json')), dir, { recursive: true });
      const events = JSON.parse(readFileSync(path.join(dir, 'events.json'), 'utf8'));
      events[0].era = 'no-such-era';
      writeFileSync(path.join(dir, 'events.json'), JSON.stringify(events));
      const result = seed(database.url, dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('no-such-era');
      expect(await counts()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Reads the nine KB JSON files and parses them with the zod schema. This is the only file in the
 * generator folder that does I/O; the generator itself never imports it (tests and the bench do).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase } from '@quiz/prisma/knowledge';

export const KB_FILES = [
  'sources',
  'citations',
  'eras',
  'themes',
  'actors',
  'events',
  'relations',
  'quotes',
  'figures',
] as const;

/** prisma/seed/data/kb, found from this file's location in the workspace. */
export const KB_DIR = join(__dirname, '..', '..', '..', '..', '..', 'prisma', 'seed', 'data', 'kb');

export const missingKbFiles = (dir = KB_DIR): string[] =>
  KB_FILES.filter((f) => !existsSync(join(dir, `${f}.json`)));

/** Loads and validates the KB; throws with the missing file names when any is absent. */
export const loadKbFiles = (dir = KB_DIR): KnowledgeBase => {
  const missing = missingKbFiles(dir);
  if (missing.length > 0) {
    throw new Error(`KB files missing in ${dir}: ${missing.map((f) => `${f}.json`).join(', ')}`);
  }
  const raw = Object.fromEntries(
    KB_FILES.map((f) => [f, JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')) as unknown]),
  );
  return KnowledgeBase.parse(raw);
};

import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBase } from './schema';

/** The knowledge base's JSON files as committed in this package (the seed may be pointed elsewhere). */
export const KB_DATA_DIR = path.join(__dirname, '..', 'data', 'kb');

type CollectionKey = keyof typeof KnowledgeBase.shape;

const FILES: readonly CollectionKey[] = [
  'sources',
  'citations',
  'eras',
  'themes',
  'actors',
  'events',
  'relations',
  'quotes',
  'figures',
  'explanations',
  'stances',
  'series',
  'sourceErrors',
];

/** Reads the thirteen JSON files of `dataDir` and parses them with the `KnowledgeBase` schema. */
export const loadKnowledgeBase = (dataDir: string): KnowledgeBase => {
  const raw: Record<string, unknown> = {};
  for (const key of FILES) {
    const file = path.join(dataDir, `${key}.json`);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${key}.json: cannot read or parse JSON (${file}): ${reason}`);
    }
    const parsed = KnowledgeBase.shape[key].safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? [key, ...issue.path.map(String)].join('.') : key;
      throw new Error(`${key}.json: invalid at ${where}: ${issue?.message ?? 'unknown issue'}`);
    }
    raw[key] = parsed.data;
  }
  const kb = KnowledgeBase.safeParse(raw);
  if (!kb.success) {
    const issue = kb.error.issues[0];
    const [file = 'knowledge base'] = (issue?.path ?? []).map(String);
    throw new Error(
      `${file}.json: invalid at ${(issue?.path ?? []).join('.')}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return kb.data;
};

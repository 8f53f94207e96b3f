import { existsSync } from 'node:fs';
import { runCli } from '../src/cli';
import { createPrismaClient } from '../src/client';
import { openDatabase } from '../src/database';
import { getDatabaseEnv } from '../src/env';
import { loadKnowledgeBase } from './kb/load';
import { validateKnowledgeBase } from './kb/validate';
import { seedKnowledgeBase } from './knowledge';

// `pnpm db:seed` (knowledge-base part): validates the files against the source documents, then
// replaces the knowledge base in one transaction. The API's seed adds the question bank and the
// demo data on top. Exits non-zero on the first error; running it twice changes nothing.

runCli(async () => {
  // KB_DATA_DIR reads the files from elsewhere (the tests seed a deliberately broken copy).
  const { KB_DATA_DIR, SEEDS_DIR } = getDatabaseEnv();
  const kb = loadKnowledgeBase(KB_DATA_DIR);
  // The source documents prove the citations verbatim; the tests require them, a deployment may
  // not ship them.
  const hasSources = existsSync(SEEDS_DIR);
  if (!hasSources) {
    console.log(
      `Source documents not found at ${SEEDS_DIR} (SEEDS_DIR): checking the knowledge base without the verbatim-quote check.`,
    );
  }
  const problems = validateKnowledgeBase(kb, hasSources ? SEEDS_DIR : null);
  if (problems.length > 0) {
    throw new Error(
      `The knowledge base has ${problems.length} problem(s):\n${problems.join('\n')}`,
    );
  }
  const database = await openDatabase();
  const db = createPrismaClient({ url: database.url });
  try {
    await db.$transaction((tx) => seedKnowledgeBase(tx, kb), { timeout: 60_000 });
    console.log(
      `Knowledge base: ${kb.events.length} events, ${kb.actors.length} actors, ${kb.relations.length} relations, ${kb.quotes.length} quotes, ${kb.figures.length} figures, ${kb.citations.length} citations.`,
    );
  } finally {
    await db.$disconnect();
    await database.close();
  }
});

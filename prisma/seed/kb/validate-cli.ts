import fs from 'node:fs';
import { getDatabaseEnv } from '../../src/env';
import { KB_DATA_DIR, loadKnowledgeBase } from './load';
import { coverageReport, validateKnowledgeBase } from './validate';

/**
 * Checks the knowledge-base files against the source documents and prints a coverage report.
 * Usage (from `prisma/`): `tsx seed/kb/validate-cli.ts`. The documents are read from `SEEDS_DIR`,
 * by default `../shared/seeds` next to the repository. Exits 1 on any problem.
 */
const main = (): number => {
  const { SEEDS_DIR: seedsDir } = getDatabaseEnv();
  if (!fs.existsSync(seedsDir) || !fs.statSync(seedsDir).isDirectory()) {
    console.error(
      `Error: the source documents folder ${seedsDir} does not exist. Set SEEDS_DIR to the folder holding 000_…txt to 004_…txt.`,
    );
    return 1;
  }
  const kb = loadKnowledgeBase(KB_DATA_DIR);
  const problems = validateKnowledgeBase(kb, seedsDir);
  console.log(coverageReport(kb));
  console.log('');
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s) in ${KB_DATA_DIR}:`);
    for (const problem of problems) {
      console.error(`  - ${problem}`);
    }
    return 1;
  }
  console.log(`The knowledge base in ${KB_DATA_DIR} is valid against ${seedsDir}.`);
  return 0;
};

try {
  process.exitCode = main();
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

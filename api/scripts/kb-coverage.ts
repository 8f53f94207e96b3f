/**
 * Writes docs/kb-coverage.md: the relations, figures and quotes the bank does not ask, and why.
 *
 *   npx tsx scripts/kb-coverage.ts [--seed 1] [--out ../docs/kb-coverage.md]
 */
import { writeFileSync } from 'node:fs';
import { kbCoverage } from '../src/modules/questions/generator/coverage';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const { markdown } = kbCoverage(loadKbFiles(), Number(arg('--seed') ?? 1));
const out = arg('--out');
if (out) {
  writeFileSync(out, markdown);
  console.log(`wrote ${out}`);
} else {
  console.log(markdown);
}

/**
 * Writes `templates/outlet-words.json`: the words of each outlet's text in the five source documents,
 * so the generator (which reads no files) can tell which outlets are silent on a claim. Run after
 * the KB's citations or the documents change; `source-sound.test.ts` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import {
  outletTexts,
  outletWords,
} from '../src/modules/questions/generator/templates/source-templates';

// The documents' folder: the first argument, else the shared seeds beside the repository.
const SEEDS_DIR = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const words = outletWords(
  outletTexts(loadKbFiles(), (file) => readFileSync(path.join(SEEDS_DIR, file), 'utf8')),
);
const out = path.resolve(
  __dirname,
  '../src/modules/questions/generator/templates/outlet-words.json',
);
writeFileSync(out, `${JSON.stringify(words, null, 2)}\n`);
console.log(out, Object.keys(words).length, 'outlets');

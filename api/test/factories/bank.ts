import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { buildBank } from '../../src/modules/questions/generator';
import type {
  BuildBankOptions,
  BuildBankResult,
} from '../../src/modules/questions/generator/types';

/**
 * buildBank, shared across the test files of one jest run. A bank of the real KB costs 2–4 s of
 * CPU and about twenty files build the same one (seed 1 mostly); jest gives every file its own
 * module registry, so the first file to build a bank leaves it, as JSON, in the run's folder
 * (QUIZ_TEST_CACHE_DIR, made and removed by the prisma package's jest globalSetup/Teardown) and the
 * others read it back. The key is the KB's content and the seed; the code cannot change within a
 * run. A bank is written only if JSON gives back exactly what buildBank returned (no undefined
 * field, no class), so a file reads the same objects it would have built. Without the folder (a
 * config with no globalSetup, like Stryker's, where the mutated code must build every bank) it is
 * plain buildBank. Tests of buildBank itself (determinism, seeds) call buildBank directly.
 */
export const sharedBank = (options: BuildBankOptions): BuildBankResult => {
  const dir = process.env.QUIZ_TEST_CACHE_DIR;
  if (!dir || !existsSync(dir)) {
    return buildBank(options);
  }
  const key = createHash('sha256')
    .update(JSON.stringify(options.kb))
    .update(`\0${options.seed}`)
    .digest('hex');
  const file = path.join(dir, `bank-${key}.json`);
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildBankResult;
  }
  const bank = buildBank(options);
  const json = JSON.stringify(bank);
  if (isDeepStrictEqual(JSON.parse(json), bank)) {
    // Written whole or not at all: another worker may read it at any moment.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, file);
  }
  return bank;
};

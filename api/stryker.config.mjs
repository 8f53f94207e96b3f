// Mutation testing (`pnpm test:mutation`, not part of `npm test`): does a test fail when the code
// is wrong? Scope a run to one module, as the machines have 2 cores:
//   pnpm test:mutation --mutate src/modules/analytics/statistics.ts
import { fileURLToPath } from 'node:url';

// pnpm keeps plugins out of the core's reach: name the runner by its resolved (ESM) entry.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  testRunner: 'jest',
  plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/jest-runner'))],
  jest: {
    projectType: 'custom',
    configFile: 'jest.mutation.config.js',
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/modules/questions/gate/item-checks.ts',
    'src/modules/questions/scoring.ts',
    'src/modules/analytics/statistics.ts',
    'src/modules/analytics/elo.ts',
    'src/modules/analytics/findings.ts',
    'src/modules/leaderboard/ranking.ts',
  ],
  ignorePatterns: ['bench', 'test/faults', 'test/hostile', 'reports', 'dist', 'coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // The machines are shared: a generous timeout keeps a slow run from counting as a kill.
  timeoutMS: 60_000,
  concurrency: 1,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

// Stryker on the gate's audit checks (S1–S11) alone: `npx stryker run stryker.audit.config.mjs`.
// Only their case files run per mutant (jest.mutation.audit.config.js, ~4 s each), and coverage is
// `all`: the checks cache KB-wide tables per index, so per-test coverage credits the cached tables
// to whichever test filled the cache first and never runs the S3/S9/S10 cases against those mutants.
import base from './stryker.config.mjs';

export default {
  ...base,
  jest: { ...base.jest, configFile: 'jest.mutation.audit.config.js' },
  coverageAnalysis: 'all',
  mutate: ['src/modules/questions/gate/item-checks.ts:751-1074'],
  timeoutMS: 20_000,
  concurrency: 1,
  jsonReporter: { fileName: 'reports/mutation/audit-checks.json' },
  htmlReporter: { fileName: 'reports/mutation/audit-checks.html' },
};

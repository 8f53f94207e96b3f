// Jest for `pnpm test:mutation`: the pure tests of the mutated modules only, with no PostgreSQL
// global setup (Stryker runs jest once per mutant; a database start each time would dominate).
const {
  globalSetup: _setup,
  globalTeardown: _teardown,
  ...preset
} = require('@quiz/prisma/jest-preset');

module.exports = {
  ...preset,
  roots: ['<rootDir>/src'],
  testMatch: [
    '<rootDir>/src/modules/analytics/statistics.test.ts',
    '<rootDir>/src/modules/analytics/findings.test.ts',
    '<rootDir>/src/modules/analytics/elo.test.ts',
    '<rootDir>/src/modules/questions/scoring*.test.ts',
    '<rootDir>/src/modules/questions/short-answer.test.ts',
    '<rootDir>/src/modules/leaderboard/ranking*.test.ts',
    // The gate's option checks, by unit cases; gate.mutation.test.ts builds the real bank (a
    // minute per run on these machines) and stays in `npm test`.
    '<rootDir>/src/modules/questions/gate/option-checks.test.ts',
    // The audit's item checks (S1–S11), by cases built from drafts (no bank at load).
    '<rootDir>/src/modules/questions/gate/audit-checks.test.ts',
    '<rootDir>/src/modules/questions/gate/audit-checks-edges.test.ts',
    '<rootDir>/src/modules/questions/gate/audit-checks-alternatives.test.ts',
  ],
};

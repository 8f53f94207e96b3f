// The fault tests (pnpm test:faults): real processes, real HTTP, an embedded PostgreSQL per test
// file, kills and restarts. One file at a time (they start processes and load the CPUs); not part
// of `pnpm test`.
module.exports = {
  ...require('@quiz/prisma/jest-preset'),
  globalSetup: undefined,
  globalTeardown: undefined,
  roots: ['<rootDir>/test/faults'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120_000,
  maxWorkers: 1,
};

// Shared jest settings for every package: TypeScript through SWC (to CommonJS), node environment,
// and the real-PostgreSQL global setup from this package.
const path = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  globalSetup: path.join(__dirname, 'test', 'global-setup.ts'),
  globalTeardown: path.join(__dirname, 'test', 'global-teardown.ts'),
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/e2e/'],
  testTimeout: 30_000,
};

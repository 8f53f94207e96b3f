// Pure functions: TypeScript through SWC, no database.
module.exports = {
  transform: { '^.+\\.ts$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
};

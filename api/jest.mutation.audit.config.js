// Jest for `npx stryker run stryker.audit.config.mjs`: the gate's audit checks (S1–S11) by their
// pure case files only, so each mutant costs one ~4 s run instead of the whole mutation config.
const base = require('./jest.mutation.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/modules/questions/gate/audit-checks*.test.ts'],
};

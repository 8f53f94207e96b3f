module.exports = {
  ...require('@quiz/prisma/jest-preset'),
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '/test/faults/'],
};

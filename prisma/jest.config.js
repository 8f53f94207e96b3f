module.exports = {
  ...require('./jest.preset'),
  roots: ['<rootDir>/src', '<rootDir>/seed', '<rootDir>/test'],
};

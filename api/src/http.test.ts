import { isUnavailable } from './http';

const unavailable = {
  message: 'The service is briefly unavailable',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
};

describe('isUnavailable (answered 503 with Retry-After)', () => {
  it.each([
    ['no data', { errors: [unavailable] }, true],
    ['data: null', { data: null, errors: [unavailable] }, true],
    ['a nullable root field that failed', { data: { attempt: null }, errors: [unavailable] }, true],
    [
      'some root field answered',
      { data: { me: { id: '1' }, attempt: null }, errors: [unavailable] },
      false,
    ],
    [
      'another error beside it',
      { errors: [unavailable, { message: 'x', extensions: { code: 'NOT_FOUND' } }] },
      false,
    ],
    ['a success', { data: { attempt: { id: '1' } } }, false],
  ])('%s', (_name, body, expected) => {
    expect(isUnavailable(JSON.stringify(body))).toBe(expected);
  });

  it('is false for a body that is not JSON', () => {
    expect(isUnavailable('"SERVICE_UNAVAILABLE" <html>')).toBe(false);
  });
});

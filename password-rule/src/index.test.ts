import { checkPassword, PASSWORD_MAX, PASSWORD_MIN, PASSWORD_MIN_SCORE } from './index';

describe('checkPassword', () => {
  it.each([
    ['abcdabcdab', 'WEAK_PASSWORD'],
    ['1234567890', 'WEAK_PASSWORD'],
    ['qwertyuiop', 'WEAK_PASSWORD'],
    ['password123', 'WEAK_PASSWORD'],
    ['aaaaaaaaaaaa', 'WEAK_PASSWORD'],
    ['zxcvbnmasd', 'WEAK_PASSWORD'],
    ['Password2024!', 'WEAK_PASSWORD'],
    ['short', 'TOO_SHORT'],
    ['123456789', 'TOO_SHORT'],
    ['x'.repeat(PASSWORD_MAX + 1), 'TOO_LONG'],
  ])('refuses %j (%s) and names the rule', (password, code) => {
    const check = checkPassword(password);
    expect(check).toMatchObject({ ok: false, code });
    expect(check.message).toMatch(/at least|at most|easy to guess/);
  });

  it.each([
    'correct horse battery staple',
    'a long enough passphrase',
    'iran syria quiz 1946',
    'xk7#mQ2!vL',
  ])('accepts %j', (password) => {
    const check = checkPassword(password);
    expect(check.ok).toBe(true);
    expect(check.score).toBeGreaterThanOrEqual(PASSWORD_MIN_SCORE);
  });

  it('counts characters, not UTF-16 units, for the minimum', () => {
    // Nine emoji are 18 UTF-16 units but 9 characters.
    expect(checkPassword('🙂'.repeat(PASSWORD_MIN - 1)).code).toBe('TOO_SHORT');
  });

  it("refuses a password made of the account's own email and name", () => {
    const inputs = ['leila.farahani@school.example', 'Leila Farahani'];
    expect(checkPassword('leilafarahani', inputs).ok).toBe(false);
    expect(checkPassword('leilafarahani').ok).toBe(true);
  });
});

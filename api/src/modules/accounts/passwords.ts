import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's first row (m = 19 MiB, t = 2, p = 1); @node-rs/argon2 defaults to
 * argon2id, and the test checks the stored PHC string.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
/** Long passphrases are welcome; the cap only bounds hashing work. Nothing is truncated. */
export const PASSWORD_MAX = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2);

/** A hash of a random password, computed once, to verify against when the email is unknown. */
let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown email, guest) it still runs one argon2
 * verification so the response time does not tell whether the account exists.
 */
export const verifyPassword = async (
  stored: string | null | undefined,
  password: string,
): Promise<boolean> => {
  if (!stored) {
    dummyHash ??= hashPassword(`dummy-${Math.random()}-password`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
};

/**
 * Common passwords that pass the length rule (from public top-password lists). Not exhaustive: a
 * cheap guard against the first guesses of a credential-stuffing list.
 */
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '123456789a',
  '0123456789',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'abcdefghij',
  'abc1234567',
  'asdfghjkl1',
  'letmein123',
  'welcome123',
  'football12',
  'baseball12',
  'princess12',
  'sunshine12',
  'superman12',
  'dragon1234',
  'monkey1234',
  'trustno1234',
  'changeme123',
  'administrator',
  'starwars12',
  'zaq12wsxcde',
]);

/** Why a password is refused, or null when it is acceptable. */
export const passwordProblem = (password: string, email: string): string | null => {
  if (password.length < PASSWORD_MIN) {
    return `Use at least ${PASSWORD_MIN} characters`;
  }
  if (password.length > PASSWORD_MAX) {
    return `Use at most ${PASSWORD_MAX} characters`;
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) {
    return 'This password is too common';
  }
  if (new Set(lower).size < 4) {
    return 'Use a less repetitive password';
  }
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) {
    return 'Do not use your email address in the password';
  }
  return null;
};

import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's first row (m = 19 MiB, t = 2, p = 1); @node-rs/argon2 defaults to
 * argon2id, and the test checks the stored PHC string.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The password rule itself (length and strength) is @quiz/password-rule, shared with the page.

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
    dummyHash ??= hashPassword(`dummy-${randomUUID()}-password`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
};

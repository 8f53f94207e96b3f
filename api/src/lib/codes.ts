import { randomInt } from 'node:crypto';

/**
 * Letters and digits people read and type without confusion: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
 * Codes are stored upper-case and looked up case-insensitively.
 */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** A random code from a CSPRNG (share codes, class join codes). */
export const randomCode = (length: number): string => {
  let code = '';
  for (let i = 0; i < length; i += 1) {
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
};

/** The canonical form of a typed code, or null when it cannot be one of ours. */
export const normalizeCode = (input: string): string | null => {
  const code = input.trim().toUpperCase().replace(/[\s-]/g, '');
  if (code.length < 6 || code.length > 8) {
    return null;
  }
  for (const char of code) {
    if (!CODE_ALPHABET.includes(char)) {
      return null;
    }
  }
  return code;
};

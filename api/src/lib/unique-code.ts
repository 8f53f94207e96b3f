import { randomCode } from './codes';

const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'P2002';

/**
 * Writes a row with a fresh random code, retrying on the (rare) collision the unique index
 * reports; the index, not a prior SELECT, is what guarantees uniqueness across processes.
 */
export const withUniqueCode = async <T>(
  write: (code: string) => Promise<T>,
  length = 6,
  attempts = 6,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write(randomCode(length));
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) {
        throw error;
      }
    }
  }
};

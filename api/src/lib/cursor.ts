import { z } from 'zod';
import { AppError } from '../errors';

/** Opaque keyset cursors: base64url JSON, validated on the way back in. */
export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export const decodeCursor = <T>(cursor: string, schema: z.ZodType<T>): T => {
  try {
    if (cursor.length > 500) {
      throw new Error('too long');
    }
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('BAD_USER_INPUT', 'The cursor is not valid', { field: 'after' });
  }
};

/** Page sizes are clamped so one request cannot ask for the whole table. */
export const pageSize = (first: number | null | undefined, fallback = 20, max = 100): number => {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new AppError('BAD_USER_INPUT', `first must be between 1 and ${max}`, { field: 'first' });
  }
  return size;
};

export const isoDate = z.iso.datetime().transform((value) => new Date(value));

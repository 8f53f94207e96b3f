import { z } from 'zod';
import { AppError } from '../errors';
import { textProblem } from '../limits/text';

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

/*
 * A cursor is base64url JSON that any client can write, and its values reach SQL as they are:
 * the variables' NUL and lone-surrogate check (limits/text.ts) never sees inside it. So its
 * schemas admit only what PostgreSQL takes (probe round 11: each of these was a 500 with a stack).
 */

/** Text PostgreSQL stores: no NUL, no lone surrogate. */
export const cursorText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => textProblem(value) === null);

/** ISO 8601 has a year 0000; PostgreSQL's calendar has none ("date/time field value out of range"). */
const hasYear = (value: string) => !value.startsWith('0000');
export const cursorDay = z.iso.date().refine(hasYear);
export const cursorInstant = z.iso.datetime().refine(hasYear);

/** A number a `::real` cast takes: not past float4's range, and not a non-zero that underflows to 0. */
export const cursorReal = z
  .number()
  .refine(
    (value) => value === 0 || (Number.isFinite(Math.fround(value)) && Math.fround(value) !== 0),
  );

export const isoDate = z.iso.datetime().transform((value) => new Date(value));

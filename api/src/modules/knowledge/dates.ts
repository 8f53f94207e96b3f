import { type DateValue, dateRange } from '@quiz/prisma/knowledge';
import { AppError } from '../../errors';

/**
 * A date typed by a client ("1980", "2011-06", "2011-06-15") as the days it can mean. Throws
 * BAD_USER_INPUT naming the argument when it is not one of those forms or not a real day.
 */
export const parseDateArg = (value: string, field: string): { from: Date; until: Date } => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) {
    throw new AppError('BAD_USER_INPUT', `${field} must be YYYY, YYYY-MM or YYYY-MM-DD`, {
      field,
    });
  }
  const [, y, m, d] = match;
  const month = m ? Number(m) : undefined;
  const day = d ? Number(d) : undefined;
  const probe = new Date(Date.UTC(Number(y), (month ?? 1) - 1, day ?? 1));
  if (
    (month !== undefined && (month < 1 || month > 12)) ||
    (day !== undefined && probe.getUTCDate() !== day)
  ) {
    throw new AppError('BAD_USER_INPUT', `${field} is not a calendar date`, { field });
  }
  const date: DateValue = {
    value: value.trim(),
    precision: day ? 'DAY' : month ? 'MONTH' : 'YEAR',
  };
  return dateRange(date);
};

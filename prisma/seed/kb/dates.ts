import type { DateValue } from './schema';

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const utc = (year: number, month = 1, day = 1) => new Date(Date.UTC(year, month - 1, day));
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0));

/** The first and last calendar day a date can mean at its precision (UTC midnight). */
export const dateRange = (date: DateValue): { from: Date; until: Date } => {
  const [y, m, d] = date.value.split('-').map(Number) as [number, number?, number?];
  switch (date.precision) {
    case 'DAY':
      return { from: utc(y, m, d), until: utc(y, m, d) };
    case 'MONTH':
      return { from: utc(y, m), until: lastDayOfMonth(y, m ?? 1) };
    case 'SEASON': {
      // A season is three months from its first month ("2022-03" = March–May 2022).
      const start = m ?? 1;
      const endMonth = start + 2;
      const endYear = y + Math.floor((endMonth - 1) / 12);
      return { from: utc(y, start), until: lastDayOfMonth(endYear, ((endMonth - 1) % 12) + 1) };
    }
    case 'YEAR':
      return { from: utc(y), until: utc(y, 12, 31) };
    case 'DECADE':
      return { from: utc(y), until: utc(y + 9, 12, 31) };
  }
};

/** The year a date falls in (the first year of a decade). */
export const yearOf = (date: DateValue): number => Number(date.value.slice(0, 4));

/** "12 November 1946", "June 2011", "spring 2022" (its label), "1953", "the 1980s". */
export const formatDate = (date: DateValue): string => {
  if (date.label) {
    return date.label;
  }
  const [y, m, d] = date.value.split('-').map(Number) as [number, number?, number?];
  switch (date.precision) {
    case 'DAY':
      return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
    case 'MONTH':
      return `${MONTHS[(m ?? 1) - 1]} ${y}`;
    case 'SEASON':
      // Never the first month: "spring 2022" is not "March 2022".
      return `${['winter', 'spring', 'summer', 'autumn'][Math.floor(((m ?? 1) % 12) / 3)]} ${y}`;
    case 'YEAR':
      return String(y);
    case 'DECADE':
      return `the ${y}s`;
  }
};

/**
 * The days a stance may have held, as [from, until] (null = open): its own dates, else the span of
 * its eras. A BEFORE end closes the window the day before that date; an open end stays open (the
 * record does not say the stance ended). Used to decide whether two stances share a window.
 */
export const stanceWindow = (
  stance: { from?: DateValue; to?: DateValue; eras: readonly string[] },
  eras: ReadonlyArray<{ slug: string; start: DateValue; end?: DateValue }>,
): { from: Date | null; until: Date | null } => {
  const own = eras.filter((e) => stance.eras.includes(e.slug));
  const eraFrom =
    own.length > 0 ? Math.min(...own.map((e) => dateRange(e.start).from.getTime())) : null;
  const eraUntil =
    own.length > 0 && own.every((e) => e.end)
      ? Math.max(...own.map((e) => dateRange(e.end as DateValue).until.getTime()))
      : null;
  const from = stance.from
    ? dateRange(stance.from).from
    : eraFrom === null
      ? null
      : new Date(eraFrom);
  const until = stance.to
    ? stance.to.certainty === 'BEFORE'
      ? new Date(dateRange(stance.to).from.getTime() - 86_400_000)
      : dateRange(stance.to).until
    : stance.from
      ? null
      : eraUntil === null
        ? null
        : new Date(eraUntil);
  return { from, until };
};

/** Whether two windows share at least one day (an open side reaches forever). */
export const windowsOverlap = (
  a: { from: Date | null; until: Date | null },
  b: { from: Date | null; until: Date | null },
): boolean =>
  (a.until === null || b.from === null || b.from <= a.until) &&
  (b.until === null || a.from === null || a.from <= b.until);

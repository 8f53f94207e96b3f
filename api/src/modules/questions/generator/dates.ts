/**
 * Dates as honest intervals. A KB date at YEAR precision is the whole year, a SEASON three months,
 * and so on; every comparison (ordering, "in 1984", distractor years) works on these intervals so a
 * question never claims more precision than the source gives.
 */
import { type DateValue, dateRange, formatDate } from '@quiz/prisma/knowledge';

const SEASONS = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
] as const;

/**
 * A date in words at exactly its stored precision: "12 November 1946", "June 2011", "spring 2022"
 * (a SEASON is never printed as its first month), "1953", "the 1980s". KB labels are not used: they
 * may carry editorial notes, and the gate parses these phrases back.
 */
export const dateWords = (date: DateValue): string => {
  if (date.precision === 'SEASON') {
    const [y, m] = date.value.split('-').map(Number) as [number, number?];
    return `${SEASONS[(m ?? 1) - 1]} ${y}`;
  }
  return formatDate({ ...date, label: undefined });
};

/** Only an EXACT date (absent certainty) may be stated to a student; others are inferred or bounds. */
export const isStatable = (date: DateValue | undefined): date is DateValue =>
  date !== undefined && (date.certainty === undefined || date.certainty === 'EXACT');

/** The date a student may read, without its label, or undefined when the sources do not state it. */
export const statedDate = (date: DateValue | undefined): DateValue | undefined =>
  isStatable(date) ? { ...date, label: undefined } : undefined;

/** Inclusive day numbers since 1970-01-01 (UTC). */
export type Interval = { lo: number; hi: number };

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/** The days a date can mean at its precision, as day numbers (cheap to compare). */
export const toInterval = (date: DateValue): Interval => {
  const { from, until } = dateRange(date);
  return { lo: from.getTime() / DAY_MS, hi: until.getTime() / DAY_MS };
};

export const yearInterval = (year: number): Interval => ({
  lo: dayNumber(year, 1, 1),
  hi: dayNumber(year + 1, 1, 1) - 1,
});

export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/** The calendar year a date falls in, or null when its interval crosses a year boundary. */
export const singleYear = (date: DateValue): number | null => {
  const iv = toInterval(date);
  const lo = yearOfDay(iv.lo);
  return lo === yearOfDay(iv.hi) ? lo : null;
};

export const contains = (outer: Interval, inner: Interval): boolean =>
  outer.lo <= inner.lo && inner.hi <= outer.hi;

export const overlaps = (a: Interval, b: Interval): boolean => a.lo <= b.hi && b.lo <= a.hi;

/** Span of a start/end pair; an absent end means the start alone. */
export const span = (start: DateValue, end?: DateValue): Interval => {
  const s = toInterval(start);
  return end ? { lo: s.lo, hi: toInterval(end).hi } : s;
};

/** "1980–88", "1999–2000", "2011": the house style for year ranges (en dash). */
export const formatYearRange = (from: number, to: number): string => {
  if (from === to) {
    return String(from);
  }
  const sameCentury = Math.floor(from / 100) === Math.floor(to / 100);
  return `${from}–${sameCentury ? String(to).slice(2) : String(to)}`;
};

/** The preposition a date takes in running text: "on 6 September 1984", "in 1984". */
export const datePhrase = (date: DateValue): string =>
  `${date.precision === 'DAY' ? 'on' : 'in'} ${dateWords(date)}`;

/** " on 6 September 1984" (leading space) for an EXACT date, '' for any other: never state an inferred date. */
export const statedPhrase = (date: DateValue | undefined): string => {
  const d = statedDate(date);
  return d ? ` ${datePhrase(d)}` : '';
};

/** Minimum gap between two events for an ordering item to be fair (qgen D1). */
export const minGapDays = (a: DateValue, b: DateValue): number =>
  a.precision === 'DAY' && b.precision === 'DAY' ? 31 : 366;

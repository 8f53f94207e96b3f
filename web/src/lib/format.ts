// Number and date formatting for the pages. `n.toLocaleString('en')` and
// `date.toLocaleString(locale, options)` build a new Intl formatter on every call (locale
// negotiation and ICU setup), and the result, history and leaderboard pages call them per row on
// every render, hydration included, where it counts as blocking time (docs/benchmarks.md).
// Whole numbers — every score, rank and count — are grouped by hand; anything else goes through
// one formatter per kind, made on first use. Output is the same as the calls it replaces.

let numbers: Intl.NumberFormat | undefined;
let dateTimes: Intl.DateTimeFormat | undefined;
let dayMonths: Intl.DateTimeFormat | undefined;

/** "1,234,567", as `n.toLocaleString('en')` (en-GB and en-US group alike). */
export const formatNumber = (n: number): string => {
  if (!Number.isSafeInteger(n)) {
    numbers ??= new Intl.NumberFormat('en');
    return numbers.format(n);
  }
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let at = out.length; at < digits.length; at += 3) {
    out += `,${digits.slice(at, at + 3)}`;
  }
  return n < 0 ? `-${out}` : out;
};

/** "6 Dec 2026, 18:40", as `toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })`. */
export const formatDateTime = (value: string | number | Date): string => {
  dateTimes ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimes.format(new Date(value));
};

/** "6 Dec" in the reader's locale, as `toLocaleDateString(undefined, { day, month: 'short' })`. */
export const formatDayMonth = (value: string | number | Date): string => {
  dayMonths ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
  return dayMonths.format(new Date(value));
};

/** "1 player", "2 players", "1,200 players": a count with its noun in the right number. */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${formatNumber(count)} ${count === 1 ? one : many}`;

/** The noun alone, for layouts that print the number apart ("1" over "player"). */
export const nounFor = (count: number, one: string, many = `${one}s`): string =>
  count === 1 ? one : many;

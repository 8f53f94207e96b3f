import { formatDateTime, formatDayMonth, formatNumber, nounFor, plural } from './format';

describe('formatNumber', () => {
  it('groups whole numbers as toLocaleString("en") does', () => {
    for (const n of [
      0,
      1,
      12,
      123,
      999,
      1000,
      1234,
      12345,
      123456,
      999999,
      1000000,
      1234567,
      10000000,
      Number.MAX_SAFE_INTEGER,
      -1,
      -999,
      -1000,
      -1234567,
    ]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('formats fractions as toLocaleString("en") does', () => {
    for (const n of [0.5, 12.25, 1234.5678, -9876.54321, 2 ** 60]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('en'));
    }
  });
});

describe('dates', () => {
  const iso = '2026-12-06T18:40:00.000Z';

  it('formats date and time as toLocaleString("en-GB", medium/short)', () => {
    expect(formatDateTime(iso)).toBe(
      new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    );
  });

  it('formats day and month as toLocaleDateString(undefined, …)', () => {
    expect(formatDayMonth(iso)).toBe(
      new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }),
    );
  });
});

describe('plural', () => {
  it('puts the noun in the number of its count', () => {
    expect(plural(1, 'player')).toBe('1 player');
    expect(plural(0, 'player')).toBe('0 players');
    expect(plural(1200, 'player')).toBe('1,200 players');
    expect(plural(2, 'quiz', 'quizzes')).toBe('2 quizzes');
    expect(nounFor(1, 'finished attempt')).toBe('finished attempt');
    expect(nounFor(3, 'finished attempt')).toBe('finished attempts');
  });
});

import fc from 'fast-check';
import {
  type BoardEntry,
  boardKey,
  bucketsOf,
  type CountDelta,
  compareEntries,
  mergeDeltas,
  monthStart,
  planFinishedAttempt,
  rankAmong,
  rankProbe,
  weekStart,
} from './ranking';

const d = (iso: string) => new Date(iso);

describe('windows (UTC, weeks start on Monday)', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-11-23'], // a Monday, at midnight
    ['2026-11-25T13:45:00Z', '2026-11-23'], // a Wednesday
    ['2026-11-29T23:59:59.999Z', '2026-11-23'], // the Sunday after
    ['2026-11-30T00:00:00Z', '2026-11-30'], // the next Monday
    ['2027-01-01T12:00:00Z', '2026-12-28'], // across a year
  ])('%s is in the week of %s', (at, monday) => {
    expect(weekStart(d(at)).toISOString().slice(0, 10)).toBe(monday);
  });

  it('months and board keys', () => {
    expect(monthStart(d('2026-02-28T23:00:00Z')).toISOString()).toBe('2026-02-01T00:00:00.000Z');
    const at = d('2026-11-25T10:00:00Z');
    expect(boardKey('s1', 'ALL_TIME', at)).toBe('s:s1:a');
    expect(boardKey('s1', 'THIS_WEEK', at)).toBe('s:s1:w:2026-11-23');
    expect(boardKey(null, 'THIS_MONTH', at)).toBe('o:m:2026-11');
  });
});

describe('order', () => {
  it('ranks by score, then earlier time, then player id', () => {
    const a = { score: 10, achievedAt: d('2026-01-01'), userId: 'b' };
    const b = { score: 10, achievedAt: d('2026-01-02'), userId: 'a' };
    const c = { score: 10, achievedAt: d('2026-01-01'), userId: 'c' };
    const e = { score: 11, achievedAt: d('2026-02-01'), userId: 'z' };
    expect([a, b, c, e].sort(compareEntries)).toEqual([e, a, c, b]);
    expect(rankAmong([a, b, c, e], b)).toBe(4);
  });
});

const entry = (over: Partial<BoardEntry>): BoardEntry => ({
  boardKey: '',
  userId: 'u1',
  score: 0,
  achievedAt: d('2026-11-02T10:00:00Z'),
  attemptId: 'x',
  attemptCount: 1,
  ...over,
});

describe('planFinishedAttempt', () => {
  const at = d('2026-11-25T10:00:00Z');
  const attempt = { attemptId: 'a2', userId: 'u1', setId: 's1', score: 3000, finishedAt: at };

  it('creates all six entries on a first attempt', () => {
    const plan = planFinishedAttempt(attempt, []);
    expect(plan.entries.map((e) => [e.boardKey, e.score, e.attemptCount])).toEqual([
      ['s:s1:a', 3000, 1],
      ['o:a', 3000, 1],
      ['s:s1:w:2026-11-23', 3000, 1],
      ['o:w:2026-11-23', 3000, 1],
      ['s:s1:m:2026-11', 3000, 1],
      ['o:m:2026-11', 3000, 1],
    ]);
    // 6 boards × 5 buckets, all +1.
    expect(plan.deltas).toHaveLength(30);
    expect(plan.deltas.every((delta) => delta.delta === 1)).toBe(true);
  });

  it('improves only on a strictly higher score; the overall board gains the difference', () => {
    const earlier = d('2026-11-24T09:00:00Z');
    const existing = [
      entry({ boardKey: 's:s1:a', score: 2000, achievedAt: earlier }),
      entry({
        boardKey: 'o:a',
        score: 5000,
        achievedAt: earlier,
        attemptId: null,
        attemptCount: 4,
      }),
    ];
    const plan = planFinishedAttempt(attempt, existing);
    const byKey = new Map(plan.entries.map((e) => [e.boardKey, e]));
    expect(byKey.get('s:s1:a')).toMatchObject({ score: 3000, achievedAt: at, attemptCount: 2 });
    expect(byKey.get('o:a')).toMatchObject({ score: 6000, achievedAt: at, attemptCount: 5 });
    const tie = planFinishedAttempt({ ...attempt, score: 2000 }, existing);
    const tied = new Map(tie.entries.map((e) => [e.boardKey, e]));
    expect(tied.get('s:s1:a')).toMatchObject({ score: 2000, achievedAt: earlier, attemptCount: 2 });
    expect(tied.get('o:a')).toMatchObject({ score: 5000, achievedAt: earlier, attemptCount: 5 });
    // No count moves on the all-time boards for a tie.
    expect(tie.deltas.filter((delta) => delta.boardKey.endsWith(':a'))).toEqual([]);
  });

  it('moves an improved entry from its old buckets to the new ones', () => {
    const existing = [entry({ boardKey: 's:s1:a', score: 1000 })];
    const plan = planFinishedAttempt(attempt, existing);
    const own = plan.deltas.filter((delta) => delta.boardKey === 's:s1:a');
    expect(own).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 2, score: 1000, delta: -1 }),
        expect.objectContaining({ level: 2, score: 3000, delta: 1 }),
      ]),
    );
    expect(own.reduce((sum, delta) => sum + delta.delta, 0)).toBe(0);
  });
});

describe('mergeDeltas', () => {
  it('sums per bucket, drops zeros and sorts', () => {
    const base = { boardKey: 'b', level: 1 as const, bucket: 0 };
    const merged = mergeDeltas([
      { ...base, score: 5, delta: 1 },
      { ...base, score: 3, delta: 1 },
      { ...base, score: 5, delta: -1 },
      { ...base, score: 3, delta: 1 },
    ]);
    expect(merged).toEqual([{ ...base, score: 3, delta: 2 }]);
  });
});

/** The rank as the service computes it, from count buckets and the entries of one hour. */
const rankFromBuckets = (key: string, entries: readonly BoardEntry[], target: BoardEntry) => {
  const counts = mergeDeltas(
    entries.flatMap((e): CountDelta[] =>
      bucketsOf(e, key).map((b) => ({ ...b, boardKey: key, delta: 1 })),
    ),
  );
  const p = rankProbe(key, target);
  const sum = (pick: (c: CountDelta) => boolean) =>
    counts.filter(pick).reduce((total, c) => total + c.delta, 0);
  return (
    1 +
    sum((c) => c.level === 0 && c.score > p.coarseBand) +
    sum((c) => c.level === 1 && c.score > p.fineBand && c.score < p.fineEnd) +
    sum((c) => c.level === 2 && c.score > p.score && c.score < p.scoreEnd) +
    sum((c) => c.level === 3 && c.score === p.score && c.bucket < p.day) +
    sum(
      (c) => c.level === 4 && c.score === p.score && c.bucket >= p.day * 24 && c.bucket < p.hour,
    ) +
    entries.filter(
      (e) => e.score === p.score && e.achievedAt >= p.hourStart && compareEntries(e, target) < 0,
    ).length
  );
};

describe('rank decomposition (property)', () => {
  it('equals 1 + the number of better entries, for any board', () => {
    const arbEntry = fc.record({
      score: fc.oneof(
        fc.integer({ min: 0, max: 5 }).map((n) => n * 1000),
        fc.integer({ min: 0, max: 30_000 }),
      ),
      // A few days, with many entries sharing hours and even milliseconds.
      achievedAt: fc
        .integer({ min: 0, max: 4 * 24 * 60 })
        .map((m) => new Date(Date.UTC(2026, 10, 20) + m * 60_000)),
    });
    fc.assert(
      fc.property(
        fc.constantFrom('s:x:a', 'o:a'),
        fc.array(arbEntry, { minLength: 1, maxLength: 60 }),
        (key, raw) => {
          const entries = raw.map((r, i) =>
            entry({ ...r, boardKey: key, userId: `u${String(i).padStart(3, '0')}` }),
          );
          for (const target of entries) {
            expect(rankFromBuckets(key, entries, target)).toBe(rankAmong(entries, target));
          }
        },
      ),
      { seed: 20261125, numRuns: 200 },
    );
  });
});

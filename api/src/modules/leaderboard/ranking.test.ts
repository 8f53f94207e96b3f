import fc from 'fast-check';
import {
  type BoardEntry,
  bandWidths,
  boardKey,
  boardsFor,
  bucketsOf,
  type CountDelta,
  compareEntries,
  dayIndex,
  hourIndex,
  mergeDeltas,
  monthStart,
  periodOf,
  planFinishedAttempt,
  rankAmong,
  rankProbe,
  WINDOWS,
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

describe('periods and board keys', () => {
  const at = d('2026-11-25T10:00:00Z');

  it('names each window’s period, and every board of an attempt', () => {
    expect(periodOf('ALL_TIME', at)).toBe('a');
    expect(periodOf('THIS_WEEK', at)).toBe('w:2026-11-23');
    expect(periodOf('THIS_MONTH', at)).toBe('m:2026-11');
    expect(boardKey(null, 'ALL_TIME', at)).toBe('o:a');
    expect(boardKey(null, 'THIS_WEEK', at)).toBe('o:w:2026-11-23');
    expect(boardKey('s1', 'THIS_MONTH', at)).toBe('s:s1:m:2026-11');
    expect(boardsFor('s1', at)).toEqual([
      's:s1:a',
      'o:a',
      's:s1:w:2026-11-23',
      'o:w:2026-11-23',
      's:s1:m:2026-11',
      'o:m:2026-11',
    ]);
    expect(WINDOWS).toEqual(['ALL_TIME', 'THIS_WEEK', 'THIS_MONTH']);
  });

  it('months start on the 1st at 00:00 UTC, whatever the day and hour', () => {
    expect(monthStart(d('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(monthStart(d('2026-12-31T23:59:59Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('days and hours are counted in UTC from the epoch', () => {
    expect(dayIndex(d('1970-01-01T23:59:59.999Z'))).toBe(0);
    expect(dayIndex(d('1970-01-02T00:00:00Z'))).toBe(1);
    expect(hourIndex(d('1970-01-01T00:59:59.999Z'))).toBe(0);
    expect(hourIndex(d('1970-01-02T01:00:00Z'))).toBe(25);
  });

  it('set boards band scores by 1,000 and 25; overall boards by 10,000 and 100', () => {
    expect(bandWidths('s:x:a')).toEqual({ coarse: 1_000, fine: 25 });
    expect(bandWidths('o:a')).toEqual({ coarse: 10_000, fine: 100 });
    expect(bandWidths('x:o:a')).toEqual({ coarse: 1_000, fine: 25 });
  });
});

describe('order', () => {
  const at = d('2026-01-01T00:00:00Z');
  const later = d('2026-01-01T00:00:00.001Z');

  it('ranks by score, then earlier time, then player id', () => {
    const a = { score: 10, achievedAt: d('2026-01-01'), userId: 'b' };
    const b = { score: 10, achievedAt: d('2026-01-02'), userId: 'a' };
    const c = { score: 10, achievedAt: d('2026-01-01'), userId: 'c' };
    const e = { score: 11, achievedAt: d('2026-02-01'), userId: 'z' };
    expect([a, b, c, e].sort(compareEntries)).toEqual([e, a, c, b]);
    expect([b, c, a, e].sort(compareEntries)).toEqual([e, a, c, b]);
    expect(rankAmong([a, b, c, e], b)).toBe(4);
  });

  it('a higher score wins whatever the time and id; each rule in both directions', () => {
    const high = { score: 1, achievedAt: later, userId: 'z' };
    const low = { score: 0, achievedAt: at, userId: 'a' };
    expect(Math.sign(compareEntries(high, low))).toBe(-1);
    expect(Math.sign(compareEntries(low, high))).toBe(1);
    const early = { score: 5, achievedAt: at, userId: 'z' };
    const late = { score: 5, achievedAt: later, userId: 'a' };
    expect(Math.sign(compareEntries(early, late))).toBe(-1);
    expect(Math.sign(compareEntries(late, early))).toBe(1);
    const first = { score: 5, achievedAt: at, userId: 'a' };
    const second = { score: 5, achievedAt: at, userId: 'b' };
    expect(compareEntries(first, second)).toBe(-1);
    expect(compareEntries(second, first)).toBe(1);
    expect(compareEntries(first, { ...first })).toBe(0);
  });

  it('ranks 1 + the entries strictly above: itself and equals do not count', () => {
    const one = { score: 5, achievedAt: at, userId: 'a' };
    expect(rankAmong([], one)).toBe(1);
    expect(rankAmong([one], one)).toBe(1);
    expect(rankAmong([one, { ...one }], one)).toBe(1);
    const below = { score: 4, achievedAt: at, userId: 'a' };
    expect(rankAmong([one, below], below)).toBe(2);
    expect(rankAmong([one, below], one)).toBe(1);
  });
});

describe('count buckets', () => {
  it('an entry sits in its coarse band, fine band, score, day and hour', () => {
    const achievedAt = d('1970-01-02T01:30:00Z');
    expect(bucketsOf({ score: 2_049, achievedAt }, 's:x:a')).toEqual([
      { level: 0, score: 2, bucket: 0 },
      { level: 1, score: 81, bucket: 0 },
      { level: 2, score: 2_049, bucket: 0 },
      { level: 3, score: 2_049, bucket: 1 },
      { level: 4, score: 2_049, bucket: 25 },
    ]);
    expect(bucketsOf({ score: 25_050, achievedAt }, 'o:a').slice(0, 2)).toEqual([
      { level: 0, score: 2, bucket: 0 },
      { level: 1, score: 250, bucket: 0 },
    ]);
  });

  it('the rank probe names the bands above the entry inside its own band', () => {
    const achievedAt = d('1970-01-02T01:30:00Z');
    expect(rankProbe('s:x:a', { score: 2_049, achievedAt, userId: 'u' })).toEqual({
      boardKey: 's:x:a',
      coarseBand: 2,
      fineBand: 81,
      fineEnd: 120,
      score: 2_049,
      scoreEnd: 2_050,
      day: 1,
      hour: 25,
      hourStart: d('1970-01-02T01:00:00Z'),
      achievedAt,
      userId: 'u',
    });
    expect(rankProbe('o:a', { score: 25_050, achievedAt, userId: 'u' })).toMatchObject({
      coarseBand: 2,
      fineBand: 250,
      fineEnd: 300,
      scoreEnd: 25_100,
    });
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

describe('planFinishedAttempt: boards count play, not replays', () => {
  const at = d('2026-11-25T10:00:00Z');
  const attempt = { attemptId: 'a2', userId: 'u1', setId: 's1', score: 3000, finishedAt: at };
  const byKey = (entries: readonly BoardEntry[]) => new Map(entries.map((e) => [e.boardKey, e]));

  it('creates all six entries on a first attempt', () => {
    const plan = planFinishedAttempt(attempt, []);
    expect(plan.entries).toEqual(
      boardsFor('s1', at).map((key) => ({
        boardKey: key,
        userId: 'u1',
        score: 3000,
        achievedAt: at,
        attemptId: key.startsWith('s:') ? 'a2' : null,
        attemptCount: 1,
      })),
    );
    // 6 boards × 5 buckets, all +1.
    expect(plan.deltas).toHaveLength(30);
    expect(plan.deltas.every((delta) => delta.delta === 1)).toBe(true);
    expect(plan.deltas).toEqual(
      mergeDeltas(
        boardsFor('s1', at).flatMap((key) =>
          bucketsOf({ score: 3000, achievedAt: at }, key).map((b) => ({
            ...b,
            boardKey: key,
            delta: 1,
          })),
        ),
      ),
    );
  });

  it('an entry already on a set board stands, even against a higher score', () => {
    const earlier = d('2026-11-24T09:00:00Z');
    const first = entry({ boardKey: 's:s1:a', score: 2000, achievedAt: earlier, attemptId: 'a1' });
    const overall = entry({
      boardKey: 'o:a',
      score: 5000,
      achievedAt: earlier,
      attemptId: null,
      attemptCount: 4,
    });
    const plan = planFinishedAttempt(attempt, [first, overall]);
    const entries = byKey(plan.entries);
    // Nothing on the all-time boards: the first attempt's 2000 stands.
    expect(entries.has('s:s1:a')).toBe(false);
    expect(entries.has('o:a')).toBe(false);
    expect(plan.deltas.filter((delta) => delta.boardKey.endsWith(':a'))).toEqual([]);
    // The week and month boards had no entry yet, so they get one (4 boards × 5 buckets).
    expect([...entries.keys()]).toEqual([
      's:s1:w:2026-11-23',
      'o:w:2026-11-23',
      's:s1:m:2026-11',
      'o:m:2026-11',
    ]);
    expect(plan.deltas).toHaveLength(20);
  });

  it('on a board a player is already on, the overall board adds the first score', () => {
    const earlier = d('2026-11-24T09:00:00Z');
    const existing = WINDOWS.map((window) =>
      entry({
        boardKey: boardKey(null, window, at),
        score: 5000,
        achievedAt: earlier,
        attemptId: null,
        attemptCount: 4,
      }),
    );
    const plan = planFinishedAttempt(attempt, existing);
    expect(byKey(plan.entries).get('o:a')).toEqual({
      boardKey: 'o:a',
      userId: 'u1',
      score: 8000,
      achievedAt: at,
      attemptId: null,
      attemptCount: 5,
    });
    const own = plan.deltas.filter((delta) => delta.boardKey === 'o:a');
    expect(own).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 2, score: 5000, delta: -1 }),
        expect.objectContaining({ level: 2, score: 8000, delta: 1 }),
      ]),
    );
    expect(own.reduce((sum, delta) => sum + delta.delta, 0)).toBe(0);
    // 5 buckets out, 5 in; both scores share the coarse band (0–9,999), which nets to nothing.
    expect(own).toHaveLength(8);
    expect(own.some((delta) => delta.level === 0)).toBe(false);
  });

  it('a first score of 0 keeps an overall entry’s score and time (no tie lost), counts the attempt', () => {
    const earlier = d('2026-11-24T09:00:00Z');
    const overall = entry({
      boardKey: 'o:a',
      score: 5000,
      achievedAt: earlier,
      attemptId: null,
      attemptCount: 4,
    });
    const plan = planFinishedAttempt({ ...attempt, score: 0 }, [overall]);
    const entries = byKey(plan.entries);
    expect(entries.get('o:a')).toEqual({ ...overall, attemptCount: 5 });
    expect(entries.get('s:s1:a')).toMatchObject({ score: 0, attemptCount: 1 });
    expect(plan.deltas.filter((delta) => delta.boardKey === 'o:a')).toEqual([]);
    // A player new to the overall board still gets an entry of 0.
    const fresh = byKey(planFinishedAttempt({ ...attempt, score: 0 }, []).entries);
    expect(fresh.get('o:a')).toMatchObject({ score: 0, achievedAt: at, attemptCount: 1 });
  });

  it('does not change the entries it is given', () => {
    const existing = [entry({ boardKey: 'o:a', score: 1000, attemptCount: 2 })];
    const copy = structuredClone(existing);
    planFinishedAttempt(attempt, existing);
    expect(existing).toEqual(copy);
  });
});

describe('mergeDeltas', () => {
  it('orders by board, level, score (as numbers) and bucket, one lock order for all writers', () => {
    const delta = (boardKey: string, level: 0 | 1 | 2, score: number, bucket: number) => ({
      boardKey,
      level,
      score,
      bucket,
      delta: 1,
    });
    const sorted = [
      delta('a', 0, 1, 5),
      delta('a', 1, 9, 0),
      delta('a', 1, 10, 0),
      delta('a', 2, 10, 2),
      delta('a', 2, 10, 10),
      delta('b', 0, 0, 0),
    ];
    const input = [...sorted].reverse();
    expect(mergeDeltas(input)).toEqual(sorted);
    expect(mergeDeltas([sorted[2], sorted[1], sorted[3]] as CountDelta[])).toEqual([
      sorted[1],
      sorted[2],
      sorted[3],
    ]);
    // The input is left as it was.
    expect(input[0]).toEqual(delta('b', 0, 0, 0));
  });

  it('sums per bucket, drops zeros and sorts', () => {
    const base = { boardKey: 'b', level: 1 as const, bucket: 0 };
    const merged = mergeDeltas([
      { ...base, score: 5, delta: 1 },
      { ...base, score: 3, delta: 1 },
      { ...base, score: 5, delta: -1 },
      { ...base, score: 3, delta: 1 },
    ]);
    expect(merged).toEqual([{ ...base, score: 3, delta: 2 }]);
    // Negative sums are kept (an entry leaving a bucket), and the inputs are not changed.
    const one = { ...base, score: 7, delta: -1 };
    expect(mergeDeltas([one, { ...one }])).toEqual([{ ...base, score: 7, delta: -2 }]);
    expect(one.delta).toBe(-1);
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

/**
 * Leaderboard rules, as pure functions (no I/O): board keys and window periods, the order of
 * entries, what a finished attempt changes, and the count buckets that make an exact rank cheap.
 *
 * Order: higher score first; on equal scores the earlier `achievedAt` wins; then the smaller
 * player id. Every entry therefore has its own rank (1, 2, 3, … without shared places). A set's
 * board holds each player's first finished attempt only (see planFinishedAttempt).
 */

/** LIVE: best scores from live classroom games (modules/live/board.ts writes it; attempts never do). */
export type LeaderboardWindow = 'ALL_TIME' | 'THIS_WEEK' | 'THIS_MONTH' | 'LIVE';
/** The windows a finished attempt counts on. */
export const WINDOWS: readonly LeaderboardWindow[] = ['ALL_TIME', 'THIS_WEEK', 'THIS_MONTH'];

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Monday 00:00 UTC of the week holding `at` (weeks are ISO weeks, in UTC). */
export const weekStart = (at: Date): Date => {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS);
};

/** The first day of the UTC month holding `at`. */
export const monthStart = (at: Date): Date =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));

/** The period a window means at `at`: `a` (all time), `w:2026-11-23`, `m:2026-11`. */
export const periodOf = (window: LeaderboardWindow, at: Date): string => {
  switch (window) {
    case 'ALL_TIME':
      return 'a';
    case 'THIS_WEEK':
      return `w:${weekStart(at).toISOString().slice(0, 10)}`;
    case 'THIS_MONTH':
      return `m:${monthStart(at).toISOString().slice(0, 7)}`;
    case 'LIVE':
      return 'live';
  }
};

/** A board: one set's (`s:<setId>:<period>`) or the overall one (`o:<period>`). */
export const boardKey = (setId: string | null, window: LeaderboardWindow, at: Date): string =>
  setId ? `s:${setId}:${periodOf(window, at)}` : `o:${periodOf(window, at)}`;

/**
 * Widths of the score bands: coarse (level 0) and fine (level 1), the fine width dividing the
 * coarse one. A rank then sums at most (range / coarse) + (coarse / fine) + fine count rows, plus
 * the time levels of its own score. A set scores at most 1,000 per question; overall scores add
 * up over sets, so their bands are wider.
 */
export const bandWidths = (key: string): { coarse: number; fine: number } =>
  key.startsWith('o:') ? { coarse: 10_000, fine: 100 } : { coarse: 1_000, fine: 25 };

export type RankKey = { score: number; achievedAt: Date; userId: string };

/** Negative when `a` ranks above `b`. */
export const compareEntries = (a: RankKey, b: RankKey): number =>
  b.score - a.score ||
  a.achievedAt.getTime() - b.achievedAt.getTime() ||
  (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** 1 + the number of entries ranked above `entry` (the definition the fast path must match). */
export const rankAmong = (entries: readonly RankKey[], entry: RankKey): number =>
  1 + entries.filter((other) => compareEntries(other, entry) < 0).length;

export type CountLevel = 0 | 1 | 2 | 3 | 4;
export type CountBucket = { level: CountLevel; score: number; bucket: number };

export const dayIndex = (at: Date): number => Math.floor(at.getTime() / DAY_MS);
export const hourIndex = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);

/**
 * The five count buckets an entry belongs to: its coarse band (level 0) and fine band (1), its
 * exact score (2), its score on its UTC day (3) and in its UTC hour (4). Bands and scores keep
 * `bucket` 0; the time levels keep the score in `score` and the day or hour in `bucket`.
 */
export const bucketsOf = (
  entry: { score: number; achievedAt: Date },
  key: string,
): CountBucket[] => {
  const { coarse, fine } = bandWidths(key);
  return [
    { level: 0, score: Math.floor(entry.score / coarse), bucket: 0 },
    { level: 1, score: Math.floor(entry.score / fine), bucket: 0 },
    { level: 2, score: entry.score, bucket: 0 },
    { level: 3, score: entry.score, bucket: dayIndex(entry.achievedAt) },
    { level: 4, score: entry.score, bucket: hourIndex(entry.achievedAt) },
  ];
};

/**
 * Where an entry sits for the rank query: rank = 1 + Σ counts of higher coarse bands + Σ counts
 * of higher fine bands in its coarse band + Σ counts of higher scores in its fine band + Σ counts
 * of its score on earlier days + Σ counts of its score in earlier hours of its day + the entries
 * of its score in its own hour that rank above it (an exact count inside one small bucket).
 */
export const rankProbe = (key: string, entry: RankKey) => {
  const { coarse, fine } = bandWidths(key);
  const hour = hourIndex(entry.achievedAt);
  const coarseBand = Math.floor(entry.score / coarse);
  const fineBand = Math.floor(entry.score / fine);
  return {
    boardKey: key,
    coarseBand,
    /** The fine bands above `fineBand` inside the coarse band: (fineBand, fineEnd). */
    fineBand,
    fineEnd: ((coarseBand + 1) * coarse) / fine,
    score: entry.score,
    /** The scores above `score` inside the fine band: (score, scoreEnd). */
    scoreEnd: (fineBand + 1) * fine,
    day: dayIndex(entry.achievedAt),
    hour,
    hourStart: new Date(hour * HOUR_MS),
    achievedAt: entry.achievedAt,
    userId: entry.userId,
  };
};

export type BoardEntry = RankKey & {
  boardKey: string;
  attemptId: string | null;
  attemptCount: number;
};

export type CountDelta = CountBucket & { boardKey: string; delta: number };

export type FinishedAttempt = {
  attemptId: string;
  userId: string;
  setId: string;
  score: number;
  finishedAt: Date;
};

export type BoardPlan = {
  /** The entries to write (every board the attempt counts on). */
  entries: BoardEntry[];
  /** Count changes, merged per bucket, without zeros, in key order (one lock order for all). */
  deltas: CountDelta[];
};

/** The boards a finished attempt counts on. */
export const boardsFor = (setId: string, at: Date): string[] =>
  WINDOWS.flatMap((window) => [boardKey(setId, window, at), boardKey(null, window, at)]);

/**
 * What a player's first finished attempt on a set changes, given their current entries on its
 * boards. Boards count play, not replays: each window's set board takes the first attempt's score
 * and an entry already there stands (a later attempt never replaces it, even with a higher score;
 * retakes are not recorded at all). The window's overall board (the sum over sets of each
 * player's first score) gains that score; a first score of 0 on a board the player is already on
 * changes only its attempt count, so an earlier tie is not lost.
 */
export const planFinishedAttempt = (
  attempt: FinishedAttempt,
  existing: readonly BoardEntry[],
): BoardPlan => {
  const current = new Map(existing.map((entry) => [entry.boardKey, entry]));
  const entries: BoardEntry[] = [];
  const raw: CountDelta[] = [];
  const move = (key: string, before: BoardEntry | undefined, after: BoardEntry) => {
    if (before) {
      raw.push(...bucketsOf(before, key).map((b) => ({ ...b, boardKey: key, delta: -1 })));
    }
    raw.push(...bucketsOf(after, key).map((b) => ({ ...b, boardKey: key, delta: 1 })));
  };
  for (const window of WINDOWS) {
    const setKey = boardKey(attempt.setId, window, attempt.finishedAt);
    if (current.has(setKey)) {
      continue;
    }
    const setEntry: BoardEntry = {
      boardKey: setKey,
      userId: attempt.userId,
      score: attempt.score,
      achievedAt: attempt.finishedAt,
      attemptId: attempt.attemptId,
      attemptCount: 1,
    };
    entries.push(setEntry);
    move(setKey, undefined, setEntry);
    const overallKey = boardKey(null, window, attempt.finishedAt);
    const overallBefore = current.get(overallKey);
    if (overallBefore && attempt.score === 0) {
      entries.push({ ...overallBefore, attemptCount: overallBefore.attemptCount + 1 });
      continue;
    }
    const overallEntry: BoardEntry = {
      boardKey: overallKey,
      userId: attempt.userId,
      score: (overallBefore?.score ?? 0) + attempt.score,
      achievedAt: attempt.finishedAt,
      attemptId: null,
      attemptCount: (overallBefore?.attemptCount ?? 0) + 1,
    };
    entries.push(overallEntry);
    move(overallKey, overallBefore, overallEntry);
  }
  return { entries, deltas: mergeDeltas(raw) };
};

const deltaKey = (d: CountBucket & { boardKey: string }): string =>
  `${d.boardKey}\u0000${d.level}\u0000${String(d.score).padStart(12, '0')}\u0000${String(d.bucket).padStart(12, '0')}`;

/** Sums deltas per bucket, drops zeros, and sorts them so every writer locks rows in one order. */
export const mergeDeltas = (deltas: readonly CountDelta[]): CountDelta[] => {
  const sums = new Map<string, CountDelta>();
  for (const delta of deltas) {
    const key = deltaKey(delta);
    const sum = sums.get(key);
    sums.set(key, sum ? { ...sum, delta: sum.delta + delta.delta } : { ...delta });
  }
  return [...sums.entries()]
    .filter(([, delta]) => delta.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta);
};

import { createHash } from 'node:crypto';

/**
 * The bench's fixed data set: sizes, ids and tokens, shared by the seed (which writes them in SQL
 * with generate_series and md5/hashint4, so every run builds the same rows), the load generator
 * (which picks them) and the servers. Nothing here is random.
 */

export const SEED_VERSION = 3;

/** The 1,200 synthetic questions: SINGLE_CHOICE with 4 options, 1 correct, 2 citations. */
export const QUESTIONS = 1_200;
export const CITATIONS = 300;
export const SOURCES = 5;
/** Sets of 30 questions played by the pools below. */
export const SETS = 40;
export const QUESTIONS_PER_SET = 30;

/** Players with one open, unanswered attempt each: "fetch a quiz". Never written to. */
export const FETCH_PLAYERS = 2_000;
/** Players with one open attempt each whose 30 items are answered one by one ("submit"). */
export const ANSWER_PLAYERS = 4_000;
/** Players with one open attempt each, every item already answered ("finish"). */
export const FINISH_PLAYERS = 12_000;
/** Players of the big board that get a session (the viewers of "leaderboard + my rank"). */
export const BOARD_VIEWERS = 2_000;

export type Pool = 'f' | 'n' | 'x' | 'u';

/** The set whose all-time board holds the 1M (or 10M) entries. */
export const BOARD_SET_ID = '00000000-0000-4000-8000-00000000b0a4';
export const BOARD_KEY = `s:${BOARD_SET_ID}:a`;
export const TEACHER_ID = '00000000-0000-4000-8000-0000000000c1';

/** The raw session token of player `i` (1-based) of a pool; the database keeps its SHA-256. */
export const tokenOf = (pool: Pool, i: number): string =>
  `bench_${pool}_${String(i).padStart(12, '0')}`;

export const SESSION_COOKIE = 'quiz_session';
export const cookieOf = (pool: Pool, i: number): string => `${SESSION_COOKIE}=${tokenOf(pool, i)}`;

const md5Uuid = (input: string): string => {
  // Same as PostgreSQL's md5(text)::uuid.
  const hex = createHash('md5').update(input).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const userIdOf = (pool: Pool, i: number): string => md5Uuid(`${pool}${i}`);
/** The one attempt of player `i` of a pool (pools f, n, x). */
export const attemptIdOf = (pool: Pool, i: number): string => md5Uuid(`${pool}a${i}`);
/** 1-based set number played by player `i`. */
export const setNumberOf = (i: number): number => ((i - 1) % SETS) + 1;
export const setIdOf = (k: number): string => md5Uuid(`set${k}`);
/** 1-based question number at `position` (0-based) of set `k`. */
export const questionNumberOf = (k: number, position: number): number =>
  (((k - 1) * QUESTIONS_PER_SET + position) % QUESTIONS) + 1;
export const questionIdOf = (q: number): string => `bench-q-${String(q).padStart(5, '0')}`;

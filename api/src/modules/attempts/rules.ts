/**
 * The attempt rules that do not touch the database: question order, when a prompt is shown,
 * deadlines and lateness. The server's clock is the only clock.
 */
import type { AttemptStatus } from '@quiz/prisma';
import { hashSeed, seededRng, shuffle } from '../../lib/rng';

/** Network latency allowed past a deadline before an answer counts as late. */
export const GRACE_MS = 1_000;

/** Points for a fully correct answer; a set's maximum is this times its questions. */
export const MAX_POINTS_PER_QUESTION = 1_000;

/** Fisher–Yates seeded by `seed` (the attempt id): the same attempt always gets the same order. */
export const seededShuffle = <T>(items: readonly T[], seed: string): T[] =>
  shuffle(items, seededRng(hashSeed(seed)));

/** The first `count` of `items` in a seeded random order. */
export const seededSample = <T>(items: readonly T[], count: number, seed: string): T[] =>
  seededShuffle(items, seed).slice(0, count);

type ItemTiming = { presentedAt: Date | null; timeLimitSec: number | null };

/** A question with a time limit (the only kind where answering fast can earn points). */
export const isTimed = (item: Pick<ItemTiming, 'timeLimitSec'>): boolean =>
  item.timeLimitSec !== null;

/**
 * A timed question's stem and prompt stay hidden until openQuestion starts its clock, so nobody
 * reads ahead and then answers "instantly". Untimed questions are shown at once.
 */
export const isConcealed = (item: ItemTiming, status: AttemptStatus): boolean =>
  status === 'IN_PROGRESS' && item.presentedAt === null && isTimed(item);

export const deadlineOf = (item: ItemTiming): Date | null =>
  item.presentedAt && item.timeLimitSec !== null
    ? new Date(item.presentedAt.getTime() + item.timeLimitSec * 1000)
    : null;

/** Late = after the deadline plus the grace; such answers are stored as timed out, 0 points. */
export const isLate = (item: ItemTiming, answeredAt: Date): boolean => {
  const deadline = deadlineOf(item);
  return deadline !== null && answeredAt.getTime() > deadline.getTime() + GRACE_MS;
};

/** Time taken, within [0, limit] (the grace is not counted against the player). */
export const elapsedMs = (item: ItemTiming, answeredAt: Date): number => {
  const taken = item.presentedAt ? answeredAt.getTime() - item.presentedAt.getTime() : 0;
  const limit = item.timeLimitSec === null ? Number.POSITIVE_INFINITY : item.timeLimitSec * 1000;
  return Math.max(0, Math.min(taken, limit));
};

/**
 * A tiny seeded PRNG (mulberry32) and the few helpers the generator needs. The generator never
 * touches Math.random: the same seed must give the same bank, byte for byte.
 */
import { createHash } from 'node:crypto';

export type Rng = {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [0, n). */
  int: (n: number) => number;
};

export const seededRng = (seed: number): Rng => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
};

/** A 32-bit seed from any string, so content choices can be keyed by facts rather than by the run seed. */
export const hashSeed = (text: string): number =>
  createHash('sha256').update(text).digest().readUInt32BE(0);

/**
 * An rng for content decisions (which distractors, which rank a year key takes). It depends only on
 * the facts, not on the run seed, so a different seed reorders options but keeps every question id.
 */
export const contentRng = (key: string): Rng => seededRng(hashSeed(`content:${key}`));

export const shuffle = <T>(items: readonly T[], rng: Rng): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
};

export const pick = <T>(items: readonly T[], rng: Rng): T | undefined =>
  items.length === 0 ? undefined : items[rng.int(items.length)];

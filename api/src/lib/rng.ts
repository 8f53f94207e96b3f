/**
 * A small seeded PRNG (mulberry32) and the helpers built on it. Wherever a random choice must be
 * repeatable (the generator's bank, an attempt's question order, the demo seed, the bench's
 * rounds) it comes from here, never from Math.random.
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

/** A 32-bit seed from any string. */
export const hashSeed = (text: string): number =>
  createHash('sha256').update(text).digest().readUInt32BE(0);

/** Fisher–Yates. */
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

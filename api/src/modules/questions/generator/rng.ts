/**
 * The generator's randomness: the shared seeded PRNG, plus an rng for content decisions. The
 * generator never touches Math.random: the same seed must give the same bank, byte for byte.
 */
import { hashSeed, type Rng, seededRng } from '../../../lib/rng';

export { hashSeed, pick, type Rng, seededRng, shuffle } from '../../../lib/rng';

/**
 * An rng for content decisions (which distractors, which rank a year key takes). It depends only on
 * the facts, not on the run seed, so a different seed reorders options but keeps every question id.
 */
export const contentRng = (key: string): Rng => seededRng(hashSeed(`content:${key}`));

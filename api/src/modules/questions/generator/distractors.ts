/**
 * Distractor candidate scoring (qgen §4.3), deterministic. Candidates arrive already filtered to
 * the right kind and already refuted by a KB fact; this ranks them by plausibility:
 *
 *   score = 1.0·sameSubtype + 0.8·temporalProximity + 0.6·graphProximity + 0.4·salienceSimilarity
 *
 * Ties break on the content rng so the choice depends on the facts, not on the run seed.
 */
import { type Interval, yearOfDay } from './dates';
import { type KbIndex, maxSalience, salienceOf } from './kb-index';
import type { Rng } from './rng';

export type Scored<T> = { item: T; score: number; similarity: number };

/** Actors that share a fact with any of `anchors` (one hop in the event/actor graph). */
export const neighbours = (idx: KbIndex, anchors: readonly string[]): Set<string> => {
  const set = new Set(anchors);
  const out = new Set<string>();
  for (const f of idx.facts.values()) {
    if (f.actors.some((a) => set.has(a))) {
      for (const a of f.actors) {
        out.add(a);
      }
    }
  }
  return out;
};

const temporalProximity = (idx: KbIndex, slug: string, when?: Interval): number => {
  const seen = idx.appearances.get(slug);
  if (!when || !seen) {
    return 0.5;
  }
  if (seen.lo <= when.hi && when.lo <= seen.hi) {
    return 1;
  }
  const gapYears = Math.abs(
    yearOfDay(seen.lo > when.hi ? seen.lo : when.lo) -
      yearOfDay(seen.lo > when.hi ? when.hi : seen.hi),
  );
  return Math.exp(-gapYears / 5);
};

export const scoreActors = (
  idx: KbIndex,
  candidates: readonly string[],
  opts: {
    key: string;
    anchors: readonly string[];
    when?: Interval;
    sameSubtype: (slug: string) => boolean;
    rng: Rng;
  },
): Scored<string>[] => {
  const near = neighbours(idx, opts.anchors);
  const far = neighbours(idx, [...near]);
  const top = Math.log(1 + maxSalience(idx));
  const keySal = Math.log(1 + salienceOf(idx, opts.key));
  return candidates
    .map((slug) => {
      const subtype = opts.sameSubtype(slug) ? 1 : 0;
      const time = temporalProximity(idx, slug, opts.when);
      const graph = near.has(slug) ? 1 : far.has(slug) ? 0.5 : 0;
      const sal = 1 - Math.abs(Math.log(1 + salienceOf(idx, slug)) - keySal) / top;
      const similarity = (subtype + time + graph + sal) / 4;
      return {
        item: slug,
        score: 1.0 * subtype + 0.8 * time + 0.6 * graph + 0.4 * sal + opts.rng.next() * 1e-6,
        similarity,
      };
    })
    .sort((a, b) => b.score - a.score || (a.item < b.item ? -1 : 1));
};

/**
 * Picks `k` of the ranked candidates with a light diversity rule: skip a candidate whose label
 * shares its last word with one already picked (three "al-Assad" options cue the odd one out, C7).
 */
export const pickDiverse = (
  ranked: readonly Scored<string>[],
  k: number,
  labelOf: (s: string) => string,
): Scored<string>[] => {
  const out: Scored<string>[] = [];
  const lastWord = (s: string): string => labelOf(s).split(/\s+/).at(-1)?.toLowerCase() ?? '';
  for (const c of ranked) {
    if (out.length >= k) {
      break;
    }
    if (out.some((o) => lastWord(o.item) === lastWord(c.item))) {
      continue;
    }
    out.push(c);
  }
  for (const c of ranked) {
    if (out.length >= k) {
      break;
    }
    if (!out.includes(c)) {
      out.push(c);
    }
  }
  return out;
};

/**
 * Year distractors for a key year (qgen T1, C12, C14): the key's rank among the four sorted years
 * is drawn uniformly first (among the ranks the window allows), then years below and above fill it.
 * Years of other KB events are preferred because they are plausible; no year equals the key or
 * falls inside `blocked` (the key's own uncertainty and any other valid answer).
 */
export const yearDistractors = (opts: {
  key: number;
  count: number;
  minYear: number;
  maxYear: number;
  preferred: ReadonlySet<number>;
  blocked: ReadonlySet<number>;
  rng: Rng;
  maxDistance?: number;
}): { years: number[]; rank: number } | null => {
  const { key, count, rng } = opts;
  const reach = opts.maxDistance ?? 8;
  const ok = (y: number): boolean =>
    y !== key && !opts.blocked.has(y) && y >= opts.minYear && y <= opts.maxYear;
  const below: number[] = [];
  const above: number[] = [];
  for (let d = 1; d <= reach; d += 1) {
    if (ok(key - d)) {
      below.push(key - d);
    }
    if (ok(key + d)) {
      above.push(key + d);
    }
  }
  const feasible: number[] = [];
  for (let rank = 0; rank <= count; rank += 1) {
    if (below.length >= rank && above.length >= count - rank) {
      feasible.push(rank);
    }
  }
  if (feasible.length === 0) {
    return null;
  }
  const rank = feasible[rng.int(feasible.length)] ?? 0;
  // Within a side, prefer other events' years, then nearness; a little jitter keeps gaps uneven.
  const choose = (side: number[], n: number): number[] =>
    side
      .map((y) => ({
        y,
        s: (opts.preferred.has(y) ? 2 : 0) - Math.abs(y - key) / reach + rng.next() * 0.9,
      }))
      .sort((a, b) => b.s - a.s)
      .slice(0, n)
      .map((x) => x.y);
  return {
    years: [...choose(below, rank), ...choose(above, count - rank)].sort((a, b) => a - b),
    rank,
  };
};

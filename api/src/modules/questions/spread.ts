/**
 * One quiz, no giveaways. The bank holds several items per fact on purpose (a year, a who, a
 * true/false on the same event), but a quiz that asks the same fact twice lets one item answer
 * the other (blind reviewers: "the same passage in items 33/49/52/59"). Pure: no I/O, and the
 * randomness is passed in.
 */
import { type Rng, shuffle } from '../../lib/rng';

export type SpreadCandidate = {
  /** The facts the item rests on; the first is its key fact. */
  factIds: readonly string[];
  /** The passages its feedback shows. */
  citationIds: readonly string[];
  /**
   * Its clue keys (clues.ts): shared with a question whose text gives its answer away or whose
   * answer its text gives away ("(1980–88)" in one stem answers "In what year did the Iran–Iraq
   * War begin?" in another). Absent: none.
   */
  clueKeys?: readonly string[];
};

/**
 * Sharing a key fact is a giveaway; one item's text showing another's answer is one too, for that
 * answer only; sharing a passage only may be, so it weighs least.
 */
const KEY_FACT_WEIGHT = 1_000;
const CLUE_WEIGHT = 100;

/** Key fact of an item, or null when it names none (authored items, fixtures). */
const keyFactOf = (c: SpreadCandidate): string | null => c.factIds[0] ?? null;

/**
 * Picks up to `count` candidates such that no two share a key fact or a cited passage, when the
 * candidates allow it; when they do not, each further pick is the one that overlaps the picks so
 * far least (key facts first, then passages), so a narrow filter still gets its full count.
 *
 * With `rng` the candidates are shuffled first (a practice draw: a different quiz every time);
 * without it their order is the preference (a review: most overdue first), and a clashing item
 * waits for a later quiz rather than being dropped.
 */
export const spreadPick = <T extends SpreadCandidate>(
  candidates: readonly T[],
  count: number,
  rng?: Rng,
): T[] => {
  const order = rng ? shuffle(candidates, rng) : [...candidates];
  const keyUses = new Map<string, number>();
  const clueUses = new Map<string, number>();
  const passageUses = new Map<string, number>();
  const picked: T[] = [];
  const left = new Set(order.map((_, i) => i));
  const overlap = (c: T): number => {
    const key = keyFactOf(c);
    const keyClash = key === null ? 0 : (keyUses.get(key) ?? 0);
    let clues = 0;
    for (const d of new Set(c.clueKeys ?? [])) {
      clues += clueUses.get(d) ?? 0;
    }
    let passages = 0;
    for (const p of new Set(c.citationIds)) {
      passages += passageUses.get(p) ?? 0;
    }
    return keyClash * KEY_FACT_WEIGHT + clues * CLUE_WEIGHT + passages;
  };
  while (picked.length < count && left.size > 0) {
    // The earliest candidate (in draw or preference order) with the least overlap; a zero
    // ends the scan at once, so a bank that allows a clean quiz costs one pass per pick.
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const i of left) {
      const cost = overlap(order[i] as T);
      if (cost < bestCost) {
        best = i;
        bestCost = cost;
        if (cost === 0) {
          break;
        }
      }
    }
    const chosen = order[best] as T;
    left.delete(best);
    picked.push(chosen);
    const key = keyFactOf(chosen);
    if (key !== null) {
      keyUses.set(key, (keyUses.get(key) ?? 0) + 1);
    }
    for (const d of new Set(chosen.clueKeys ?? [])) {
      clueUses.set(d, (clueUses.get(d) ?? 0) + 1);
    }
    for (const p of new Set(chosen.citationIds)) {
      passageUses.set(p, (passageUses.get(p) ?? 0) + 1);
    }
  }
  return picked;
};

/** Pairs (by index into `items`) that share a key fact or a passage: what a teacher is told. */
export type SpreadOverlap = { a: number; b: number; reason: 'SAME_FACT' | 'SAME_PASSAGE' };

export const spreadOverlaps = (items: readonly SpreadCandidate[]): SpreadOverlap[] => {
  const out: SpreadOverlap[] = [];
  for (let a = 0; a < items.length; a += 1) {
    const x = items[a] as SpreadCandidate;
    const xKey = keyFactOf(x);
    const xPassages = new Set(x.citationIds);
    for (let b = a + 1; b < items.length; b += 1) {
      const y = items[b] as SpreadCandidate;
      if (xKey !== null && keyFactOf(y) === xKey) {
        out.push({ a, b, reason: 'SAME_FACT' });
      } else if (y.citationIds.some((p) => xPassages.has(p))) {
        out.push({ a, b, reason: 'SAME_PASSAGE' });
      }
    }
  }
  return out;
};

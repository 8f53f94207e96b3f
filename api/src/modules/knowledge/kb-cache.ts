import type { Citation, Source } from '@quiz/prisma';

/**
 * A small per-process cache of knowledge-base rows that every answer shows (citations and their
 * sources). The KB changes only when the seed reloads it, so a minute of staleness is harmless,
 * and it takes two queries off the "submit an answer" hot path. A cache, not state: every
 * process fills its own and may drop it at any time.
 */
const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export const createKbCache = <V>(keyOf: (row: V) => string) => {
  const entries = new Map<string, { at: number; row: V }>();
  return {
    /** Rows for `keys` in their order (null when missing), reading only the misses. */
    load: async (
      keys: readonly string[],
      fetch: (missing: string[]) => Promise<V[]>,
      now = Date.now(),
    ): Promise<(V | null)[]> => {
      const missing = [
        ...new Set(keys.filter((key) => (entries.get(key)?.at ?? -Infinity) + TTL_MS < now)),
      ];
      if (missing.length > 0) {
        if (entries.size + missing.length > MAX_ENTRIES) {
          entries.clear();
        }
        for (const row of await fetch(missing)) {
          entries.set(keyOf(row), { at: now, row });
        }
      }
      return keys.map((key) => entries.get(key)?.row ?? null);
    },
  };
};

export const citationCache = createKbCache<Citation>((row) => row.id);
export const sourceCache = createKbCache<Source>((row) => row.slug);

import type { Actor, Citation, Era, PrismaClient, Source, User } from '@quiz/prisma';
import DataLoader from 'dataloader';

/** Loads rows by key in one query per tick, returning them in the keys' order (null if missing). */
const byKey = <K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> =>
  new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const map = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => map.get(key) ?? null);
  });

/**
 * Request-scoped DataLoaders. Field resolvers for relations go through these, so a list of N
 * parents costs one query per relation, not N.
 */
export const createLoaders = (db: PrismaClient) => ({
  citation: byKey<string, Citation>(
    (ids) => db.citation.findMany({ where: { id: { in: [...ids] } } }),
    (row) => row.id,
  ),
  source: byKey<string, Source>(
    (slugs) => db.source.findMany({ where: { slug: { in: [...slugs] } } }),
    (row) => row.slug,
  ),
  actor: byKey<string, Actor>(
    (slugs) => db.actor.findMany({ where: { slug: { in: [...slugs] } } }),
    (row) => row.slug,
  ),
  era: byKey<string, Era>(
    (slugs) => db.era.findMany({ where: { slug: { in: [...slugs] } } }),
    (row) => row.slug,
  ),
  user: byKey<string, User>(
    (ids) => db.user.findMany({ where: { id: { in: [...ids] } } }),
    (row) => row.id,
  ),
});

export type Loaders = ReturnType<typeof createLoaders>;

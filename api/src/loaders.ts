import type {
  Actor,
  AttemptItem,
  Citation,
  Class,
  DbClient,
  Era,
  Event,
  Office,
  Question,
  QuestionSet,
  QuestionSetItem,
  Relation,
  RetiredReason,
  Source,
  Theme,
  User,
} from '@quiz/prisma';
import DataLoader from 'dataloader';
import { afterPendingYields } from './limits/guard';
import { citationCache, sourceCache } from './modules/knowledge/kb-cache';
import { findActorEventPages } from './modules/knowledge/service';
import { boardKey } from './modules/leaderboard/ranking';
import { type PlayerPlace, rankPlayersOnSets } from './modules/leaderboard/service';
import { loadQuestionsById } from './modules/questions/bank-cache';

/**
 * Batches dispatch on setImmediate rather than DataLoader's default (after one promise tick):
 * sibling fields reach their loads at different promise depths (a cached parent resolves sooner
 * than a queried one), and the default would then split one batch into two queries at random.
 * Fields the request guard deferred to a later macrotask come first for the same reason.
 */
const BATCH = { batchScheduleFn: afterPendingYields };

/** Loads rows by key in one query per tick, returning them in the keys' order (null if missing). */
const byKey = <K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> =>
  new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const map = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => map.get(key) ?? null);
  }, BATCH);

/** Loads the rows of many parents in one query per tick (rows keep the query's order). */
const grouped = <K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> =>
  new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const map = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = map.get(key);
      if (list) {
        list.push(row);
      } else {
        map.set(key, [row]);
      }
    }
    return keys.map((key) => map.get(key) ?? []);
  }, BATCH);

/** Counts per parent in one grouped query per tick. */
const counted = <K extends string>(
  fetch: (keys: readonly K[]) => Promise<{ key: K; n: number }[]>,
): DataLoader<K, number> =>
  new DataLoader<K, number>(async (keys) => {
    const rows = await fetch(keys);
    const map = new Map(rows.map((row) => [row.key, row.n]));
    return keys.map((key) => map.get(key) ?? 0);
  }, BATCH);

const present = <T>(rows: (T | null | Error)[]): T[] =>
  rows.filter((row): row is T => row !== null && !(row instanceof Error));

/**
 * Request-scoped DataLoaders. Field resolvers for relations go through these, so a list of N
 * parents costs one query per relation, not N. Created per request: nothing leaks between
 * viewers.
 */
export const createLoaders = (db: DbClient) => {
  const citation = new DataLoader<string, Citation | null>((ids) =>
    citationCache.load(ids, (missing) => db.citation.findMany({ where: { id: { in: missing } } })),
  );
  const theme = byKey<string, Theme>(
    (slugs) => db.theme.findMany({ where: { slug: { in: [...slugs] } } }),
    (row) => row.slug,
  );
  const actor = byKey<string, Actor>(
    (slugs) => db.actor.findMany({ where: { slug: { in: [...slugs] } } }),
    (row) => row.slug,
  );
  return {
    citation,
    /** Citations by id, in the given order, skipping unknown ids. */
    citations: {
      load: async (ids: readonly string[]): Promise<Citation[]> =>
        present(await citation.loadMany(ids)),
    },
    source: new DataLoader<string, Source | null>((slugs) =>
      sourceCache.load(slugs, (missing) =>
        db.source.findMany({ where: { slug: { in: missing } } }),
      ),
    ),
    citationsBySource: grouped<string, Citation>(
      (slugs) =>
        db.citation.findMany({
          where: { sourceSlug: { in: [...slugs] } },
          orderBy: { position: 'asc' },
        }),
      (row) => row.sourceSlug,
    ),
    actor,
    /** Actors by slug, in the given order, skipping unknown slugs. */
    actors: {
      load: async (slugs: readonly string[]): Promise<Actor[]> =>
        present(await actor.loadMany(slugs)),
    },
    officesByPerson: grouped<string, Office>(
      (slugs) =>
        db.office.findMany({ where: { personSlug: { in: [...slugs] } }, orderBy: { id: 'asc' } }),
      (row) => row.personSlug,
    ),
    relationsByActor: new DataLoader<string, Relation[]>(async (slugs) => {
      const rows = await db.relation.findMany({
        where: {
          OR: [{ subjectSlug: { in: [...slugs] } }, { objectSlug: { in: [...slugs] } }],
        },
        orderBy: [{ fromOn: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
      });
      return slugs.map((slug) =>
        rows.filter((row) => row.subjectSlug === slug || row.objectSlug === slug),
      );
    }),
    actorEvents: new DataLoader(
      (keys: readonly { slug: string; first: number; after: string | null }[]) =>
        findActorEventPages({ db, keys }),
      { cacheKeyFn: (key) => JSON.stringify([key.slug, key.first, key.after]) },
    ),
    era: byKey<string, Era>(
      (slugs) => db.era.findMany({ where: { slug: { in: [...slugs] } } }),
      (row) => row.slug,
    ),
    theme,
    themes: {
      load: async (slugs: readonly string[]): Promise<Theme[]> =>
        present(await theme.loadMany(slugs)),
    },
    event: byKey<string, Event>(
      (slugs) => db.event.findMany({ where: { slug: { in: [...slugs] } } }),
      (row) => row.slug,
    ),
    user: byKey<string, User>(
      (ids) => db.user.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
    ),
    /**
     * Retirement of questions, from the database (not the process cache: the seed retires
     * questions while API processes run). Only retired questions have a row.
     */
    retirement: byKey<
      string,
      {
        id: string;
        retiredAt: Date | null;
        retiredReason: RetiredReason | null;
        retiredNote: string | null;
        replacementId: string | null;
      }
    >(
      (ids) =>
        db.question.findMany({
          where: { id: { in: [...ids] }, retiredAt: { not: null } },
          select: {
            id: true,
            retiredAt: true,
            retiredReason: true,
            retiredNote: true,
            replacementId: true,
          },
        }),
      (row) => row.id,
    ),
    /** Questions through the process cache (content is immutable by id). */
    question: new DataLoader<string, Question | null>((ids) => loadQuestionsById(db, ids), BATCH),
    set: byKey<string, QuestionSet>(
      (ids) => db.questionSet.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
    ),
    setItems: grouped<string, QuestionSetItem>(
      (ids) =>
        db.questionSetItem.findMany({
          where: { setId: { in: [...ids] } },
          orderBy: [{ setId: 'asc' }, { position: 'asc' }],
        }),
      (row) => row.setId,
    ),
    setStats: new DataLoader<string, { questionCount: number; isTimed: boolean }>(async (ids) => {
      const rows = await db.$queryRaw<{ setId: string; n: number; timed: boolean }[]>`
        SELECT "setId"::text AS "setId", count(*)::int AS n,
               bool_or("timeLimitSec" IS NOT NULL) AS timed
        FROM "QuestionSetItem" WHERE "setId" = ANY(${[...ids]}::uuid[]) GROUP BY "setId"`;
      const map = new Map(rows.map((row) => [row.setId, row]));
      return ids.map((id) => ({
        questionCount: map.get(id)?.n ?? 0,
        isTimed: map.get(id)?.timed ?? false,
      }));
    }),
    setAttemptCount: counted<string>(async (ids) =>
      (
        await db.attempt.groupBy({
          by: ['setId'],
          where: { setId: { in: [...ids] } },
          _count: { _all: true },
        })
      ).map((row) => ({ key: row.setId, n: row._count._all })),
    ),
    /** Players on each set's all-time board (its band counts). */
    setPlayerCount: counted<string>(async (ids) => {
      const keys = ids.map((id) => boardKey(id, 'ALL_TIME', new Date(0)));
      const rows = await db.$queryRaw<{ key: string; n: number }[]>`
        SELECT "boardKey" AS key, sum("count")::int AS n FROM "LeaderboardCount"
        WHERE "boardKey" = ANY(${keys}::text[]) AND "level" = 0 GROUP BY "boardKey"`;
      const byBoard = new Map(rows.map((row) => [row.key, row.n]));
      return ids.map((id, index) => ({ key: id, n: byBoard.get(keys[index] as string) ?? 0 }));
    }),
    class: byKey<string, Class>(
      (ids) => db.class.findMany({ where: { id: { in: [...ids] } } }),
      (row) => row.id,
    ),
    classMemberCount: counted<string>(async (ids) =>
      (
        await db.classMember.groupBy({
          by: ['classId'],
          where: { classId: { in: [...ids] } },
          _count: { _all: true },
        })
      ).map((row) => ({ key: row.classId, n: row._count._all })),
    ),
    classMembers: new DataLoader<string, User[]>(async (ids) => {
      const rows = await db.classMember.findMany({
        where: { classId: { in: [...ids] } },
        include: { user: true },
        orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }],
      });
      return ids.map((id) => rows.filter((row) => row.classId === id).map((row) => row.user));
    }),
    attemptItems: grouped<string, AttemptItem>(
      (ids) =>
        db.attemptItem.findMany({
          where: { attemptId: { in: [...ids] } },
          orderBy: [{ attemptId: 'asc' }, { position: 'asc' }],
        }),
      (row) => row.attemptId,
    ),
    /** A player's rank on a set's all-time board ("setId|userId"). */
    setPlace: new DataLoader<string, PlayerPlace | null>((keys) =>
      rankPlayersOnSets({
        db,
        keys: keys.map((key) => {
          const [setId = '', userId = ''] = key.split('|');
          return { setId, userId };
        }),
      }),
    ),
  };
};

export type Loaders = ReturnType<typeof createLoaders>;

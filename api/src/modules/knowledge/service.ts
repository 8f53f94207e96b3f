import type {
  Actor,
  ActorKind,
  DbClient,
  Era,
  Event,
  Figure,
  Prisma,
  Quote,
  Relation,
  Source,
  Theme,
} from '@quiz/prisma';
import { z } from 'zod';
import { cursorDay, cursorText, decodeCursor, encodeCursor, pageSize } from '../../lib/cursor';
import { parseDateArg } from './dates';

export type EventFilter = {
  eras?: readonly string[] | null;
  actors?: readonly string[] | null;
  themes?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
};

export type EventPage = {
  nodes: Event[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const EventCursor = z.object({ d: cursorDay, s: cursorText(200) });

const dayString = (date: Date): string => date.toISOString().slice(0, 10);

/** The `where` of an event filter (also used for an actor's events). */
export const eventWhere = (filter: EventFilter | null | undefined): Prisma.EventWhereInput => {
  const and: Prisma.EventWhereInput[] = [];
  if (filter?.eras?.length) {
    and.push({ eraSlug: { in: [...filter.eras] } });
  }
  if (filter?.actors?.length) {
    and.push({ actorSlugs: { hasSome: [...filter.actors] } });
  }
  if (filter?.themes?.length) {
    and.push({ themes: { hasSome: [...filter.themes] } });
  }
  // Inclusive bounds: an event matches when the days its start can mean overlap the range.
  if (filter?.from) {
    and.push({ startsUntil: { gte: parseDateArg(filter.from, 'from').from } });
  }
  if (filter?.to) {
    and.push({ startsOn: { lte: parseDateArg(filter.to, 'to').until } });
  }
  const search = filter?.search?.trim().slice(0, 100);
  if (search) {
    and.push({
      OR: [
        { title: { contains: search, mode: 'insensitive' } },
        { summary: { contains: search, mode: 'insensitive' } },
      ],
    });
  }
  return { AND: and };
};

export type FindEventsOptions = {
  db: DbClient;
  filter?: EventFilter | null;
  first?: number | null;
  after?: string | null;
};

/** Events in chronological order (start day, then slug), keyset-paginated. */
export const findEvents = async ({
  db,
  filter,
  first,
  after,
}: FindEventsOptions): Promise<EventPage> => {
  const size = pageSize(first, 50, 200);
  const where = eventWhere(filter);
  const cursor = after ? decodeCursor(after, EventCursor) : null;
  const page = cursor
    ? {
        AND: [
          where,
          {
            OR: [
              { startsOn: { gt: new Date(cursor.d) } },
              { startsOn: new Date(cursor.d), slug: { gt: cursor.s } },
            ],
          },
        ],
      }
    : where;
  const [rows, totalCount] = await Promise.all([
    db.event.findMany({
      where: page,
      orderBy: [{ startsOn: 'asc' }, { slug: 'asc' }],
      take: size + 1,
    }),
    db.event.count({ where }),
  ]);
  return toPage(rows, size, totalCount);
};

const toPage = (rows: Event[], size: number, totalCount: number): EventPage => {
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor({ d: dayString(last.startsOn), s: last.slug }) : null,
    },
  };
};

export type ActorEventsKey = { slug: string; first: number; after: string | null };

/**
 * The events of many actors, one page each, in two statements whatever the number of actors
 * (a LATERAL join per actor for the page, one grouped count).
 */
export const findActorEventPages = async ({
  db,
  keys,
}: {
  db: DbClient;
  keys: readonly ActorEventsKey[];
}): Promise<EventPage[]> => {
  const parsed = keys.map((key) => ({
    ...key,
    size: pageSize(key.first, 20, 100),
    cursor: key.after ? decodeCursor(key.after, EventCursor) : null,
  }));
  const slugs = parsed.map((key) => key.slug);
  const days = parsed.map((key) => key.cursor?.d ?? '0001-01-01');
  const afterSlugs = parsed.map((key) => key.cursor?.s ?? '');
  const limits = parsed.map((key) => key.size + 1);
  const rows = await db.$queryRaw<(Event & { _key: number })[]>`
    SELECT k.ord::int AS "_key", e.*
    FROM unnest(${slugs}::text[], ${days}::date[], ${afterSlugs}::text[], ${limits}::int[])
      WITH ORDINALITY AS k(slug, day, after_slug, lim, ord)
    CROSS JOIN LATERAL (
      SELECT * FROM "Event" ev
      WHERE k.slug = ANY(ev."actorSlugs")
        AND (ev."startsOn" > k.day OR (ev."startsOn" = k.day AND ev.slug > k.after_slug))
      ORDER BY ev."startsOn", ev.slug
      LIMIT k.lim
    ) e`;
  const counts = await db.$queryRaw<{ slug: string; n: number }[]>`
    SELECT s.slug, count(e.slug)::int AS n
    FROM unnest(${[...new Set(slugs)]}::text[]) AS s(slug)
    LEFT JOIN "Event" e ON s.slug = ANY(e."actorSlugs")
    GROUP BY s.slug`;
  const countOf = new Map(counts.map((row) => [row.slug, row.n]));
  return parsed.map((key, index) => {
    const own = rows
      .filter((row) => row._key === index + 1)
      .map(({ _key, ...event }) => event as Event);
    return toPage(own, key.size, countOf.get(key.slug) ?? 0);
  });
};

export const findActors = ({
  db,
  kind,
  search,
}: {
  db: DbClient;
  kind?: ActorKind | null;
  search?: string | null;
}): Promise<Actor[]> => {
  const term = search?.trim().slice(0, 100);
  return db.actor.findMany({
    where: {
      ...(kind ? { kind } : {}),
      ...(term
        ? {
            OR: [
              { name: { contains: term, mode: 'insensitive' } },
              { shortName: { contains: term, mode: 'insensitive' } },
              { aliases: { has: term } },
            ],
          }
        : {}),
    },
    orderBy: { name: 'asc' },
  });
};

/** Whether a relation holds at some day of `at` (open ends mean "not stated", so they hold). */
export const relationHoldsAt = (
  relation: Pick<Relation, 'fromOn' | 'untilOn'>,
  at: { from: Date; until: Date },
): boolean =>
  (!relation.fromOn || relation.fromOn <= at.until) &&
  (!relation.untilOn || relation.untilOn >= at.from);

export const findQuotes = ({
  db,
  speaker,
}: {
  db: DbClient;
  speaker?: string | null;
}): Promise<Quote[]> =>
  db.quote.findMany({
    where: speaker ? { speakerSlug: speaker } : {},
    orderBy: [{ saidOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
  });

/** The eras in their order. */
export const findEras = ({ db }: { db: DbClient }): Promise<Era[]> =>
  db.era.findMany({ orderBy: { position: 'asc' } });

export const findThemes = ({ db }: { db: DbClient }): Promise<Theme[]> =>
  db.theme.findMany({ orderBy: { name: 'asc' } });

export const findSources = ({ db }: { db: DbClient }): Promise<Source[]> =>
  db.source.findMany({ orderBy: { title: 'asc' } });

export const findFigures = ({ db }: { db: DbClient }): Promise<Figure[]> =>
  db.figure.findMany({ orderBy: [{ measures: 'asc' }, { id: 'asc' }] });

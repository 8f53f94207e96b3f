import { type DbClient, type FactStatus, Prisma } from '@quiz/prisma';

export type QuestionFacets = {
  id: string;
  eraSlugs: string[];
  sourceSlugs: string[];
  factStatus: FactStatus | null;
};

/**
 * Recomputes the bank-browsing facets of questions from the knowledge base (all of them, or the
 * given ids): `eraSlugs` (the question's own era, else the eras its dated facts fall in: events by
 * their era, quotes by the day said, relations by the day they began), `sourceSlugs` (the sources
 * its citations come from) and `factStatus` (the least settled status of its facts; FactStatus is
 * declared most settled first, so max() is the least settled). Facts without a status (offices,
 * actors) and questions without facts leave it null. One statement; the migration
 * 20261205072050_question_facets backfills with the same SQL. Run after questions are written
 * and after the knowledge base is reloaded (the seed does both).
 */
export const refreshQuestionFacets = (
  db: Pick<DbClient, '$queryRaw'>,
  ids?: readonly string[],
): Promise<QuestionFacets[]> => {
  const only = ids ? Prisma.sql`WHERE q2.id = ANY(${[...ids]}::text[])` : Prisma.empty;
  return db.$queryRaw<QuestionFacets[]>`
UPDATE "Question" AS q SET
  "eraSlugs" = CASE WHEN q."eraSlug" IS NOT NULL THEN ARRAY[q."eraSlug"] ELSE d.eras END,
  "factStatus" = d.status,
  "sourceSlugs" = ARRAY(
    SELECT DISTINCT c."sourceSlug" FROM "Citation" AS c WHERE c.id = ANY(q."citationIds") ORDER BY 1
  )
FROM (
  SELECT q2.id,
    coalesce(array_agg(DISTINCT x.era ORDER BY x.era) FILTER (WHERE x.era IS NOT NULL), '{}') AS eras,
    max(x.status) AS status
  FROM "Question" AS q2
  LEFT JOIN LATERAL unnest(q2."factIds") AS f(ref) ON true
  LEFT JOIN "Event" AS e ON f.ref = 'event:' || e.slug
  LEFT JOIN "Relation" AS r ON f.ref = 'relation:' || r.id
  LEFT JOIN "Quote" AS qu ON f.ref = 'quote:' || qu.id
  LEFT JOIN "Figure" AS fg ON f.ref = 'figure:' || fg.id
  CROSS JOIN LATERAL (
    SELECT coalesce(e."eraSlug", (
      SELECT era.slug FROM "Era" AS era
      WHERE coalesce(qu."saidOn", r."fromOn") >= era."startsOn"
        AND (era."endsOn" IS NULL OR coalesce(qu."saidOn", r."fromOn") <= era."endsOn")
    )) AS era,
    coalesce(e.status, r.status, qu.status, fg.status) AS status
  ) AS x
  ${only}
  GROUP BY q2.id
) AS d
WHERE q.id = d.id
RETURNING q.id, q."eraSlugs", q."sourceSlugs", q."factStatus"`;
};

-- Facets for bank browsing (issue 14), derived from the knowledge base by the API.
-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "eraSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "factStatus" "FactStatus",
ADD COLUMN     "sourceSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Question_eraSlugs_idx" ON "Question" USING GIN ("eraSlugs");

-- CreateIndex
CREATE INDEX "Question_sourceSlugs_idx" ON "Question" USING GIN ("sourceSlugs");

-- CreateIndex
CREATE INDEX "Question_factStatus_idx" ON "Question"("factStatus");

-- Backfill: the same statement as refreshQuestionFacets (api/src/modules/questions/service/facets.ts).

-- Backfill: the statement refreshQuestionFacets runs (api/src/modules/questions/service/facets.ts).
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
  GROUP BY q2.id
) AS d
WHERE q.id = d.id;

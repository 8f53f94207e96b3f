import {
  type DbClient,
  type FactStatus,
  Prisma,
  type Question,
  type QuestionOrigin,
  type QuestionType,
} from '@quiz/prisma';
import { z } from 'zod';
import { AppError } from '../../../errors';
import { cursorReal, cursorText, decodeCursor, encodeCursor, pageSize } from '../../../lib/cursor';
import { loadQuestionsById } from '../bank-cache';

/** What a teacher may use: the generated bank and their own questions (never deleted or retired ones). */
export const visibleQuestionWhere = (viewerId: string): Prisma.QuestionWhereInput => ({
  deletedAt: null,
  retiredAt: null,
  OR: [{ origin: 'GENERATED' }, { authorId: viewerId }],
});

export type DifficultyBand = 'EASY' | 'MEDIUM' | 'HARD';

/** Difficulty priors in bands, as the web labels them (Easy < 0.34 ≤ Medium < 0.67 ≤ Hard). */
export const DIFFICULTY_BANDS: Readonly<Record<DifficultyBand, { min: number; max: number }>> = {
  EASY: { min: 0, max: 0.34 },
  MEDIUM: { min: 0.34, max: 0.67 },
  HARD: { min: 0.67, max: Number.POSITIVE_INFINITY },
};

export type QuestionFilter = {
  types?: readonly QuestionType[] | null;
  eras?: readonly string[] | null;
  spansEras?: boolean | null;
  actors?: readonly string[] | null;
  themes?: readonly string[] | null;
  sources?: readonly string[] | null;
  statuses?: readonly FactStatus[] | null;
  difficulties?: readonly DifficultyBand[] | null;
  minDifficulty?: number | null;
  maxDifficulty?: number | null;
  origin?: QuestionOrigin | null;
  mine?: boolean | null;
  search?: string | null;
};

/** Longest search a teacher may type (characters); longer is BAD_USER_INPUT, not truncated. */
export const MAX_SEARCH_LENGTH = 200;
/** Most values one facet filter may name (there are 120 actors; a picker sends a handful). */
const MAX_FILTER_VALUES = 50;

/** The search text as PostgreSQL will read it, or null for none; refuses what it cannot take. */
const searchText = (search: string | null | undefined): string | null => {
  const text = (search ?? '')
    .normalize('NFC')
    // Control characters carry no words; NUL would fail in PostgreSQL (the API refuses it earlier).
    .replace(/\p{Cc}/gu, ' ')
    // A hyphen or dash between two words ("Iran-Iraq") reads as the en dash the bank writes.
    // PostgreSQL makes "Iran-Iraq" the phrase 'iran-iraq' <-> 'iran' <-> 'iraq', which an en-dash
    // stem lacks (a teacher typing the hyphen found 3 of the 15 Iran–Iraq War questions), and
    // "Iran–Iraq" 'iran' <-> 'iraq', which both spellings hold. A "-" that starts a word (leave it
    // out) is kept.
    .replace(/(?<=[\p{L}\p{N}])[-\u2010-\u2015\u2212](?=[\p{L}\p{N}])/gu, '\u2013')
    .trim();
  if ([...text].length > MAX_SEARCH_LENGTH) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The search is longer than ${MAX_SEARCH_LENGTH} characters; shorten it`,
      { field: 'filter.search' },
    );
  }
  return text === '' ? null : text;
};

const checkValues = (filter: QuestionFilter | null | undefined): void => {
  for (const name of ['types', 'eras', 'actors', 'themes', 'sources', 'statuses'] as const) {
    const values = filter?.[name] ?? [];
    if (values.length > MAX_FILTER_VALUES || values.some((value) => value.length > 100)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `filter.${name} takes at most ${MAX_FILTER_VALUES} values of up to 100 characters`,
        { field: `filter.${name}` },
      );
    }
  }
};

const TRUE = Prisma.sql`TRUE`;
const any = (values: readonly string[] | null | undefined) =>
  values && values.length > 0 ? [...new Set(values)] : null;

/**
 * The filter as SQL conditions on "Question" q: `base` (who may see it, origin, mine, the
 * min/max difficulty and the search) and one condition per facet. Values within a facet are
 * alternatives (OR); facets combine with AND. Facet counts leave their own facet's condition out.
 */
const conditions = (viewerId: string, filter: QuestionFilter | null | undefined) => {
  checkValues(filter);
  const search = searchText(filter?.search);
  const base: Prisma.Sql[] = [
    Prisma.sql`q."deletedAt" IS NULL`,
    Prisma.sql`(q.origin = 'GENERATED' OR q."authorId" = ${viewerId}::uuid)`,
  ];
  if (filter?.origin) {
    base.push(Prisma.sql`q.origin = ${filter.origin}::"QuestionOrigin"`);
  }
  if (filter?.mine) {
    base.push(Prisma.sql`q."authorId" = ${viewerId}::uuid`);
  }
  if (filter?.minDifficulty !== null && filter?.minDifficulty !== undefined) {
    base.push(Prisma.sql`q.difficulty >= ${filter.minDifficulty}`);
  }
  if (filter?.maxDifficulty !== null && filter?.maxDifficulty !== undefined) {
    base.push(Prisma.sql`q.difficulty <= ${filter.maxDifficulty}`);
  }
  const query = search ? Prisma.sql`websearch_to_tsquery('english', ${search})` : null;
  if (query) {
    base.push(Prisma.sql`q."searchVector" @@ ${query}`);
  }

  const types = any(filter?.types);
  const eras = any(filter?.eras);
  const themes = any(filter?.themes);
  const actors = any(filter?.actors);
  const sources = any(filter?.sources);
  const statuses = any(filter?.statuses);
  const bands = any(filter?.difficulties) as DifficultyBand[] | null;
  const eraAlternatives = [
    ...(eras
      ? [Prisma.sql`(q."eraSlugs" && ${eras}::text[] OR q."eraSlug" = ANY(${eras}::text[]))`]
      : []),
    ...(filter?.spansEras ? [Prisma.sql`cardinality(q."eraSlugs") > 1`] : []),
  ];
  const facets = {
    type: types ? Prisma.sql`q.type = ANY(${types}::"QuestionType"[])` : TRUE,
    era: eraAlternatives.length ? Prisma.sql`(${Prisma.join(eraAlternatives, ' OR ')})` : TRUE,
    theme: themes ? Prisma.sql`q.themes && ${themes}::text[]` : TRUE,
    actor: actors ? Prisma.sql`q."actorSlugs" && ${actors}::text[]` : TRUE,
    source: sources ? Prisma.sql`q."sourceSlugs" && ${sources}::text[]` : TRUE,
    status: statuses ? Prisma.sql`q."factStatus" = ANY(${statuses}::"FactStatus"[])` : TRUE,
    difficulty: bands
      ? Prisma.sql`(${Prisma.join(
          bands.map((band) => {
            const { min, max } = DIFFICULTY_BANDS[band];
            return Number.isFinite(max)
              ? Prisma.sql`(q.difficulty >= ${min} AND q.difficulty < ${max})`
              : Prisma.sql`q.difficulty >= ${min}`;
          }),
          ' OR ',
        )})`
      : TRUE,
  };
  return { base: Prisma.join(base, ' AND '), facets, query };
};

type Facet = keyof ReturnType<typeof conditions>['facets'];

/** Every facet's condition but `except`'s, as one AND. */
const allBut = (facets: Record<Facet, Prisma.Sql>, except: Facet | null): Prisma.Sql =>
  Prisma.join(
    (Object.keys(facets) as Facet[])
      .filter((facet) => facet !== except)
      .map((facet) => Prisma.sql`m.c_${Prisma.raw(facet)}`),
    ' AND ',
  );

export type FacetCount = { value: string; label: string; count: number };

export type BankFacets = {
  types: FacetCount[];
  eras: FacetCount[];
  spansEras: number;
  themes: FacetCount[];
  actors: FacetCount[];
  sources: FacetCount[];
  difficulties: FacetCount[];
  statuses: FacetCount[];
};

type FacetRow = { facet: string; value: string; label: string; count: number };

/**
 * Counts per facet value in one statement. Each facet is counted under every filter but its own
 * (disjunctive faceting), so picking a type leaves the other types' chips and counts in place;
 * `total` is the result's size under all filters. KB values carry their names as labels; enum
 * values carry themselves (the web words them).
 */
const facetSql = (base: Prisma.Sql, facets: Record<Facet, Prisma.Sql>) => {
  const flags = (Object.keys(facets) as Facet[]).map(
    (facet) => Prisma.sql`${facets[facet]} AS c_${Prisma.raw(facet)}`,
  );
  return Prisma.sql`
WITH m AS (
  SELECT q.type, q.themes, q."actorSlugs", q."sourceSlugs", q."factStatus", q.difficulty,
    CASE WHEN cardinality(q."eraSlugs") = 0 AND q."eraSlug" IS NOT NULL
      THEN ARRAY[q."eraSlug"] ELSE q."eraSlugs" END AS eras,
    ${Prisma.join(flags, ', ')}
  FROM "Question" AS q
  WHERE ${base}
), f AS (
  SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM m WHERE ${allBut(facets, null)}
  UNION ALL
  SELECT 'type', m.type::text, count(*)::int FROM m WHERE ${allBut(facets, 'type')} GROUP BY 2
  UNION ALL
  SELECT 'era', v, count(*)::int FROM m, unnest(m.eras) AS v WHERE ${allBut(facets, 'era')} GROUP BY 2
  UNION ALL
  SELECT 'spans', '', count(*)::int FROM m WHERE cardinality(m.eras) > 1 AND ${allBut(facets, 'era')}
  UNION ALL
  SELECT 'theme', v, count(*)::int FROM m, unnest(m.themes) AS v WHERE ${allBut(facets, 'theme')} GROUP BY 2
  UNION ALL
  SELECT 'actor', v, count(*)::int FROM m, unnest(m."actorSlugs") AS v WHERE ${allBut(facets, 'actor')} GROUP BY 2
  UNION ALL
  SELECT 'source', v, count(*)::int FROM m, unnest(m."sourceSlugs") AS v WHERE ${allBut(facets, 'source')} GROUP BY 2
  UNION ALL
  SELECT 'status', m."factStatus"::text, count(*)::int FROM m
    WHERE m."factStatus" IS NOT NULL AND ${allBut(facets, 'status')} GROUP BY 2
  UNION ALL
  SELECT 'difficulty', CASE WHEN m.difficulty < ${DIFFICULTY_BANDS.EASY.max} THEN 'EASY'
      WHEN m.difficulty < ${DIFFICULTY_BANDS.MEDIUM.max} THEN 'MEDIUM' ELSE 'HARD' END,
    count(*)::int FROM m WHERE ${allBut(facets, 'difficulty')} GROUP BY 2
)
SELECT f.facet, f.value, f.count,
  coalesce(era.name, theme.name, actor.name, source.title, f.value) AS label
FROM f
LEFT JOIN "Era" AS era ON f.facet = 'era' AND era.slug = f.value
LEFT JOIN "Theme" AS theme ON f.facet = 'theme' AND theme.slug = f.value
LEFT JOIN "Actor" AS actor ON f.facet = 'actor' AND actor.slug = f.value
LEFT JOIN "Source" AS source ON f.facet = 'source' AND source.slug = f.value
ORDER BY f.facet, era.position, f.count DESC, 4, f.value`;
};

const ENUM_ORDER: Record<string, readonly string[]> = {
  difficulty: ['EASY', 'MEDIUM', 'HARD'],
  status: ['FACT', 'REPORTED', 'CLAIM', 'OPINION', 'DISPUTED'],
};

const toFacets = (rows: FacetRow[], typeOrder: readonly string[]) => {
  const of = (facet: string, order?: readonly string[]): FacetCount[] => {
    const list = rows
      .filter((row) => row.facet === facet && row.count > 0)
      .map(({ value, label, count }) => ({ value, label, count }));
    return order ? list.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value)) : list;
  };
  const facets: BankFacets = {
    types: of('type', typeOrder),
    eras: of('era'),
    spansEras: rows.find((row) => row.facet === 'spans')?.count ?? 0,
    themes: of('theme'),
    actors: of('actor'),
    sources: of('source'),
    difficulties: of('difficulty', ENUM_ORDER.difficulty),
    statuses: of('status', ENUM_ORDER.status),
  };
  return { facets, total: rows.find((row) => row.facet === 'total')?.count ?? 0 };
};

// Without a search: easiest first, then id. With one: best match first (rank `r`), then the same.
const Cursor = z.object({ r: cursorReal.optional(), d: z.number(), id: cursorText(100) });

export type BankQuestionPage = {
  nodes: Question[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countsByType: { type: QuestionType; count: number }[];
  facets: BankFacets;
};

export type FindBankQuestionsOptions = {
  db: DbClient;
  viewerId: string;
  filter?: QuestionFilter | null;
  first?: number | null;
  after?: string | null;
  /** The order of QuestionType values (for the type facet). */
  typeOrder?: readonly string[];
};

type PageRow = { id: string; difficulty: number; rank: number | null };

/**
 * Searches the questions a teacher may use, keyset-paginated: by full-text rank when there is a
 * search (PostgreSQL websearch syntax: words, "phrases", or, -not; anything else is read as
 * words), else easiest first; with the count of every facet value. Two statements (page ids,
 * facets) plus the question cache's misses.
 */
export const findBankQuestions = async ({
  db,
  viewerId,
  filter,
  first,
  after,
  typeOrder = [],
}: FindBankQuestionsOptions): Promise<BankQuestionPage> => {
  const size = pageSize(first, 20, 100);
  const { base, facets, query } = conditions(viewerId, filter);
  const cursor = after ? decodeCursor(after, Cursor) : null;
  if (cursor && (cursor.r === undefined) !== (query === null)) {
    throw new AppError('BAD_USER_INPUT', 'The cursor belongs to another search', {
      field: 'after',
    });
  }
  const rank = query ? Prisma.sql`ts_rank(q."searchVector", ${query})` : Prisma.sql`NULL::real`;
  const keyset = cursor
    ? query
      ? Prisma.sql`(p.rank < ${cursor.r}::real OR (p.rank = ${cursor.r}::real AND (p.difficulty > ${cursor.d} OR (p.difficulty = ${cursor.d} AND p.id > ${cursor.id}))))`
      : Prisma.sql`(p.difficulty > ${cursor.d} OR (p.difficulty = ${cursor.d} AND p.id > ${cursor.id}))`
    : TRUE;
  const order = query
    ? Prisma.sql`p.rank DESC, p.difficulty ASC, p.id ASC`
    : Prisma.sql`p.difficulty ASC, p.id ASC`;
  const matches = Prisma.join(
    (Object.keys(facets) as Facet[]).map((facet) => facets[facet]),
    ' AND ',
  );
  const [rows, facetRows] = await Promise.all([
    db.$queryRaw<PageRow[]>`
      SELECT p.id, p.difficulty, p.rank FROM (
        SELECT q.id, q.difficulty, ${rank} AS rank FROM "Question" AS q
        WHERE ${base} AND ${matches}
      ) AS p
      WHERE ${keyset}
      ORDER BY ${order}
      LIMIT ${size + 1}`,
    db.$queryRaw<FacetRow[]>(facetSql(base, facets)),
  ]);
  const pageRows = rows.slice(0, size);
  const loaded = await loadQuestionsById(
    db,
    pageRows.map((row) => row.id),
  );
  const nodes = loaded.filter((row): row is Question => row !== null);
  const last = pageRows.at(-1);
  const { facets: counts, total } = toFacets(facetRows, typeOrder);
  return {
    nodes,
    totalCount: total,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last
        ? encodeCursor(
            query
              ? { r: Number(last.rank), d: last.difficulty, id: last.id }
              : { d: last.difficulty, id: last.id },
          )
        : null,
    },
    countsByType: counts.types.map((facet) => ({
      type: facet.value as QuestionType,
      count: facet.count,
    })),
    facets: counts,
  };
};

/** One question the teacher may use, or null (another teacher's question reads as missing). */
export const getBankQuestion = ({
  db,
  viewerId,
  id,
}: {
  db: DbClient;
  viewerId: string;
  id: string;
}): Promise<Question | null> =>
  db.question.findFirst({ where: { id, ...visibleQuestionWhere(viewerId) } });

/**
 * "More like this": questions the teacher may use that share the most facts with the given one,
 * then its template, then the most actors, then the closest difficulty. Empty when the question
 * is not the teacher's to see. One statement plus the question cache's misses.
 */
export const findSimilarQuestions = async ({
  db,
  viewerId,
  id,
  first,
}: {
  db: DbClient;
  viewerId: string;
  id: string;
  first?: number | null;
}): Promise<Question[]> => {
  const size = pageSize(first, 5, 20);
  const visible = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}."deletedAt" IS NULL AND (${Prisma.raw(alias)}.origin = 'GENERATED' OR ${Prisma.raw(alias)}."authorId" = ${viewerId}::uuid)`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT q.id FROM "Question" AS q, "Question" AS s
    WHERE s.id = ${id} AND ${visible('s')} AND ${visible('q')} AND q.id <> s.id
      AND (q."factIds" && s."factIds" OR q.template = s.template OR q."actorSlugs" && s."actorSlugs")
    ORDER BY
      cardinality(ARRAY(SELECT unnest(q."factIds") INTERSECT SELECT unnest(s."factIds"))) DESC,
      (q.template = s.template) DESC,
      cardinality(ARRAY(SELECT unnest(q."actorSlugs") INTERSECT SELECT unnest(s."actorSlugs"))) DESC,
      abs(q.difficulty - s.difficulty) ASC,
      q.id ASC
    LIMIT ${size}`;
  const loaded = await loadQuestionsById(
    db,
    rows.map((row) => row.id),
  );
  return loaded.filter((row): row is Question => row !== null);
};

/**
 * Seeds the bench database in SQL: generate_series for the rows, md5/hashint4 for every id and
 * every "random" choice, fixed timestamps, so two runs (or two machines) get byte-identical data.
 * See data.ts for the sizes and the id formulas the load generator relies on.
 */
import { performance } from 'node:perf_hooks';
import { createPrismaClient } from '@quiz/prisma';
import pg from 'pg';
import { rebuildBoardCounts } from '../src/modules/leaderboard/service';
import {
  ANSWER_PLAYERS,
  BOARD_KEY,
  BOARD_SET_ID,
  BOARD_VIEWERS,
  CITATIONS,
  FETCH_PLAYERS,
  FINISH_PLAYERS,
  QUESTIONS,
  QUESTIONS_PER_SET,
  SETS,
  SOURCES,
  TEACHER_ID,
} from './data';

const T0 = `timestamp '2026-11-01 08:00:00'`;

/** Deterministic filler text: n words picked by hashint4 from a fixed list. */
const WORDS_FN = `
CREATE OR REPLACE FUNCTION pg_temp.bench_words(seed int, n int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg((ARRAY['Iran','Syria','Damascus','Tehran','alliance','treaty','visit',
    'minister','president','accord','oil','pipeline','Lebanon','Iraq','war','ceasefire','embassy',
    'delegation','agreement','revolution','summit','trade','security','council','talks','support',
    'crisis','border','foreign','policy'])[1 + (abs(hashint4(seed * 131 + j)::bigint) % 30)::int],
    ' ' ORDER BY j)
  FROM generate_series(1, n) j
$$`;

const content = (): string[] => [
  `INSERT INTO "Source" (slug, file, title, publisher, kind, "publishedLabel", url,
     "reliabilityNote", "noiseNote")
   SELECT 'bench-src-' || i, 'bench-' || i || '.md', 'Source ' || i || ': ' || initcap(pg_temp.bench_words(i, 6)),
     'Publisher ' || i,
     (ARRAY['ENCYCLOPEDIA','NEWS','RESEARCH_PAPER','ANALYSIS','SEARCH_RESULTS'])[i]::"SourceKind",
     (2010 + i)::text, 'https://example.org/sources/' || i, 'Bench data.', 'Bench data.'
   FROM generate_series(1, ${SOURCES}) i`,
  `INSERT INTO "Citation" (id, "sourceSlug", quote, locator, position)
   SELECT 'bench-cit-' || lpad(i::text, 4, '0'), 'bench-src-' || (1 + i % ${SOURCES}),
     initcap(pg_temp.bench_words(1000 + i, 32)) || '.', 'para. ' || i, i
   FROM generate_series(1, ${CITATIONS}) i`,
  `INSERT INTO "Question" (id, origin, type, template, stem, prompt, key, explanation,
     "citationIds", "factIds", "eraSlug", themes, "actorSlugs", difficulty, "createdAt", "updatedAt")
   SELECT 'bench-q-' || lpad(i::text, 5, '0'), 'GENERATED', 'SINGLE_CHOICE', 'bench.single-choice',
     'Which of these describes ' || pg_temp.bench_words(2000 + i, 14) || '?',
     jsonb_build_object('options', (SELECT jsonb_agg(jsonb_build_object(
         'id', 'o' || substr(md5(i || ':' || k), 1, 8),
         'label', initcap(pg_temp.bench_words(3000 + i * 4 + k, 5))) ORDER BY k)
       FROM generate_series(1, 4) k)),
     jsonb_build_object(
       'optionIds', jsonb_build_array('o' || substr(md5(i || ':' || (1 + h % 4)), 1, 8)),
       'rationales', (SELECT jsonb_agg(jsonb_build_object(
           'ref', 'o' || substr(md5(i || ':' || k), 1, 8),
           'isCorrect', k = 1 + h % 4,
           'text', initcap(pg_temp.bench_words(5000 + i * 4 + k, 22)) || '.',
           'citationIds', jsonb_build_array('bench-cit-' || lpad((1 + (h + k) % ${CITATIONS})::text, 4, '0')),
           'factIds', '[]'::jsonb) ORDER BY k)
         FROM generate_series(1, 4) k)),
     initcap(pg_temp.bench_words(9000 + i, 40)) || '.',
     ARRAY['bench-cit-' || lpad((1 + h % ${CITATIONS})::text, 4, '0'),
           'bench-cit-' || lpad((1 + (h / 7 + 1) % ${CITATIONS})::text, 4, '0')],
     ARRAY[]::text[], NULL, ARRAY[]::text[], ARRAY[]::text[], (h % 100) / 100.0, ${T0}, ${T0}
   FROM (SELECT i, abs(hashint4(i)::bigint) AS h FROM generate_series(1, ${QUESTIONS}) i) q`,
  `INSERT INTO "User" (id, email, "displayName", role, "createdAt")
   VALUES ('${TEACHER_ID}', 'bench-teacher@bench.quiz', 'Bench Teacher', 'TEACHER', ${T0})`,
  `INSERT INTO "QuestionSet" (id, "ownerId", title, description, status, "shareCode", "scoringMode",
     "shuffleQuestions", "isPractice", version, "createdAt", "updatedAt", "publishedAt")
   SELECT CASE WHEN k = 0 THEN '${BOARD_SET_ID}'::uuid ELSE md5('set' || k)::uuid END, '${TEACHER_ID}',
     'Bench set ' || k || ': ' || initcap(pg_temp.bench_words(7000 + k, 5)), '', 'PUBLISHED',
     'BENCH' || lpad(k::text, 3, '0'), 'ACCURACY', false, false, 1, ${T0}, ${T0}, ${T0}
   FROM generate_series(0, ${SETS}) k`,
  // Set 0 (the big board's set) plays set 1's questions.
  `INSERT INTO "QuestionSetItem" ("setId", position, "questionId", "timeLimitSec")
   SELECT CASE WHEN k = 0 THEN '${BOARD_SET_ID}'::uuid ELSE md5('set' || k)::uuid END, p,
     'bench-q-' || lpad(((((greatest(k, 1) - 1) * ${QUESTIONS_PER_SET} + p) % ${QUESTIONS}) + 1)::text, 5, '0'),
     NULL
   FROM generate_series(0, ${SETS}) k, generate_series(0, ${QUESTIONS_PER_SET - 1}) p`,
];

export type PoolSizes = { f: number; n: number; x: number };
const DEFAULT_POOLS: PoolSizes = { f: FETCH_PLAYERS, n: ANSWER_PLAYERS, x: FINISH_PLAYERS };

const players = (sizes: PoolSizes): string[] => {
  const POOLS = `(VALUES ('f', ${sizes.f}), ('n', ${sizes.n}), ('x', ${sizes.x})) v(pool, n)`;
  return [
    `INSERT INTO "User" (id, "displayName", "createdAt")
   SELECT md5(pool || i)::uuid, 'Player ' || pool || i, ${T0}
   FROM ${POOLS}, generate_series(1, v.n) i`,
    `INSERT INTO "Attempt" (id, "setId", "setVersion", "userId", status, "scoringMode", "startedAt",
     score, "maxScore", "correctCount", "questionCount")
   SELECT md5(pool || 'a' || i)::uuid, md5('set' || ((i - 1) % ${SETS} + 1))::uuid, 1,
     md5(pool || i)::uuid, 'IN_PROGRESS', 'ACCURACY', ${T0}, 0, ${1000 * QUESTIONS_PER_SET}, 0,
     ${QUESTIONS_PER_SET}
   FROM ${POOLS}, generate_series(1, v.n) i`,
    // Items; the finish pool's are answered already (a hashed pick among the 4 options).
    `INSERT INTO "AttemptItem" ("attemptId", position, "questionId", "timeLimitSec", "presentedAt",
     "answeredAt", response, "isCorrect", credit, points, "timedOut")
   SELECT md5(pool || 'a' || i)::uuid, si.position, si."questionId", NULL,
     CASE WHEN answered THEN ${T0} + si.position * interval '20 seconds' END,
     CASE WHEN answered THEN ${T0} + (si.position + 1) * interval '20 seconds' END,
     CASE WHEN answered THEN jsonb_build_object('optionIds', jsonb_build_array(picked)) END,
     CASE WHEN answered THEN picked = q.key -> 'optionIds' ->> 0 END,
     CASE WHEN answered THEN (picked = q.key -> 'optionIds' ->> 0)::int::float8 END,
     CASE WHEN answered THEN (picked = q.key -> 'optionIds' ->> 0)::int * 1000 END,
     false
   FROM ${POOLS}, generate_series(1, v.n) i
   JOIN "QuestionSetItem" si ON si."setId" = md5('set' || ((i - 1) % ${SETS} + 1))::uuid
   JOIN "Question" q ON q.id = si."questionId"
   CROSS JOIN LATERAL (SELECT pool = 'x' AS answered,
     q.prompt -> 'options' -> (abs(hashint4(i * 64 + si.position)::bigint) % 4)::int ->> 'id' AS picked) a`,
    `INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt")
   SELECT encode(sha256(convert_to('bench_' || pool || '_' || lpad(i::text, 12, '0'), 'UTF8')), 'hex'),
     md5(pool || i)::uuid, ${T0}, timestamp '2099-01-01'
   FROM ${POOLS}, generate_series(1, v.n) i`,
  ];
};

/** Sessions for the first players of the big board (after the board's users exist). */
const viewerSessions = (viewers: number) => `
  INSERT INTO "Session" (id, "userId", "createdAt", "expiresAt")
  SELECT encode(sha256(convert_to('bench_u_' || lpad(i::text, 12, '0'), 'UTF8')), 'hex'),
    md5('u' || i)::uuid, ${T0}, timestamp '2099-01-01'
  FROM generate_series(1, ${viewers}) i`;

/** Rows [from, to] of the big board: its players and their entries (the probe's distribution). */
const boardChunk = (from: number, to: number): string[] => [
  `INSERT INTO "User" (id, "displayName", "createdAt")
   SELECT md5('u' || i)::uuid, 'Player ' || i, ${T0} FROM generate_series(${from}, ${to}) i`,
  // Scores: mostly whole questions (many ties), some speed-bonus values; times over 90 days.
  `INSERT INTO "LeaderboardEntry" ("boardKey", "userId", score, "achievedAt", "attemptCount")
   SELECT '${BOARD_KEY}', md5('u' || i)::uuid,
     CASE WHEN h % 10 < 7 THEN (h % 31) * 1000 ELSE h % 30001 END,
     timestamp '2026-09-01' + ((h / 7) % (90 * 24 * 60)) * interval '1 minute', 1
   FROM (SELECT i, abs(hashint4(i)::bigint) AS h FROM generate_series(${from}, ${to}) i) s`,
];

export type SeedReport = { seconds: number; boardSeconds: number; boardEntries: number };

/**
 * Fills an empty, migrated database. `boardEntries` players go on the big board; `pools` sizes
 * the player pools (the fault tests use small ones).
 */
export const seedBench = async (
  url: string,
  boardEntries: number,
  log: (line: string) => void,
  pools: PoolSizes = DEFAULT_POOLS,
): Promise<SeedReport> => {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(WORDS_FN);
    for (const sql of [...content(), ...players(pools)]) {
      await client.query(sql);
    }
  } finally {
    await client.end();
  }
  log(`  content and player pools in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // The big board: secondary indexes off during the load and rebuilt after (same definitions),
  // foreign-key triggers off on the loading connections (the ids match by construction).
  const boardStarted = performance.now();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows: indexes } = await admin.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
     WHERE tablename = 'LeaderboardEntry' AND indexname <> 'LeaderboardEntry_pkey'`,
  );
  for (const index of indexes) {
    await admin.query(`DROP INDEX "${index.indexname}"`);
  }
  const CHUNK = 500_000;
  const chunks: [number, number][] = [];
  for (let from = 1; from <= boardEntries; from += CHUNK) {
    chunks.push([from, Math.min(boardEntries, from + CHUNK - 1)]);
  }
  const worker = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`SET session_replication_role = replica`);
    try {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        for (const sql of boardChunk(chunk[0], chunk[1])) {
          await c.query(sql);
        }
      }
    } finally {
      await c.end();
    }
  };
  await Promise.all([worker(), worker()]);
  log(
    `  ${boardEntries.toLocaleString('en')} board players and entries in ${((performance.now() - boardStarted) / 1000).toFixed(1)} s`,
  );
  await admin.query(viewerSessions(Math.min(BOARD_VIEWERS, boardEntries)));
  await admin.query('SET maintenance_work_mem = 1048576');
  for (const index of indexes) {
    await admin.query(index.indexdef);
  }
  // The count table, built from the entries by the same SQL the API uses to repair a board.
  const db = createPrismaClient({ url, poolSize: 1 });
  try {
    await rebuildBoardCounts({ db, boardKey: BOARD_KEY });
  } finally {
    await db.$disconnect();
  }
  const boardSeconds = (performance.now() - boardStarted) / 1000;
  log(`  board indexes and count table done, ${boardSeconds.toFixed(1)} s for the board`);
  await admin.query('VACUUM ANALYZE');
  await admin.query('CHECKPOINT');
  await admin.end();
  return { seconds: (performance.now() - started) / 1000, boardSeconds, boardEntries };
};

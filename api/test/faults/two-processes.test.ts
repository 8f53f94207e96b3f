/**
 * Two API processes on one database, under load: players start an attempt on one process,
 * answer on both alternately, and finish it on both at the same moment. Every attempt is scored
 * once: one finish writes, both answer the same score, the boards count each player once, and
 * the count table equals a recount from the entries.
 */
import { cookieOf, setIdOf } from '../../bench/data';
import {
  type Api,
  correctOptions,
  FINISH,
  figure,
  gql,
  outcome,
  type Postgres,
  startApi,
  startPostgres,
  tally,
  wrongOptions,
} from './support';

const PLAYERS = 60;
const ANSWERS = 10;

const START = `mutation ($setId: ID!) { startAttempt(input: { setId: $setId }) {
  id questions { position questionId } } }`;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) {
  answerQuestion(attemptId: $a, position: $p, response: $r) { points } }`;
const BOARD = `query ($setId: ID!) { leaderboard(input: { setId: $setId, first: 1 }) {
  totalPlayers viewerEntry { rank score } } }`;

describe('two API processes on one database', () => {
  let db: Postgres;
  let a: Api;
  let b: Api;
  beforeAll(async () => {
    db = await startPostgres({ f: 0, n: PLAYERS, x: 0 });
    [a, b] = await Promise.all([startApi(db.url), startApi(db.url)]);
  });
  afterAll(async () => {
    a?.kill('SIGKILL');
    b?.kill('SIGKILL');
    await db?.destroy();
  });

  it('scores an attempt started on one and finished on both exactly once', async () => {
    const correct = await correctOptions(db);
    const wrong = await wrongOptions(db);
    const problems: string[] = [];
    const outcomes: string[] = [];
    const finished = new Map<number, { setId: string; attemptId: string; score: number }>();
    const setNumber = (player: number) => (player % 40) + 1; // not the set of their open attempt
    await Promise.all(
      Array.from({ length: PLAYERS }, async (_, index) => {
        const player = index + 1;
        const cookie = cookieOf('n', player);
        const setId = setIdOf(setNumber(player));
        const started = await gql(a.url, { query: START, variables: { setId }, cookie });
        outcomes.push(outcome(started));
        const attempt = started.body?.data?.startAttempt as
          | { id: string; questions: { position: number; questionId: string }[] }
          | undefined;
        if (!attempt) {
          problems.push(`${player}: start ${outcome(started)}`);
          return;
        }
        for (const question of attempt.questions.slice(0, ANSWERS)) {
          const right = (player + question.position) % 3 !== 0;
          const reply = await gql(question.position % 2 ? b.url : a.url, {
            query: ANSWER,
            variables: {
              a: attempt.id,
              p: question.position,
              r: { optionIds: [(right ? correct : wrong).get(question.questionId)] },
            },
            cookie,
          });
          outcomes.push(outcome(reply));
        }
        // Finish on both processes at once.
        const [onA, onB] = await Promise.all(
          [a, b].map((api) =>
            gql(api.url, { query: FINISH, variables: { attemptId: attempt.id }, cookie }),
          ),
        );
        outcomes.push(outcome(onA as never), outcome(onB as never));
        const scoreA = (onA?.body?.data?.finishAttempt as { score: number } | undefined)?.score;
        const scoreB = (onB?.body?.data?.finishAttempt as { score: number } | undefined)?.score;
        if (scoreA === undefined || scoreA !== scoreB) {
          problems.push(`${player}: finish scores ${scoreA} / ${scoreB}`);
        }
        finished.set(player, { setId, attemptId: attempt.id, score: scoreA ?? -1 });
      }),
    );

    // The database: scores from the items, one entry per player and board, counts = recount.
    const attempts = await db.query<{ id: string; score: number; sum: number; status: string }>(
      `SELECT a.id, a.score, a.status, (SELECT coalesce(sum(points), 0)::int FROM "AttemptItem" i
         WHERE i."attemptId" = a.id) AS sum
       FROM "Attempt" a WHERE a.id = ANY($1::uuid[])`,
      [[...finished.values()].map((f) => f.attemptId)],
    );
    const wrongScores = attempts.filter(
      (row) =>
        row.status !== 'FINISHED' ||
        row.score !== row.sum ||
        row.score !== [...finished.values()].find((f) => f.attemptId === row.id)?.score,
    );
    const entries = await db.query<{ boardKey: string; n: number; counted: number }>(
      `SELECT "boardKey", count(*)::int AS n, sum("attemptCount")::int AS counted
       FROM "LeaderboardEntry" GROUP BY "boardKey"`,
    );
    const doubled = entries.filter((row) => row.counted !== row.n);
    const mismatchedCounts = await db.query<{ boardKey: string }>(
      `WITH recount AS (
         SELECT e."boardKey", l.level, l.score, l.bucket, count(*)::int AS count
         FROM "LeaderboardEntry" e, LATERAL (VALUES
           (0::smallint, floor(e.score::numeric / CASE WHEN e."boardKey" LIKE 'o:%' THEN 10000 ELSE 1000 END)::int, 0),
           (1::smallint, floor(e.score::numeric / CASE WHEN e."boardKey" LIKE 'o:%' THEN 100 ELSE 25 END)::int, 0),
           (2::smallint, e.score, 0),
           (3::smallint, e.score, floor(extract(epoch FROM e."achievedAt") / 86400)::int),
           (4::smallint, e.score, floor(extract(epoch FROM e."achievedAt") / 3600)::int)
         ) AS l(level, score, bucket)
         GROUP BY 1, 2, 3, 4),
       stored AS (SELECT "boardKey", level, score, bucket, count FROM "LeaderboardCount" WHERE count <> 0)
       SELECT "boardKey" FROM ((SELECT * FROM recount EXCEPT SELECT * FROM stored)
         UNION ALL (SELECT * FROM stored EXCEPT SELECT * FROM recount)) diff`,
    );
    // Ranks read from the other process agree with a COUNT over the board.
    const rankProblems: string[] = [];
    for (const player of [1, 2, 3, 30, PLAYERS]) {
      const f = finished.get(player);
      if (!f) {
        continue;
      }
      const reply = await gql(b.url, {
        query: BOARD,
        variables: { setId: f.setId },
        cookie: cookieOf('n', player),
      });
      const rank = (
        reply.body?.data?.leaderboard as { viewerEntry: { rank: number } | null } | undefined
      )?.viewerEntry?.rank;
      const [oracle] = await db.query<{ rank: number }>(
        `SELECT 1 + count(*)::int AS rank FROM "LeaderboardEntry" o, "LeaderboardEntry" me
         WHERE me."boardKey" = $1 AND me."userId" = (SELECT "userId" FROM "Attempt" WHERE id = $2)
           AND o."boardKey" = $1
           AND (o.score > me.score OR (o.score = me.score AND (o."achievedAt", o."userId") < (me."achievedAt", me."userId")))`,
        [`s:${f.setId}:a`, f.attemptId],
      );
      if (rank !== oracle?.rank) {
        rankProblems.push(`${player}: ${rank} vs COUNT ${oracle?.rank}`);
      }
    }
    figure(
      'two API processes',
      `${PLAYERS} players: start on A, ${ANSWERS} answers alternating A/B, finish on A and B at once → finished ${attempts.filter((r) => r.status === 'FINISHED').length}, scored twice ${doubled.length}, score ≠ Σ points ${wrongScores.length}, count rows ≠ recount ${mismatchedCounts.length}, ranks ≠ COUNT ${rankProblems.length}; outcomes ${JSON.stringify(tally(outcomes))}`,
    );
    expect(problems).toEqual([]);
    expect(attempts).toHaveLength(PLAYERS);
    expect(wrongScores).toEqual([]);
    expect(doubled).toEqual([]);
    expect(mismatchedCounts).toEqual([]);
    expect(rankProblems).toEqual([]);
  });
});

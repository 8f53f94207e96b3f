/**
 * The four HTTP scenarios: the request each one sends (the web's real documents, a real session
 * cookie per player), how each response is checked, and how the database is put back between
 * cells so every server meets the same state (unanswered items, unfinished attempts, an empty
 * rate-limit table).
 */
import type { Question } from '@quiz/prisma';
import type pg from 'pg';
import { idMapsOf, playerPrompt } from '../src/modules/attempts/public-ids';
import {
  ANSWER_PLAYERS,
  attemptIdOf,
  BOARD_KEY,
  BOARD_SET_ID,
  BOARD_VIEWERS,
  cookieOf,
  FETCH_PLAYERS,
  FINISH_PLAYERS,
  QUESTIONS_PER_SET,
  questionIdOf,
  questionNumberOf,
  setNumberOf,
  userIdOf,
} from './data';
import type { WebDocuments } from './lib/documents';
import type { Sent } from './lib/load';

export const SCENARIOS = ['fetch', 'answer', 'finish', 'leaderboard'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  fetch: 'Fetch a quiz (Attempt, 30 questions)',
  answer: 'Submit an answer (AnswerQuestion)',
  finish: 'Finish an attempt (FinishAttempt + rank)',
  leaderboard: 'Leaderboard top 20 + my rank (Leaderboard)',
};

const count = (text: string, needle: string): number => {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    n += 1;
  }
  return n;
};

/** Status, GraphQL errors, then the scenario's own shape check. */
const checked =
  (shape: (body: string) => string | null) =>
  (status: number, body: string): string | null => {
    if (status !== 200) {
      return `HTTP ${status}`;
    }
    if (body.includes('"errors"')) {
      const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? 'unknown';
      return `GraphQL error ${code}`;
    }
    return shape(body);
  };

export type BenchFixtures = {
  /** Correct option id by question id. */
  correct: Map<string, string>;
  /** Exact rank by board viewer number (1-based), from a row_number() over the whole board. */
  viewerRanks: Map<number, number>;
  boardEntries: number;
};

export const loadFixtures = async (client: pg.Client): Promise<BenchFixtures> => {
  // Players name options by place in the order shown (o1, o2, …; src/modules/attempts/public-ids.ts).
  const { rows: questions } = await client.query<Pick<Question, 'id' | 'type' | 'prompt' | 'key'>>(
    `SELECT id, type, prompt, key FROM "Question" WHERE id LIKE 'bench-q-%'`,
  );
  const rows = questions.map((question) => ({
    id: question.id,
    correct:
      idMapsOf(playerPrompt(question)).toPublic.options.get(
        (question.key as { optionIds: string[] }).optionIds[0] ?? '',
      ) ?? '',
  }));
  const viewers = Array.from({ length: BOARD_VIEWERS }, (_, i) => userIdOf('u', i + 1));
  const { rows: ranks } = await client.query<{ userId: string; rank: number }>(
    `SELECT "userId", r::int AS rank FROM (
       SELECT "userId", row_number() OVER (ORDER BY score DESC, "achievedAt", "userId") AS r
       FROM "LeaderboardEntry" WHERE "boardKey" = $1) ranked
     WHERE "userId" = ANY($2::uuid[])`,
    [BOARD_KEY, viewers],
  );
  const byUser = new Map(ranks.map((row) => [row.userId, row.rank]));
  const { rows: total } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "LeaderboardEntry" WHERE "boardKey" = $1`,
    [BOARD_KEY],
  );
  return {
    correct: new Map(rows.map((row) => [row.id, row.correct])),
    viewerRanks: new Map(viewers.map((id, i) => [i + 1, byUser.get(id) ?? -1])),
    boardEntries: total[0]?.n ?? 0,
  };
};

/** A request generator for one cell; `exhausted` counts requests beyond the pool. */
export type Generator = { next: () => Sent; used: () => number };

export const generator = (
  scenario: Scenario,
  documents: WebDocuments,
  fixtures: BenchFixtures,
): Generator => {
  let k = 0;
  switch (scenario) {
    case 'fetch': {
      const body = (id: string) => JSON.stringify({ query: documents.attempt, variables: { id } });
      const check = checked((text) => {
        if (count(text, '"questionId":') !== QUESTIONS_PER_SET) {
          return 'not 30 questions';
        }
        if (!text.includes('"status":"IN_PROGRESS"') || count(text, '"result":null') !== 30) {
          return 'wrong attempt state';
        }
        return null;
      });
      return {
        next: () => {
          // A fixed pseudo-random walk over the players (a full cycle: 7919 is prime).
          const i = ((k * 7919) % FETCH_PLAYERS) + 1;
          k += 1;
          return { body: body(attemptIdOf('f', i)), cookie: cookieOf('f', i), check };
        },
        used: () => k,
      };
    }
    case 'answer': {
      return {
        next: () => {
          // Every request answers a different item: player by player, then position by position.
          const i = (k % ANSWER_PLAYERS) + 1;
          const position = Math.floor(k / ANSWER_PLAYERS) % QUESTIONS_PER_SET;
          const beyond = k >= ANSWER_PLAYERS * QUESTIONS_PER_SET;
          k += 1;
          const question = questionIdOf(questionNumberOf(setNumberOf(i), position));
          const option = fixtures.correct.get(question) as string;
          return {
            body: JSON.stringify({
              query: documents.answerQuestion,
              variables: {
                attemptId: attemptIdOf('n', i),
                position,
                response: { optionIds: [option] },
              },
            }),
            cookie: cookieOf('n', i),
            check: checked((text) => {
              if (beyond) {
                return 'answer pool exhausted';
              }
              if (!text.includes(`"answerQuestion":{"position":${position},"isCorrect":true`)) {
                return 'not the locked right answer';
              }
              return count(text, '"ref":') === 4 ? null : 'not 4 rationales';
            }),
          };
        },
        used: () => k,
      };
    }
    case 'finish': {
      return {
        next: () => {
          const i = (k % FINISH_PLAYERS) + 1;
          const beyond = k >= FINISH_PLAYERS;
          k += 1;
          return {
            body: JSON.stringify({
              query: documents.finishAttempt,
              variables: { attemptId: attemptIdOf('x', i) },
            }),
            cookie: cookieOf('x', i),
            check: checked((text) => {
              if (beyond) {
                return 'finish pool exhausted';
              }
              return /"status":"FINISHED","score":\d+,"rank":[1-9]\d*,"finishedAt":"/.test(text)
                ? null
                : 'not finished with a rank';
            }),
          };
        },
        used: () => k,
      };
    }
    case 'leaderboard': {
      const body = JSON.stringify({
        query: documents.leaderboard,
        variables: { input: { setId: BOARD_SET_ID, window: 'ALL_TIME', first: 20 } },
      });
      return {
        next: () => {
          const i = ((k * 7919) % BOARD_VIEWERS) + 1;
          k += 1;
          const rank = fixtures.viewerRanks.get(i);
          return {
            body,
            cookie: cookieOf('u', i),
            check: checked((text) => {
              if (count(text, '"rank":') !== 21) {
                return 'not 20 entries and my entry';
              }
              if (!text.includes(`"totalPlayers":${fixtures.boardEntries},`)) {
                return 'wrong player count';
              }
              if (!text.includes(`"viewerEntry":{"rank":${rank},`)) {
                return 'my rank differs from the row_number() oracle';
              }
              return null;
            }),
          };
        },
        used: () => k,
      };
    }
  }
};

/** The players of a pool as a relation (joins use the indexes; `= ANY(big array)` may not). */
const pool = (prefix: string, n: number) =>
  `(SELECT md5('${prefix}' || i)::uuid AS id FROM generate_series(1, ${n}) i)`;

/** Puts the written pools back: run before every answer and finish cell. */
export const resetPools = async (client: pg.Client, scenario: Scenario): Promise<void> => {
  if (scenario === 'answer') {
    await client.query(`
      UPDATE "AttemptItem" i SET "answeredAt" = NULL, "presentedAt" = NULL, response = NULL,
        "isCorrect" = NULL, credit = NULL, points = NULL, "timedOut" = false
      FROM ${pool('na', ANSWER_PLAYERS)} p
      WHERE i."attemptId" = p.id AND i."answeredAt" IS NOT NULL`);
    await client.query(`DELETE FROM "ReviewCard"`);
    await client.query(`DELETE FROM "RateLimitBucket"`);
  }
  if (scenario === 'finish') {
    await client.query(`
      UPDATE "Attempt" a SET status = 'IN_PROGRESS', "finishedAt" = NULL, score = 0,
        "correctCount" = 0
      FROM ${pool('xa', FINISH_PLAYERS)} p
      WHERE a.id = p.id AND a.status = 'FINISHED'`);
    // Only the finish pool writes boards besides the big one.
    const { rows } = await client.query<{ boardKey: string }>(
      `DELETE FROM "LeaderboardEntry" e USING ${pool('x', FINISH_PLAYERS)} p
       WHERE e."userId" = p.id RETURNING e."boardKey"`,
    );
    const keys = [...new Set(rows.map((row) => row.boardKey))].filter((key) => key !== BOARD_KEY);
    if (keys.length > 0) {
      await client.query(`DELETE FROM "LeaderboardCount" WHERE "boardKey" = ANY($1::text[])`, [
        keys,
      ]);
    }
  }
};

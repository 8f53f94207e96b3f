/**
 * The floor: what the four bench operations cost with no GraphQL server and no ORM at all.
 * `node:http` + raw `pg` (same pool size) running exactly our SQL statements (the API's exported
 * statement builders, sent with pg), the same pure domain logic (response checks, scoring, board
 * plans), the same process caches of immutable rows (questions by id, citations and sources), and
 * a hand-written projection of the web's documents, byte for byte what our API answers. The
 * operation is picked from the document's name; nothing is parsed or validated.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AttemptItem, Citation, Prisma, Question, Source, User } from '@quiz/prisma';
import pg from 'pg';
import { encodeCursor } from '../../src/lib/cursor';
import { RATE_LIMITS } from '../../src/lib/rate-limit';
import { sessionSql } from '../../src/modules/accounts/session';
import { responseProblem } from '../../src/modules/attempts/responses';
import {
  deadlineOf,
  elapsedMs,
  isConcealed,
  isLate,
  isTimed,
} from '../../src/modules/attempts/rules';
import {
  countAndLoadItemSql,
  writeAnswerSql,
} from '../../src/modules/attempts/service/answer-question';
import {
  itemFromJson,
  type OwnAttemptRow,
  ownAttemptSql,
  setFromJson,
} from '../../src/modules/attempts/service/find-attempts';
import {
  markFinishedSql,
  scoreAttemptSql,
} from '../../src/modules/attempts/service/finish-attempt';
import { passageIdsOf } from '../../src/modules/attempts/views';
import {
  boardKey,
  boardsFor,
  planFinishedAttempt,
  type RankKey,
} from '../../src/modules/leaderboard/ranking';
import { boardPageSql, rankSql, recordSql } from '../../src/modules/leaderboard/service';
import { keyOf, promptOf } from '../../src/modules/questions/bank';
import { pointsFor, scoreResponse } from '../../src/modules/questions/scoring';
import { QuestionResponse } from '../../src/modules/questions/types';
import { ready, serverEnv } from './common';

// Timestamps are UTC in the database (as Prisma stores them).
pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));

const { port, url, poolSize } = serverEnv();
const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
pool.on('error', () => {});

type Row = Record<string, unknown>;
const run = async <T = Row>(sql: Prisma.Sql, client: pg.Pool | pg.PoolClient = pool) =>
  (await client.query(sql.text, sql.values as unknown[])).rows as T[];

class Failure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// Process caches of immutable rows, as the API keeps them.
const questions = new Map<string, Question>();
const citations = new Map<string, Citation & { source: Source }>();

const questionsById = async (ids: readonly string[]): Promise<Question[]> => {
  const missing = [...new Set(ids.filter((id) => !questions.has(id)))];
  if (missing.length > 0) {
    const { rows } = await pool.query<Question>('SELECT * FROM "Question" WHERE id = ANY($1)', [
      missing,
    ]);
    for (const row of rows) {
      questions.set(row.id, row);
    }
  }
  return ids.map((id) => {
    const found = questions.get(id);
    if (!found) {
      throw new Failure('NOT_FOUND', `Question ${id} not found`);
    }
    return found;
  });
};

const citationsById = async (ids: readonly string[]) => {
  const missing = [...new Set(ids.filter((id) => !citations.has(id)))];
  if (missing.length > 0) {
    const { rows } = await pool.query<Citation & { source: Source }>(
      `SELECT c.*, to_json(s) AS source FROM "Citation" c JOIN "Source" s ON s.slug = c."sourceSlug"
       WHERE c.id = ANY($1)`,
      [missing],
    );
    for (const row of rows) {
      citations.set(row.id, row);
    }
  }
  return ids.flatMap((id) => {
    const found = citations.get(id);
    return found ? [found] : [];
  });
};

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

const citationOut = (c: Citation & { source: Source }) => ({
  id: c.id,
  quote: c.quote,
  locator: c.locator,
  source: {
    slug: c.source.slug,
    title: c.source.title,
    publisher: c.source.publisher,
    publishedLabel: c.source.publishedLabel,
    url: c.source.url,
    kind: c.source.kind,
  },
});

type Pair = { itemId: string; targetId: string };
const pairsOut = (pairs: Pair[] | undefined) =>
  (pairs ?? []).map((p) => ({ itemId: p.itemId, targetId: p.targetId }));

/** AnswerResultFields, in the document's order. */
const resultOut = async (item: AttemptItem & { answeredAt: Date }, question: Question) => {
  const key = keyOf(question);
  const response = (item.response ?? {}) as {
    optionIds?: string[];
    order?: string[];
    pairs?: Pair[];
    year?: number;
  };
  // The web's documents send each passage once (`passages`); rationales carry ids.
  const rationales = [];
  for (const r of key.rationales) {
    rationales.push({
      ref: r.ref,
      isCorrect: r.isCorrect,
      text: r.text,
      citationIds: (await citationsById(r.citationIds)).map((c) => c.id),
    });
  }
  return {
    position: item.position,
    isCorrect: item.isCorrect ?? false,
    credit: item.credit ?? 0,
    points: item.points ?? 0,
    timedOut: item.timedOut,
    explanation: question.explanation,
    answeredAt: iso(item.answeredAt),
    response: {
      optionIds: response.optionIds ?? [],
      order: response.order ?? [],
      pairs: pairsOut(response.pairs),
      year: response.year ?? null,
    },
    key: {
      optionIds: key.optionIds ?? [],
      order: key.order ?? [],
      pairs: pairsOut(key.pairs),
      year: key.year ?? null,
      rationales,
    },
    citationIds: (await citationsById(question.citationIds)).map((c) => c.id),
    passages: (await citationsById(passageIdsOf(question))).map(citationOut),
  };
};

const choices = (list: { id: string; label: string }[] | undefined) =>
  (list ?? []).map((c) => ({ id: c.id, label: c.label }));

/** Rank of `entry` on `key` with the API's rank statement. */
const rankOf = async (key: string, entry: RankKey): Promise<number | null> => {
  const [row] = await run<{ rank: number }>(rankSql([{ boardKey: key, entry }]));
  return row?.rank ?? null;
};

const attemptRank = async (attempt: {
  status: string;
  setId: string;
  userId: string;
  isPractice: boolean;
}) => {
  if (attempt.status !== 'FINISHED' || attempt.isPractice) {
    return null;
  }
  const key = boardKey(attempt.setId, 'ALL_TIME', new Date(0));
  const { rows } = await pool.query(
    'SELECT * FROM "LeaderboardEntry" WHERE "boardKey" = $1 AND "userId" = $2',
    [key, attempt.userId],
  );
  return rows[0] ? rankOf(key, rows[0] as RankKey) : null;
};

const fetchAttempt = async (viewer: User, id: string) => {
  const [row] = await run<OwnAttemptRow>(ownAttemptSql(viewer.id, id));
  if (!row) {
    return { attempt: null };
  }
  const items = row._items.map(itemFromJson);
  const set = setFromJson(row._set);
  const qs = await questionsById(items.map((item) => item.questionId));
  const finished = row.status === 'FINISHED';
  const out = [];
  for (const [index, item] of items.entries()) {
    const question = qs[index] as Question;
    const concealed = isConcealed(item, row.status);
    const prompt = promptOf(question);
    const answered = item.answeredAt
      ? (item as AttemptItem & { answeredAt: Date })
      : finished
        ? {
            ...item,
            answeredAt: row.finishedAt ?? new Date(0),
            isCorrect: false,
            credit: 0,
            points: 0,
            response: {},
          }
        : null;
    out.push({
      position: item.position,
      questionId: question.id,
      type: question.type,
      stem: concealed ? '' : question.stem,
      timeLimitSec: item.timeLimitSec,
      presentedAt: iso(item.presentedAt),
      deadline: iso(deadlineOf(item)),
      prompt: concealed
        ? { options: [], items: [], targets: [], numeric: null, quote: null, selectMany: false }
        : {
            options: choices(prompt.options),
            items: choices(prompt.items),
            targets: choices(prompt.targets),
            numeric: prompt.numeric
              ? {
                  min: prompt.numeric.min,
                  max: prompt.numeric.max,
                  tolerance: prompt.numeric.tolerance,
                }
              : null,
            quote: prompt.quote ?? null,
            selectMany: prompt.selectMany ?? false,
          },
      result: answered ? await resultOut(answered, question) : null,
    });
  }
  return {
    attempt: {
      id: row.id,
      status: row.status,
      score: row.score,
      maxScore: row.maxScore,
      correctCount: row.correctCount,
      answeredCount: items.filter((item) => item.answeredAt).length,
      questionCount: row.questionCount,
      startedAt: iso(row.startedAt),
      finishedAt: iso(row.finishedAt),
      rank: await attemptRank({ ...row, isPractice: set.isPractice }),
      player: { id: viewer.id, displayName: viewer.displayName, isGuest: viewer.isGuest },
      set: {
        id: set.id,
        title: set.title,
        shareCode: set.shareCode ?? '',
        scoringMode: set.scoringMode,
        isTimed: row._setStats.timed,
        isPractice: set.isPractice,
      },
      questions: out,
      citations: (
        await citationsById([
          ...new Set(
            items.flatMap((item, index) =>
              item.answeredAt ? passageIdsOf(qs[index] as Question) : [],
            ),
          ),
        ])
      ).map(citationOut),
    },
  };
};

type ItemRow = AttemptItem & {
  status: string;
  scoringMode: 'ACCURACY' | 'SPEED_BONUS';
  isPractice: boolean;
  card: unknown;
  _count: number;
  _resetAt: Date;
};

const answer = async (
  viewer: User,
  vars: { attemptId: string; position: number; response: Record<string, unknown> },
) => {
  const now = new Date();
  const [row] = await run<ItemRow>(
    countAndLoadItemSql(viewer.id, vars.attemptId, vars.position, now),
  );
  if (row && row._count > RATE_LIMITS.answerPerUser.limit) {
    throw new Failure('RATE_LIMITED', 'Too many requests');
  }
  if (!row?.attemptId) {
    throw new Failure('NOT_FOUND', 'Question of this attempt not found');
  }
  const [question] = await questionsById([row.questionId]);
  if (!question) {
    throw new Failure('NOT_FOUND', 'Question not found');
  }
  if (row.answeredAt) {
    return { answerQuestion: await resultOut(row as ItemRow & { answeredAt: Date }, question) };
  }
  if (row.status !== 'IN_PROGRESS') {
    throw new Failure('CONFLICT', 'The attempt is finished');
  }
  const parsed = QuestionResponse.safeParse(vars.response);
  const prompt = promptOf(question);
  const problem = parsed.success ? responseProblem(question.type, prompt, parsed.data) : 'shape';
  if (!parsed.success || problem) {
    throw new Failure('BAD_USER_INPUT', problem ?? 'Invalid response');
  }
  if (!row.presentedAt && isTimed(row)) {
    throw new Failure('CONFLICT', 'Open the question before answering it');
  }
  const timing = { presentedAt: row.presentedAt ?? now, timeLimitSec: row.timeLimitSec };
  const late = isLate(timing, now);
  const score = late
    ? { credit: 0, isCorrect: false }
    : scoreResponse({ type: question.type, prompt, key: keyOf(question), response: parsed.data });
  const points = late
    ? 0
    : pointsFor({
        credit: score.credit,
        scoringMode: row.scoringMode,
        elapsedMs: elapsedMs(timing, now),
        timeLimitMs: row.timeLimitSec === null ? null : row.timeLimitSec * 1000,
      });
  if (!score.isCorrect || late || row.isPractice) {
    // The review-card write of wrong answers is not part of the bench (it answers right).
    throw new Failure('BAD_REQUEST', 'The floor serves right answers in ranked play only');
  }
  const [written] = await run<AttemptItem & { answeredAt: Date }>(
    writeAnswerSql({
      userId: viewer.id,
      attemptId: vars.attemptId,
      position: vars.position,
      now,
      response: parsed.data,
      isCorrect: score.isCorrect,
      credit: score.credit,
      points,
      timedOut: late,
    }),
  );
  if (!written) {
    throw new Failure('CONFLICT', 'Lost a race (the floor does not retry)');
  }
  return { answerQuestion: await resultOut(written, question) };
};

const finish = async (viewer: User, attemptId: string) => {
  const now = new Date();
  const client = await pool.connect();
  let result: { id: string; status: string; score: number; finishedAt: Date; setId: string };
  let target: RankKey | null = null;
  try {
    await client.query('BEGIN');
    const [mark] = await run<{ setId: string; isPractice: boolean }>(
      markFinishedSql(viewer.id, attemptId, now),
      client,
    );
    if (!mark) {
      throw new Failure('CONFLICT', 'The floor finishes open attempts only');
    }
    const boards = mark.isPractice ? [] : boardsFor(mark.setId, now);
    const [row] = await run<{
      id: string;
      status: string;
      score: number;
      finishedAt: Date;
      setId: string;
      _entries:
        | (RankKey & { boardKey: string; attemptId: string | null; attemptCount: number })[]
        | null;
    }>(scoreAttemptSql(viewer.id, attemptId, boards), client);
    if (!row) {
      throw new Failure('NOT_FOUND', 'Attempt not found');
    }
    if (!mark.isPractice) {
      const { entries, deltas } = planFinishedAttempt(
        { attemptId, userId: viewer.id, setId: row.setId, score: row.score, finishedAt: now },
        (row._entries ?? []).map((entry) => ({
          ...entry,
          achievedAt: new Date(`${String(entry.achievedAt)}Z`),
        })),
      );
      await run(recordSql(entries, deltas), client);
      const allTime = boardKey(row.setId, 'ALL_TIME', now);
      target = entries.find((entry) => entry.boardKey === allTime) ?? null;
    }
    await client.query('COMMIT');
    result = row;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return {
    finishAttempt: {
      id: result.id,
      status: result.status,
      score: result.score,
      rank: target ? await rankOf(boardKey(result.setId, 'ALL_TIME', now), target) : null,
      finishedAt: iso(result.finishedAt),
    },
  };
};

const entryOut = (e: RankKey & { attemptCount: number }, rank: number, user: User) => ({
  rank,
  score: e.score,
  attemptCount: e.attemptCount,
  achievedAt: iso(e.achievedAt),
  player: { id: user.id, displayName: user.displayName, isGuest: user.isGuest },
});

const toEntry = (row: Row) => ({
  userId: row.userId as string,
  score: row.score as number,
  achievedAt: new Date(`${String(row.achievedAt).replace(/Z$/, '')}Z`),
  attemptCount: row.attemptCount as number,
});

const leaderboard = async (
  viewer: User | null,
  input: { setId?: string; window?: 'ALL_TIME' | 'THIS_WEEK' | 'THIS_MONTH'; first?: number },
) => {
  const window = input.window ?? 'ALL_TIME';
  const size = input.first ?? 20;
  const key = boardKey(input.setId ?? null, window, new Date());
  const [found] = await run<{
    set: Row | null;
    page: { e: Row; u: Row }[];
    mine: Row | null;
    total: number;
  }>(
    boardPageSql({
      key,
      setId: input.setId ?? null,
      viewerId: viewer?.id ?? null,
      afterEntry: null,
      size,
    }),
  );
  if (!found || (input.setId && !found.set)) {
    throw new Failure('NOT_FOUND', 'Question set not found');
  }
  const rows = found.page.slice(0, size);
  const mine = found.mine ? toEntry(found.mine) : null;
  const last = rows.at(-1);
  const lastEntry = last ? toEntry(last.e) : null;
  return {
    leaderboard: {
      window,
      totalPlayers: found.total,
      set: found.set ? { id: found.set.id, title: found.set.title } : null,
      class: null,
      entries: rows.map((row, index) =>
        entryOut(toEntry(row.e), index + 1, row.u as unknown as User),
      ),
      viewerEntry: mine && viewer ? entryOut(mine, (await rankOf(key, mine)) ?? 0, viewer) : null,
      pageInfo: {
        endCursor: lastEntry
          ? encodeCursor({
              s: lastEntry.score,
              t: lastEntry.achievedAt.toISOString(),
              u: lastEntry.userId,
            })
          : null,
        hasNextPage: found.page.length > size,
      },
    },
  };
};

const viewerOf = async (cookie: string | undefined): Promise<User | null> => {
  const token = /(?:^|;\s*)quiz_session=([^;]+)/.exec(cookie ?? '')?.[1];
  if (!token) {
    return null;
  }
  const [row] = await run<User & { _expiresAt: Date; _revokedAt: Date | null }>(
    sessionSql(createHash('sha256').update(decodeURIComponent(token)).digest('hex')),
  );
  if (!row || row._revokedAt || row._expiresAt <= new Date()) {
    return null;
  }
  return row;
};

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(text);
};

const requireViewer = (viewer: User | null): User => {
  if (!viewer) {
    throw new Failure('UNAUTHENTICATED', 'Sign in first');
  }
  return viewer;
};

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') {
    send(res, 404, { errors: [{ message: 'Not found' }] });
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        query: string;
        variables?: Record<string, unknown>;
      };
      const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1];
      const vars = body.variables ?? {};
      const viewer = await viewerOf(req.headers.cookie);
      let data: unknown;
      if (name === 'Attempt') {
        data = await fetchAttempt(requireViewer(viewer), vars.id as string);
      } else if (name === 'AnswerQuestion') {
        data = await answer(requireViewer(viewer), vars as Parameters<typeof answer>[1]);
      } else if (name === 'FinishAttempt') {
        data = await finish(requireViewer(viewer), vars.attemptId as string);
      } else if (name === 'Leaderboard') {
        data = await leaderboard(viewer, vars.input as Parameters<typeof leaderboard>[1]);
      } else {
        throw new Failure('BAD_REQUEST', `The floor does not serve ${name}`);
      }
      send(res, 200, { data });
    } catch (error) {
      const code = error instanceof Failure ? error.code : 'INTERNAL_SERVER_ERROR';
      send(res, 200, {
        errors: [{ message: (error as Error).message, extensions: { code } }],
        data: null,
      });
    }
  });
});

server.keepAliveTimeout = 5_000;
server.listen(port, '127.0.0.1', () => ready('floor', port));
const stop = () => {
  server.close();
  pool.end().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

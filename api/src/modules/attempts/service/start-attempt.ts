import { randomUUID } from 'node:crypto';
import {
  type Attempt,
  type DbClient,
  Prisma,
  type QuestionSet,
  type QuestionType,
  type User,
} from '@quiz/prisma';
import { AppError, notFound } from '../../../errors';
import { normalizeCode } from '../../../lib/codes';
import { isUuid } from '../../../lib/ids';
import { pgTimestamp } from '../../../lib/pg-time';
import {
  assertWithinLimit,
  consumeRateLimit,
  RATE_LIMITS,
  rateLimitSql,
} from '../../../lib/rate-limit';
import { hashSeed, seededRng } from '../../../lib/rng';
import { withTransaction } from '../../../lib/transaction';
import { runningGamesSql, setPlayedLive } from '../../live/running';
import { JOIN_CODE_MESSAGES, lookUpJoinCode } from '../../question-sets/service/find-sets';
import { spreadPick } from '../../questions/spread';
import { MAX_POINTS_PER_QUESTION, seededShuffle } from '../rules';
import {
  type AttemptWithItems,
  getOwnAttempt,
  itemFromJson,
  type Json,
  reviewableSql,
  setFromJson,
} from './find-attempts';

type PlannedItem = { questionId: string; timeLimitSec: number | null };

/**
 * Writes an attempt and one item per question in one statement, in the set's order or shuffled
 * by the attempt's own id (so the order is fixed for this attempt and differs between attempts).
 */
const createAttempt = async ({
  db,
  user,
  set,
  items,
  classId,
  isRetake = false,
  now,
}: {
  db: DbClient;
  user: User;
  set: QuestionSet;
  items: readonly PlannedItem[];
  classId: string | null;
  isRetake?: boolean;
  now: Date;
}): Promise<AttemptWithItems> => {
  const id = randomUUID();
  const ordered = set.shuffleQuestions ? seededShuffle(items, id) : [...items];
  const rows = await db.$queryRaw<(Attempt & { _items: Json[] })[]>`
    WITH attempt AS (
      INSERT INTO "Attempt" ("id", "setId", "setVersion", "userId", "classId", "status",
        "scoringMode", "startedAt", "score", "maxScore", "correctCount", "questionCount", "isRetake")
      VALUES (${id}::uuid, ${set.id}::uuid, ${set.version}, ${user.id}::uuid, ${classId}::uuid,
        'IN_PROGRESS', ${set.scoringMode}::"ScoringMode", ${pgTimestamp(now)}::timestamp(3), 0,
        ${MAX_POINTS_PER_QUESTION * ordered.length}, 0, ${ordered.length}, ${isRetake})
      RETURNING *
    ), items AS (
      INSERT INTO "AttemptItem" ("attemptId", "position", "questionId", "timeLimitSec", "timedOut")
      SELECT attempt.id, x.position, x.question_id, x.time_limit, false
      FROM attempt, unnest(${ordered.map((_, i) => i)}::int[], ${ordered.map((item) => item.questionId)}::text[],
        ${ordered.map((item) => item.timeLimitSec)}::int[]) AS x(position, question_id, time_limit)
      RETURNING *
    )
    SELECT attempt.*, (SELECT coalesce(json_agg(items ORDER BY items."position"), '[]'::json)
      FROM items) AS "_items"
    FROM attempt`;
  const row = rows[0];
  if (!row) {
    throw new Error('The attempt was not written');
  }
  const { _items, ...attempt } = row;
  return { attempt, items: _items.map(itemFromJson), set };
};

export type StartAttemptOptions = {
  db: DbClient;
  user: User;
  input: { code?: string | null; setId?: string | null };
  now: Date;
  /** The client's address: a code that starts no quiz counts against its code lookups. */
  ip?: string | null;
};

/**
 * Starts (or resumes) the player's attempt on a published set, found by share code or id. A
 * player has at most one unfinished attempt per set: starting again returns it. After a finished
 * attempt, a new one is refused unless the set allows retakes; a retake is practice (unranked).
 */
export const startAttempt = async ({
  db,
  user,
  input,
  now,
  ip = null,
}: StartAttemptOptions): Promise<AttemptWithItems> => {
  if (!input.code === !input.setId) {
    throw new AppError('BAD_USER_INPUT', 'Give either a share code or a set id', {
      field: input.code ? 'setId' : 'code',
    });
  }
  const code = input.code ? normalizeCode(input.code) : null;
  const setId = !code && input.setId && isUuid(input.setId) ? input.setId : null;
  // One statement: count the start, find the published set with its items, the player's open
  // attempt on it and their membership of its class.
  const [found] = await db.$queryRaw<
    {
      _count: number;
      _resetAt: Date;
      set: Json | null;
      items: PlannedItem[] | null;
      open: string | null;
      played: boolean | null;
      member: string | null;
      live: boolean | null;
    }[]
  >`
    WITH counted AS (${rateLimitSql({ rule: RATE_LIMITS.startPerUser, subject: user.id, now })})
    SELECT counted."count" AS "_count", counted."resetAt" AS "_resetAt", found.*
    FROM counted LEFT JOIN LATERAL (
      SELECT to_json(s) AS set,
        (SELECT coalesce(json_agg(json_build_object('questionId', i."questionId",
            'timeLimitSec', i."timeLimitSec") ORDER BY i."position"), '[]'::json)
          -- Retired questions (issue 11.7) are never served in a new attempt.
          FROM "QuestionSetItem" i JOIN "Question" q ON q.id = i."questionId"
          WHERE i."setId" = s.id AND q."retiredAt" IS NULL) AS items,
        (SELECT a.id::text FROM "Attempt" a
          WHERE a."userId" = ${user.id}::uuid AND a."setId" = s.id AND a."status" = 'IN_PROGRESS'
          ORDER BY a."startedAt" DESC LIMIT 1) AS open,
        EXISTS (SELECT 1 FROM "Attempt" a
          WHERE a."userId" = ${user.id}::uuid AND a."setId" = s.id AND a."status" = 'FINISHED') AS played,
        (SELECT m."classId"::text FROM "ClassMember" m
          WHERE m."classId" = s."classId" AND m."userId" = ${user.id}::uuid) AS member,
        (s."ownerId" <> ${user.id}::uuid
          AND EXISTS (${runningGamesSql(Prisma.sql`s.id`, now)})) AS live
      FROM "QuestionSet" s
      WHERE ${code ? Prisma.sql`s."shareCode" = ${code}` : setId ? Prisma.sql`s.id = ${setId}::uuid` : Prisma.sql`false`}
        AND s."status" = 'PUBLISHED' AND NOT s."isPractice"
    ) found ON true`;
  assertWithinLimit(
    RATE_LIMITS.startPerUser,
    found && { count: found._count, resetAt: found._resetAt },
    now,
  );
  if (!found?.set) {
    if (input.code) {
      // Say which: a typo, an archived quiz or a class code (`extensions.reason`, stable).
      // Counted per address like `joinCode`'s misses: the reason tells a class code from a typo,
      // and guests are free, so a per-player count alone let one address test codes by the
      // hundred thousand an hour.
      const { kind } = await lookUpJoinCode({ db, code: input.code, ip, now });
      const reason = kind === 'QUIZ' ? 'UNKNOWN' : kind;
      throw new AppError('NOT_FOUND', JOIN_CODE_MESSAGES[reason], { reason });
    }
    throw notFound('Question set');
  }
  if (found.open) {
    const resumed = await getOwnAttempt({ db, userId: user.id, id: found.open });
    if (resumed) {
      return resumed;
    }
  }
  // Resuming is allowed (homework started before the game); a new attempt would show the keys.
  if (found.live) {
    throw setPlayedLive();
  }
  const set = setFromJson(found.set);
  // Boards rank each player's first attempt only; a set may allow retakes, which are practice.
  if (found.played && !set.allowRetakes) {
    throw new AppError(
      'CONFLICT',
      'You have already played this set, and its teacher allows one attempt: your first result stands',
    );
  }
  const items = found.items ?? [];
  if (items.length === 0) {
    throw new AppError('CONFLICT', 'This set has no questions to play yet');
  }
  return createAttempt({
    db,
    user,
    set,
    items,
    classId: found.member,
    isRetake: found.played === true,
    now,
  });
};

export const PRACTICE_MAX = 30;

/** A player's own unlisted, unranked set (practice and review attempts play one). */
const createPracticeSet = async ({
  db,
  user,
  title,
  questionIds,
  now,
}: {
  db: DbClient;
  user: User;
  title: string;
  questionIds: readonly string[];
  now: Date;
}): Promise<AttemptWithItems> =>
  withTransaction(db, async (tx) => {
    const set = await tx.questionSet.create({
      data: {
        ownerId: user.id,
        title,
        status: 'PUBLISHED',
        isPractice: true,
        scoringMode: 'ACCURACY',
        publishedAt: now,
        createdAt: now,
        updatedAt: now,
        items: {
          createMany: {
            data: questionIds.map((questionId, position) => ({ position, questionId })),
          },
        },
      },
    });
    return createAttempt({
      db: tx,
      user,
      set,
      items: questionIds.map((questionId) => ({ questionId, timeLimitSec: null })),
      classId: null,
      now,
    });
  });

export type StartPracticeOptions = {
  db: DbClient;
  user: User;
  input: {
    eras?: readonly string[] | null;
    themes?: readonly string[] | null;
    types?: readonly QuestionType[] | null;
    count: number;
  };
  now: Date;
  /** The client's address: practice and review are counted per address too (`practicePerIp`). */
  ip?: string | null;
};

/** Counts a new practice or review set against the client's address (see `practicePerIp`). */
const countPracticePerIp = async (db: DbClient, ip: string | null | undefined, now: Date) => {
  if (ip) {
    await consumeRateLimit({ db, rule: RATE_LIMITS.practicePerIp, subject: ip, now });
  }
};

/** A practice attempt on bank questions matching the filters, drawn at random; never ranked. */
export const startPractice = async ({
  db,
  user,
  input,
  now,
  ip,
}: StartPracticeOptions): Promise<AttemptWithItems> => {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > PRACTICE_MAX) {
    throw new AppError('BAD_USER_INPUT', `count must be between 1 and ${PRACTICE_MAX}`, {
      field: 'count',
    });
  }
  await consumeRateLimit({ db, rule: RATE_LIMITS.startPerUser, subject: user.id, now });
  await countPracticePerIp(db, ip, now);
  const candidates = await db.question.findMany({
    where: {
      origin: 'GENERATED',
      deletedAt: null,
      retiredAt: null,
      ...(input.eras?.length ? { eraSlug: { in: [...input.eras] } } : {}),
      ...(input.themes?.length ? { themes: { hasSome: [...input.themes] } } : {}),
      ...(input.types?.length ? { type: { in: [...input.types] } } : {}),
    },
    select: { id: true, factIds: true, citationIds: true, clueKeys: true },
    orderBy: { id: 'asc' },
  });
  if (candidates.length === 0) {
    throw new AppError('BAD_USER_INPUT', 'No questions match these filters');
  }
  // At random, but no two items on the same key fact or passage, and no item whose text answers
  // another, where the bank allows it: one would give the other away.
  const picked = spreadPick(
    candidates,
    input.count,
    seededRng(hashSeed(`${user.id}:${now.toISOString()}`)),
  ).map((row) => row.id);
  return createPracticeSet({ db, user, title: 'Practice', questionIds: picked, now });
};

export const REVIEW_MAX = 30;

/** How many due cards a review looks at per card it serves. */
const REVIEW_LOOKAHEAD = 4;

/** A practice attempt on the questions whose review is due (most overdue first). */
export const startReview = async ({
  db,
  user,
  count,
  now,
  ip,
}: {
  db: DbClient;
  user: User;
  count: number;
  now: Date;
  ip?: string | null;
}): Promise<AttemptWithItems> => {
  if (!Number.isInteger(count) || count < 1 || count > REVIEW_MAX) {
    throw new AppError('BAD_USER_INPUT', `count must be between 1 and ${REVIEW_MAX}`, {
      field: 'count',
    });
  }
  await consumeRateLimit({ db, rule: RATE_LIMITS.startPerUser, subject: user.id, now });
  await countPracticePerIp(db, ip, now);
  // A few times the count, most overdue first, so a card whose fact another due card asks can
  // wait for the next review instead of giving the answer away in this one.
  const due = await db.$queryRaw<
    { questionId: string; factIds: string[]; citationIds: string[]; clueKeys: string[] }[]
  >`
    SELECT rc."questionId", q."factIds", q."citationIds", q."clueKeys" FROM "ReviewCard" rc
    JOIN "Question" q ON q.id = rc."questionId" AND ${reviewableSql}
    WHERE rc."userId" = ${user.id}::uuid AND rc."due" <= ${pgTimestamp(now)}::timestamp(3)
    ORDER BY rc."due" ASC, rc."questionId" ASC
    LIMIT ${count * REVIEW_LOOKAHEAD}`;
  if (due.length === 0) {
    throw new AppError('CONFLICT', 'Nothing is due for review yet');
  }
  return createPracticeSet({
    db,
    user,
    title: 'Review',
    questionIds: spreadPick(due, count).map((row) => row.questionId),
    now,
  });
};

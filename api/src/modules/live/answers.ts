/**
 * Answers are acknowledged only after they commit, and committed in groups: answers of one game
 * that arrive together wait at most FLUSH_MS (or until MAX_BATCH are waiting) and go in one
 * transaction: lock the game row FOR SHARE (a reveal waits for the batch, and the batch sees the
 * reveal), judge each answer on the server's clock (machine.answerVerdict), insert the lot with
 * ON CONFLICT DO NOTHING on (game, question, player), commit, then answer every waiting caller.
 * A retry of a recorded answer gets the first one back (alreadyRecorded). Nothing about an
 * answer lives only in this process: a crash before the commit loses only unacknowledged ones.
 */
import { Prisma, type PrismaClient } from '@quiz/prisma';
import { AppError } from '../../errors';
import type { QuestionResponse } from '../questions/types';
import { answerVerdict } from './machine';
import { stateOf } from './views';

export const FLUSH_MS = 5;
export const MAX_BATCH = 1000;
/** Batches of different games (or one game's next batch) committing at once. */
export const MAX_IN_FLIGHT = 4;

export type PendingAnswer = {
  gameId: string;
  tokenHash: string;
  questionIndex: number;
  response: QuestionResponse;
  credit: number;
  isCorrect: boolean;
  receivedAt: Date;
  /**
   * Why the response does not fit the question it names, reported only to a seat of the game
   * whose question is the open one: checked before, it told anyone with the game's id (the PIN's
   * lobby gives it) the type and choice count of every question ahead ("This question takes
   * pairs"), before the host opened them.
   */
  problem?: string;
};

export type AnswerAck = {
  accepted: boolean;
  alreadyRecorded: boolean;
  receivedAt: Date;
  response: QuestionResponse;
};

type Waiting = PendingAnswer & {
  resolve: (ack: AnswerAck) => void;
  reject: (error: unknown) => void;
};

/**
 * One refusal for every question that is not the open one (a later one, an earlier one, one
 * that does not exist, any question in the lobby or at a reveal): two wordings and a separate
 * "No such question" told a made-up token the game's length and the phase (probe, 6 Dec
 * evening). Only the open question's own refusals (paused, late) differ, and its player sees it.
 */
const NOT_OPEN = ['CONFLICT', 'This question is not open for answers', 'NOT_OPEN'] as const;
const REFUSALS = {
  NOT_OPEN,
  WRONG_QUESTION: NOT_OPEN,
  PAUSED: ['CONFLICT', 'The game is paused', 'PAUSED'],
  LATE: ['TIME_LIMIT_EXCEEDED', 'Time is up for this question', 'LATE'],
  KICKED: ['FORBIDDEN', 'You were removed from this game', 'KICKED'],
} as const;

export class AnswerBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  /** Games with a batch committing: their next batch waits, so one game's batches never race. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly db: PrismaClient,
    private readonly onCommitted: (gameId: string) => void,
  ) {}

  submit(answer: PendingAnswer): Promise<AnswerAck> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(answer.gameId);
      if (!queue) {
        queue = [];
        this.queues.set(answer.gameId, queue);
      }
      queue.push({ ...answer, resolve, reject });
      if (queue.length >= MAX_BATCH) {
        this.drain();
      } else {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.drain();
        }, FLUSH_MS);
      }
    });
  }

  private drain(): void {
    for (const [gameId, queue] of this.queues) {
      if (this.inFlight >= MAX_IN_FLIGHT) {
        break;
      }
      if (this.busy.has(gameId) || queue.length === 0) {
        continue;
      }
      const batch = queue.splice(0, MAX_BATCH);
      if (queue.length === 0) {
        this.queues.delete(gameId);
      }
      this.inFlight += 1;
      this.busy.add(gameId);
      void this.commit(gameId, batch).finally(() => {
        this.inFlight -= 1;
        this.busy.delete(gameId);
        if (this.queues.size > 0) {
          this.drain();
        }
      });
    }
    if (this.queues.size > 0 && this.inFlight < MAX_IN_FLIGHT && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drain();
      }, FLUSH_MS);
    }
  }

  private async commit(gameId: string, batch: Waiting[]): Promise<void> {
    type Outcome = { waiting: Waiting; ack?: AnswerAck; error?: AppError };
    try {
      const outcomes = await this.db.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM "LiveGame" WHERE id = ${gameId}::uuid FOR SHARE`;
          const game = locked.length
            ? await tx.liveGame.findUnique({ where: { id: gameId } })
            : null;
          const results: Outcome[] = batch.map((waiting) => ({ waiting }));
          if (!game) {
            for (const result of results) {
              result.error = new AppError('NOT_FOUND', 'Game not found');
            }
            return results;
          }
          const state = stateOf(game);
          // The first answer per seat in this batch is the one tried; later ones are retries.
          const first = new Map<string, Outcome & { elapsedMs: number }>();
          for (const result of results) {
            const { waiting } = result;
            const verdict = answerVerdict(
              state,
              waiting.questionIndex,
              waiting.receivedAt.getTime(),
            );
            if (!verdict.ok) {
              const [code, message, reason] = REFUSALS[verdict.reason];
              result.error = new AppError(code, message, { reason });
              continue;
            }
            if (waiting.problem) {
              continue; // Answered below, once the seat is known; never inserted.
            }
            if (!first.has(waiting.tokenHash)) {
              first.set(waiting.tokenHash, { ...result, elapsedMs: verdict.elapsedMs });
            }
          }
          const tried = [...first.values()];
          const inserted = new Set<string>();
          if (tried.length > 0) {
            const rows = await tx.$queryRaw<{ tokenHash: string }[]>`
              WITH inserted AS (
              INSERT INTO "LiveAnswer"
                ("gameId", "questionIndex", "playerId", "response", "receivedAt", "elapsedMs", "credit", "isCorrect")
              SELECT ${gameId}::uuid, ${game.questionIndex}, p.id, u.response::jsonb, u.received_at::timestamp(3),
                     u.elapsed_ms, u.credit, u.is_correct
              FROM unnest(
                ${tried.map((t) => t.waiting.tokenHash)}::text[],
                ${tried.map((t) => JSON.stringify(t.waiting.response))}::text[],
                ${tried.map((t) => t.waiting.receivedAt.toISOString())}::text[],
                ${tried.map((t) => t.elapsedMs)}::int[],
                ${tried.map((t) => t.waiting.credit)}::float8[],
                ${tried.map((t) => t.waiting.isCorrect)}::boolean[]
              ) AS u(token_hash, response, received_at, elapsed_ms, credit, is_correct)
              JOIN "LiveGamePlayer" p
                ON p."tokenHash" = u.token_hash AND p."gameId" = ${gameId}::uuid AND p."kickedAt" IS NULL
              ON CONFLICT DO NOTHING
              RETURNING "playerId")
              SELECT p."tokenHash" FROM inserted JOIN "LiveGamePlayer" p ON p.id = inserted."playerId"`;
            for (const row of rows) {
              inserted.add(row.tokenHash);
            }
          }
          // Everything not inserted now: a recorded answer, a kicked seat, or no seat at all.
          const others = results.filter((r) => !r.error && !inserted.has(r.waiting.tokenHash));
          const hashes = [...new Set(others.map((r) => r.waiting.tokenHash))];
          const known = hashes.length
            ? await tx.$queryRaw<
                {
                  tokenHash: string;
                  kickedAt: Date | null;
                  response: QuestionResponse | null;
                  receivedAt: Date | null;
                }[]
              >`
              SELECT p."tokenHash", p."kickedAt", a.response, a."receivedAt"
              FROM "LiveGamePlayer" p
              LEFT JOIN "LiveAnswer" a
                ON a."playerId" = p.id AND a."gameId" = p."gameId" AND a."questionIndex" = ${game.questionIndex}
              WHERE p."gameId" = ${gameId}::uuid AND p."tokenHash" IN (${Prisma.join(hashes)})`
            : [];
          const byHash = new Map(known.map((row) => [row.tokenHash, row]));
          for (const result of results) {
            if (result.error) {
              continue;
            }
            const hash = result.waiting.tokenHash;
            const firstTry = first.get(hash);
            if (inserted.has(hash) && firstTry?.waiting === result.waiting) {
              result.ack = {
                accepted: true,
                alreadyRecorded: false,
                receivedAt: result.waiting.receivedAt,
                response: result.waiting.response,
              };
              continue;
            }
            if (inserted.has(hash) && firstTry) {
              result.ack = {
                accepted: false,
                alreadyRecorded: true,
                receivedAt: firstTry.waiting.receivedAt,
                response: firstTry.waiting.response,
              };
              continue;
            }
            const row = byHash.get(hash);
            if (result.waiting.problem && row && !row.kickedAt) {
              result.error = new AppError('BAD_USER_INPUT', result.waiting.problem, {
                field: 'response',
              });
            } else if (row?.response && row.receivedAt) {
              result.ack = {
                accepted: false,
                alreadyRecorded: true,
                receivedAt: row.receivedAt,
                response: row.response,
              };
            } else if (row?.kickedAt) {
              result.error = new AppError('FORBIDDEN', REFUSALS.KICKED[1], { reason: 'KICKED' });
            } else {
              result.error = new AppError('UNAUTHENTICATED', 'This seat token is not valid');
            }
          }
          return results;
        },
        { maxWait: 5_000, timeout: 10_000 },
      );
      // Committed: now, and only now, the callers hear back.
      for (const { waiting, ack, error } of outcomes) {
        if (ack) {
          waiting.resolve(ack);
        } else {
          waiting.reject(error);
        }
      }
      if (outcomes.some((o) => o.ack?.accepted)) {
        this.onCommitted(gameId);
      }
    } catch (error) {
      for (const waiting of batch) {
        waiting.reject(error);
      }
    }
  }
}

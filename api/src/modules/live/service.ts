/**
 * Live games: create from a set, join and rejoin, host commands, answers. Each change is one
 * transaction that reads the game row locked, asks machine.ts what the change does, writes the
 * result and announces it (NOTIFY at commit, hub.ts). No state that matters lives in a process.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { LiveGame, Prisma, PrismaClient, User } from '@quiz/prisma';
import { AppError, notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { consumeRateLimit, type RateLimitRule, refuseIfLimited } from '../../lib/rate-limit';
import { checkNickname } from '../accounts/nickname';
import { nameProblem } from '../accounts/service';
import { idMapsOf, playerPrompt, publicKey, publicPrompt } from '../attempts/public-ids';
import { responseProblem } from '../attempts/responses';
import { InvalidResponseError, scoreResponse } from '../questions/scoring';
import type { QuestionKey, QuestionResponse } from '../questions/types';
import { type AnswerAck, AnswerBatcher } from './answers';
import { recordLiveBoard } from './board';
import type { FrameChange } from './frame-cache';
import {
  type HostView,
  loadHostView,
  loadPlayerFrame,
  type PlayerView,
  playerViewOf,
  SEAT_SELECT,
} from './frames';
import { LiveHub } from './hub';
import {
  applyCommand,
  DEFAULT_LIMIT_SEC,
  generateNickname,
  joinVerdict,
  type LiveCommand,
  LiveRuleError,
  MAX_LIMIT_SEC,
  MIN_LIMIT_SEC,
  makePin,
  type SeatScore,
  scoreQuestion,
  teamFor,
} from './machine';
import {
  type AnswerRow,
  type LiveQuestionSnapshot,
  questionsOf,
  type SeatRow,
  stateColumns,
  stateOf,
} from './views';
import { whileValid } from './while-valid';

/** A classroom shares one address (NAT): a few big classes per ten minutes. */
export const LIVE_JOIN_PER_IP: RateLimitRule = { name: 'liveJoin:ip', limit: 600, windowSec: 600 };
export const MAX_TEAMS = 10;

/** The process's hub and answer batcher, one per database client (one per API process). */
export type LiveRuntime = { hub: LiveHub; answers: AnswerBatcher };
const runtimes = new WeakMap<PrismaClient, LiveRuntime>();

export const liveRuntime = (db: PrismaClient, databaseUrl: string | null): LiveRuntime => {
  let runtime = runtimes.get(db);
  if (!runtime) {
    const hub = new LiveHub({ db, databaseUrl });
    runtime = {
      hub,
      answers: new AnswerBatcher(db, (gameId) => void hub.announceThrottled(gameId, 'count')),
    };
    runtimes.set(db, runtime);
  }
  return runtime;
};

export const stopLiveRuntime = async (db: PrismaClient): Promise<void> => {
  const runtime = runtimes.get(db);
  runtimes.delete(db);
  await runtime?.hub.stop();
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** "<gameId>.<secret>": the game is readable so answers can be grouped without a lookup. */
const newToken = (gameId: string) => `${gameId}.${randomBytes(24).toString('base64url')}`;
const gameOfToken = (token: string): string | null => {
  const [gameId, secret] = token.split('.');
  return gameId && secret && isUuid(gameId) && secret.length >= 16 ? gameId : null;
};

const badToken = () => new AppError('UNAUTHENTICATED', 'This seat token is not valid');

const ruleError = (error: unknown): never => {
  if (error instanceof LiveRuleError) {
    throw new AppError('CONFLICT', error.message);
  }
  throw error;
};

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

const requireHostGame = async (
  db: Prisma.TransactionClient | PrismaClient,
  gameId: string,
  host: User,
) => {
  const game = isUuid(gameId) ? await db.liveGame.findUnique({ where: { id: gameId } }) : null;
  if (!game || game.hostId !== host.id) {
    throw notFound('Live game');
  }
  return game;
};

export type CreateLiveGameInput = {
  setId: string;
  speedPoints?: boolean | null;
  showLeaderboard?: boolean | null;
  teamCount?: number | null;
  timeLimitSec?: number | null;
};

export const createLiveGame = async ({
  db,
  host,
  input,
  now,
}: {
  db: PrismaClient;
  host: User;
  input: CreateLiveGameInput;
  now: Date;
}): Promise<HostView> => {
  const teamCount = input.teamCount ?? 0;
  if (!Number.isInteger(teamCount) || teamCount < 0 || teamCount === 1 || teamCount > MAX_TEAMS) {
    throw new AppError('BAD_USER_INPUT', `teamCount must be 0 or 2–${MAX_TEAMS}`, {
      field: 'teamCount',
    });
  }
  const limit = input.timeLimitSec ?? DEFAULT_LIMIT_SEC;
  if (!Number.isInteger(limit) || limit < MIN_LIMIT_SEC || limit > MAX_LIMIT_SEC) {
    throw new AppError('BAD_USER_INPUT', `timeLimitSec must be ${MIN_LIMIT_SEC}–${MAX_LIMIT_SEC}`, {
      field: 'timeLimitSec',
    });
  }
  const set = isUuid(input.setId)
    ? await db.questionSet.findUnique({
        where: { id: input.setId },
        include: { items: { orderBy: { position: 'asc' }, include: { question: true } } },
      })
    : null;
  if (!set || set.ownerId !== host.id || set.status === 'ARCHIVED') {
    throw notFound('Question set');
  }
  // Retired questions (issue 11.7, a key the rebuilt knowledge base no longer supports) are never
  // served in a new game, as in a new attempt.
  const items = set.items.filter(
    (item) => item.question.deletedAt === null && item.question.retiredAt === null,
  );
  if (items.length === 0) {
    throw new AppError('BAD_USER_INPUT', 'This set has no questions', { field: 'setId' });
  }
  const citationIds = [...new Set(items.flatMap((item) => item.question.citationIds))];
  const citations = await db.citation.findMany({
    where: { id: { in: citationIds } },
    include: { source: { select: { title: true, url: true } } },
  });
  const byId = new Map(citations.map((c) => [c.id, c]));
  const questions: LiveQuestionSnapshot[] = items.map(({ question, timeLimitSec }) => {
    // Players see, answer in and get keys in choice ids by place (o1, i1, t1), never the stored
    // ids (often knowledge-base slugs that the public KB queries would answer): as in attempts.
    const prompt = playerPrompt(question);
    const maps = idMapsOf(prompt);
    return {
      id: question.id,
      type: question.type,
      stem: question.stem,
      prompt: publicPrompt(prompt, maps),
      key: publicKey(question.key as unknown as QuestionKey, maps),
      explanation: question.explanation,
      timeLimitSec: Math.min(Math.max(timeLimitSec ?? limit, MIN_LIMIT_SEC), MAX_LIMIT_SEC),
      citations: question.citationIds.flatMap((id) => {
        const c = byId.get(id);
        return c
          ? [
              {
                id: c.id,
                quote: c.quote,
                locator: c.locator,
                sourceTitle: c.source.title,
                url: c.source.url,
              },
            ]
          : [];
      }),
    };
  });
  for (let attempt = 1; ; attempt += 1) {
    try {
      const game = await db.liveGame.create({
        data: {
          pin: makePin(() => randomInt(0, 1_000_000) / 1_000_000),
          setId: set.id,
          hostId: host.id,
          title: set.title,
          questions: questions as unknown as Prisma.InputJsonValue,
          speedPoints: input.speedPoints ?? true,
          showLeaderboard: input.showLeaderboard ?? true,
          teamCount,
          createdAt: now,
        },
      });
      return (await loadHostView(db, game.id, now)) as HostView;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 8) {
        throw error;
      }
    }
  }
};

export const hostView = async (db: PrismaClient, gameId: string, host: User, now: Date) => {
  await requireHostGame(db, gameId, host);
  return (await loadHostView(db, gameId, now)) as HostView;
};

export const myLiveGames = async (db: PrismaClient, host: User) => {
  const games = await db.liveGame.findMany({
    where: { hostId: host.id },
    orderBy: { createdAt: 'desc' },
    take: 50,
    include: { _count: { select: { players: { where: { kickedAt: null } } } } },
  });
  return games.map((game) => ({
    id: game.id,
    title: game.title,
    phase: game.phase,
    pin: game.pin,
    playerCount: game._count.players,
    createdAt: game.createdAt,
    endedAt: game.endedAt,
  }));
};

const COMMANDS: Record<string, LiveCommand> = {
  START: { type: 'start' },
  REVEAL: { type: 'reveal' },
  NEXT: { type: 'next' },
  SKIP: { type: 'skip' },
  PAUSE: { type: 'pause' },
  RESUME: { type: 'resume' },
  END: { type: 'end' },
  LOCK: { type: 'lock', locked: true },
  UNLOCK: { type: 'lock', locked: false },
};

/**
 * Scores one question for every seat and writes points, totals and streaks. Returns the seats and
 * answers as written: the players' frame of the new state, without reading them again.
 */
const writeScores = async (
  tx: Prisma.TransactionClient,
  game: LiveGame,
  questionIndex: number,
): Promise<{ seats: SeatRow[]; answers: AnswerRow[] }> => {
  const question = questionsOf(game)[questionIndex];
  const [seats, answers] = await Promise.all([
    tx.liveGamePlayer.findMany({
      where: { gameId: game.id, kickedAt: null },
      select: SEAT_SELECT,
    }) as Promise<SeatRow[]>,
    tx.liveAnswer.findMany({
      where: { gameId: game.id, questionIndex },
      select: {
        playerId: true,
        credit: true,
        isCorrect: true,
        elapsedMs: true,
        response: true,
        receivedAt: true,
      },
    }),
  ]);
  const scored = scoreQuestion({
    seats: seats.map(
      ({ id, score, correctCount, answerCount, streak, bestStreak }): SeatScore => ({
        playerId: id,
        score,
        correctCount,
        answerCount,
        streak,
        bestStreak,
      }),
    ),
    answers,
    limitMs: (question?.timeLimitSec ?? DEFAULT_LIMIT_SEC) * 1000,
    speedPoints: game.speedPoints,
  });
  if (scored.points.size > 0) {
    await tx.$executeRaw`
      UPDATE "LiveAnswer" a SET points = u.points
      FROM unnest(${[...scored.points.keys()]}::uuid[], ${[...scored.points.values()]}::int[]) AS u(player_id, points)
      WHERE a."gameId" = ${game.id}::uuid AND a."questionIndex" = ${questionIndex} AND a."playerId" = u.player_id`;
  }
  if (scored.seats.length > 0) {
    const s = scored.seats;
    await tx.$executeRaw`
      UPDATE "LiveGamePlayer" p SET score = u.score, "correctCount" = u.correct, "answerCount" = u.answered,
        streak = u.streak, "bestStreak" = u.best
      FROM unnest(
        ${s.map((x) => x.playerId)}::uuid[], ${s.map((x) => x.score)}::int[], ${s.map((x) => x.correctCount)}::int[],
        ${s.map((x) => x.answerCount)}::int[], ${s.map((x) => x.streak)}::int[], ${s.map((x) => x.bestStreak)}::int[]
      ) AS u(id, score, correct, answered, streak, best)
      WHERE p.id = u.id`;
  }
  const after = new Map(scored.seats.map((seat) => [seat.playerId, seat]));
  return {
    seats: seats.map((seat) => {
      const next = after.get(seat.id);
      return next ? { ...seat, ...next } : seat;
    }),
    answers: answers.map((answer) => ({
      playerId: answer.playerId,
      response: answer.response as QuestionResponse,
      receivedAt: answer.receivedAt,
      isCorrect: answer.isCorrect,
      points: scored.points.get(answer.playerId) ?? null,
    })),
  };
};

export type CommandOptions = {
  db: PrismaClient;
  runtime: LiveRuntime;
  gameId: string;
  host: User;
  now: Date;
};

/** Runs a host command (or the host's connection coming and going) in one transaction. */
export const runCommand = async ({
  db,
  runtime,
  gameId,
  host,
  now,
  command,
  seq = null,
}: CommandOptions & { command: LiveCommand; seq?: number | null }): Promise<void> => {
  if (!isUuid(gameId)) {
    throw notFound('Live game');
  }
  const changed = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "LiveGame" WHERE id = ${gameId}::uuid FOR UPDATE`;
      const game = await requireHostGame(tx, gameId, host);
      const before = stateOf(game);
      // Chosen on an older view: the game has moved on (probe round 7: two SKIPs at once skipped
      // two questions, and a SKIP beside the deadline's REVEAL closed the next one unseen).
      if (seq !== null && seq !== before.seq) {
        return null;
      }
      let result: ReturnType<typeof applyCommand>;
      try {
        result = applyCommand(before, command, now.getTime());
      } catch (error) {
        return ruleError(error);
      }
      if (result.state.seq === before.seq) {
        return null;
      }
      let change: FrameChange = { type: 'phase' };
      for (const effect of result.effects) {
        if (effect.type === 'scoreQuestion') {
          const written = await writeScores(tx, game, effect.questionIndex);
          change = { type: 'scored', ...written };
        } else if (effect.type === 'discardQuestion') {
          await tx.liveAnswer.deleteMany({
            where: { gameId, questionIndex: effect.questionIndex },
          });
        } else if (effect.type === 'finish') {
          await recordLiveBoard(tx, game, now);
        }
      }
      const over = result.state.phase === 'PODIUM' || result.state.phase === 'CANCELLED';
      const row = await tx.liveGame.update({
        where: { id: gameId },
        // A finished game frees its PIN for another.
        data: { ...stateColumns(result.state), ...(over ? { pin: null } : {}) },
      });
      await runtime.hub.announce(tx, gameId, 'state', {
        seq: row.seq,
        phaseOnly: change.type === 'phase',
      });
      return { row, beforeSeq: before.seq, change };
    },
    { maxWait: 5_000, timeout: 30_000 },
  );
  if (changed) {
    await runtime.hub.committed(gameId, changed.beforeSeq, changed.row, changed.change);
  }
};

export const hostCommand = async (
  options: CommandOptions & { command: string; seq?: number | null },
): Promise<HostView> => {
  const command = COMMANDS[options.command];
  if (!command) {
    throw new AppError('BAD_USER_INPUT', 'Unknown command');
  }
  await runCommand({ ...options, command });
  return (await loadHostView(options.db, options.gameId, options.now)) as HostView;
};

export const kickPlayer = async ({
  playerId,
  ...options
}: CommandOptions & { playerId: string }): Promise<HostView> => {
  const { db, gameId, host, now, runtime } = options;
  if (!isUuid(gameId) || !isUuid(playerId)) {
    throw notFound('Player');
  }
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "LiveGame" WHERE id = ${gameId}::uuid FOR UPDATE`;
    await requireHostGame(tx, gameId, host);
    const { count } = await tx.liveGamePlayer.updateMany({
      where: { id: playerId, gameId, kickedAt: null },
      data: { kickedAt: now },
    });
    if (count === 0) {
      throw notFound('Player');
    }
    const updated = await tx.liveGame.update({
      where: { id: gameId },
      data: { seq: { increment: 1 } },
    });
    await runtime.hub.announce(tx, gameId, 'state', { seq: updated.seq, phaseOnly: false });
    return updated;
  });
  await runtime.hub.committed(gameId, row.seq - 1, row, { type: 'kick', playerId, at: now });
  return (await loadHostView(db, gameId, now)) as HostView;
};

/**
 * PINs that open no game, per address. A PIN is six digits: unthrottled, liveLobby answered
 * hundreds of guesses a second from one client, so every open game could be found and joined by
 * strangers (probe, 6 Dec). Only misses count (a class typing the right PIN costs nothing), but a
 * used-up address is refused before the lookup, so a hit cannot be told from a miss either.
 */
export const LIVE_PIN_MISSES_PER_IP: RateLimitRule = {
  name: 'livePinMiss:ip',
  limit: 60,
  windowSec: 600,
};

const openGameByPin = async (db: PrismaClient, pin: string, ip: string, now: Date) => {
  const limited = { db, rule: LIVE_PIN_MISSES_PER_IP, subject: ip, now };
  await refuseIfLimited(limited);
  const clean = pin.replace(/\s+/g, '');
  const game = /^\d{6}$/.test(clean)
    ? await db.liveGame.findUnique({ where: { pin: clean } })
    : null;
  if (!game) {
    await consumeRateLimit(limited);
    throw new AppError('NOT_FOUND', 'No game with this PIN is open');
  }
  return game;
};

export const lobbyInfo = async (db: PrismaClient, pin: string, ip: string, now: Date) => {
  const game = await openGameByPin(db, pin, ip, now);
  return {
    gameId: game.id,
    title: game.title,
    phase: game.phase,
    locked: game.locked,
    suggestedNickname: generateNickname(() => randomInt(0, 1_000_000) / 1_000_000),
  };
};

export const joinGame = async ({
  db,
  runtime,
  pin,
  nickname,
  viewer,
  ip,
  now,
}: {
  db: PrismaClient;
  runtime: LiveRuntime;
  pin: string;
  nickname: string | null | undefined;
  viewer: User | null;
  ip: string;
  now: Date;
}): Promise<{ token: string; view: PlayerView }> => {
  const game = await openGameByPin(db, pin, ip, now);
  const wanted = nickname ?? viewer?.displayName;
  if (!wanted) {
    throw new AppError('BAD_USER_INPUT', 'Choose a nickname', {
      field: 'nickname',
      reason: 'REQUIRED',
    });
  }
  await consumeRateLimit({ db, rule: LIVE_JOIN_PER_IP, subject: ip, now });

  /** A new seat: the name checked, the game still open to joins. */
  const addSeat = async (client: Prisma.TransactionClient | PrismaClient) => {
    const check = checkNickname(wanted);
    if (!check.ok) {
      throw new AppError('BAD_USER_INPUT', check.message, {
        field: 'nickname',
        reason: check.code,
      });
    }
    // The accounts module's rules for a guest's name: none that looks like an account's (or a
    // title and a teacher's name), other than the viewer's own. Recent guests' names are not
    // kept out here: a seat lives one game, and its name is unique in the game anyway.
    const clash = await nameProblem(client, check, now, {
      guests: false,
      exceptUserId: viewer?.id,
    });
    if (clash) {
      throw clash.code === 'TAKEN'
        ? new AppError('CONFLICT', clash.message, { field: 'nickname', reason: 'NAME_TAKEN' })
        : new AppError('BAD_USER_INPUT', clash.message, {
            field: 'nickname',
            reason: clash.code,
          });
    }
    const verdict = joinVerdict(stateOf(game), false);
    if (!verdict.ok) {
      throw new AppError(
        'CONFLICT',
        verdict.reason === 'LOCKED' ? 'The host has locked this game' : 'This game is over',
        { reason: verdict.reason },
      );
    }
    const token = newToken(game.id);
    try {
      const joinOrder =
        game.teamCount > 0 ? await client.liveGamePlayer.count({ where: { gameId: game.id } }) : 0;
      const seat = await client.liveGamePlayer.create({
        data: {
          gameId: game.id,
          userId: viewer?.id ?? null,
          nickname: check.nickname,
          nameKey: check.key,
          tokenHash: hashToken(token),
          team: teamFor(game.teamCount, joinOrder),
          joinedAt: now,
        },
        select: { id: true, team: true },
      });
      return { token, playerId: seat.id, team: seat.team, nickname: check.nickname };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('CONFLICT', 'Someone in this game already has that nickname', {
          field: 'nickname',
          reason: 'NAME_TAKEN',
        });
      }
      throw error;
    }
  };

  if (viewer) {
    // An account holds one seat per game: joining again is a rejoin (probe, 6 Dec evening: each
    // join added a seat, so one student could fill the board). Decided under a lock on the
    // (game, account) pair, so two joins at once cannot both add one.
    const outcome = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`live-seat|${game.id}|${viewer.id}`}))`;
        const seat = await tx.liveGamePlayer.findFirst({
          where: { gameId: game.id, userId: viewer.id },
          select: { id: true, kickedAt: true },
        });
        if (!seat) {
          return { added: await addSeat(tx) };
        }
        if (seat.kickedAt) {
          throw new AppError('FORBIDDEN', 'You were removed from this game', {
            reason: 'KICKED',
          });
        }
        // A new token for the seat: the old one (another device, a copied link) stops working.
        const token = newToken(game.id);
        // The seat as this rejoin left it, read here: looked up by the new token after the
        // commit, a join at the same moment (a double tap, two tabs) had already replaced it,
        // and this join answered UNAUTHENTICATED to a signed-in student with a seat (probe,
        // 6 Dec, round 3: 3–5 of 8 joins at once).
        const {
          game: row,
          gameId: _gameId,
          ...rekeyed
        } = await tx.liveGamePlayer.update({
          where: { id: seat.id },
          data: { tokenHash: hashToken(token) },
          select: { ...SEAT_SELECT, gameId: true, game: { select: { seq: true } } },
        });
        return {
          rejoined: {
            token,
            playerId: seat.id,
            known: { gameId: game.id, seq: row.seq, seat: rekeyed as SeatRow },
          },
        };
      },
      { maxWait: 5_000 },
    );
    if (outcome.rejoined) {
      await runtime.hub
        .seatRekeyed(game.id, outcome.rejoined.playerId, Date.now())
        .catch((error) => console.error('live: rekey NOTIFY failed', error));
      return {
        token: outcome.rejoined.token,
        view: await playerView(db, outcome.rejoined.token, now, runtime, outcome.rejoined.known),
      };
    }
    return seated(runtime, game, now, outcome.added);
  }
  return seated(runtime, game, now, await addSeat(db));
};

/**
 * "Sign out everywhere" ends the account's seats in games not over: each gets a token nobody
 * holds, and its open screens end on every process (a rekey, as a rejoin does). A seat token
 * lives in the browser, not in a session, so after a sign-out everywhere (a lost phone, a shared
 * school computer) it still answered and streamed in the student's name, its points going on
 * their LIVE board (probe, 7 Dec). Signed in again, joining with the PIN gives the seat back.
 */
export const endAccountSeats = async (
  db: PrismaClient,
  runtime: LiveRuntime,
  userId: string,
): Promise<void> => {
  const seats = await db.liveGamePlayer.findMany({
    where: { userId, game: { phase: { notIn: ['PODIUM', 'CANCELLED'] } } },
    select: { id: true, gameId: true },
  });
  for (const seat of seats) {
    await db.liveGamePlayer.update({
      where: { id: seat.id },
      data: { tokenHash: hashToken(newToken(seat.gameId)) },
    });
    await runtime.hub.seatRekeyed(seat.gameId, seat.id, Date.now());
  }
};

/** A new seat's first view, and the roster's announcement. */
const seated = async (
  runtime: LiveRuntime,
  game: LiveGame,
  now: Date,
  seat: { token: string; playerId: string; team: number | null; nickname: string },
): Promise<{ token: string; view: PlayerView }> => {
  await runtime.hub.announceThrottled(game.id, 'roster');
  // A class joining at once must not read the whole game once per player (O(N^2) in total): the
  // process's frame of the game gets the new seat added, O(1).
  const view = await runtime.hub.frames.viewOf(
    game.id,
    game.seq,
    {
      id: seat.playerId,
      nickname: seat.nickname,
      team: seat.team,
      score: 0,
      correctCount: 0,
      answerCount: 0,
      streak: 0,
      bestStreak: 0,
      kickedAt: null,
      joinedAt: now,
    },
    true,
  );
  if (!view) {
    throw notFound('Live game');
  }
  return { token: seat.token, view };
};

/** The seat a token names, or UNAUTHENTICATED. */
export const seatOfToken = async (db: PrismaClient, token: string) => {
  const gameId = gameOfToken(token);
  const seat = gameId
    ? await db.liveGamePlayer.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, gameId: true },
      })
    : null;
  if (!seat || seat.gameId !== gameId) {
    throw badToken();
  }
  return seat;
};

/** The seat a token names with the game's current seq, in one O(1) read; or UNAUTHENTICATED. */
const seatWithSeq = async (db: PrismaClient, token: string) => {
  const gameId = gameOfToken(token);
  const found = gameId
    ? await db.liveGamePlayer.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { ...SEAT_SELECT, gameId: true, game: { select: { seq: true } } },
      })
    : null;
  if (!found || found.gameId !== gameId) {
    throw badToken();
  }
  const { game, gameId: _gameId, ...seat } = found;
  return { gameId, seq: game.seq, seat: seat as SeatRow };
};

/** A player's screen from their token: the rejoin after a reload or a lost connection. */
export const playerView = async (
  db: PrismaClient,
  token: string,
  now: Date,
  runtime?: LiveRuntime,
  known?: Awaited<ReturnType<typeof seatWithSeq>>,
): Promise<PlayerView> => {
  let view: PlayerView | null;
  if (runtime) {
    // Through the process's frame of the game: O(1) reads once it holds the game at this seq.
    const { gameId, seq, seat } = known ?? (await seatWithSeq(db, token));
    view = await runtime.hub.frames.viewOf(gameId, seq, seat);
  } else {
    const seat = await seatOfToken(db, token);
    const frame = await loadPlayerFrame(db, seat.gameId, now);
    view = frame && playerViewOf(frame, seat.id);
  }
  if (!view) {
    throw badToken();
  }
  return view;
};

/** In-process copy of each game's questions: immutable once the game exists. */
const questionCache = new Map<string, LiveQuestionSnapshot[]>();
const QUESTION_CACHE_SIZE = 500;

const gameQuestions = async (db: PrismaClient, gameId: string) => {
  const cached = questionCache.get(gameId);
  if (cached) {
    return cached;
  }
  const game = await db.liveGame.findUnique({ where: { id: gameId }, select: { questions: true } });
  if (!game) {
    throw badToken();
  }
  const questions = questionsOf(game);
  if (questionCache.size >= QUESTION_CACHE_SIZE) {
    questionCache.delete(questionCache.keys().next().value as string);
  }
  questionCache.set(gameId, questions);
  return questions;
};

export const submitAnswer = async ({
  db,
  runtime,
  token,
  questionIndex,
  response,
  now,
}: {
  db: PrismaClient;
  runtime: LiveRuntime;
  token: string;
  questionIndex: number;
  response: QuestionResponse;
  now: Date;
}): Promise<AnswerAck> => {
  // Stamped first: the server's clock at receipt is what the deadline is checked against.
  const receivedAt = now;
  const gameId = gameOfToken(token);
  if (!gameId) {
    throw badToken();
  }
  const questions = await gameQuestions(db, gameId);
  const question = questions[questionIndex];
  // A response that does not fit is refused by the batch, after the seat and the open question
  // are checked (answers.ts, `problem`): refused here, it described questions not yet opened. A
  // question that does not exist is never the open one: the batch refuses it as it refuses any
  // unopened question (its own refusal told the game's length).
  let problem = question
    ? (responseProblem(question.type, question.prompt, response) ?? undefined)
    : 'No such question in this game';
  let score = { credit: 0, isCorrect: false };
  if (question && !problem) {
    try {
      score = scoreResponse({
        type: question.type,
        prompt: question.prompt,
        key: question.key,
        response,
      });
    } catch (error) {
      if (!(error instanceof InvalidResponseError)) {
        throw error;
      }
      problem = error.message;
    }
  }
  return runtime.answers.submit({
    gameId,
    tokenHash: hashToken(token),
    questionIndex,
    response,
    credit: score.credit,
    isCorrect: score.isCorrect,
    receivedAt,
    ...(problem ? { problem } : {}),
  });
};

/** Subscriptions: a player's stream starts with their current view. */
export const subscribePlayer = async (
  db: PrismaClient,
  runtime: LiveRuntime,
  token: string,
  now: Date,
) => {
  const found = await seatWithSeq(db, token);
  await runtime.hub.start();
  const first = await playerView(db, token, now, runtime, found);
  return runtime.hub.subscribePlayer(found.gameId, found.seat.id, first);
};

/** How often a quiet host stream checks that its session still stands (while-valid.ts). */
export const HOST_SESSION_CHECK_MS = 15_000;

/**
 * The host's stream. Its first subscription marks the host connected; the last one closing marks
 * them away (the game waits for them; players keep their seats).
 */
export const subscribeHost = async (
  db: PrismaClient,
  runtime: LiveRuntime,
  gameId: string,
  host: User,
  now: () => Date,
  sessionLive: () => Promise<boolean> = async () => true,
) => {
  await requireHostGame(db, gameId, host);
  await runtime.hub.start();
  const presence = (type: 'hostReturn' | 'hostDisconnect') =>
    runCommand({ db, runtime, gameId, host, now: now(), command: { type } }).catch(() => {});
  await presence('hostReturn');
  const first = (await loadHostView(db, gameId, now())) as HostView;
  const stream = runtime.hub.subscribeHost(gameId, first, () => {
    if (runtime.hub.screenCount(gameId).hosts === 0) {
      void presence('hostDisconnect');
    }
  });
  // The host's session is checked again before each event and while none comes: a stream
  // outlives the request that checked the cookie.
  return whileValid(
    stream,
    sessionLive,
    () => new AppError('UNAUTHENTICATED', 'Your session has ended; sign in again'),
    HOST_SESSION_CHECK_MS,
  );
};

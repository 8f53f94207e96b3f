/**
 * Reads one game for the screens: the host's frame (state, top of the board, roster) and the
 * players' frame (state plus every seat and every answer to the current question, so each
 * player's own view is a map lookup). One read per game per event per process.
 */
import type { DbClient, LiveGame } from '@quiz/prisma';
import type { QuestionResponse } from '../questions/types';
import {
  type AnswerRow,
  type GameStateView,
  gameStateView,
  LEADERBOARD_SIZE,
  type MyAnswerView,
  myAnswerView,
  type SeatRow,
  type SeatView,
  seatViews,
  teamsOf,
} from './views';

export type RosterEntry = {
  id: string;
  nickname: string;
  team: number | null;
  score: number;
  correctCount: number;
};

export type HostView = { game: GameStateView; players: RosterEntry[] };
export type PlayerView = { game: GameStateView; me: SeatView; myAnswer: MyAnswerView | null };

export type PlayerFrame = {
  game: GameStateView;
  seats: Map<string, SeatView>;
  answers: Map<string, AnswerRow>;
  row: LiveGame;
  /** Active seats with points or right answers: a fresh seat's rank is this + 1. */
  ahead: number;
};

export const ROSTER_SIZE = 200;

const seatSelect = {
  id: true,
  nickname: true,
  team: true,
  score: true,
  correctCount: true,
  answerCount: true,
  streak: true,
  bestStreak: true,
  kickedAt: true,
  joinedAt: true,
} as const;

const answersOf = async (db: DbClient, game: LiveGame): Promise<AnswerRow[]> =>
  game.questionIndex < 0
    ? []
    : (
        await db.liveAnswer.findMany({
          // A kicked player's answer stays stored but no longer counts anywhere.
          where: { gameId: game.id, questionIndex: game.questionIndex, player: { kickedAt: null } },
          select: {
            playerId: true,
            response: true,
            receivedAt: true,
            isCorrect: true,
            points: true,
          },
        })
      ).map((a) => ({ ...a, response: a.response as QuestionResponse }));

/** The host's screen: only the top of the board and the newest seats are read. */
export const loadHostView = async (
  db: DbClient,
  gameId: string,
  now: Date,
): Promise<HostView | null> => {
  const game = await db.liveGame.findUnique({ where: { id: gameId } });
  if (!game) {
    return null;
  }
  const active = { gameId, kickedAt: null };
  const revealed = game.phase !== 'LOBBY' && game.phase !== 'QUESTION';
  const [playerCount, answerCount, top, roster, answers, teamSeats] = await Promise.all([
    db.liveGamePlayer.count({ where: active }),
    game.questionIndex < 0
      ? 0
      : db.liveAnswer.count({
          where: { gameId, questionIndex: game.questionIndex, player: { kickedAt: null } },
        }),
    db.liveGamePlayer.findMany({
      where: active,
      orderBy: [{ score: 'desc' }, { correctCount: 'desc' }],
      take: LEADERBOARD_SIZE,
      select: seatSelect,
    }),
    db.liveGamePlayer.findMany({
      where: active,
      orderBy: { joinedAt: 'desc' },
      take: ROSTER_SIZE,
      select: { id: true, nickname: true, team: true, score: true, correctCount: true },
    }),
    revealed ? answersOf(db, game) : Promise.resolve([]),
    game.teamCount > 0
      ? db.liveGamePlayer.findMany({ where: active, select: { team: true, score: true } })
      : Promise.resolve([]),
  ]);
  return {
    game: gameStateView(
      game,
      {
        seats: top,
        playerCount,
        answerCount,
        answers,
        teams: teamsOf(teamSeats as SeatRow[], game.teamCount),
      },
      now,
    ),
    players: roster,
  };
};

/** The rows a players' frame is built from. */
export type FrameRows = { row: LiveGame; seats: SeatRow[]; answers: AnswerRow[] };

/** Every seat (kicked ones too) and the current question's answers: one O(seats) read. */
export const loadFrameRows = async (db: DbClient, gameId: string): Promise<FrameRows | null> => {
  const row = await db.liveGame.findUnique({ where: { id: gameId } });
  if (!row) {
    return null;
  }
  const [seats, answers] = await Promise.all([
    db.liveGamePlayer.findMany({ where: { gameId }, select: seatSelect }) as Promise<SeatRow[]>,
    answersOf(db, row),
  ]);
  return { row, seats, answers };
};

/** The current question's answers of seats not kicked (O(answers), no seat read). */
export const loadAnswers = answersOf;

/** One seat by id, with the game's current seq (O(1)). */
export const loadSeat = async (db: DbClient, seatId: string): Promise<SeatRow | null> =>
  (await db.liveGamePlayer.findUnique({
    where: { id: seatId },
    select: seatSelect,
  })) as SeatRow | null;

/** One player's answer to one question (O(1): primary key). */
export const loadAnswer = async (
  db: DbClient,
  gameId: string,
  questionIndex: number,
  playerId: string,
): Promise<AnswerRow | null> => {
  const answer = await db.liveAnswer.findUnique({
    where: { gameId_questionIndex_playerId: { gameId, questionIndex, playerId } },
    select: { playerId: true, response: true, receivedAt: true, isCorrect: true, points: true },
  });
  return answer && { ...answer, response: answer.response as QuestionResponse };
};

/** Seats not kicked: a count, for noticing seats another process added. */
export const countActiveSeats = (db: DbClient, gameId: string): Promise<number> =>
  db.liveGamePlayer.count({ where: { gameId, kickedAt: null } });

export const SEAT_SELECT = seatSelect;

/** A players' frame from rows already read (pure; O(seats log seats)). */
export const frameOf = (
  row: LiveGame,
  seats: readonly SeatRow[],
  answers: readonly AnswerRow[],
  now: Date,
): PlayerFrame => {
  const active = seats.filter((seat) => seat.kickedAt === null);
  let ahead = 0;
  for (const seat of active) {
    if (seat.score > 0 || seat.correctCount > 0) {
      ahead += 1;
    }
  }
  return {
    row,
    game: gameStateView(
      row,
      {
        seats: active,
        playerCount: active.length,
        answerCount: answers.length,
        answers,
        teams: teamsOf(active, row.teamCount),
      },
      now,
    ),
    seats: seatViews(seats, row.phase),
    answers: new Map(answers.map((answer) => [answer.playerId, answer])),
    ahead,
  };
};

/** Everything the players' screens need, read once. */
export const loadPlayerFrame = async (
  db: DbClient,
  gameId: string,
  now: Date,
): Promise<PlayerFrame | null> => {
  const rows = await loadFrameRows(db, gameId);
  return rows && frameOf(rows.row, rows.seats, rows.answers, now);
};

/** One player's view out of a frame (null when the seat is not in it). */
export const playerViewOf = (frame: PlayerFrame, playerId: string): PlayerView | null => {
  const me = frame.seats.get(playerId);
  if (!me) {
    return null;
  }
  return { game: frame.game, me, myAnswer: myAnswerView(frame.row, frame.answers.get(playerId)) };
};

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

/** Everything the players' screens need, read once. */
export const loadPlayerFrame = async (
  db: DbClient,
  gameId: string,
  now: Date,
): Promise<PlayerFrame | null> => {
  const game = await db.liveGame.findUnique({ where: { id: gameId } });
  if (!game) {
    return null;
  }
  const [seats, answers] = await Promise.all([
    db.liveGamePlayer.findMany({ where: { gameId }, select: seatSelect }) as Promise<SeatRow[]>,
    answersOf(db, game),
  ]);
  const active = seats.filter((seat) => seat.kickedAt === null);
  return {
    row: game,
    game: gameStateView(
      game,
      {
        seats: active,
        playerCount: active.length,
        answerCount: answers.length,
        answers,
        teams: teamsOf(active, game.teamCount),
      },
      now,
    ),
    seats: seatViews(seats, game.phase),
    answers: new Map(answers.map((answer) => [answer.playerId, answer])),
  };
};

/** One player's view out of a frame (null when the seat is not in it). */
export const playerViewOf = (frame: PlayerFrame, playerId: string): PlayerView | null => {
  const me = frame.seats.get(playerId);
  if (!me) {
    return null;
  }
  return { game: frame.game, me, myAnswer: myAnswerView(frame.row, frame.answers.get(playerId)) };
};

/**
 * The first view of a seat created after `frame` was read: its own row is known (a fresh seat
 * has no points and no answer), the game's part is the frame's with one more player.
 */
export const joinerViewOf = (
  frame: PlayerFrame,
  seat: { id: string; nickname: string; team: number | null },
): PlayerView => {
  let ahead = 0;
  for (const other of frame.seats.values()) {
    if (!other.kicked && (other.score > 0 || other.correctCount > 0)) {
      ahead += 1;
    }
  }
  return {
    game: { ...frame.game, playerCount: frame.game.playerCount + 1 },
    me: {
      id: seat.id,
      nickname: seat.nickname,
      team: seat.team,
      score: 0,
      correctCount: 0,
      answerCount: 0,
      streak: 0,
      rank: frame.game.phase === 'LOBBY' ? null : ahead + 1,
      kicked: false,
    },
    myAnswer: null,
  };
};

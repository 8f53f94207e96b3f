/**
 * Builds what the host's and players' screens show from rows already loaded. Pure: the loading
 * is in frames.ts, so one process reads a game once per event and serves every local screen.
 */
import type { LiveGame } from '@quiz/prisma';
import type {
  QuestionKey,
  QuestionPrompt,
  QuestionResponse,
  QuestionType,
} from '../questions/types';
import { CHOICE_TYPES } from '../questions/types';
import {
  DEFAULT_LIMIT_SEC,
  type LivePhase,
  type LiveState,
  rankPlayers,
  teamScores,
} from './machine';

export type LiveCitationView = {
  id: string;
  quote: string;
  locator: string;
  sourceTitle: string;
  url: string | null;
};

/** A question as copied into the game when it was created. */
export type LiveQuestionSnapshot = {
  id: string;
  type: QuestionType;
  stem: string;
  prompt: QuestionPrompt;
  key: QuestionKey;
  explanation: string;
  timeLimitSec: number;
  citations: LiveCitationView[];
};

export const questionsOf = (game: Pick<LiveGame, 'questions'>): LiveQuestionSnapshot[] =>
  game.questions as unknown as LiveQuestionSnapshot[];

export const stateOf = (game: LiveGame): LiveState => ({
  phase: game.phase as LivePhase,
  seq: game.seq,
  questionIndex: game.questionIndex,
  timeLimitsSec: questionsOf(game).map((q) => q.timeLimitSec ?? DEFAULT_LIMIT_SEC),
  openedAtMs: game.openedAt?.getTime() ?? null,
  deadlineMs: game.deadline?.getTime() ?? null,
  pausedRemainingMs: game.pausedRemainingMs,
  locked: game.locked,
  hostConnected: game.hostConnected,
  hostAwaySinceMs: game.hostAwaySince?.getTime() ?? null,
  startedAtMs: game.startedAt?.getTime() ?? null,
  endedAtMs: game.endedAt?.getTime() ?? null,
  speedPoints: game.speedPoints,
  showLeaderboard: game.showLeaderboard,
  teamCount: game.teamCount,
});

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The columns a state writes back (the inverse of stateOf). */
export const stateColumns = (state: LiveState) => ({
  phase: state.phase,
  seq: state.seq,
  questionIndex: state.questionIndex,
  openedAt: date(state.openedAtMs),
  deadline: date(state.deadlineMs),
  pausedRemainingMs: state.pausedRemainingMs,
  locked: state.locked,
  hostConnected: state.hostConnected,
  hostAwaySince: date(state.hostAwaySinceMs),
  startedAt: date(state.startedAtMs),
  endedAt: date(state.endedAtMs),
});

export type SeatRow = {
  id: string;
  nickname: string;
  team: number | null;
  score: number;
  correctCount: number;
  answerCount: number;
  streak: number;
  bestStreak: number;
  kickedAt: Date | null;
  joinedAt: Date;
};

export type AnswerRow = {
  playerId: string;
  response: QuestionResponse;
  receivedAt: Date;
  isCorrect: boolean;
  points: number | null;
};

export type StandingView = {
  rank: number;
  nickname: string;
  score: number;
  correctCount: number;
  team: number | null;
};

export type SeatView = {
  id: string;
  nickname: string;
  team: number | null;
  score: number;
  correctCount: number;
  answerCount: number;
  streak: number;
  rank: number | null;
  kicked: boolean;
};

export type MyAnswerView = {
  questionIndex: number;
  response: QuestionResponse;
  receivedAt: Date;
  isCorrect: boolean | null;
  points: number | null;
};

export type RevealView = {
  key: {
    optionIds: string[];
    order: string[];
    pairs: { itemId: string; targetId: string }[];
    year: number | null;
    answers: string[];
  };
  explanation: string;
  citations: LiveCitationView[];
  distribution: { optionId: string; count: number }[];
  answerCount: number;
  correctCount: number;
};

export type GameStateView = {
  id: string;
  pin: string | null;
  title: string;
  phase: LivePhase;
  seq: number;
  questionIndex: number;
  questionCount: number;
  locked: boolean;
  paused: boolean;
  hostConnected: boolean;
  speedPoints: boolean;
  showLeaderboard: boolean;
  teamCount: number;
  serverNow: Date;
  deadline: Date | null;
  remainingMs: number | null;
  question: {
    index: number;
    type: QuestionType;
    stem: string;
    prompt: QuestionPrompt;
    timeLimitSec: number;
  } | null;
  reveal: RevealView | null;
  leaderboard: StandingView[];
  teams: { team: number; score: number; members: number }[];
  playerCount: number;
  answerCount: number;
};

export const LEADERBOARD_SIZE = 5;

/** Whether the current question's key may be shown (revealed, or the game went on past it). */
const isRevealed = (phase: LivePhase) =>
  phase === 'REVEAL' || phase === 'LEADERBOARD' || phase === 'PODIUM';

export const revealOf = (
  question: LiveQuestionSnapshot,
  answers: readonly Pick<AnswerRow, 'response' | 'isCorrect'>[],
): RevealView => {
  const counts = new Map((question.prompt.options ?? []).map((o) => [o.id, 0]));
  let correctCount = 0;
  for (const answer of answers) {
    if (answer.isCorrect) {
      correctCount += 1;
    }
    if (CHOICE_TYPES.includes(question.type)) {
      for (const id of answer.response.optionIds ?? []) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  }
  return {
    key: {
      optionIds: question.key.optionIds ?? [],
      order: question.key.order ?? [],
      pairs: question.key.pairs ?? [],
      year: question.key.year ?? null,
      answers: question.key.answers ?? [],
    },
    explanation: question.explanation,
    citations: question.citations,
    distribution: [...counts].map(([optionId, count]) => ({ optionId, count })),
    answerCount: answers.length,
    correctCount,
  };
};

export type StandingsInput = {
  /** The seats (not kicked) in any order; for the leaderboard the top ones suffice. */
  seats: readonly SeatRow[];
  playerCount: number;
  answerCount: number;
  /** Answers to the current question, for the reveal's distribution (needed from the reveal on). */
  answers: readonly Pick<AnswerRow, 'response' | 'isCorrect'>[];
  /** Team scores (mean of members), when the game has teams. */
  teams: { team: number; score: number; members: number }[];
};

export const gameStateView = (game: LiveGame, input: StandingsInput, now: Date): GameStateView => {
  const state = stateOf(game);
  const questions = questionsOf(game);
  const current = questions[game.questionIndex];
  const showBoard =
    state.phase === 'PODIUM' || (state.showLeaderboard && state.phase === 'LEADERBOARD');
  const leaderboard = showBoard
    ? rankPlayers(input.seats)
        .slice(0, LEADERBOARD_SIZE)
        .map(({ rank, nickname, score, correctCount, team }) => ({
          rank,
          nickname,
          score,
          correctCount,
          team,
        }))
    : [];
  return {
    id: game.id,
    pin: game.pin,
    title: game.title,
    phase: state.phase,
    seq: game.seq,
    questionIndex: game.questionIndex,
    questionCount: questions.length,
    locked: game.locked,
    paused: game.pausedRemainingMs !== null,
    hostConnected: game.hostConnected,
    speedPoints: game.speedPoints,
    showLeaderboard: game.showLeaderboard,
    teamCount: game.teamCount,
    serverNow: now,
    deadline: state.phase === 'QUESTION' && game.pausedRemainingMs === null ? game.deadline : null,
    remainingMs: state.phase === 'QUESTION' ? game.pausedRemainingMs : null,
    question:
      current && state.phase !== 'LOBBY' && state.phase !== 'CANCELLED'
        ? {
            index: game.questionIndex,
            type: current.type,
            stem: current.stem,
            prompt: current.prompt,
            timeLimitSec: current.timeLimitSec,
          }
        : null,
    reveal: current && isRevealed(state.phase) ? revealOf(current, input.answers) : null,
    leaderboard,
    teams: showBoard && game.teamCount > 0 ? input.teams : [],
    playerCount: input.playerCount,
    answerCount: input.answerCount,
  };
};

/** Every seat with its rank (kicked seats unranked), for the players' own views. */
export const seatViews = (seats: readonly SeatRow[], phase: LivePhase): Map<string, SeatView> => {
  const active = seats.filter((seat) => seat.kickedAt === null);
  const ranks = new Map(rankPlayers(active).map((seat) => [seat.id, seat.rank]));
  return new Map(
    seats.map((seat) => [
      seat.id,
      {
        id: seat.id,
        nickname: seat.nickname,
        team: seat.team,
        score: seat.score,
        correctCount: seat.correctCount,
        answerCount: seat.answerCount,
        streak: seat.streak,
        rank: phase === 'LOBBY' ? null : (ranks.get(seat.id) ?? null),
        kicked: seat.kickedAt !== null,
      },
    ]),
  );
};

/** A player's answer to the current question; its result only once revealed. */
export const myAnswerView = (
  game: Pick<LiveGame, 'phase' | 'questionIndex'>,
  answer: AnswerRow | undefined,
): MyAnswerView | null => {
  if (!answer) {
    return null;
  }
  const shown = isRevealed(game.phase as LivePhase);
  return {
    questionIndex: game.questionIndex,
    response: answer.response,
    receivedAt: answer.receivedAt,
    isCorrect: shown ? answer.isCorrect : null,
    points: shown ? answer.points : null,
  };
};

export const teamsOf = (seats: readonly SeatRow[], teamCount: number) =>
  teamCount > 0 ? teamScores(seats, teamCount) : [];

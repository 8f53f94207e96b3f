/**
 * The live game's rules, pure: no I/O, the clock and randomness are arguments. The service loads
 * a game row, asks these functions what a command or an answer does, and writes the result in
 * the same transaction; every process of the API therefore agrees, since only the database holds
 * state.
 *
 * Phases: LOBBY → QUESTION → REVEAL → (LEADERBOARD →) QUESTION … → PODIUM; CANCELLED when a lobby
 * is closed before the game starts. The host advances the game; the server's clock closes a
 * question at its deadline (answers after it are refused), and the host (or its screen's timer)
 * reveals.
 */

export type LivePhase = 'LOBBY' | 'QUESTION' | 'REVEAL' | 'LEADERBOARD' | 'PODIUM' | 'CANCELLED';

export type LiveOptions = {
  /** Kahoot-like speed points; off = accuracy only (1000 × credit). */
  speedPoints: boolean;
  /** Show the leaderboard between questions. */
  showLeaderboard: boolean;
  /** 0 = no teams. */
  teamCount: number;
};

export type LiveState = LiveOptions & {
  phase: LivePhase;
  seq: number;
  questionIndex: number;
  /** Seconds per question, in play order. */
  timeLimitsSec: readonly number[];
  openedAtMs: number | null;
  deadlineMs: number | null;
  /** Paused mid-question: the ms that were left. */
  pausedRemainingMs: number | null;
  locked: boolean;
  hostConnected: boolean;
  hostAwaySinceMs: number | null;
  startedAtMs: number | null;
  endedAtMs: number | null;
};

export type LiveCommand =
  | { type: 'start' }
  | { type: 'reveal' }
  | { type: 'next' }
  | { type: 'skip' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'end' }
  | { type: 'lock'; locked: boolean }
  | { type: 'hostDisconnect' }
  | { type: 'hostReturn' };

/** What the service must do besides writing the new state. */
export type LiveEffect =
  /** Score the answers of this question (write points, scores, streaks). */
  | { type: 'scoreQuestion'; questionIndex: number }
  /** Forget the answers of this skipped question (they never count). */
  | { type: 'discardQuestion'; questionIndex: number }
  /** The game is over: add results to the set's board. */
  | { type: 'finish' };

export type LiveTransition = { state: LiveState; effects: LiveEffect[] };

/** A command the current phase does not allow; the API answers CONFLICT with this message. */
export class LiveRuleError extends Error {
  override readonly name = 'LiveRuleError';
}

/** Answers may arrive this long after the deadline (the phone's tap was in time, the network slow). */
export const ANSWER_GRACE_MS = 500;
/** The most points one question gives. */
export const MAX_POINTS = 1000;
/** Under this many ms a correct answer earns full speed points (Kahoot's rule). */
export const FULL_POINTS_WITHIN_MS = 500;
/** A host away this long (not connected, game not over) lets the game end on its own. */
export const HOST_ABANDON_MS = 30 * 60_000;
/** Default and bounds of a question's time in a live game. */
export const DEFAULT_LIMIT_SEC = 20;
export const MIN_LIMIT_SEC = 5;
export const MAX_LIMIT_SEC = 240;

const refuse = (message: string): never => {
  throw new LiveRuleError(message);
};

const isOver = (state: LiveState) => state.phase === 'PODIUM' || state.phase === 'CANCELLED';

const openQuestion = (state: LiveState, index: number, nowMs: number): LiveState => {
  const limitMs = (state.timeLimitsSec[index] ?? DEFAULT_LIMIT_SEC) * 1000;
  return {
    ...state,
    phase: 'QUESTION',
    questionIndex: index,
    openedAtMs: nowMs,
    deadlineMs: nowMs + limitMs,
    pausedRemainingMs: null,
  };
};

const podium = (state: LiveState, nowMs: number): LiveState => ({
  ...state,
  phase: 'PODIUM',
  deadlineMs: null,
  pausedRemainingMs: null,
  endedAtMs: nowMs,
});

/** After a reveal (or leaderboard, or a skip): the next question, or the podium after the last. */
const advance = (state: LiveState, nowMs: number): LiveState =>
  state.questionIndex + 1 < state.timeLimitsSec.length
    ? openQuestion(state, state.questionIndex + 1, nowMs)
    : podium(state, nowMs);

const bump = (state: LiveState, effects: LiveEffect[] = []): LiveTransition => ({
  state: { ...state, seq: state.seq + 1 },
  effects,
});

/** Applies one host command (or the host's connection coming and going) at server time nowMs. */
export const applyCommand = (
  state: LiveState,
  command: LiveCommand,
  nowMs: number,
): LiveTransition => {
  if (isOver(state) && command.type !== 'hostDisconnect' && command.type !== 'hostReturn') {
    return refuse('The game is over');
  }
  switch (command.type) {
    case 'start':
      if (state.phase !== 'LOBBY') {
        return refuse('The game has already started');
      }
      if (state.timeLimitsSec.length === 0) {
        return refuse('The game has no questions');
      }
      return bump({ ...openQuestion(state, 0, nowMs), startedAtMs: nowMs });
    case 'reveal':
      if (state.phase !== 'QUESTION') {
        return refuse('Only an open question can be revealed');
      }
      return bump(
        {
          ...state,
          phase: 'REVEAL',
          // Revealed early (everyone answered) or while paused: the question closes now.
          deadlineMs: Math.min(state.deadlineMs ?? nowMs, nowMs),
          pausedRemainingMs: null,
        },
        [{ type: 'scoreQuestion', questionIndex: state.questionIndex }],
      );
    case 'next': {
      if (state.phase === 'REVEAL' && state.showLeaderboard) {
        return bump({ ...state, phase: 'LEADERBOARD' });
      }
      if (state.phase !== 'REVEAL' && state.phase !== 'LEADERBOARD') {
        return refuse(
          state.phase === 'QUESTION' ? 'Reveal or skip the question first' : 'Start the game first',
        );
      }
      const next = advance(state, nowMs);
      return bump(next, next.phase === 'PODIUM' ? [{ type: 'finish' }] : []);
    }
    case 'skip': {
      if (state.phase !== 'QUESTION') {
        return refuse('Only an open question can be skipped');
      }
      const next = advance(state, nowMs);
      return bump(next, [
        { type: 'discardQuestion', questionIndex: state.questionIndex },
        ...(next.phase === 'PODIUM' ? [{ type: 'finish' } as const] : []),
      ]);
    }
    case 'pause':
      if (state.phase !== 'QUESTION' || state.pausedRemainingMs !== null) {
        return refuse('Only a running question can be paused');
      }
      if ((state.deadlineMs ?? 0) <= nowMs) {
        return refuse('The time is already up');
      }
      return bump({ ...state, pausedRemainingMs: (state.deadlineMs ?? nowMs) - nowMs });
    case 'resume': {
      if (state.phase !== 'QUESTION' || state.pausedRemainingMs === null) {
        return refuse('The game is not paused');
      }
      const pausedForMs = nowMs - ((state.deadlineMs ?? nowMs) - state.pausedRemainingMs);
      return bump({
        ...state,
        // Both move by the pause, so time spent paused never counts against a player.
        openedAtMs: (state.openedAtMs ?? nowMs) + pausedForMs,
        deadlineMs: nowMs + state.pausedRemainingMs,
        pausedRemainingMs: null,
      });
    }
    case 'end':
      if (state.phase === 'LOBBY') {
        return bump({ ...state, phase: 'CANCELLED', endedAtMs: nowMs });
      }
      return bump(podium(state, nowMs), [
        // A question open when the host ends still counts for the answers already given.
        ...(state.phase === 'QUESTION'
          ? [{ type: 'scoreQuestion', questionIndex: state.questionIndex } as const]
          : []),
        { type: 'finish' },
      ]);
    case 'lock':
      if (state.locked === command.locked) {
        return { state, effects: [] };
      }
      return bump({ ...state, locked: command.locked });
    case 'hostDisconnect':
      if (!state.hostConnected) {
        return { state, effects: [] };
      }
      return bump({ ...state, hostConnected: false, hostAwaySinceMs: nowMs });
    case 'hostReturn':
      if (state.hostConnected) {
        return { state, effects: [] };
      }
      return bump({ ...state, hostConnected: true, hostAwaySinceMs: null });
  }
};

/** A host gone for HOST_ABANDON_MS: the game may be ended by whoever notices (any process). */
export const isAbandoned = (state: LiveState, nowMs: number): boolean =>
  !isOver(state) &&
  !state.hostConnected &&
  state.hostAwaySinceMs !== null &&
  nowMs - state.hostAwaySinceMs >= HOST_ABANDON_MS;

export type JoinVerdict =
  | { ok: true; late: boolean }
  | { ok: false; reason: 'LOCKED' | 'OVER' | 'NAME_TAKEN' };

/**
 * Whether a new player may take a seat. Late joins are allowed until the room is locked or the
 * game is over; a rejoin with a token is not a join and ignores the lock.
 */
export const joinVerdict = (state: LiveState, nameTaken: boolean): JoinVerdict => {
  if (isOver(state)) {
    return { ok: false, reason: 'OVER' };
  }
  if (state.locked) {
    return { ok: false, reason: 'LOCKED' };
  }
  if (nameTaken) {
    return { ok: false, reason: 'NAME_TAKEN' };
  }
  return { ok: true, late: state.phase !== 'LOBBY' };
};

/** Team of the n-th player to join (0-based), dealt round-robin; null without teams. */
export const teamFor = (teamCount: number, joinOrder: number): number | null =>
  teamCount > 0 ? joinOrder % teamCount : null;

export type AnswerVerdict =
  | { ok: true; elapsedMs: number }
  | { ok: false; reason: 'NOT_OPEN' | 'WRONG_QUESTION' | 'PAUSED' | 'LATE' | 'KICKED' };

/**
 * Whether an answer received at server time receivedAtMs counts. Double answers are the
 * database's business (one row per player and question); this decides the rest.
 */
export const answerVerdict = (
  state: LiveState,
  questionIndex: number,
  receivedAtMs: number,
  kicked = false,
): AnswerVerdict => {
  if (kicked) {
    return { ok: false, reason: 'KICKED' };
  }
  if (state.phase !== 'QUESTION') {
    return { ok: false, reason: 'NOT_OPEN' };
  }
  if (questionIndex !== state.questionIndex) {
    return { ok: false, reason: 'WRONG_QUESTION' };
  }
  if (state.pausedRemainingMs !== null) {
    return { ok: false, reason: 'PAUSED' };
  }
  if (state.deadlineMs === null || receivedAtMs > state.deadlineMs + ANSWER_GRACE_MS) {
    return { ok: false, reason: 'LATE' };
  }
  const limitMs = (state.deadlineMs ?? 0) - (state.openedAtMs ?? 0);
  return {
    ok: true,
    elapsedMs: Math.min(Math.max(receivedAtMs - (state.openedAtMs ?? receivedAtMs), 0), limitMs),
  };
};

/**
 * Points for one answer. Accuracy only: round(1000 × credit). Speed points (Kahoot's rule):
 * round(1000 × credit × (1 − t/T ÷ 2)), full within FULL_POINTS_WITHIN_MS, so a right answer never
 * earns less than half. No streak bonus: it rewards the same few players over and over (the
 * teachers' complaint in the anchors); the streak is shown, not scored.
 */
export const livePoints = ({
  credit,
  elapsedMs,
  limitMs,
  speedPoints,
}: {
  credit: number;
  elapsedMs: number;
  limitMs: number;
  speedPoints: boolean;
}): number => {
  if (!Number.isFinite(credit) || credit < 0 || credit > 1) {
    throw new RangeError(`credit must be in [0, 1], got ${credit}`);
  }
  if (!speedPoints || limitMs <= 0 || elapsedMs < FULL_POINTS_WITHIN_MS) {
    return Math.round(MAX_POINTS * credit);
  }
  const used = Math.min(elapsedMs / limitMs, 1);
  return Math.round(MAX_POINTS * credit * (1 - used / 2));
};

export type SeatScore = {
  playerId: string;
  score: number;
  correctCount: number;
  answerCount: number;
  streak: number;
  bestStreak: number;
};

export type ScoredAnswer = {
  playerId: string;
  credit: number;
  isCorrect: boolean;
  elapsedMs: number;
};

export type QuestionScoring = {
  /** Points per answering player. */
  points: Map<string, number>;
  /** Every active seat after this question (players who did not answer lose their streak). */
  seats: SeatScore[];
};

/** Scores one question for every seat: points, totals, right answers and streaks. */
export const scoreQuestion = ({
  seats,
  answers,
  limitMs,
  speedPoints,
}: {
  seats: readonly SeatScore[];
  answers: readonly ScoredAnswer[];
  limitMs: number;
  speedPoints: boolean;
}): QuestionScoring => {
  const byPlayer = new Map(answers.map((answer) => [answer.playerId, answer]));
  const points = new Map<string, number>();
  const next = seats.map((seat) => {
    const answer = byPlayer.get(seat.playerId);
    if (!answer) {
      return { ...seat, streak: 0 };
    }
    const earned = livePoints({ ...answer, limitMs, speedPoints });
    points.set(seat.playerId, earned);
    const streak = answer.isCorrect ? seat.streak + 1 : 0;
    return {
      playerId: seat.playerId,
      score: seat.score + earned,
      correctCount: seat.correctCount + (answer.isCorrect ? 1 : 0),
      answerCount: seat.answerCount + 1,
      streak,
      bestStreak: Math.max(seat.bestStreak, streak),
    };
  });
  return { points, seats: next };
};

export type Ranked<T> = T & { rank: number };

/**
 * Standard competition ranking (1, 2, 2, 4) by score, then right answers; ties keep the given
 * order for display but share a rank.
 */
export const rankPlayers = <T extends { score: number; correctCount: number }>(
  players: readonly T[],
): Ranked<T>[] => {
  const sorted = [...players].sort((a, b) => b.score - a.score || b.correctCount - a.correctCount);
  let rank = 0;
  return sorted.map((player, index) => {
    const previous = sorted[index - 1];
    if (
      !previous ||
      previous.score !== player.score ||
      previous.correctCount !== player.correctCount
    ) {
      rank = index + 1;
    }
    return { ...player, rank };
  });
};

export type TeamScore = { team: number; score: number; members: number };

/** Team mode: a team's score is the mean of its members' (so team size does not decide). */
export const teamScores = (
  players: readonly { team: number | null; score: number }[],
  teamCount: number,
): TeamScore[] => {
  const totals = Array.from({ length: teamCount }, (_, team) => ({ team, sum: 0, members: 0 }));
  for (const player of players) {
    const total = player.team === null ? undefined : totals[player.team];
    if (total) {
      total.sum += player.score;
      total.members += 1;
    }
  }
  return totals
    .map(({ team, sum, members }) => ({
      team,
      score: members === 0 ? 0 : Math.round(sum / members),
      members,
    }))
    .sort((a, b) => b.score - a.score || a.team - b.team);
};

/** A six-digit PIN (no leading zero) from a random source in [0, 1). */
export const makePin = (random: () => number): string =>
  String(100_000 + Math.floor(random() * 900_000));

/** Word lists for generated nicknames (two words, within the accounts module's length rules). */
const ADJECTIVES = [
  'Amber',
  'Bold',
  'Brave',
  'Bright',
  'Calm',
  'Clever',
  'Swift',
  'Golden',
  'Keen',
  'Lucky',
  'Merry',
  'Noble',
  'Quick',
  'Quiet',
  'Sharp',
  'Silver',
  'Steady',
  'Sunny',
  'Wise',
  'Witty',
];
const NOUNS = [
  'Cedar',
  'Comet',
  'Falcon',
  'Fig',
  'Harbor',
  'Heron',
  'Jasmine',
  'Lantern',
  'Lynx',
  'Maple',
  'Olive',
  'Orchid',
  'Otter',
  'Pomegranate',
  'Quill',
  'River',
  'Saffron',
  'Sparrow',
  'Tiger',
  'Willow',
];

/** A friendly two-word nickname ("Swift Heron"); the caller checks it like a typed one. */
export const generateNickname = (random: () => number): string => {
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? list[0];
  return `${pick(ADJECTIVES)} ${pick(NOUNS)}`;
};

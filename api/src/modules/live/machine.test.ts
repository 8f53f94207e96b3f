import {
  ANSWER_GRACE_MS,
  answerVerdict,
  applyCommand,
  generateNickname,
  isAbandoned,
  joinVerdict,
  LiveRuleError,
  type LiveState,
  livePoints,
  makePin,
  rankPlayers,
  type SeatScore,
  scoreQuestion,
  teamFor,
  teamScores,
} from './machine';

const T0 = 1_000_000;

const lobby = (overrides: Partial<LiveState> = {}): LiveState => ({
  phase: 'LOBBY',
  seq: 0,
  questionIndex: -1,
  timeLimitsSec: [20, 10],
  openedAtMs: null,
  deadlineMs: null,
  pausedRemainingMs: null,
  locked: false,
  hostConnected: true,
  hostAwaySinceMs: null,
  startedAtMs: null,
  endedAtMs: null,
  speedPoints: true,
  showLeaderboard: true,
  teamCount: 0,
  ...overrides,
});

/** Runs commands in order, each 1 s after the previous one, starting at T0. */
const run = (state: LiveState, ...types: Array<'start' | 'reveal' | 'next' | 'skip' | 'end'>) => {
  let current = state;
  let effects: unknown[] = [];
  types.forEach((type, i) => {
    const result = applyCommand(current, { type }, T0 + i * 1000);
    current = result.state;
    effects = result.effects;
  });
  return { state: current, effects };
};

describe('phases', () => {
  it('plays lobby → question → reveal → leaderboard → question → reveal → podium', () => {
    const phases: string[] = [];
    let state = lobby();
    for (const type of ['start', 'reveal', 'next', 'next', 'reveal', 'next', 'next'] as const) {
      state = applyCommand(state, { type }, T0).state;
      phases.push(`${state.phase}:${state.questionIndex}`);
    }
    expect(phases).toEqual([
      'QUESTION:0',
      'REVEAL:0',
      'LEADERBOARD:0',
      'QUESTION:1',
      'REVEAL:1',
      'LEADERBOARD:1',
      'PODIUM:1',
    ]);
    expect(state.seq).toBe(7);
    expect(state.endedAtMs).toBe(T0);
  });

  it('skips the leaderboard when it is hidden', () => {
    const { state } = run(lobby({ showLeaderboard: false }), 'start', 'reveal', 'next');
    expect(state.phase).toBe('QUESTION');
    expect(state.questionIndex).toBe(1);
  });

  it('opens a question on the server clock with its own time limit', () => {
    const { state } = run(lobby(), 'start', 'reveal', 'next', 'next');
    expect(state.openedAtMs).toBe(T0 + 3000);
    expect(state.deadlineMs).toBe(T0 + 3000 + 10_000);
  });

  it('asks to score on reveal, to finish at the podium, and to discard a skipped question', () => {
    expect(run(lobby(), 'start', 'reveal').effects).toEqual([
      { type: 'scoreQuestion', questionIndex: 0 },
    ]);
    expect(
      run(lobby({ showLeaderboard: false }), 'start', 'reveal', 'next', 'reveal', 'next').effects,
    ).toEqual([{ type: 'finish' }]);
    const skipped = run(lobby(), 'start', 'skip');
    expect(skipped.effects).toEqual([{ type: 'discardQuestion', questionIndex: 0 }]);
    expect(skipped.state.questionIndex).toBe(1);
    const lastSkipped = run(lobby(), 'start', 'skip', 'skip');
    expect(lastSkipped.state.phase).toBe('PODIUM');
    expect(lastSkipped.effects).toEqual([
      { type: 'discardQuestion', questionIndex: 1 },
      { type: 'finish' },
    ]);
  });

  it('refuses commands out of phase', () => {
    expect(() => run(lobby(), 'reveal')).toThrow(LiveRuleError);
    expect(() => run(lobby(), 'next')).toThrow('Start the game first');
    expect(() => run(lobby(), 'start', 'next')).toThrow('Reveal or skip the question first');
    expect(() => run(lobby(), 'start', 'start')).toThrow('already started');
    expect(() => run(lobby(), 'start', 'end', 'next')).toThrow('over');
    expect(() => run(lobby({ timeLimitsSec: [] }), 'start')).toThrow('no questions');
  });

  it('ends a lobby as cancelled and a running game at the podium, scoring the open question', () => {
    expect(run(lobby(), 'end').state.phase).toBe('CANCELLED');
    const ended = run(lobby(), 'start', 'end');
    expect(ended.state.phase).toBe('PODIUM');
    expect(ended.effects).toEqual([
      { type: 'scoreQuestion', questionIndex: 0 },
      { type: 'finish' },
    ]);
  });
});

describe('pause', () => {
  it('freezes the time left and moves the clock past the pause', () => {
    let state = applyCommand(lobby(), { type: 'start' }, T0).state;
    state = applyCommand(state, { type: 'pause' }, T0 + 5000).state;
    expect(state.pausedRemainingMs).toBe(15_000);
    expect(answerVerdict(state, 0, T0 + 6000)).toEqual({ ok: false, reason: 'PAUSED' });
    state = applyCommand(state, { type: 'resume' }, T0 + 65_000).state;
    expect(state.deadlineMs).toBe(T0 + 80_000);
    expect(state.openedAtMs).toBe(T0 + 60_000);
    // 1 s after resuming, 6 s of play have passed.
    expect(answerVerdict(state, 0, T0 + 66_000)).toEqual({ ok: true, elapsedMs: 6000 });
  });

  it('refuses to pause twice, after the deadline, or to resume a running question', () => {
    const started = applyCommand(lobby(), { type: 'start' }, T0).state;
    const paused = applyCommand(started, { type: 'pause' }, T0 + 1).state;
    expect(() => applyCommand(paused, { type: 'pause' }, T0 + 2)).toThrow(LiveRuleError);
    expect(() => applyCommand(started, { type: 'resume' }, T0 + 2)).toThrow('not paused');
    expect(() => applyCommand(started, { type: 'pause' }, T0 + 20_000)).toThrow(
      'time is already up',
    );
  });
});

describe('joins and the lock', () => {
  it('lets players join in the lobby and late, until the room is locked', () => {
    const state = lobby();
    expect(joinVerdict(state, false)).toEqual({ ok: true, late: false });
    const started = applyCommand(state, { type: 'start' }, T0).state;
    expect(joinVerdict(started, false)).toEqual({ ok: true, late: true });
    const locked = applyCommand(started, { type: 'lock', locked: true }, T0).state;
    expect(joinVerdict(locked, false)).toEqual({ ok: false, reason: 'LOCKED' });
    expect(
      joinVerdict(applyCommand(locked, { type: 'lock', locked: false }, T0).state, false).ok,
    ).toBe(true);
  });

  it('refuses a taken name and any join once the game is over', () => {
    expect(joinVerdict(lobby(), true)).toEqual({ ok: false, reason: 'NAME_TAKEN' });
    expect(joinVerdict(run(lobby(), 'end').state, false)).toEqual({ ok: false, reason: 'OVER' });
  });

  it('locking twice changes nothing and sends no event', () => {
    const locked = applyCommand(lobby(), { type: 'lock', locked: true }, T0).state;
    const again = applyCommand(locked, { type: 'lock', locked: true }, T0);
    expect(again.state.seq).toBe(locked.seq);
  });

  it('deals players into teams round-robin', () => {
    expect([0, 1, 2, 3, 4].map((n) => teamFor(3, n))).toEqual([0, 1, 2, 0, 1]);
    expect(teamFor(0, 4)).toBeNull();
  });
});

describe('answers', () => {
  const open = applyCommand(lobby(), { type: 'start' }, T0).state;

  it('accepts an answer to the open question with its elapsed time on the server clock', () => {
    expect(answerVerdict(open, 0, T0 + 2500)).toEqual({ ok: true, elapsedMs: 2500 });
  });

  it('accepts within the grace after the deadline and refuses later answers', () => {
    expect(answerVerdict(open, 0, T0 + 20_000 + ANSWER_GRACE_MS)).toEqual({
      ok: true,
      elapsedMs: 20_000,
    });
    expect(answerVerdict(open, 0, T0 + 20_001 + ANSWER_GRACE_MS)).toEqual({
      ok: false,
      reason: 'LATE',
    });
  });

  it('refuses answers to another question, after the reveal, in the lobby, and from a kicked player', () => {
    expect(answerVerdict(open, 1, T0 + 1)).toEqual({ ok: false, reason: 'WRONG_QUESTION' });
    expect(answerVerdict(lobby(), 0, T0)).toEqual({ ok: false, reason: 'NOT_OPEN' });
    const revealed = applyCommand(open, { type: 'reveal' }, T0 + 3000).state;
    expect(answerVerdict(revealed, 0, T0 + 3001)).toEqual({ ok: false, reason: 'NOT_OPEN' });
    expect(answerVerdict(open, 0, T0 + 1, true)).toEqual({ ok: false, reason: 'KICKED' });
  });

  it('closes the question at an early reveal', () => {
    const revealed = applyCommand(open, { type: 'reveal' }, T0 + 3000).state;
    expect(revealed.deadlineMs).toBe(T0 + 3000);
  });
});

describe('host disconnect and return', () => {
  it('keeps the game as it is while the host is away, and ends it only after a long absence', () => {
    const open = applyCommand(lobby(), { type: 'start' }, T0).state;
    const away = applyCommand(open, { type: 'hostDisconnect' }, T0 + 1000).state;
    expect(away.phase).toBe('QUESTION');
    expect(away.hostConnected).toBe(false);
    // Players keep answering while the host's screen reconnects.
    expect(answerVerdict(away, 0, T0 + 2000).ok).toBe(true);
    expect(isAbandoned(away, T0 + 1000 + 60_000)).toBe(false);
    expect(isAbandoned(away, T0 + 1000 + 30 * 60_000)).toBe(true);
    const back = applyCommand(away, { type: 'hostReturn' }, T0 + 5000).state;
    expect(back.hostConnected).toBe(true);
    expect(back.hostAwaySinceMs).toBeNull();
    expect(isAbandoned(back, T0 + 1000 + 30 * 60_000)).toBe(false);
    // The host picks up where the game was.
    expect(applyCommand(back, { type: 'reveal' }, T0 + 6000).state.phase).toBe('REVEAL');
  });

  it('a second disconnect or return changes nothing', () => {
    const away = applyCommand(lobby(), { type: 'hostDisconnect' }, T0).state;
    expect(applyCommand(away, { type: 'hostDisconnect' }, T0 + 5).state.hostAwaySinceMs).toBe(T0);
    expect(applyCommand(lobby(), { type: 'hostReturn' }, T0).state.seq).toBe(0);
  });
});

describe('scoring', () => {
  it('speed points follow Kahoot: full within 0.5 s, never under half for a right answer', () => {
    const base = { credit: 1, limitMs: 30_000, speedPoints: true };
    expect(livePoints({ ...base, elapsedMs: 400 })).toBe(1000);
    expect(livePoints({ ...base, elapsedMs: 2000 })).toBe(967);
    expect(livePoints({ ...base, elapsedMs: 30_000 })).toBe(500);
    expect(livePoints({ ...base, credit: 0, elapsedMs: 1000 })).toBe(0);
    expect(livePoints({ ...base, credit: 0.5, elapsedMs: 0 })).toBe(500);
  });

  it('accuracy only ignores time', () => {
    expect(livePoints({ credit: 1, limitMs: 30_000, elapsedMs: 29_000, speedPoints: false })).toBe(
      1000,
    );
    expect(() => livePoints({ credit: 2, limitMs: 1, elapsedMs: 0, speedPoints: false })).toThrow(
      RangeError,
    );
  });

  const seat = (playerId: string, over: Partial<SeatScore> = {}): SeatScore => ({
    playerId,
    score: 0,
    correctCount: 0,
    answerCount: 0,
    streak: 0,
    bestStreak: 0,
    ...over,
  });

  it('scores a question: totals, right answers, streaks; silence breaks a streak', () => {
    const result = scoreQuestion({
      seats: [
        seat('a', { streak: 2, bestStreak: 2, score: 100 }),
        seat('b', { streak: 3 }),
        seat('c'),
      ],
      answers: [
        { playerId: 'a', credit: 1, isCorrect: true, elapsedMs: 0 },
        { playerId: 'c', credit: 0, isCorrect: false, elapsedMs: 0 },
      ],
      limitMs: 20_000,
      speedPoints: false,
    });
    expect(Object.fromEntries(result.points)).toEqual({ a: 1000, c: 0 });
    expect(result.seats).toEqual([
      seat('a', { score: 1100, correctCount: 1, answerCount: 1, streak: 3, bestStreak: 3 }),
      seat('b', { streak: 0 }),
      seat('c', { answerCount: 1 }),
    ]);
  });

  it('ranks by score then right answers, ties sharing a rank', () => {
    const ranked = rankPlayers([
      { id: 'a', score: 500, correctCount: 1 },
      { id: 'b', score: 900, correctCount: 1 },
      { id: 'c', score: 500, correctCount: 1 },
      { id: 'd', score: 500, correctCount: 2 },
    ]);
    expect(ranked.map((p) => `${p.id}${p.rank}`)).toEqual(['b1', 'd2', 'a3', 'c3']);
  });

  it('team score is the mean of its members', () => {
    expect(
      teamScores(
        [
          { team: 0, score: 1000 },
          { team: 0, score: 0 },
          { team: 1, score: 600 },
          { team: null, score: 5000 },
        ],
        3,
      ),
    ).toEqual([
      { team: 1, score: 600, members: 1 },
      { team: 0, score: 500, members: 2 },
      { team: 2, score: 0, members: 0 },
    ]);
  });
});

describe('pins and nicknames', () => {
  it('makes six-digit PINs across the whole range', () => {
    expect(makePin(() => 0)).toBe('100000');
    expect(makePin(() => 0.999_999_9)).toBe('999999');
  });

  it('generates two-word nicknames from the random source', () => {
    expect(generateNickname(() => 0)).toBe('Amber Cedar');
    expect(generateNickname(() => 0.99)).toBe('Witty Willow');
  });
});

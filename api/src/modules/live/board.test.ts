import { planLiveBoard } from './board';
import { liveResultsCsv } from './results';

const AT = new Date('2026-12-05T10:00:00Z');
const KEY = 's:set:live';

describe('the LIVE board', () => {
  it('keeps each player’s first live game; a player with two seats counts once', () => {
    const plan = planLiveBoard(
      KEY,
      [
        { userId: 'u1', score: 800 },
        { userId: 'u1', score: 1200 },
        { userId: 'u2', score: 300 },
      ],
      [
        {
          boardKey: KEY,
          userId: 'u2',
          score: 900,
          achievedAt: new Date('2026-12-01T00:00:00Z'),
          attemptId: null,
          attemptCount: 1,
        },
      ],
      AT,
    );
    expect(
      plan.entries.map((e) => [e.userId, e.score, e.attemptCount, e.achievedAt.toISOString()]),
    ).toEqual([
      ['u1', 1200, 1, AT.toISOString()],
      // A later game does not replace the first; it still counts as played.
      ['u2', 900, 2, '2026-12-01T00:00:00.000Z'],
    ]);
    // Only the new entry moves the counts: five buckets, +1 each.
    expect(plan.deltas).toHaveLength(5);
    expect(plan.deltas.every((d) => d.delta === 1)).toBe(true);
  });

  it('keeps the first game against a higher later one (a replay with the keys)', () => {
    const before = {
      boardKey: KEY,
      userId: 'u1',
      score: 100,
      achievedAt: new Date('2026-12-01T00:00:00Z'),
      attemptId: null,
      attemptCount: 1,
    };
    const plan = planLiveBoard(KEY, [{ userId: 'u1', score: 2000 }], [before], AT);
    expect(plan.entries).toEqual([{ ...before, attemptCount: 2 }]);
    expect(plan.deltas).toEqual([]);
  });
});

describe('the report as CSV', () => {
  it('quotes separators and defuses spreadsheet formulas, through the interop writer', () => {
    const player = (nickname: string, rank: number, results: (boolean | null)[]) => ({
      rank,
      nickname,
      team: rank === 1 ? 0 : null,
      score: rank === 1 ? 1000 : 0,
      correctCount: results.filter(Boolean).length,
      answerCount: results.filter((r) => r !== null).length,
      bestStreak: results.filter(Boolean).length,
      results,
    });
    const csv = liveResultsCsv({
      questions: [0, 1].map((index) => ({
        index,
        stem: 'Q',
        answerCount: 0,
        correctCount: 0,
        correctRate: 0,
        medianMs: null,
        skipped: false,
      })),
      players: [
        player('a,b', 1, [true, null]),
        player('=HYPERLINK("x")', 2, [false, null]),
        player('-5', 2, [null, null]),
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF"Rank","Nickname","Team","Score","Right answers","Answered","Best streak","Q1 right","Q2 right"',
      '1,"a,b",1,1000,1,1,1,1,',
      `2,"'=HYPERLINK(""x"")",,0,0,1,0,0,`,
      `2,"'-5",,0,0,0,0,,`,
      '',
    ]);
  });
});

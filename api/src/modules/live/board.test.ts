import { planLiveBoard } from './board';
import { csvField } from './report';

const AT = new Date('2026-12-05T10:00:00Z');
const KEY = 's:set:live';

describe('the LIVE board', () => {
  it('keeps each player’s best live score; a player with two seats counts once', () => {
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
      // A lower score does not replace the best; the game still counts as played.
      ['u2', 900, 2, '2026-12-01T00:00:00.000Z'],
    ]);
    // Only the new entry moves the counts: five buckets, +1 each.
    expect(plan.deltas).toHaveLength(5);
    expect(plan.deltas.every((d) => d.delta === 1)).toBe(true);
  });

  it('moves an improved entry out of its old buckets', () => {
    const before = {
      boardKey: KEY,
      userId: 'u1',
      score: 100,
      achievedAt: AT,
      attemptId: null,
      attemptCount: 1,
    };
    const plan = planLiveBoard(KEY, [{ userId: 'u1', score: 2000 }], [before], AT);
    expect(plan.deltas.filter((d) => d.delta === -1)).toHaveLength(5);
    expect(plan.deltas.filter((d) => d.delta === 1)).toHaveLength(5);
  });
});

describe('CSV fields', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvField('Ana')).toBe('Ana');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});

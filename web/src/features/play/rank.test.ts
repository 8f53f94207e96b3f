import { rankWords } from './rank';

const finished = { status: 'FINISHED', set: { isPractice: false } };

describe('rankWords', () => {
  it('gives the attempt its own rank and the player’s board place beside it', () => {
    expect(rankWords({ ...finished, rank: 2, ranked: true, bestRank: 2 })).toEqual({
      value: '#2',
      label: 'this attempt’s rank on the set’s board',
      best: '#2',
    });
  });

  it('says a retake is not ranked, never the best rank in its place', () => {
    const words = rankWords({ ...finished, rank: null, ranked: false, bestRank: 1 });
    expect(words.value).toBe('Not ranked');
    expect(words.label).toMatch(/retake/);
    expect(words.best).toBe('#1');
  });

  it('says practice is not ranked and has no board place', () => {
    expect(
      rankWords({ status: 'FINISHED', set: { isPractice: true }, ranked: false, bestRank: null }),
    ).toEqual({ value: 'Not ranked', label: 'practice attempts are not ranked', best: null });
  });

  it('asks to finish an attempt in progress', () => {
    expect(
      rankWords({ status: 'IN_PROGRESS', set: { isPractice: false }, ranked: false }).value,
    ).toBe('Not ranked yet');
  });
});

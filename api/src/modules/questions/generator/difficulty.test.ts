import { difficultyPrior } from './difficulty';

const ordering = (minYearGap: number, meanYearGap: number) =>
  difficultyPrior('CHRONOLOGY', {
    similarity: 0.5,
    minYearGap,
    meanYearGap,
    joins: 4,
    salience: 0.5,
    optionCount: 4,
  });

describe('difficulty prior tracks difficulty (issue 11)', () => {
  it('rates a four-event ordering spread over forty years easy, not 0.6–0.9', () => {
    expect(ordering(5, 13)).toBeLessThan(0.5);
  });

  it('rates an ordering of events a year or two apart hard', () => {
    expect(ordering(1, 1.5)).toBeGreaterThan(0.6);
  });

  it('rates the wide ordering easier than the tight one', () => {
    expect(ordering(5, 13)).toBeLessThan(ordering(1, 1.5));
  });
});

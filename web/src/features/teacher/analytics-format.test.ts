import { plural as count } from '@/lib/format';
import { decimal, measuredText, percent } from './analytics-format';

describe('class-results numbers', () => {
  it.each([
    [0, '0.00'],
    [-0, '0.00'],
    [-0.004, '0.00'],
    [-0.005, '−0.01'],
    [-0.32, '−0.32'],
    [0.3, '0.30'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('decimal(%p) is %s, never "-0.00"', (value, text) => {
    expect(decimal(value)).toBe(text);
  });

  it('percentages and counts in correct English', () => {
    expect(percent(0.125)).toBe('13%');
    expect(percent(null)).toBe('—');
    expect(count(1, 'answer')).toBe('1 answer');
    expect(count(0, 'answer')).toBe('0 answers');
    expect(count(1200, 'question')).toBe('1,200 questions');
  });

  it('says what a difficulty estimate rests on', () => {
    const base = { priorExpectedCorrect: 0.6 };
    expect(measuredText({ ...base, answerCount: 4, status: 'TOO_FEW' }, 10)).toBe(
      'Not yet: 4 first answers of the 10 it needs (the generator expects 60% right)',
    );
    expect(
      measuredText({ ...base, answerCount: 12, expectedCorrect: 0.45, status: 'PROVISIONAL' }, 10),
    ).toBe('About 45% right for a typical student, provisional (12 first answers in every class)');
    expect(
      measuredText({ ...base, answerCount: 31, expectedCorrect: 0.3, status: 'MEASURED' }, 10),
    ).toBe('30% right for a typical student (31 first answers in every class)');
  });
});

import { questions as all } from '@/test/fixtures';
import type { QuestionLike } from './response';

const questions: Record<string, QuestionLike> = all;

import {
  describeResponse,
  emptyDraft,
  isComplete,
  rendererFor,
  toResponseInput,
  yearProblem,
} from './response';

describe('response helpers', () => {
  it.each([
    ['single', 'choice'],
    ['eventYear', 'choice'],
    ['trueFalse', 'true-false'],
    ['whoSaid', 'who-said'],
    ['timeline', 'timeline'],
    ['multi', 'multi'],
    ['year', 'year'],
    ['chronology', 'chronology'],
    ['matching', 'matching'],
  ])('renders %s with the %s control', (name, kind) => {
    expect(rendererFor(questions[name] as QuestionLike)).toBe(kind);
  });

  it('sends only the fields a type uses', () => {
    const chronology = questions.chronology as QuestionLike;
    expect(toResponseInput(chronology, emptyDraft(chronology))).toEqual({
      order: ['o1', 'o2', 'o3'],
    });
    const year = questions.year as QuestionLike;
    expect(toResponseInput(year, { ...emptyDraft(year), year: ' 1946 ' })).toEqual({ year: 1946 });
    const matching = questions.matching as QuestionLike;
    expect(
      toResponseInput(matching, { ...emptyDraft(matching), pairs: { i1: 't2', i2: '' } }),
    ).toEqual({
      pairs: [{ itemId: 'i1', targetId: 't2' }],
    });
  });

  it('knows when an answer is complete', () => {
    const single = questions.single as QuestionLike;
    expect(isComplete(single, emptyDraft(single))).toBe(false);
    expect(isComplete(single, { ...emptyDraft(single), optionIds: ['o1'] })).toBe(true);
    const chronology = questions.chronology as QuestionLike;
    expect(isComplete(chronology, emptyDraft(chronology))).toBe(true);
  });

  it.each([
    ['', 'Enter a year.'],
    ['19x6', 'Enter the year as digits, for example 1980.'],
    ['1850', 'Enter a year between 1900 and 2025.'],
    ['1946', null],
  ])('year %j → %j', (text, problem) => {
    expect(yearProblem(questions.year as QuestionLike, text)).toBe(problem);
  });

  it('describes responses in words', () => {
    const matching = questions.matching as QuestionLike;
    expect(
      describeResponse(matching, {
        optionIds: [],
        order: [],
        year: null,
        pairs: [{ itemId: 'i1', targetId: 't1' }],
      }),
    ).toBe('Hafez al-Assad → President of Syria');
  });
});

import { bankQuestion } from '@/test/fixtures';
import { countOf, distinguishingOf, erasText, keyDraft, matchCountText } from './bank-text';
import { gradeLocally } from './local-grade';

describe('bank text', () => {
  it('counts in correct English', () => {
    expect(matchCountText(0)).toBe('No questions match');
    expect(matchCountText(1)).toBe('1 question matches');
    expect(matchCountText(2)).toBe('2 questions match');
    expect(matchCountText(1094)).toBe('1,094 questions match');
    expect(countOf(1, 'era')).toBe('1 era');
  });

  it('tells apart orderings by their items and who-said questions by their quote', () => {
    const base = bankQuestion('CHRONOLOGY');
    const ordering = {
      ...base,
      prompt: {
        ...base.prompt,
        options: [],
        items: [
          { id: 'a', label: 'Kash Patel visits Damascus' },
          { id: 'b', label: 'Iran and Syria establish diplomatic relations' },
        ],
      },
    };
    expect(distinguishingOf(ordering)).toEqual({
      kind: 'list',
      label: 'Items',
      items: ['Kash Patel visits Damascus', 'Iran and Syria establish diplomatic relations'],
    });
    const who = bankQuestion('WHO_SAID');
    expect(
      distinguishingOf({ ...who, prompt: { ...who.prompt, quote: 'golden counterweight' } }),
    ).toEqual({ kind: 'quote', text: 'golden counterweight' });
    expect(distinguishingOf(bankQuestion('TRUE_FALSE'))).toBeNull();
    expect(distinguishingOf(bankQuestion('SINGLE_CHOICE'))).toMatchObject({ label: 'Options' });
  });

  it('names one era, or how many a question spans', () => {
    expect(erasText([])).toBeNull();
    expect(erasText([{ name: 'Civil war' }])).toBe('Civil war');
    expect(erasText([{ name: 'A' }, { name: 'B' }, { name: 'C' }])).toBe('Spans 3 eras');
  });

  it('turns the key into an answer that the preview grades right', () => {
    const question = bankQuestion();
    expect(gradeLocally(question, keyDraft(question)).isCorrect).toBe(true);
  });
});

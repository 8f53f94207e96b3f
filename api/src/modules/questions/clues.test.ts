import { type ClueQuestion, clueKeysOf, setClues } from './clues';

const q = (over: Partial<ClueQuestion> & Pick<ClueQuestion, 'type' | 'stem'>): ClueQuestion => ({
  prompt: {},
  key: {},
  explanation: '',
  ...over,
});

const warYear = q({
  type: 'NUMERIC_YEAR',
  stem: 'In what year did the Iran–Iraq War begin?',
  key: { year: 1980 },
});
const exceptions = q({
  type: 'MULTI_SELECT',
  stem: 'According to Wikipedia, some Arab states isolated Syria during the Iran–Iraq War (1980–88). Which of these Arab states does it name as exceptions? Select all that apply.',
  prompt: { options: [{ id: 'oman', label: 'Oman' }] },
  key: { optionIds: ['oman'] },
});

describe('setClues (audit 13: one stem answering another item)', () => {
  it('finds the war years in one stem that answer "when did the war begin" in another', () => {
    expect(
      setClues([
        { position: 0, question: exceptions },
        { position: 1, question: warYear },
      ]),
    ).toEqual([{ givenBy: 0, answers: 1, answer: '1980' }]);
  });

  it('reads a false year statement as asking the true year its explanation gives', () => {
    const tf = q({
      type: 'TRUE_FALSE',
      stem: 'True or false: The Iran–Iraq War began in 1976.',
      explanation: 'False. The Iran–Iraq War began in 1980.',
      key: { optionIds: ['false'] },
    });
    expect(
      setClues([
        { position: 3, question: exceptions },
        { position: 5, question: tf },
      ]),
    ).toEqual([{ givenBy: 3, answers: 5, answer: '1980' }]);
  });

  it('counts the true statements of an ordering, never the options of a choice', () => {
    const who = q({
      type: 'SINGLE_CHOICE',
      stem: 'Which state killed Qassem Soleimani in 2020?',
      prompt: {
        options: [
          { id: 'us', label: 'United States' },
          { id: 'il', label: 'Israel' },
        ],
      },
      key: { optionIds: ['us'] },
    });
    const order = q({
      type: 'CHRONOLOGY',
      stem: 'Put these events in order, earliest first.',
      prompt: { items: [{ id: 'a', label: 'United States airstrike kills Qassem Soleimani' }] },
    });
    const choice = q({
      type: 'SINGLE_CHOICE',
      stem: 'Which of these states struck Qassem Soleimani?',
      prompt: {
        options: [
          { id: 'us', label: 'United States' },
          { id: 'ir', label: 'Iraq' },
        ],
      },
      key: { optionIds: ['ir'] },
    });
    expect(
      setClues([
        { position: 0, question: who },
        { position: 1, question: order },
        { position: 2, question: choice },
      ]),
    ).toEqual([{ givenBy: 1, answers: 0, answer: 'United States' }]);
  });

  it('ignores the same year about something else, and a year inside a longer number', () => {
    const other = q({
      type: 'SINGLE_CHOICE',
      stem: 'What did Syria do in 1980 at the Arab League?',
    });
    const money = q({
      type: 'SINGLE_CHOICE',
      stem: 'The Iran–Iraq War cost 19801 lives in one battle?',
    });
    expect(
      setClues([
        { position: 0, question: warYear },
        { position: 1, question: other },
        { position: 2, question: money },
      ]),
    ).toEqual([]);
  });
});

describe('clueKeysOf (a quiz draw keeps clue pairs apart)', () => {
  it("gives the giver and the answered item the answered item's id, and others nothing", () => {
    const other = q({ type: 'SINGLE_CHOICE', stem: 'Who founded Hezbollah?' });
    expect(
      clueKeysOf([
        { ...exceptions, id: 'q-exceptions' },
        { ...other, id: 'q-other' },
        { ...warYear, id: 'q-war-year' },
      ]),
    ).toEqual([['q-war-year'], [], ['q-war-year']]);
  });
});

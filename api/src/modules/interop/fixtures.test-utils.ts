/** A set with one question of every type, with tricky text, for the interop tests. */
import type { ExportQuestion, ExportSet } from './portable';

const base = {
  timeLimitSec: null,
  origin: 'AUTHORED' as const,
  template: 'authored',
  eraSlug: null,
  themes: [],
};

const r = (ref: string, isCorrect: boolean, text: string, citationIds: string[] = []) => ({
  ref,
  isCorrect,
  text,
  citationIds,
  factIds: [],
});

export const QUESTIONS: Omit<ExportQuestion, 'position'>[] = [
  {
    ...base,
    id: 'q-single',
    type: 'SINGLE_CHOICE',
    stem: 'Which state did Syria side with in the 1980–88 war: {Iran} or Iraq? (a = b # c ~ d : e \\ f)',
    prompt: {
      options: [
        { id: 'a', label: 'Iran' },
        { id: 'b', label: 'Iraq' },
        { id: 'c', label: '=SUM(A1) <b>bold</b> & co' },
      ],
    },
    key: {
      optionIds: ['a'],
      rationales: [
        r('a', true, 'Damascus backed Tehran.', ['cite-1']),
        r('b', false, 'Syria opposed Baghdad.'),
      ],
    },
    explanation: 'Syria was the main Arab state to back Iran.',
    citationIds: ['cite-1'],
  },
  {
    ...base,
    id: 'q-multi',
    type: 'MULTI_SELECT',
    stem: 'Which of these were Syrian presidents?',
    prompt: {
      selectMany: true,
      options: [
        { id: 'a', label: 'Hafez al-Assad' },
        { id: 'b', label: 'Bashar al-Assad' },
        { id: 'c', label: 'Ali Khamenei' },
      ],
    },
    key: { optionIds: ['a', 'b'], rationales: [r('c', false, 'He led Iran.')] },
    explanation: 'Father and son led Syria.',
    citationIds: ['cite-2'],
  },
  {
    ...base,
    id: 'q-tf',
    type: 'TRUE_FALSE',
    stem: 'Syria backed Iran in the Iran–Iraq War.',
    prompt: {
      options: [
        { id: 'true', label: 'True' },
        { id: 'false', label: 'False' },
      ],
    },
    key: {
      optionIds: ['true'],
      rationales: [r('true', true, 'It did.'), r('false', false, 'It did not oppose Iran.')],
    },
    explanation: 'Damascus sided with Tehran.',
    citationIds: ['cite-1'],
  },
  {
    ...base,
    id: 'q-year',
    type: 'NUMERIC_YEAR',
    stem: 'In which year did the Iranian revolution take place?',
    prompt: { numeric: { min: 1946, max: 2025, tolerance: 1 } },
    key: { year: 1979, rationales: [r('year', true, 'The Shah left in 1979.')] },
    explanation: 'The revolution came in 1979.',
    citationIds: ['cite-2'],
  },
  {
    ...base,
    id: 'q-order',
    type: 'CHRONOLOGY',
    stem: 'Put these events in order, earliest first.',
    prompt: {
      items: [
        { id: 'x', label: 'The Iran–Iraq War ends' },
        { id: 'y', label: 'The Iranian revolution' },
        { id: 'z', label: 'The Syrian civil war begins' },
      ],
    },
    key: { order: ['y', 'x', 'z'], rationales: [] },
    explanation: '1979, then 1988, then 2011.',
    citationIds: ['cite-1', 'cite-2'],
  },
  {
    ...base,
    id: 'q-match',
    type: 'MATCHING',
    stem: 'Match each leader to his country.',
    prompt: {
      items: [
        { id: 'l1', label: 'Hafez al-Assad' },
        { id: 'l2', label: 'Ruhollah Khomeini' },
      ],
      targets: [
        { id: 't1', label: 'Iran' },
        { id: 't2', label: 'Syria' },
        { id: 't3', label: 'Iraq' },
      ],
    },
    key: {
      pairs: [
        { itemId: 'l1', targetId: 't2' },
        { itemId: 'l2', targetId: 't1' },
      ],
      rationales: [],
    },
    explanation: 'Assad led Syria; Khomeini led Iran.',
    citationIds: ['cite-2'],
  },
  {
    ...base,
    id: 'q-who',
    type: 'WHO_SAID',
    stem: 'Who said these words?',
    prompt: {
      quote: 'We stand with our brothers.',
      options: [
        { id: 'a', label: 'Hafez al-Assad' },
        { id: 'b', label: 'Saddam Hussein' },
        { id: 'c', label: 'Ali Khamenei' },
      ],
    },
    key: { optionIds: ['a'], rationales: [] },
    explanation: 'Assad said it.',
    citationIds: ['cite-1'],
  },
  {
    ...base,
    id: 'q-timeline',
    type: 'TIMELINE_PLACEMENT',
    stem: 'In which period did the Iran–Iraq War end?',
    prompt: {
      options: [
        { id: 'a', label: '1946–1979' },
        { id: 'b', label: '1979–1990' },
        { id: 'c', label: '1990–2011' },
      ],
    },
    key: { optionIds: ['b'], rationales: [] },
    explanation: 'It ended in 1988.',
    citationIds: ['cite-2'],
  },
  {
    ...base,
    id: 'q-short',
    type: 'SHORT_ANSWER',
    stem: 'Who led Syria from 1971 to 2000?',
    prompt: { answerHint: "a person's name" },
    key: {
      answers: ['Hafez al-Assad', 'Hafiz Assad'],
      rejects: ['Bashar al-Assad'],
      rationales: [r('answer', true, 'Hafez al-Assad ruled until 2000.')],
    },
    explanation: 'Hafez al-Assad ruled for three decades.',
    citationIds: ['cite-1'],
  },
  {
    ...base,
    id: 'q-first',
    type: 'WHICH_FIRST',
    stem: 'Which came first?',
    prompt: {
      options: [
        { id: 'a', label: 'The revolution in Iran' },
        { id: 'b', label: 'The civil war in Syria' },
      ],
    },
    key: { optionIds: ['a'], rationales: [] },
    explanation: '1979 came before 2011.',
    citationIds: ['cite-1'],
  },
];

export const SET: ExportSet = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Iran & Syria: 1979–1988',
  description: 'Alliance years',
  questions: QUESTIONS.map((question, index) => ({ ...question, position: index + 1 })),
  citations: {
    'cite-1': {
      id: 'cite-1',
      source: 'Source One',
      quote: 'Syria sided with Iran',
      locator: 'p. 3',
    },
    'cite-2': { id: 'cite-2', source: 'Source <Two>', quote: 'In 1979 the Shah fell', locator: '' },
  },
};

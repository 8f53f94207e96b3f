import type { QuestionLike } from '@/features/play/response';
import type {
  AnswerResultFieldsFragment,
  BankQuestionFieldsFragment,
  CitationFieldsFragment,
  QuestionType,
} from '@/gql/graphql';

export const citation = (id: string, quote: string): CitationFieldsFragment => ({
  id,
  quote,
  locator: `paragraph ${id.length}`,
  source: {
    slug: 'wikipedia-iran-syria-relations',
    title: 'Iran–Syria relations',
    publisher: 'Wikipedia (English)',
    publishedLabel: 'December 2024',
    url: 'en.wikipedia.org/wiki/Iran–Syria_relations',
    kind: 'ENCYCLOPEDIA',
  },
});

const choices = (...labels: string[]) =>
  labels.map((label, index) => ({ id: `o${index + 1}`, label }));

const prompt = (overrides: Partial<QuestionLike['prompt']> = {}): QuestionLike['prompt'] => ({
  options: [],
  items: [],
  targets: [],
  numeric: null,
  quote: null,
  selectMany: false,
  answerHint: null,
  ...overrides,
});

export const questions = {
  single: {
    type: 'SINGLE_CHOICE',
    stem: 'Which country did Syria side with in the Iran–Iraq War?',
    prompt: prompt({ options: choices('Iran', 'Iraq', 'Neither') }),
  },
  trueFalse: {
    type: 'TRUE_FALSE',
    stem: 'Iran and Syria opened diplomatic relations in 1946.',
    prompt: prompt({
      options: [
        { id: 'true', label: 'True' },
        { id: 'false', label: 'False' },
      ],
    }),
  },
  whoSaid: {
    type: 'WHO_SAID',
    stem: 'Who said these words?',
    prompt: prompt({
      quote: 'Syria is the golden ring of the resistance.',
      options: choices('Ali Akbar Velayati', 'Hafez al-Assad', 'Hassan Nasrallah'),
    }),
  },
  timeline: {
    type: 'TIMELINE_PLACEMENT',
    stem: 'When was the 2006 military cooperation agreement signed?',
    prompt: prompt({ options: choices('1979–1988', '1989–1999', '2000–2010', '2011–2019') }),
  },
  eventYear: {
    type: 'EVENT_YEAR',
    stem: 'In which year did Bashar al-Assad become president?',
    prompt: prompt({ options: choices('1998', '2000', '2003') }),
  },
  multi: {
    type: 'MULTI_SELECT',
    stem: 'Which of these fought for the Syrian government?',
    prompt: prompt({
      selectMany: true,
      options: choices('Hezbollah', 'Fatemiyoun Brigade', 'Free Syrian Army'),
    }),
  },
  year: {
    type: 'NUMERIC_YEAR',
    stem: 'In which year did Iran and Syria establish diplomatic relations?',
    prompt: prompt({ numeric: { min: 1900, max: 2025, tolerance: 2 } }),
  },
  chronology: {
    type: 'CHRONOLOGY',
    stem: 'Put these events in order.',
    prompt: prompt({
      items: choices('Iranian revolution', 'Diplomatic relations established', 'Fall of Assad'),
    }),
  },
  shortAnswer: {
    type: 'SHORT_ANSWER',
    stem: 'Which Lebanese movement did Iran help found in the 1980s?',
    prompt: prompt({ answerHint: 'an organisation' }),
  },
  matching: {
    type: 'MATCHING',
    stem: 'Match each person with their office.',
    prompt: prompt({
      items: [
        { id: 'i1', label: 'Hafez al-Assad' },
        { id: 'i2', label: 'Ali Khamenei' },
      ],
      targets: [
        { id: 't1', label: 'President of Syria' },
        { id: 't2', label: 'Supreme Leader of Iran' },
      ],
    }),
  },
} satisfies Record<string, QuestionLike>;

/** The response's table of passages that the results' and rationales' ids point into. */
export const citationTable: CitationFieldsFragment[] = [
  citation('c1', 'Syria sided with Iran during the Iran–Iraq War.'),
  citation('c2', 'Relations between the two Ba’athist regimes were hostile.'),
  citation('c3', 'Iran helped found Hezbollah in 1982.'),
  citation('c4', 'Hezbollah emerged in the Bekaa Valley.'),
  citation('c5', 'Syria allowed Iranian Revolutionary Guards into Lebanon.'),
];

export const result = (
  overrides: Partial<AnswerResultFieldsFragment> = {},
): AnswerResultFieldsFragment => ({
  position: 1,
  isCorrect: false,
  credit: 0,
  points: 0,
  timedOut: false,
  explanation: 'Syria backed Iran throughout the war, breaking Arab ranks.',
  answeredAt: '2026-11-25T10:00:00.000Z',
  response: { optionIds: ['o2'], order: [], pairs: [], year: null, text: null },
  grading: null,
  key: {
    optionIds: ['o1'],
    order: [],
    pairs: [],
    year: null,
    answers: [],
    rejects: [],
    rationales: [
      {
        ref: 'o1',
        isCorrect: true,
        text: 'Syria sided with Iran from 1980.',
        citationIds: ['c1'],
      },
      {
        ref: 'o2',
        isCorrect: false,
        text: 'Iraq was the enemy of both Iran and Syria’s Ba’athist rival.',
        citationIds: ['c2'],
      },
      { ref: 'o3', isCorrect: false, text: 'Syria did not stay neutral.', citationIds: [] },
    ],
  },
  citationIds: ['c1'],
  ...overrides,
});

export const bankQuestion = (type: QuestionType = 'SINGLE_CHOICE'): BankQuestionFieldsFragment => ({
  id: 'q1',
  type,
  template: 'side-in-war',
  origin: 'GENERATED',
  basedOnId: null,
  stem: 'Which country did Syria side with in the Iran–Iraq War?',
  explanation: 'Syria backed Iran throughout the war.',
  difficulty: 0.4,
  updatedAt: '2026-11-25T10:00:00.000Z',
  author: null,
  era: { slug: 'revolution-and-war', name: 'Revolution and the Iran–Iraq War, 1979–1988' },
  eras: [{ slug: 'revolution-and-war', name: 'Revolution and the Iran–Iraq War, 1979–1988' }],
  factStatus: 'FACT',
  themes: [{ slug: 'military', name: 'Military' }],
  actors: [],
  prompt: {
    options: choices('Iran', 'Iraq', 'Neither'),
    items: [],
    targets: [],
    numeric: null,
    quote: null,
    selectMany: type === 'MULTI_SELECT',
    answerHint: null,
  },
  // The order students see (the seeded shuffle), the same ids: here the stored order reversed.
  presentedPrompt: {
    options: choices('Iran', 'Iraq', 'Neither').reverse(),
    items: [],
    targets: [],
    numeric: null,
    quote: null,
    selectMany: type === 'MULTI_SELECT',
    answerHint: null,
  },
  key: {
    ...result().key,
    rationales: result().key.rationales.map(({ citationIds, ...rationale }) => ({
      ...rationale,
      citations: citationIds.flatMap((id) => citationTable.filter((c) => c.id === id)),
    })),
  },
  citations: [citation('c1', 'Syria sided with Iran during the Iran–Iraq War.')],
});

/** A locked SHORT_ANSWER result: what was typed, how it was graded, and the accepted names. */
export const typedResult = (
  text: string,
  grading: AnswerResultFieldsFragment['grading'],
  overrides: Partial<AnswerResultFieldsFragment> = {},
): AnswerResultFieldsFragment => {
  const accepted =
    grading !== null && ['EXACT', 'ALIAS', 'VARIANT', 'TYPO'].includes(grading.match);
  return result({
    isCorrect: accepted,
    credit: accepted ? 1 : 0,
    points: accepted ? 1000 : 0,
    explanation: 'Hezbollah was founded in Lebanon in 1982 with Iranian help.',
    response: { optionIds: [], order: [], pairs: [], year: null, text },
    grading,
    key: {
      optionIds: [],
      order: [],
      pairs: [],
      year: null,
      answers: ['Hezbollah', 'Hizb Allah', 'Party of God'],
      rejects: ['Amal Movement'],
      rationales: [
        {
          ref: 'answer',
          isCorrect: true,
          text: 'Iran’s Revolutionary Guards trained its first fighters.',
          citationIds: ['c3'],
        },
      ],
    },
    citationIds: ['c1', 'c2', 'c4', 'c5'],
    ...overrides,
  });
};

/**
 * A live game's report as a spreadsheet, through interop's writer (toCsv/toXlsx, neutralised text)
 * so the set and live exports share one CSV dialect and one defence against formulas. The rows are
 * the numbers of the report page: rank, nickname, team, score, right answers, answered, best
 * streak, then one column per question, 1 right / 0 wrong / empty not answered (the page's ✓ ✗ –).
 * XLSX adds a long "Answers" sheet and a "Questions" sheet. Pure.
 */
import { toCsv, toXlsx } from '../interop/sheet';
import { neutralise } from '../interop/text';

type Cell = string | number;

export type LiveResultsInput = {
  questions: {
    index: number;
    stem: string;
    answerCount: number;
    correctCount: number;
    correctRate: number;
    medianMs: number | null;
    skipped: boolean;
  }[];
  players: {
    rank: number;
    nickname: string;
    /** 0-based; shown from 1 as the host screen numbers teams. */
    team: number | null;
    score: number;
    correctCount: number;
    answerCount: number;
    bestStreak: number;
    results: (boolean | null)[];
  }[];
  /** Scored answers of the report's seats. */
  answers: {
    nickname: string;
    questionIndex: number;
    isCorrect: boolean;
    points: number;
    elapsedMs: number;
  }[];
};

export const liveResultsRows = (input: Omit<LiveResultsInput, 'answers'>): Cell[][] => [
  [
    'Rank',
    'Nickname',
    'Team',
    'Score',
    'Right answers',
    'Answered',
    'Best streak',
    ...input.questions.map((q) => `Q${q.index + 1} right`),
  ],
  ...input.players.map((p) => [
    p.rank,
    neutralise(p.nickname),
    p.team === null ? '' : p.team + 1,
    p.score,
    p.correctCount,
    p.answerCount,
    p.bestStreak,
    ...p.results.map((r) => (r === null ? '' : r ? 1 : 0)),
  ]),
];

/** One row per scored answer, for statistics packages. */
export const liveAnswerRows = (input: LiveResultsInput): Cell[][] => [
  ['Nickname', 'Question', 'Stem', 'Correct', 'Points', 'Time (ms)'],
  ...input.answers.map((a) => [
    neutralise(a.nickname),
    a.questionIndex + 1,
    neutralise(input.questions[a.questionIndex]?.stem ?? ''),
    a.isCorrect ? 1 : 0,
    a.points,
    a.elapsedMs,
  ]),
];

/** The page's question table: answered, right, share right, median time. */
export const liveQuestionRows = (input: Omit<LiveResultsInput, 'players'>): Cell[][] => [
  ['Question', 'Stem', 'Skipped', 'Answered', 'Right', 'Share right', 'Median time (ms)'],
  ...input.questions.map((q) => [
    q.index + 1,
    neutralise(q.stem),
    q.skipped ? 'yes' : 'no',
    q.answerCount,
    q.correctCount,
    q.correctRate,
    q.medianMs ?? '',
  ]),
];

export const liveResultsCsv = (input: Omit<LiveResultsInput, 'answers'>): string =>
  toCsv(liveResultsRows(input));

export const liveResultsXlsx = (input: LiveResultsInput): Promise<Uint8Array> =>
  toXlsx([
    { name: 'Results', rows: liveResultsRows(input) },
    { name: 'Answers', rows: liveAnswerRows(input) },
    { name: 'Questions', rows: liveQuestionRows(input) },
  ]);

/**
 * Results of a set as a spreadsheet: one row per student with the numbers of the results page
 * (first score, best score, best correct, last score, attempts, retakes, flags, last finished),
 * then one column per question with the points of the student's best attempt; XLSX adds a long
 * sheet (one row per answer). Pure.
 */
import { toCsv, toXlsx } from './sheet';
import { neutralise } from './text';

export type ResultsAttempt = {
  startedAt: Date;
  finishedAt: Date | null;
  score: number;
  /** Points per question id (unanswered → absent). */
  points: Map<string, { points: number; isCorrect: boolean }>;
};

export type ResultsStudent = {
  name: string;
  isGuest: boolean;
  /**
   * The first finished attempt's score: the one the board ranks. A retake follows feedback that
   * showed the keys, so its best is not the student's own (probe, round 4: the file gave the best
   * score only, and a retake after reading the keys showed as full marks).
   */
  firstScore: number;
  retakeCount: number;
  /** The page's anomaly flags on the first attempt (RAPID_ANSWERS). */
  flags: string[];
  bestScore: number;
  bestCorrectCount: number;
  lastScore: number;
  attemptCount: number;
  lastFinishedAt: Date | null;
  /** Finished attempts, oldest first. */
  attempts: ResultsAttempt[];
};

export type ResultsInput = {
  setTitle: string;
  className: string | null;
  questions: { position: number; questionId: string; stem: string }[];
  students: ResultsStudent[];
};

type Cell = string | number;

/** The attempt a row's question columns come from: best score, the earliest of equals. */
export const bestAttempt = (attempts: readonly ResultsAttempt[]): ResultsAttempt | undefined =>
  attempts.reduce<ResultsAttempt | undefined>(
    (best, attempt) => (!best || attempt.score > best.score ? attempt : best),
    undefined,
  );

const iso = (date: Date | null) => (date ? date.toISOString() : '');

export const resultsRows = (input: ResultsInput): Cell[][] => {
  const header = [
    'Student',
    'Guest',
    'First score (ranked)',
    'Best score',
    'Best correct',
    'Questions',
    'Last score',
    'Attempts',
    'Retakes',
    'Flags',
    'Last finished (UTC)',
    ...input.questions.map((q) => `Q${q.position} points`),
  ];
  const rows = input.students.map((student) => {
    const best = bestAttempt(student.attempts);
    return [
      neutralise(student.name),
      student.isGuest ? 'yes' : 'no',
      student.firstScore,
      student.bestScore,
      student.bestCorrectCount,
      input.questions.length,
      student.lastScore,
      student.attemptCount,
      student.retakeCount,
      student.flags.join(' '),
      iso(student.lastFinishedAt),
      ...input.questions.map((q) => best?.points.get(q.questionId)?.points ?? ''),
    ];
  });
  return [header, ...rows];
};

/** Long format for statistics packages: one row per answer of every finished attempt. */
export const resultsLongRows = (input: ResultsInput): Cell[][] => [
  ['Student', 'Attempt', 'Started (UTC)', 'Question', 'Stem', 'Correct', 'Points'],
  ...input.students.flatMap((student) =>
    student.attempts.flatMap((attempt, a) =>
      input.questions.flatMap((q) => {
        const answer = attempt.points.get(q.questionId);
        return answer
          ? [
              [
                neutralise(student.name),
                a + 1,
                iso(attempt.startedAt),
                q.position,
                neutralise(q.stem),
                answer.isCorrect ? 1 : 0,
                answer.points,
              ],
            ]
          : [];
      }),
    ),
  ),
];

export const resultsCsv = (input: ResultsInput): string => toCsv(resultsRows(input));

export const resultsXlsx = (input: ResultsInput): Promise<Uint8Array> =>
  toXlsx([
    { name: 'Results', rows: resultsRows(input) },
    { name: 'Answers', rows: resultsLongRows(input) },
    {
      name: 'Questions',
      rows: [['Question', 'Stem'], ...input.questions.map((q) => [q.position, neutralise(q.stem)])],
    },
  ]);

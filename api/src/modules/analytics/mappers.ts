import type { Class, Question, QuestionSet } from '@quiz/prisma';
import type { EstimateStatus } from './elo';
import type { Finding } from './findings';
import type { ScoreBin } from './statistics';

export type OptionStatParent = {
  optionId: string;
  label: string;
  isCorrect: boolean;
  pickCount: number;
  pickRate: number;
};

export type QuestionStatParent = {
  position: number;
  question: Question;
  answerCount: number;
  facility: number | null;
  discrimination: number | null;
  meanCredit: number | null;
  options: OptionStatParent[];
  flags: string[];
  correctCount: number;
  findings: Finding[];
  measured: {
    answerCount: number;
    expectedCorrect: number | null;
    priorExpectedCorrect: number;
    status: EstimateStatus;
  };
};

export type StudentAnswerParent = {
  position: number;
  questionId: string;
  answered: boolean;
  isCorrect: boolean | null;
  credit: number | null;
  points: number | null;
  timedOut: boolean;
  given: string | null;
};

export type StudentResultParent = {
  userId: string;
  attemptCount: number;
  bestScore: number;
  lastScore: number;
  bestCorrectCount: number;
  lastFinishedAt: Date | null;
  firstScore: number;
  retakeCount: number;
  medianAnswerSeconds: number | null;
  flags: string[];
  answers: StudentAnswerParent[];
};

export type SetAnalyticsParent = {
  set: QuestionSet;
  class: Class | null;
  attemptCount: number;
  playerCount: number;
  meanScore: number | null;
  questions: QuestionStatParent[];
  students: StudentResultParent[];
  scoreDistribution: ScoreBin[];
  minimumAnswers: { code: string; label: string; minimum: number; why: string }[];
};

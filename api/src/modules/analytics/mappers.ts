import type { Class, Question, QuestionSet } from '@quiz/prisma';

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
};

export type SetAnalyticsParent = {
  set: QuestionSet;
  class: Class | null;
  attemptCount: number;
  playerCount: number;
  meanScore: number | null;
  questions: QuestionStatParent[];
  students: StudentResultParent[];
};

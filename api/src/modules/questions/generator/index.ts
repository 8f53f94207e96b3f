/** The question generator: a pure function of a KB snapshot and a seed. */
export { buildBank, buildBankFromIndex } from './build-bank';
export { difficultyPrior } from './difficulty';
export {
  type GenerateQuestionsOptions,
  generateQuestions,
  type QuestionFilters,
} from './generate-questions';
export { stableId } from './ids';
export { buildKbIndex, type KbIndex } from './kb-index';
export { seededRng } from './rng';
export { TEMPLATES, templateById } from './templates';
export type { BankReport, BuildBankResult, Draft, Template } from './types';

/** The generator's internal contract: templates produce drafts, the pipeline turns drafts into bank questions. */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import type { BankQuestion, QuestionKey, QuestionPrompt, QuestionType, Rationale } from '../types';
import type { KbIndex } from './kb-index';

/** Features behind the difficulty prior (see difficulty.ts). All in [0, 1] except the counts. */
export type DifficultyFeatures = {
  /** Mean similarity of distractors to the key (shared subtype, time, graph). */
  similarity: number;
  /** Smallest year gap the item turns on (year options, orderings), if any. */
  minYearGap?: number;
  /** Mean year gap between adjacent events of an ordering: wide spreads are easy (issue 11). */
  meanYearGap?: number;
  /** Number of KB facts joined to state the key. */
  joins: number;
  /** Salience of the key in [0, 1]: how often the KB mentions it. */
  salience: number;
  /** Options shown (0 for typed answers). */
  optionCount: number;
};

/**
 * A question before presentation: options in canonical order (the pipeline shuffles or sorts
 * them), no id and no difficulty yet.
 */
export type Draft = Omit<BankQuestion, 'id' | 'difficulty'> & {
  version: number;
  /** Bound slot values that are not facts (a year asked about), part of the stable id. */
  slots: string[];
  /** How the pipeline orders options: shuffle (balanced key slot), sorted (years), fixed. */
  ordering: 'shuffle' | 'fixed';
  features: DifficultyFeatures;
};

export type Requery = { ok: true; key: string[] } | { ok: false; reason: string };

export type Template = {
  id: string;
  version: number;
  type: QuestionType;
  /** The answer changes over time (office, stance): the stem must carry a year or period (B7). */
  timeVarying: boolean;
  /**
   * One inner array per knowledge component; its drafts are alternatives tried in order until one
   * passes the gate (qgen §4.1 step 7).
   */
  generate: (idx: KbIndex) => Draft[][];
  /** Re-derives the key from the KB for a finished question (A1); compared with the stored key. */
  requery: (q: BankQuestion, idx: KbIndex) => Requery;
};

export type BankReport = {
  total: number;
  candidates: number;
  byType: Record<string, number>;
  byEra: Record<string, number>;
  byTemplate: Record<string, number>;
  /** Drafts rejected, per BLOCK check id (a draft can fail several). */
  rejectedByCheck: Record<string, number>;
  /** Knowledge components for which no draft passed. */
  abandoned: number;
  /** WARN findings on shipped questions, per check id. */
  warnings: Record<string, number>;
  /** Questions dropped as near-duplicates (F1). */
  nearDuplicates: number;
  bankChecks: { id: string; severity: 'BLOCK' | 'WARN'; passed: boolean; message: string }[];
};

export type BuildBankOptions = { kb: KnowledgeBase; seed: number };

export type BuildBankResult = { questions: BankQuestion[]; report: BankReport };

export type { BankQuestion, QuestionKey, QuestionPrompt, QuestionType, Rationale };

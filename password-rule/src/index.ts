import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_MIN_SCORE } from './rule';

export * from './rule';

export type PasswordCode = 'TOO_SHORT' | 'TOO_LONG' | 'WEAK_PASSWORD';

export type PasswordCheck = {
  ok: boolean;
  /** 0–4 (zxcvbn); 0 when the length rule already failed. */
  score: number;
  /** Set when `ok` is false. */
  code?: PasswordCode;
  /** Why it was refused, naming the rule; empty when ok. */
  message: string;
  /** zxcvbn's hints for a stronger password (may be empty). */
  suggestions: string[];
};

// Built on first use: compiling the dictionaries takes a few hundred milliseconds.
let factory: ZxcvbnFactory | undefined;
const estimator = () => {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonWords, ...englishWords },
    graphs: adjacencyGraphs,
    translations,
  });
  return factory;
};

/** Known words of this account (email parts, name words) that a password must not lean on. */
const userWords = (inputs: readonly string[]): string[] =>
  inputs
    .flatMap((input) => input.toLowerCase().split(/[^\p{L}\p{N}]+/u))
    .filter((word) => word.length >= 3);

/** Checks a password against the rule; `userInputs` are the email, name and the like. */
export const checkPassword = (
  password: string,
  userInputs: readonly string[] = [],
): PasswordCheck => {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return {
      ok: false,
      score: 0,
      code: 'TOO_SHORT',
      message: `Use at least ${PASSWORD_MIN} characters (this has ${length}).`,
      suggestions: [],
    };
  }
  if (length > PASSWORD_MAX) {
    return {
      ok: false,
      score: 0,
      code: 'TOO_LONG',
      message: `Use at most ${PASSWORD_MAX} characters.`,
      suggestions: [],
    };
  }
  // zxcvbn's work grows with length; the first 100 characters decide any realistic password.
  const result = estimator().check(password.slice(0, 100), userWords(userInputs));
  if (result.score < PASSWORD_MIN_SCORE) {
    const warning = result.feedback.warning ? ` ${result.feedback.warning}` : '';
    return {
      ok: false,
      score: result.score,
      code: 'WEAK_PASSWORD',
      message: `This password is too easy to guess (strength ${result.score} of 4; ${PASSWORD_MIN_SCORE} is needed).${warning}`,
      suggestions: result.feedback.suggestions,
    };
  }
  return { ok: true, score: result.score, message: '', suggestions: [] };
};

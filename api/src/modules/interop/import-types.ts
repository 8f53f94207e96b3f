import type { PortableQuestion } from './portable';

/** A question a parser read, with the line it starts on and what it could not keep. */
export type ParsedQuestion = { line: number; question: PortableQuestion; notes: string[] };

/** Something in the file that stops the import (nothing is written while any remains). */
export type ImportProblem = { line: number | null; field: string | null; message: string };

export type ParseResult = {
  questions: ParsedQuestion[];
  problems: ImportProblem[];
  /** File-level remarks that stop nothing (a category ignored, a description skipped). */
  notes: { line: number | null; message: string }[];
};

export const problem = (line: number | null, message: string, field: string | null = null) => ({
  line,
  field,
  message,
});

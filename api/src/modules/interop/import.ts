/**
 * Reading a file into questions the editor would accept: parse by format, then check every
 * question with the editor's own rules (citations aside: imports carry none). Pure apart from
 * exceljs's async XLSX reader.
 */
import {
  parseQuestionInput,
  randomChoiceId,
  type ValidQuestion,
} from '../questions/service/question-input';
import { parseAiken } from './aiken';
import { parseGift } from './gift';
import type { ImportProblem, ParseResult } from './import-types';
import { parseMoodleXml } from './moodle-xml';
import { type PortableQuestion, toQuestionInput } from './portable';
import { parseCsv, parseXlsx } from './sheet';

export const IMPORT_FORMATS = ['GIFT', 'MOODLE_XML', 'AIKEN', 'CSV', 'XLSX'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Most questions one file may bring (a set holds at most 100). */
export const IMPORT_MAX_QUESTIONS = 200;

/**
 * Problems (and file-level notes) listed in one answer: a teacher fixes the first ones and checks
 * again. Unbounded, a 60 kB CSV of 30,000 rows holding only "x" answered 30,000 problems, 5 MB
 * in 2.4 s (probe, round 9).
 */
export const IMPORT_MAX_LISTED = 100;

/** The first `IMPORT_MAX_LISTED` entries, and one saying how many more there are. */
const listed = <T extends { line: number | null }>(
  entries: T[],
  more: (count: number) => T,
): T[] =>
  entries.length > IMPORT_MAX_LISTED
    ? [...entries.slice(0, IMPORT_MAX_LISTED), more(entries.length - IMPORT_MAX_LISTED)]
    : entries;

export type CheckedQuestion = {
  line: number;
  question: PortableQuestion;
  valid: ValidQuestion | null;
  notes: string[];
};

export type ImportCheck = {
  questions: CheckedQuestion[];
  problems: ImportProblem[];
  notes: ParseResult['notes'];
};

export const parseFile = async (
  format: ImportFormat,
  content: string | Uint8Array,
): Promise<ParseResult> => {
  if (format === 'XLSX') {
    return parseXlsx(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  switch (format) {
    case 'GIFT':
      return parseGift(text);
    case 'MOODLE_XML':
      return parseMoodleXml(text);
    case 'AIKEN':
      return parseAiken(text);
    case 'CSV':
      return parseCsv(text);
  }
};

/** Parses and validates; a file is importable when `problems` is empty. */
export const checkImport = async (
  format: ImportFormat,
  content: string | Uint8Array,
  newId: () => string = randomChoiceId,
): Promise<ImportCheck> => {
  const parsed = await parseFile(format, content);
  const problems = [...parsed.problems];
  if (parsed.questions.length > IMPORT_MAX_QUESTIONS) {
    // Refused before the editor's rules run on each: 8,900 one-line GIFT questions (89,000
    // characters) were validated one by one for 1.2 s of the event loop, to be refused anyway
    // (probe, round 9).
    return {
      questions: [],
      problems: [
        {
          line: null,
          field: null,
          message: `The file holds ${parsed.questions.length} questions; import at most ${IMPORT_MAX_QUESTIONS} at a time`,
        },
      ],
      notes: [],
    };
  }
  if (parsed.questions.length === 0 && problems.length === 0) {
    problems.push({ line: null, field: null, message: 'The file holds no question to import' });
  }
  const questions = parsed.questions.map((entry): CheckedQuestion => {
    const result = parseQuestionInput(toQuestionInput(entry.question), newId, {
      requireCitation: false,
    });
    if (!result.ok) {
      for (const error of result.errors) {
        problems.push({ line: entry.line, field: error.field, message: error.message });
      }
      return { ...entry, valid: null };
    }
    return { ...entry, valid: result.question };
  });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    questions,
    problems: listed(problems, (count) => ({
      line: null,
      field: null,
      message: `${count.toLocaleString('en-US')} more problems are not listed: fix these and check the file again`,
    })),
    notes: listed(parsed.notes, (count) => ({
      line: null,
      message: `${count.toLocaleString('en-US')} more notes are not listed`,
    })),
  };
};

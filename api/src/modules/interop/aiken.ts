/**
 * Aiken (question/format/aiken/format.php): a one-line stem, options `A)` or `A.`, then
 * `ANSWER: X`. Single-answer multiple choice only: no feedback, no names, no multi-select. Pure.
 */
import { type ParseResult, problem } from './import-types';
import {
  choiceTypeFor,
  type ExportNote,
  type ExportSet,
  type PortableQuestion,
  SINGLE_CHOICE_TYPES,
  toPortable,
} from './portable';
import { collapse, normaliseNewlines } from './text';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const writeAiken = (set: ExportSet): { text: string; notes: ExportNote[] } => {
  const notes: ExportNote[] = [];
  const blocks: string[] = [];
  for (const stored of set.questions) {
    const question = toPortable(stored, set.citations);
    const options = question.options ?? [];
    if (!SINGLE_CHOICE_TYPES.includes(question.type) || options.length > LETTERS.length) {
      notes.push({
        position: stored.position,
        kind: 'SKIPPED',
        message: `Aiken holds only single-answer multiple choice: this ${question.type.toLowerCase().replace(/_/g, ' ')} question is left out.`,
      });
      continue;
    }
    notes.push({
      position: stored.position,
      kind: 'LOST',
      message:
        'Aiken holds no feedback: the explanation, option rationales and sources are left out.',
    });
    // The stem is one line: the quote of a who-said goes on it.
    const stem = collapse(question.quote ? `${question.stem} “${question.quote}”` : question.stem);
    const correct = options.findIndex((option) => option.correct);
    blocks.push(
      [
        stem,
        ...options.map((option, index) => `${LETTERS[index]}) ${collapse(option.label)}`),
        `ANSWER: ${LETTERS[correct]}`,
      ].join('\n'),
    );
  }
  return { text: blocks.length ? `${blocks.join('\n\n')}\n` : '', notes };
};

const OPTION = /^([A-Z])[).][ \t]?(.*)$/;

/** Reads an Aiken file; each problem names its line, as Moodle's reader does. */
export const parseAiken = (input: string): ParseResult => {
  const lines = normaliseNewlines(input).split('\n');
  const result: ParseResult = { questions: [], problems: [], notes: [] };
  let stem: { text: string; line: number } | null = null;
  let options: string[] = [];
  const reset = () => {
    stem = null;
    options = [];
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') {
      return;
    }
    const option = OPTION.exec(text);
    const answer = /^ANSWER:\s*(.*)$/.exec(text);
    if (answer) {
      const current = stem as { text: string; line: number } | null;
      if (!current) {
        result.problems.push(problem(line, '"ANSWER:" comes before any question'));
      } else if (options.length < 2) {
        result.problems.push(problem(current.line, 'A question needs at least 2 options'));
      } else {
        const letter = (answer[1] ?? '').charAt(0);
        const at = LETTERS.indexOf(letter);
        if (!/^[A-Z]$/.test(letter) || at >= options.length) {
          result.problems.push(
            problem(
              line,
              `"ANSWER: ${answer[1]}" must name one of the options A–${LETTERS[options.length - 1]}`,
            ),
          );
        } else {
          const portable: PortableQuestion = {
            type: 'SINGLE_CHOICE',
            stem: current.text,
            options: options.map((label, i) => ({ label, correct: i === at })),
            explanation: '',
            sources: [],
          };
          portable.type = choiceTypeFor(portable.options ?? [], false);
          result.questions.push({
            line: current.line,
            question: portable,
            notes: ['Aiken holds no explanation or feedback.'],
          });
        }
      }
      reset();
      return;
    }
    if (option && stem) {
      if (LETTERS.indexOf(option[1] as string) !== options.length) {
        result.problems.push(problem(line, `Option ${option[1]} is out of order`));
      }
      options.push((option[2] ?? '').trim());
      return;
    }
    if (option && !stem) {
      result.problems.push(problem(line, 'An option comes before any question'));
      return;
    }
    if (stem) {
      const current = stem as { text: string; line: number };
      result.problems.push(
        problem(
          current.line,
          'A question ends without "ANSWER:" (or its stem runs over two lines)',
        ),
      );
    }
    stem = { text, line };
    options = [];
  });
  if (stem) {
    const current = stem as { text: string; line: number };
    result.problems.push(problem(current.line, 'The last question has no "ANSWER:" line'));
  }
  return result;
};

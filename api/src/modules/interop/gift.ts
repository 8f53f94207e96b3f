/**
 * GIFT (Moodle's text format) as Moodle's own parser reads it (question/format/gift/format.php):
 * blank lines separate questions, `//` comments carry `[id:…]` and `[tag:…]`, `::name::`,
 * `[html]` markers, `{=right ~wrong#feedback ####general}`, numeric `{#x:tol}` / `{#min..max}`,
 * matching `=a -> b`, TRUE/FALSE, short answers, and qtype_ordering's `{>N …}`. Pure.
 */
import type { QuestionType } from '../questions/types';
import { type ImportProblem, type ParsedQuestion, type ParseResult, problem } from './import-types';
import {
  choiceTypeFor,
  defaultBounds,
  type ExportNote,
  type ExportSet,
  isTrueFalse,
  type PortableOption,
  type PortableQuestion,
  questionName,
  SINGLE_CHOICE_TYPES,
  toPortable,
} from './portable';
import { escapeHtml, firstBlockquote, htmlToText, normaliseNewlines } from './text';

// ---------------------------------------------------------------------------------------------
// Writing

/** Moodle's GIFT escapes: exactly these characters, `\n` for a line break, no CR. */
export const giftEscape = (text: string): string =>
  text
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r/g, '')
    .replace(/\n/g, '\\n');

/** Text in an `[html]` question: HTML-escaped, then GIFT-escaped (inside markup too). */
const html = (text: string) => giftEscape(escapeHtml(text));

/** Where the citations go in general feedback; the importer strips it again. */
export const sourcesHtml = (sources: readonly string[]): string =>
  sources.length
    ? `<div class="quiz-sources"><p>Sources:</p><ol>${sources
        .map((source) => `<li>${escapeHtml(source)}</li>`)
        .join('')}</ol></div>`
    : '';

const generalFeedback = (question: PortableQuestion) =>
  `####${giftEscape(escapeHtml(question.explanation) + sourcesHtml(question.sources))}`;

const tagEscape = (text: string) => text.replace(/[\]\\]/g, (c) => `\\${c}`);

/** Moodle's grade list (question/engine/bank.php): a weight off it is refused on import. */
const GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5,
];

/** The grade-list entry nearest 100 / n (n options share the credit). */
export const moodleShare = (n: number): number => {
  const exact = 100 / n;
  return GRADES.reduce((best, grade) =>
    Math.abs(grade - exact) < Math.abs(best - exact) ? grade : best,
  );
};

const stemHtml = (question: PortableQuestion) =>
  html(question.stem) +
  (question.quote ? giftEscape(`<blockquote>${escapeHtml(question.quote)}</blockquote>`) : '');

const answerLines = (question: PortableQuestion, notes: ExportNote[], position: number) => {
  const feedback = (text?: string) => (text ? `#${html(text)}` : '');
  switch (question.type) {
    case 'MULTI_SELECT': {
      const options = question.options ?? [];
      const right = options.filter((option) => option.correct).length;
      const wrong = options.length - right;
      // No bare `=`: Moodle makes it multiple-response only then (single=0).
      return options.map((option) =>
        option.correct
          ? `~%${moodleShare(right)}%${html(option.label)}${feedback(option.feedback)}`
          : `~%-${moodleShare(wrong)}%${html(option.label)}${feedback(option.feedback)}`,
      );
    }
    case 'NUMERIC_YEAR':
      return [
        `#=${question.year}:${question.numeric?.tolerance ?? 0}${feedback(question.answerFeedback)}`,
      ];
    case 'MATCHING': {
      const used = new Set(question.pairs ?? []);
      notes.push({
        position,
        kind: 'LOST',
        message: 'GIFT matching has no feedback per pair: the pair rationales are left out.',
      });
      return [
        ...(question.items ?? []).map(
          (item, index) =>
            `=${html(item.label)} -> ${giftEscape(question.targets?.[question.pairs?.[index] ?? -1] ?? '')}`,
        ),
        // A blank left side adds a distractor target.
        ...(question.targets ?? [])
          .filter((_target, index) => !used.has(index))
          .map((target) => `= -> ${giftEscape(target)}`),
      ];
    }
    case 'SHORT_ANSWER':
      // Short-answer text is plain text even in an [html] question; 0 % marks a wrong name.
      return [
        ...(question.answers ?? []).map(
          (answer, index) =>
            `=${giftEscape(answer)}${index === 0 ? feedback(question.answerFeedback) : ''}`,
        ),
        ...(question.rejects ?? []).map((name) => `=%0%${giftEscape(name)}`),
      ];
    default:
      return (question.options ?? []).map(
        (option) =>
          `${option.correct ? '=' : '~'}${html(option.label)}${feedback(option.feedback)}`,
      );
  }
};

/** One question as GIFT (without the blank line that ends it). */
const writeQuestion = (
  question: PortableQuestion,
  id: string,
  position: number,
  notes: ExportNote[],
): string => {
  const tags = [`[id:${id}]`, `[tag:quiz-type:${question.type}]`];
  if (question.numeric) {
    tags.push(`[tag:quiz-bounds:${question.numeric.min}..${question.numeric.max}]`);
  }
  if (question.hint) {
    tags.push(`[tag:quiz-hint:${tagEscape(question.hint)}]`);
  }
  const head = `// ${tags.join(' ')}\n::${giftEscape(questionName(position, question.stem))}::[html]${stemHtml(question)}`;
  if (question.type === 'TRUE_FALSE' && isTrueFalse(question.options)) {
    const [yes, no] = question.options ?? [];
    const truth = yes?.correct === true;
    const right = truth ? yes : no;
    const wrong = truth ? no : yes;
    // Feedback order: first shown for a wrong answer, second for a right one.
    const fb = (text?: string) => `#${text ? html(text) : ''}`;
    return `${head}{${truth ? 'TRUE' : 'FALSE'}${
      wrong?.feedback || right?.feedback ? fb(wrong?.feedback) + fb(right?.feedback) : ''
    }${generalFeedback(question)}}`;
  }
  if (question.type === 'CHRONOLOGY') {
    // qtype_ordering's block: every item on its own line, in the correct order.
    notes.push({
      position,
      kind: 'LOST',
      message:
        'GIFT ordering (Moodle 4.4+ or the ordering plugin) holds no feedback: the explanation, item rationales and sources are left out.',
    });
    const items = question.items ?? [];
    return `${head}{>${items.length} ALL VERTICAL ABSOLUTE_POSITION SHOW\n${items
      .map((item) => html(item.label))
      .join('\n')}\n}`;
  }
  const lines = answerLines(question, notes, position);
  const numeric = question.type === 'NUMERIC_YEAR';
  return `${head}{${numeric ? '#' : ''}\n${lines
    .map((line) => (numeric ? line.slice(1) : line))
    .join('\n')}\n${generalFeedback(question)}\n}`;
};

export const writeGift = (set: ExportSet): { text: string; notes: ExportNote[] } => {
  const notes: ExportNote[] = [];
  const header = `// ${giftEscape(set.title)}\n// Exported from the Iran–Syria relations quiz. Sources are in each question's general feedback.\n\n$CATEGORY: $course$/top/${giftEscape(set.title.replace(/\//g, '-'))}\n`;
  const blocks = set.questions.map((question) =>
    writeQuestion(toPortable(question, set.citations), question.id, question.position, notes),
  );
  return { text: `${[header, ...blocks].join('\n\n')}\n`, notes };
};

// ---------------------------------------------------------------------------------------------
// Reading

const UNESCAPE: Record<string, string> = { n: '\n' };

/** Moodle's unescaping: `\~ \= \# \{ \} \: \\` and `\n`. */
export const giftUnescape = (text: string): string =>
  text.replace(/\\([\\~=#{}:n])/g, (_whole, c: string) => UNESCAPE[c] ?? c);

/** Index of the first `needle` not preceded by an escaping backslash, from `from`. */
const findUnescaped = (text: string, needle: string, from = 0): number => {
  for (let i = from; i <= text.length - needle.length; i += 1) {
    if (text[i] === '\\') {
      i += 1;
      continue;
    }
    if (text.startsWith(needle, i)) {
      return i;
    }
  }
  return -1;
};

/** Splits at every unescaped character of `chars`, keeping the character with its part. */
const splitAnswers = (block: string): string[] => {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < block.length; i += 1) {
    const c = block[i] as string;
    if (c === '\\') {
      current += c + (block[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (c === '=' || c === '~') {
      if (current.trim()) {
        parts.push(current.trim());
      }
      current = c;
      continue;
    }
    current += c;
  }
  if (current.trim()) {
    parts.push(current.trim());
  }
  return parts;
};

type Format = 'html' | 'moodle' | 'plain' | 'markdown';
const MARKER = /^\s*\[(html|moodle|plain|markdown)\]/;

/** Text of a GIFT field as plain text: unescaped, HTML flattened when the format is html. */
const textOf = (raw: string, format: Format, images: { count: number }): string => {
  const unescaped = giftUnescape(raw.replace(MARKER, ''));
  if (format !== 'html' && format !== 'moodle') {
    return unescaped.trim();
  }
  const converted = htmlToText(unescaped);
  images.count += converted.images;
  return converted.text;
};

type Answer = { weight: number | null; isEquals: boolean; text: string; feedback?: string };

/** `=%50%text#feedback` or `~text`. */
const parseAnswer = (part: string): Answer => {
  const isEquals = part.startsWith('=');
  let body = part.slice(1);
  let weight: number | null = null;
  const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
  if (weighted) {
    weight = Number(weighted[1]);
    body = body.slice(weighted[0].length);
  }
  const hash = findUnescaped(body, '#');
  return hash === -1
    ? { weight, isEquals, text: body.trim() }
    : { weight, isEquals, text: body.slice(0, hash).trim(), feedback: body.slice(hash + 1).trim() };
};

type Meta = { type?: string; bounds?: [number, number]; hint?: string; id?: string };

const readMeta = (comments: string[]): Meta => {
  const meta: Meta = {};
  const all = comments.join('\n');
  for (const match of all.matchAll(/\[(id|tag):((?:\\.|[^\]\\])*)\]/g)) {
    const value = (match[2] as string).replace(/\\(.)/g, '$1').trim();
    if (match[1] === 'id') {
      meta.id = value;
    } else if (value.startsWith('quiz-type:')) {
      meta.type = value.slice('quiz-type:'.length);
    } else if (value.startsWith('quiz-bounds:')) {
      const bounds = /^(-?\d+)\.\.(-?\d+)$/.exec(value.slice('quiz-bounds:'.length));
      if (bounds) {
        meta.bounds = [Number(bounds[1]), Number(bounds[2])];
      }
    } else if (value.startsWith('quiz-hint:')) {
      meta.hint = value.slice('quiz-hint:'.length);
    }
  }
  return meta;
};

/** The general feedback without the sources block our export adds (imports carry no citation). */
const stripSources = (text: string): { text: string; stripped: boolean } => {
  const at = text.search(/<div class="quiz-sources">/i);
  return at === -1 ? { text, stripped: false } : { text: text.slice(0, at), stripped: true };
};

const chooseType = (
  declared: string | undefined,
  fallback: QuestionType,
  allowed: readonly QuestionType[],
) =>
  declared && (allowed as readonly string[]).includes(declared)
    ? (declared as QuestionType)
    : fallback;

/** Parses one question block (comments removed) that starts on `line`. */
const parseQuestion = (
  body: string,
  meta: Meta,
  line: number,
): { question?: ParsedQuestion; problem?: ImportProblem; note?: string } => {
  let text = body.trim();
  let name = '';
  if (text.startsWith('::')) {
    const end = findUnescaped(text, '::', 2);
    if (end === -1) {
      return { problem: problem(line, 'The name has no closing "::"') };
    }
    name = giftUnescape(text.slice(2, end)).trim();
    text = text.slice(end + 2).trim();
  }
  const open = findUnescaped(text, '{');
  if (open === -1) {
    return { note: `"${name || text.slice(0, 40)}" has no answer block (a description): skipped` };
  }
  const close = findUnescaped(text, '}', open + 1);
  if (close === -1) {
    return { problem: problem(line, 'The answer block has no closing "}"') };
  }
  const format = (MARKER.exec(text)?.[1] ?? 'moodle') as Format;
  const notes: string[] = [];
  const images = { count: 0 };
  const after = text.slice(close + 1).trim();
  let stemRaw = text.slice(0, open).replace(MARKER, '');
  if (after) {
    // Text after the block: Moodle's "missing word" question, the blank shown as _____.
    stemRaw = `${stemRaw} _____ ${after}`;
  }
  let quote: string | undefined;
  const unescapedStem = giftUnescape(stemRaw);
  const blockquote = firstBlockquote(unescapedStem);
  let stemSource = unescapedStem;
  if (blockquote && format === 'html') {
    quote = htmlToText(blockquote[1]).text;
    stemSource = unescapedStem.replace(blockquote[0], ' ');
  }
  const stemText =
    format === 'html' || format === 'moodle'
      ? htmlToText(stemSource)
      : { text: stemSource.trim(), images: 0 };
  images.count += stemText.images;
  let block = text.slice(open + 1, close);
  let explanation = '';
  const general = findUnescaped(block, '####');
  if (general !== -1) {
    const rawFeedback = block.slice(general + 4);
    block = block.slice(0, general);
    const feedbackFormat = (MARKER.exec(rawFeedback)?.[1] as Format | undefined) ?? format;
    const unescaped = giftUnescape(rawFeedback.replace(MARKER, ''));
    const { text: withoutSources, stripped } = stripSources(unescaped);
    if (stripped) {
      notes.push(
        'The sources listed in the feedback are not kept: imported questions carry no citation.',
      );
    }
    if (feedbackFormat === 'html' || feedbackFormat === 'moodle') {
      const converted = htmlToText(withoutSources);
      images.count += converted.images;
      explanation = converted.text;
    } else {
      explanation = withoutSources.trim();
    }
  }
  const question: PortableQuestion = {
    type: 'SINGLE_CHOICE',
    stem: stemText.text,
    explanation,
    sources: [],
    ...(quote ? { quote } : {}),
  };
  const trimmed = block.trim();
  const fail = (message: string) => ({ problem: problem(line, message) });
  if (trimmed === '') {
    return fail('An essay question (empty answer block) has no key to import');
  }
  if (trimmed.startsWith('>')) {
    const [head, ...rest] = trimmed.split('\n');
    if (!/^>\s*\d*/.test(head ?? '')) {
      return fail('The ordering block must start with ">N"');
    }
    question.type = 'CHRONOLOGY';
    question.items = rest
      .map((item) => textOf(item, format, images))
      .filter((item) => item !== '')
      .map((label) => ({ label }));
  } else if (trimmed.startsWith('#')) {
    const numeric = parseNumeric(trimmed.slice(1), format, images, notes);
    if ('error' in numeric) {
      return fail(numeric.error);
    }
    question.type = 'NUMERIC_YEAR';
    question.year = numeric.year;
    question.numeric = meta.bounds
      ? { min: meta.bounds[0], max: meta.bounds[1], tolerance: numeric.tolerance }
      : defaultBounds(numeric.year, numeric.tolerance);
    if (numeric.feedback) {
      question.answerFeedback = numeric.feedback;
    }
  } else if (findUnescaped(trimmed, '~') !== -1) {
    const answers = splitAnswers(trimmed).map(parseAnswer);
    const single = answers.some((answer) => answer.isEquals);
    const options: PortableOption[] = answers.map((answer) => ({
      label: textOf(answer.text, format, images),
      correct: single ? answer.isEquals || answer.weight === 100 : (answer.weight ?? 0) > 0,
      ...(answer.feedback ? { feedback: textOf(answer.feedback, format, images) } : {}),
    }));
    if (
      answers.some(
        (answer) => answer.weight !== null && answer.weight > 0 && answer.weight < 100,
      ) &&
      single
    ) {
      notes.push(
        'Partial credit on a single-answer question is not kept: only the 100 % answer counts.',
      );
    }
    question.options = options;
    question.type = single
      ? chooseType(meta.type, choiceTypeFor(options, !!quote), SINGLE_CHOICE_TYPES)
      : 'MULTI_SELECT';
  } else if (findUnescaped(trimmed, '=') !== -1 && trimmed.includes('->')) {
    const pairs = splitAnswers(trimmed).map((part) => {
      const body = part.slice(1);
      const arrow = body.indexOf('->');
      const hash = findUnescaped(body, '#');
      if (hash !== -1) {
        notes.push('Matching pair feedback is not kept.');
      }
      return {
        left: textOf(body.slice(0, arrow), format, images),
        // The right side is plain text in Moodle, even in an [html] question.
        right: giftUnescape(body.slice(arrow + 2, hash === -1 ? undefined : hash)).trim(),
      };
    });
    if (pairs.some((pair) => pair.right === '')) {
      return fail('A matching pair has an empty right side');
    }
    const targets = [...new Set(pairs.map((pair) => pair.right))];
    const real = pairs.filter((pair) => pair.left !== '');
    question.type = 'MATCHING';
    question.items = real.map((pair) => ({ label: pair.left }));
    question.targets = targets;
    question.pairs = real.map((pair) => targets.indexOf(pair.right));
  } else if (/^(T|TRUE|F|FALSE)(#|$)/.test(trimmed)) {
    const [value, wrongFb, rightFb] = splitHashes(trimmed);
    const truth = value === 'T' || value === 'TRUE';
    const fb = (raw?: string) => (raw ? { feedback: textOf(raw, format, images) } : {});
    question.type = 'TRUE_FALSE';
    question.options = [
      { label: 'True', correct: truth, ...fb(truth ? rightFb : wrongFb) },
      { label: 'False', correct: !truth, ...fb(truth ? wrongFb : rightFb) },
    ];
  } else {
    const answers = splitAnswers(trimmed).map(parseAnswer);
    if (answers.some((answer) => !answer.isEquals)) {
      return fail('Short-answer answers must each start with "="');
    }
    const accepted = answers.filter((answer) => (answer.weight ?? 100) > 0);
    if (answers.some((answer) => answer.text === '*')) {
      notes.push('A "*" catch-all answer is not kept: it would accept anything.');
    }
    if (accepted.some((answer) => answer.weight !== null && answer.weight < 100)) {
      notes.push('Partial-credit spellings become fully accepted spellings.');
    }
    question.type = 'SHORT_ANSWER';
    question.answers = accepted
      .filter((answer) => answer.text !== '*')
      .map((answer) => giftUnescape(answer.text).trim());
    question.rejects = answers
      .filter((answer) => answer.weight !== null && answer.weight <= 0 && answer.text !== '*')
      .map((answer) => giftUnescape(answer.text).trim());
    const first = accepted.find((answer) => answer.feedback);
    if (first?.feedback) {
      question.answerFeedback = textOf(first.feedback, format, images);
    }
    if (meta.hint) {
      question.hint = meta.hint;
    }
  }
  if (images.count > 0) {
    notes.push(
      `${images.count === 1 ? 'An image was' : `${images.count} images were`} removed: questions hold text only.`,
    );
  }
  return { question: { line, question, notes } };
};

/** `T#a#b` → ['T', 'a', 'b'] at unescaped #. */
const splitHashes = (text: string): string[] => {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const at = findUnescaped(text, '#', from);
    if (at === -1) {
      parts.push(text.slice(from).trim());
      return parts;
    }
    parts.push(text.slice(from, at).trim());
    from = at + 1;
  }
};

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A numeric block after its `#`: `x`, `x:tol`, `min..max`, or `=%n%x:tol#fb … ~#fb`. */
const parseNumeric = (
  block: string,
  format: Format,
  images: { count: number },
  notes: string[],
): { year: number; tolerance: number; feedback?: string } | { error: string } => {
  const body = block.trim();
  const parts = body.startsWith('=') || body.startsWith('~') ? splitAnswers(body) : [`=${body}`];
  const answers = parts.map(parseAnswer);
  const full = answers.find((answer) => answer.isEquals && (answer.weight ?? 100) === 100);
  if (!full) {
    return { error: 'A numeric question needs one answer worth 100 %' };
  }
  if (answers.length > 1) {
    notes.push('Other numeric answers (partial credit, "any other value" feedback) are not kept.');
  }
  const value = full.text;
  let year: number;
  let tolerance = 0;
  const range = /^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$/.exec(value);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    // Moodle stores a range as its midpoint ± half its width.
    year = (min + max) / 2;
    tolerance = (max - min) / 2;
  } else {
    const [x, tol] = value.split(':').map((s) => s.trim());
    if (!x || !NUMBER.test(x) || (tol !== undefined && !NUMBER.test(tol))) {
      return { error: `"${value}" is not a number (write {#1980} or {#1980:1})` };
    }
    year = Number(x);
    tolerance = tol === undefined ? 0 : Number(tol);
  }
  if (!Number.isInteger(year) || !Number.isInteger(tolerance)) {
    return { error: `${value}: a year and its tolerance must be whole numbers` };
  }
  return {
    year,
    tolerance,
    ...(full.feedback ? { feedback: textOf(full.feedback, format, images) } : {}),
  };
};

/** Reads a GIFT file. Questions keep the line their text starts on. */
export const parseGift = (input: string): ParseResult => {
  const text = normaliseNewlines(input);
  const lines = text.split('\n');
  const result: ParseResult = { questions: [], problems: [], notes: [] };
  let chunk: string[] = [];
  let comments: string[] = [];
  let start = 0;
  const flush = () => {
    // Comments before a blank line still belong to the next question (Moodle drops only the lines).
    if (chunk.length === 0) {
      return;
    }
    {
      const body = chunk.join('\n');
      const category = /^\s*\$CATEGORY:\s*(.*)$/.exec(body);
      if (category) {
        result.notes.push({
          line: start,
          message: `Category "${category[1]?.trim()}" is not kept: questions go to your own questions.`,
        });
      } else {
        const parsed = parseQuestion(body, readMeta(comments), start);
        if (parsed.problem) {
          result.problems.push(parsed.problem);
        } else if (parsed.note) {
          result.notes.push({ line: start, message: parsed.note });
        } else if (parsed.question) {
          result.questions.push(parsed.question);
        }
      }
    }
    chunk = [];
    comments = [];
  };
  lines.forEach((raw, index) => {
    if (raw.trim() === '') {
      flush();
      return;
    }
    if (/^\s*\/\//.test(raw)) {
      comments.push(raw);
      return;
    }
    if (chunk.length === 0) {
      start = index + 1;
    }
    chunk.push(raw);
  });
  flush();
  return result;
};

/**
 * Moodle XML (question/format/xml/format.php): `<quiz>` of `<question type>`; fractions are
 * percentages; text goes in CDATA only when escaping would change it (with `]]>` split);
 * ordering's `<answer fraction>` is the item's position. Pure.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { QuestionType } from '../questions/types';
import { moodleShare, sourcesHtml } from './gift';
import { type ImportProblem, type ParsedQuestion, type ParseResult, problem } from './import-types';
import {
  choiceTypeFor,
  defaultBounds,
  type ExportNote,
  type ExportSet,
  isTrueFalse,
  type PortableQuestion,
  QUESTION_TYPE_SET,
  questionName,
  SINGLE_CHOICE_TYPES,
  toPortable,
} from './portable';
import {
  escapeHtml,
  firstBlockquote,
  htmlToText,
  lineAt,
  linesAt,
  normaliseNewlines,
} from './text';

// ---------------------------------------------------------------------------------------------
// Writing

const escapeXml = (text: string) =>
  text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/** Moodle's rule: CDATA only when escaping would change the text; `]]>` split across two. */
export const xmlText = (text: string): string =>
  escapeXml(text) === text ? text : `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

const textEl = (text: string) => `<text>${xmlText(text)}</text>`;
const htmlField = (tag: string, html: string) => `<${tag} format="html">${textEl(html)}</${tag}>`;

const tagsOf = (question: PortableQuestion) => {
  const tags = [`quiz-type:${question.type}`];
  if (question.numeric) {
    tags.push(`quiz-bounds:${question.numeric.min}..${question.numeric.max}`);
  }
  if (question.hint) {
    tags.push(`quiz-hint:${question.hint}`);
  }
  return `<tags>${tags.map((tag) => `<tag>${textEl(tag)}</tag>`).join('')}</tags>`;
};

const answer = (fraction: number | string, text: string, feedback?: string, format = 'html') =>
  `<answer fraction="${fraction}" format="${format}">${textEl(text)}${
    feedback ? htmlField('feedback', escapeHtml(feedback)) : ''
  }</answer>`;

const typeBody = (question: PortableQuestion, position: number, notes: ExportNote[]) => {
  const options = question.options ?? [];
  switch (question.type) {
    case 'TRUE_FALSE':
      if (isTrueFalse(options)) {
        return {
          type: 'truefalse',
          body: options
            .map((option) =>
              answer(
                option.correct ? 100 : 0,
                option.label.toLowerCase(),
                option.feedback,
                'moodle_auto_format',
              ),
            )
            .join(''),
        };
      }
      break;
    case 'MULTI_SELECT': {
      const right = options.filter((option) => option.correct).length;
      const wrong = options.length - right;
      return {
        type: 'multichoice',
        body: `<single>false</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>${options
          .map((option) =>
            answer(
              option.correct ? moodleShare(right) : -moodleShare(wrong),
              escapeHtml(option.label),
              option.feedback,
            ),
          )
          .join('')}`,
      };
    }
    case 'NUMERIC_YEAR':
      return {
        type: 'numerical',
        body: `<answer fraction="100" format="moodle_auto_format">${textEl(String(question.year))}<tolerance>${
          question.numeric?.tolerance ?? 0
        }</tolerance>${
          question.answerFeedback ? htmlField('feedback', escapeHtml(question.answerFeedback)) : ''
        }</answer><unitgradingtype>0</unitgradingtype><showunits>3</showunits>`,
      };
    case 'CHRONOLOGY':
      return {
        type: 'ordering',
        body: `<layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount><gradingtype>ABSOLUTE_POSITION</gradingtype><showgrading>SHOW</showgrading><numberingstyle>none</numberingstyle>${(
          question.items ?? []
        )
          // fraction = the item's correct position, not a grade.
          .map((item, index) => answer(index + 1, escapeHtml(item.label), item.feedback))
          .join('')}`,
      };
    case 'MATCHING': {
      const used = new Set(question.pairs ?? []);
      if ((question.items ?? []).some((item) => item.feedback)) {
        notes.push({
          position,
          kind: 'LOST',
          message: 'Moodle matching has no feedback per pair: the pair rationales are left out.',
        });
      }
      const sub = (left: string, right: string) =>
        `<subquestion format="html">${textEl(left)}<answer>${textEl(right)}</answer></subquestion>`;
      return {
        type: 'matching',
        body: `<shuffleanswers>true</shuffleanswers>${[
          ...(question.items ?? []).map((item, index) =>
            sub(escapeHtml(item.label), question.targets?.[question.pairs?.[index] ?? -1] ?? ''),
          ),
          // An empty subquestion with an answer is a distractor.
          ...(question.targets ?? [])
            .filter((_target, index) => !used.has(index))
            .map((target) => sub('', target)),
        ].join('')}`,
      };
    }
    case 'SHORT_ANSWER':
      return {
        type: 'shortanswer',
        body: `<usecase>0</usecase>${[
          ...(question.answers ?? []).map((name, index) =>
            answer(
              100,
              name,
              index === 0 ? question.answerFeedback : undefined,
              'moodle_auto_format',
            ),
          ),
          ...(question.rejects ?? []).map((name) =>
            answer(0, name, undefined, 'moodle_auto_format'),
          ),
        ].join('')}`,
      };
    default:
      break;
  }
  return {
    type: 'multichoice',
    body: `<single>true</single><shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>${options
      .map((option) => answer(option.correct ? 100 : 0, escapeHtml(option.label), option.feedback))
      .join('')}`,
  };
};

export const writeMoodleXml = (set: ExportSet): { text: string; notes: ExportNote[] } => {
  const notes: ExportNote[] = [];
  const questions = set.questions.map((stored) => {
    const question = toPortable(stored, set.citations);
    const { type, body } = typeBody(question, stored.position, notes);
    const stem =
      escapeHtml(question.stem) +
      (question.quote ? `<blockquote>${escapeHtml(question.quote)}</blockquote>` : '');
    return `  <question type="${type}">
    <name>${textEl(questionName(stored.position, question.stem))}</name>
    ${htmlField('questiontext', stem)}
    ${htmlField('generalfeedback', `<p>${escapeHtml(question.explanation)}</p>${sourcesHtml(question.sources)}`)}
    <defaultgrade>1</defaultgrade><penalty>0</penalty><hidden>0</hidden>
    <idnumber>${escapeXml(stored.id)}</idnumber>
    ${body}
    ${tagsOf(question)}
  </question>`;
  });
  const category = `  <question type="category">
    <category>${textEl(`$course$/top/${set.title.replace(/\//g, '-')}`)}</category>
    <info format="html">${textEl(escapeHtml(set.description))}</info>
  </question>`;
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${[category, ...questions].join('\n')}\n</quiz>\n`,
    notes,
  };
};

// ---------------------------------------------------------------------------------------------
// Reading

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Elements that repeat; a lone one is still an array.
  isArray: (name) => ['question', 'answer', 'subquestion', 'tag', 'file', 'hint'].includes(name),
});

const str = (value: unknown): string => {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'object') {
    return str((value as Node)['#text']);
  }
  return String(value);
};

/** Start offsets of each `<question` element, outside CDATA and comments. */
const questionOffsets = (text: string): number[] => {
  const offsets: number[] = [];
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<question[\s>]/g;
  for (const match of text.matchAll(re)) {
    if (match[0].startsWith('<question')) {
      offsets.push(match.index ?? 0);
    }
  }
  return offsets;
};

/** A text field (`<x format><text>…</text><file/></x>`) as plain text, noting stripped images. */
const fieldText = (field: unknown, images: { count: number }): string => {
  if (field === undefined || field === null) {
    return '';
  }
  const node = typeof field === 'object' ? (field as Node) : { text: field };
  const files = (node.file as unknown[] | undefined)?.length ?? 0;
  images.count += files;
  const format = str(node['@_format']) || 'html';
  const raw = str(node.text);
  if (format === 'plain_text' || format === 'markdown') {
    return raw.trim();
  }
  const converted = htmlToText(raw.replace(/<div class="quiz-sources">[\s\S]*$/i, ''));
  images.count += converted.images;
  return converted.text;
};

const readTags = (node: Node) => {
  const tags = ((node.tags as Node | undefined)?.tag as unknown[] | undefined) ?? [];
  const meta: { type?: string; bounds?: [number, number]; hint?: string } = {};
  for (const tag of tags) {
    const value = str((tag as Node).text ?? tag).trim();
    if (value.startsWith('quiz-type:')) {
      meta.type = value.slice(10);
    } else if (value.startsWith('quiz-bounds:')) {
      const m = /^(-?\d+)\.\.(-?\d+)$/.exec(value.slice(12));
      if (m) {
        meta.bounds = [Number(m[1]), Number(m[2])];
      }
    } else if (value.startsWith('quiz-hint:')) {
      meta.hint = value.slice(10);
    }
  }
  return meta;
};

const fraction = (node: Node) => Number(str(node['@_fraction']) || '0');

const readQuestion = (
  node: Node,
  line: number,
): { question?: ParsedQuestion; problem?: ImportProblem; skip?: string } => {
  const kind = str(node['@_type']);
  const images = { count: 0 };
  const notes: string[] = [];
  const meta = readTags(node);
  const answers = ((node.answer as Node[] | undefined) ?? []).map((a) => ({
    text: fieldText(a, images),
    raw: str(a.text).trim(),
    fraction: fraction(a),
    feedback: fieldText(a.feedback, images),
  }));
  const questionText = node.questiontext as Node | undefined;
  const rawStem = str(questionText?.text);
  const blockquote = firstBlockquote(rawStem);
  const stem = fieldText(
    { ...(questionText ?? {}), text: blockquote ? rawStem.replace(blockquote[0], ' ') : rawStem },
    images,
  );
  const general = str((node.generalfeedback as Node | undefined)?.text);
  if (/<div class="quiz-sources">/i.test(general)) {
    notes.push(
      'The sources listed in the feedback are not kept: imported questions carry no citation.',
    );
  }
  const question: PortableQuestion = {
    type: 'SINGLE_CHOICE',
    stem,
    explanation: fieldText(node.generalfeedback, images),
    sources: [],
    ...(blockquote ? { quote: htmlToText(blockquote[1]).text } : {}),
  };
  const fb = (text: string) => (text ? { feedback: text } : {});
  const declared = (allowed: readonly QuestionType[], fallback: QuestionType) =>
    meta.type && QUESTION_TYPE_SET.has(meta.type) && allowed.includes(meta.type as QuestionType)
      ? (meta.type as QuestionType)
      : fallback;
  switch (kind) {
    case 'multichoice': {
      const single = str(node.single).trim() !== 'false' && str(node.single).trim() !== '0';
      question.options = answers.map((a) => ({
        label: a.text,
        correct: single ? a.fraction === 100 : a.fraction > 0,
        ...fb(a.feedback),
      }));
      question.type = single
        ? declared(SINGLE_CHOICE_TYPES, choiceTypeFor(question.options, !!question.quote))
        : 'MULTI_SELECT';
      break;
    }
    case 'truefalse': {
      const truth = answers.find((a) => a.raw.toLowerCase() === 'true');
      const falsity = answers.find((a) => a.raw.toLowerCase() === 'false');
      // Older localised exports: true first, then false.
      const [yes, no] = truth && falsity ? [truth, falsity] : [answers[0], answers[1]];
      question.type = 'TRUE_FALSE';
      question.options = [
        { label: 'True', correct: (yes?.fraction ?? 0) === 100, ...fb(yes?.feedback ?? '') },
        { label: 'False', correct: (no?.fraction ?? 0) === 100, ...fb(no?.feedback ?? '') },
      ];
      break;
    }
    case 'numerical': {
      const full = (node.answer as Node[] | undefined)?.find((a) => fraction(a) === 100);
      const value = str(full?.text).trim();
      const tolerance = Number(str(full?.tolerance) || '0');
      if (!full || !/^-?\d+$/.test(value) || !Number.isInteger(tolerance)) {
        return {
          problem: problem(
            line,
            `The numeric answer "${value}" is not a whole year with a whole-number tolerance`,
          ),
        };
      }
      if (answers.length > 1) {
        notes.push('Other numeric answers (partial credit) are not kept.');
      }
      question.type = 'NUMERIC_YEAR';
      question.year = Number(value);
      question.numeric = meta.bounds
        ? { min: meta.bounds[0], max: meta.bounds[1], tolerance }
        : defaultBounds(question.year, tolerance);
      if (full.feedback) {
        question.answerFeedback = fieldText(full.feedback, images);
      }
      break;
    }
    case 'ordering': {
      question.type = 'CHRONOLOGY';
      question.items = [...answers]
        .sort((a, b) => a.fraction - b.fraction)
        .map((a) => ({ label: a.text, ...fb(a.feedback) }));
      break;
    }
    case 'matching':
    case 'match': {
      const subs = ((node.subquestion as Node[] | undefined) ?? []).map((sub) => ({
        left: fieldText(sub, images),
        right: str(((sub.answer as Node[] | undefined)?.[0] as Node | undefined)?.text).trim(),
      }));
      const targets = [...new Set(subs.map((sub) => sub.right).filter((right) => right !== ''))];
      const real = subs.filter((sub) => sub.left !== '');
      question.type = 'MATCHING';
      question.items = real.map((sub) => ({ label: sub.left }));
      question.targets = targets;
      question.pairs = real.map((sub) => targets.indexOf(sub.right));
      break;
    }
    case 'shortanswer': {
      question.type = 'SHORT_ANSWER';
      const accepted = answers.filter((a) => a.fraction > 0 && a.raw !== '*');
      if (answers.some((a) => a.raw === '*')) {
        notes.push('A "*" catch-all answer is not kept: it would accept anything.');
      }
      if (accepted.some((a) => a.fraction < 100)) {
        notes.push('Partial-credit spellings become fully accepted spellings.');
      }
      question.answers = accepted.map((a) => a.raw);
      question.rejects = answers.filter((a) => a.fraction <= 0 && a.raw !== '*').map((a) => a.raw);
      const withFeedback = accepted.find((a) => a.feedback);
      if (withFeedback) {
        question.answerFeedback = withFeedback.feedback;
      }
      if (meta.hint) {
        question.hint = meta.hint;
      }
      break;
    }
    case 'description':
      return { skip: 'A description (no question) is skipped.' };
    default:
      return { problem: problem(line, `Moodle question type "${kind}" cannot be imported`) };
  }
  if (images.count > 0) {
    notes.push(
      `${images.count === 1 ? 'An image was' : `${images.count} images were`} removed: questions hold text only.`,
    );
  }
  return { question: { line, question, notes } };
};

export const parseMoodleXml = (input: string): ParseResult => {
  const text = normaliseNewlines(input);
  const result: ParseResult = { questions: [], problems: [], notes: [] };
  // Moodle never writes a DOCTYPE; refusing one keeps entity expansion (billion laughs) out.
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    result.problems.push(
      problem(lineAt(text, doctype.index), 'A DOCTYPE or entity declaration is not allowed'),
    );
    return result;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    result.problems.push(problem(valid.err.line, `Not well-formed XML: ${valid.err.msg}`));
    return result;
  }
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (error) {
    // fast-xml-parser throws, by design, on what it will not build: the tag names __proto__,
    // constructor and prototype, more than 100 nested tags, a character reference past U+10FFFF.
    // Thrown on, they answered INTERNAL_SERVER_ERROR (probe, round 4).
    const reason = error instanceof Error ? error.message.replace(/^\[SECURITY\]\s*/, '') : '';
    result.problems.push(problem(null, `The XML cannot be read: ${reason || 'unknown reason'}`));
    return result;
  }
  const quiz = doc.quiz as Node | undefined;
  if (!quiz || typeof quiz !== 'object') {
    result.problems.push(problem(1, 'The file has no <quiz> element'));
    return result;
  }
  const lines = linesAt(text, questionOffsets(text));
  ((quiz.question as Node[] | undefined) ?? []).forEach((node, index) => {
    const line = lines[index] ?? 1;
    if (str(node['@_type']) === 'category') {
      result.notes.push({
        line,
        message: `Category "${str((node.category as Node | undefined)?.text)}" is not kept: questions go to your own questions.`,
      });
      return;
    }
    const read = readQuestion(node, line);
    if (read.problem) {
      result.problems.push(read.problem);
    } else if (read.skip) {
      result.notes.push({ line, message: read.skip });
    } else if (read.question) {
      result.questions.push(read.question);
    }
  });
  return result;
};

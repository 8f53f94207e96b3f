/**
 * Our spreadsheet layout (CSV and XLSX share it): one question per row, a header row, fixed
 * columns. Every text cell is neutralised against formula injection; CSV has a UTF-8 BOM and CRLF.
 * Pure apart from exceljs's async (in-memory) workbook.
 */
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { QuestionType } from '../questions/types';
import { type ImportProblem, type ParsedQuestion, type ParseResult, problem } from './import-types';
import {
  defaultBounds,
  type ExportNote,
  type ExportSet,
  type PortableQuestion,
  QUESTION_TYPE_SET,
  SINGLE_CHOICE_TYPES,
  toPortable,
} from './portable';
import { neutralise, unneutralise } from './text';

const SIX = [1, 2, 3, 4, 5, 6];
export const SHEET_COLUMNS = [
  'type',
  'stem',
  'quote',
  'hint',
  ...SIX.map((n) => `choice_${n}`),
  ...SIX.map((n) => `target_${n}`),
  'correct',
  'tolerance',
  'min',
  'max',
  'near_misses',
  'explanation',
  ...SIX.map((n) => `feedback_${n}`),
  'answer_feedback',
  'sources',
  'id',
] as const;
type Column = (typeof SHEET_COLUMNS)[number];
type Cell = string | number;
type Row = Partial<Record<Column, Cell>>;

const LIST = ' | ';

const toRow = (question: PortableQuestion, id: string): Row => {
  const row: Row = {
    type: question.type,
    stem: question.stem,
    quote: question.quote ?? '',
    hint: question.hint ?? '',
    explanation: question.explanation,
    answer_feedback: question.answerFeedback ?? '',
    sources: question.sources.join(LIST),
    id,
  };
  const choices = question.options ?? question.items ?? [];
  choices.forEach((choice, index) => {
    row[`choice_${index + 1}` as Column] = choice.label;
    if (choice.feedback) {
      row[`feedback_${index + 1}` as Column] = choice.feedback;
    }
  });
  (question.targets ?? []).forEach((target, index) => {
    row[`target_${index + 1}` as Column] = target;
  });
  switch (question.type) {
    case 'CHRONOLOGY':
      // Items are written in their correct order.
      row.correct = choices.map((_choice, index) => index + 1).join(';');
      break;
    case 'MATCHING':
      row.correct = (question.pairs ?? [])
        .map((target, index) => `${index + 1}=${target + 1}`)
        .join(';');
      break;
    case 'NUMERIC_YEAR':
      row.correct = question.year ?? '';
      row.tolerance = question.numeric?.tolerance ?? 0;
      row.min = question.numeric?.min ?? '';
      row.max = question.numeric?.max ?? '';
      break;
    case 'SHORT_ANSWER':
      row.correct = (question.answers ?? []).join(LIST);
      row.near_misses = (question.rejects ?? []).join(LIST);
      break;
    default:
      row.correct = (question.options ?? [])
        .flatMap((option, index) => (option.correct ? [index + 1] : []))
        .join(';');
  }
  return row;
};

/** The rows of a set (header first); numbers stay numbers, text is neutralised. */
export const sheetRows = (set: ExportSet): { rows: Cell[][]; notes: ExportNote[] } => {
  const rows = set.questions.map((stored) => {
    const row = toRow(toPortable(stored, set.citations), stored.id);
    return SHEET_COLUMNS.map((column) => {
      const value = row[column] ?? '';
      return typeof value === 'number' ? value : neutralise(value);
    });
  });
  return { rows: [[...SHEET_COLUMNS], ...rows], notes: [] };
};

/**
 * Numbers and empty cells bare, every text cell quoted (OWASP's advice for CSV injection, beside the apostrophe):
 * where the list separator is `;`, Excel splits unquoted fields there, so a display name
 * "Ali;=WEBSERVICE(A3&B2);" left unquoted (it holds no comma) opened as a live formula in its own
 * cell, past `neutralise`, which sees only the start of the whole field (probe 6b).
 */
const csvField = (value: Cell): string =>
  typeof value === 'number' || value === '' ? String(value) : `"${value.replace(/"/g, '""')}"`;

/** RFC 4180 with a UTF-8 BOM (Excel reads UTF-8 only then) and CRLF line ends. */
export const toCsv = (rows: readonly (readonly Cell[])[]): string =>
  `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;

/**
 * exceljs on first use: loading it costs about 0.8 s of CPU, which every process that starts the
 * API (and every API test file) paid up front although only XLSX exports and imports need it.
 */
const loadExcelJs = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

export const writeCsv = (set: ExportSet) => {
  const { rows, notes } = sheetRows(set);
  return { text: toCsv(rows), notes };
};

export const toXlsx = async (
  sheets: { name: string; rows: readonly (readonly Cell[])[] }[],
): Promise<Uint8Array> => {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = 'Iran–Syria relations quiz';
  // A fixed date keeps the file the same for the same content.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const row of sheet.rows) {
      worksheet.addRow([...row]);
    }
    worksheet.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
};

export const writeXlsx = async (set: ExportSet) => {
  const { rows, notes } = sheetRows(set);
  return { bytes: await toXlsx([{ name: 'Questions', rows }]), notes };
};

// ---------------------------------------------------------------------------------------------
// Reading

/** RFC 4180 records with the line each starts on (quoted fields may span lines). */
export const parseCsvRecords = (
  input: string,
): { records: { line: number; cells: string[] }[]; error?: ImportProblem } => {
  const text = input.replace(/^\uFEFF/, '');
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') {
          line += 1;
        }
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') {
        i += 1;
      }
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else {
      cell += c;
    }
  }
  if (quoted) {
    return { records, error: problem(quoteLine, 'A quoted cell is never closed') };
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: start, cells });
  }
  return { records: records.filter((record) => record.cells.some((c) => c.trim() !== '')) };
};

const numbers = (text: string): number[] | null => {
  const parts = text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : null;
};

const splitList = (text: string) =>
  text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);

/** One sheet row as a question; `where` names the line or row in messages. */
const readRow = (get: (column: Column) => string, line: number): ParsedQuestion | ImportProblem => {
  const type = get('type')
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  if (!QUESTION_TYPE_SET.has(type)) {
    return problem(
      line,
      `Unknown type "${get('type')}" (use one of SINGLE_CHOICE, MULTI_SELECT, TRUE_FALSE, NUMERIC_YEAR, CHRONOLOGY, MATCHING, SHORT_ANSWER, …)`,
      'type',
    );
  }
  const choices = SIX.map((n) => get(`choice_${n}` as Column)).filter((label) => label !== '');
  const feedback = SIX.map((n) => get(`feedback_${n}` as Column));
  const correct = get('correct');
  const notes: string[] = [];
  if (get('sources')) {
    notes.push('The sources column is not kept: imported questions carry no citation.');
  }
  const question: PortableQuestion = {
    type: type as QuestionType,
    stem: get('stem'),
    explanation: get('explanation'),
    sources: [],
  };
  if (get('quote')) {
    question.quote = get('quote');
  }
  const fb = (index: number) => (feedback[index] ? { feedback: feedback[index] } : {});
  if (type === 'CHRONOLOGY') {
    const order = numbers(correct) ?? choices.map((_c, index) => index + 1);
    if (order.some((n) => n < 1 || n > choices.length)) {
      return problem(
        line,
        `"${correct}": name the choices 1–${choices.length} in their correct order`,
        'correct',
      );
    }
    question.items = order.map((n) => ({ label: choices[n - 1] as string, ...fb(n - 1) }));
  } else if (type === 'MATCHING') {
    const targets = SIX.map((n) => get(`target_${n}` as Column)).filter((label) => label !== '');
    const pairs = correct.split(/[;,]/).map((part) => /^\s*(\d+)\s*=\s*(\d+)\s*$/.exec(part));
    if (pairs.some((pair) => !pair)) {
      return problem(line, `"${correct}": write pairs as 1=2;2=1 (choice=target)`, 'correct');
    }
    const byItem = new Map(pairs.map((pair) => [Number(pair?.[1]) - 1, Number(pair?.[2]) - 1]));
    question.items = choices.map((label, index) => ({ label, ...fb(index) }));
    question.targets = targets;
    question.pairs = choices.map((_label, index) => byItem.get(index) ?? -1);
    if (question.pairs.some((target) => target < 0 || target >= targets.length)) {
      return problem(line, 'Pair every choice with one of the targets', 'correct');
    }
  } else if (type === 'NUMERIC_YEAR') {
    const tolerance = get('tolerance') === '' ? 0 : Number(get('tolerance'));
    if (!/^-?\d+$/.test(correct.trim()) || !Number.isInteger(tolerance)) {
      return problem(line, `"${correct}" is not a year`, 'correct');
    }
    question.year = Number(correct);
    question.numeric =
      get('min') !== '' && get('max') !== ''
        ? { min: Number(get('min')), max: Number(get('max')), tolerance }
        : defaultBounds(question.year, tolerance);
    if (get('answer_feedback')) {
      question.answerFeedback = get('answer_feedback');
    }
  } else if (type === 'SHORT_ANSWER') {
    question.answers = splitList(correct);
    question.rejects = splitList(get('near_misses'));
    if (get('hint')) {
      question.hint = get('hint');
    }
    if (get('answer_feedback')) {
      question.answerFeedback = get('answer_feedback');
    }
  } else {
    const picked = numbers(correct);
    if (!picked || picked.some((n) => n < 1 || n > choices.length)) {
      return problem(
        line,
        `"${correct}": give the number of the correct choice (1–${choices.length})`,
        'correct',
      );
    }
    if (SINGLE_CHOICE_TYPES.includes(type as QuestionType) && picked.length !== 1) {
      return problem(line, 'Mark exactly one correct choice', 'correct');
    }
    question.options = choices.map((label, index) => ({
      label,
      correct: picked.includes(index + 1),
      ...fb(index),
    }));
  }
  return { line, question, notes };
};

const readRows = (rows: { line: number; cells: string[] }[], where: string): ParseResult => {
  const result: ParseResult = { questions: [], problems: [], notes: [] };
  const [header, ...data] = rows;
  if (!header) {
    result.problems.push(problem(1, 'The file is empty'));
    return result;
  }
  const index = new Map(header.cells.map((name, i) => [name.trim().toLowerCase(), i]));
  for (const required of ['type', 'stem', 'correct'] as const) {
    if (!index.has(required)) {
      result.problems.push(problem(header.line, `The header row has no "${required}" column`));
    }
  }
  if (result.problems.length > 0) {
    return result;
  }
  for (const row of data) {
    const get = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? '' : unneutralise((row.cells[at] ?? '').trim());
    };
    const read = readRow(get, row.line);
    if ('question' in read) {
      result.questions.push(read);
    } else {
      result.problems.push(read);
    }
  }
  void where;
  return result;
};

export const parseCsv = (input: string): ParseResult => {
  const { records, error } = parseCsvRecords(input);
  if (error) {
    return { questions: [], problems: [error], notes: [] };
  }
  return readRows(records, 'line');
};

/** Largest unpacked size of an uploaded workbook: a small zip must not inflate into a bomb. */
const XLSX_MAX_UNPACKED = 5_000_000;
/** Columns a worksheet may use: ours are 33 (SHEET_COLUMNS), in any order, among others. */
export const XLSX_MAX_COLUMNS = 128;

/**
 * The sizes the zip's entries declare, summed without inflating anything; a file that is not a
 * zip counts as 0 (exceljs then refuses it).
 */
const unpackedSize = (bytes: Uint8Array): number => {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        return false;
      },
    });
  } catch {
    return 0;
  }
  return total;
};

/** Cells that merged and validated ranges may cover in all: a full sheet of ours is 201 × 33. */
export const XLSX_MAX_RANGE_CELLS = 100_000;

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Cells in an A1 range ("B2", "$A$1:$XFD$1048576"); Infinity for what is not one. */
export const rangeArea = (ref: string): number => {
  const [from, to = from, ...rest] = ref
    .split(':')
    .map((end) => /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(end.trim()));
  if (!from || !to || rest.length > 0) {
    return Number.POSITIVE_INFINITY;
  }
  const width = Math.abs(columnNumber(to[1] ?? '') - columnNumber(from[1] ?? '')) + 1;
  const height = Math.abs(Number(to[2]) - Number(from[2])) + 1;
  return width * height;
};

/** Deepest element nesting in a workbook part: Excel's own files nest about 10 deep. */
export const XLSX_MAX_DEPTH = 32;
/**
 * Elements, attributes and entity references in all of a workbook's parts: a full sheet of
 * ours (201 rows × 33 columns of text, shared strings and all) has about 41,000.
 */
export const XLSX_MAX_NODES = 100_000;

/** What a teacher can do about a workbook refused for its XML's shape. */
const PLAIN_COPY = 'save it as CSV, or paste its values into a new workbook';

type WorkbookShape = { rangeCells: number; depth: number; nodes: number };

const RANGE =
  /<(?:[\w.-]+:)?(?:mergeCell|dataValidation)\b[^>]*?\s(?:ref|sqref)\s*=\s*["']([^"']*)["']/g;
const [LT, GT, SLASH, EQUALS, AMPERSAND] = ['<', '>', '/', '=', '&'].map((c) => c.charCodeAt(0));

/**
 * Nesting and nodes of one XML part, on its bytes (no decoding): a tag opens (`<a`), closes
 * (`</a`) or is empty (`<a …/>`); each `=` in a tag counts as an attribute and each `&` as an
 * entity reference (700,000 `&amp;` in one cell took exceljs 2 s). Comments, CDATA and
 * declarations count as nothing; a `>` inside an attribute value only ends the tag early, which
 * can miscount a hostile file, never a real one.
 */
const scanXml = (xml: Uint8Array, shape: WorkbookShape) => {
  let depth = 0;
  for (let i = 0; i < xml.length; i += 1) {
    const c = xml[i];
    if (c === AMPERSAND) {
      shape.nodes += 1;
      continue;
    }
    if (c !== LT) {
      continue;
    }
    const next = xml[i + 1] as number;
    const closing = next === SLASH;
    if (!closing && !/[A-Za-z_]/.test(String.fromCharCode(next))) {
      continue; // <!-- -->, <![CDATA[, <!DOCTYPE, <?xml
    }
    let end = i + 1;
    let attributes = 0;
    while (end < xml.length && xml[end] !== GT) {
      if (xml[end] === EQUALS) {
        attributes += 1;
      }
      end += 1;
    }
    if (closing) {
      // Never below the root: closings first cannot bank depth for deeper openings later.
      depth = Math.max(0, depth - 1);
    } else {
      shape.nodes += 1 + attributes;
      if (xml[end - 1] !== SLASH) {
        depth += 1;
        shape.depth = Math.max(shape.depth, depth);
      }
    }
    i = end;
  }
};

/** Whether a part starts as XML does: `<` after an optional UTF-8 BOM and whitespace. */
const startsLikeXml = (data: Uint8Array): boolean => {
  let i = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  while (data[i] === 0x20 || data[i] === 0x09 || data[i] === 0x0a || data[i] === 0x0d) {
    i += 1;
  }
  return data[i] === LT;
};

/**
 * What exceljs would build from the workbook, read from its XML before exceljs reads it:
 * - the cells that merged ranges and data validations cover: exceljs makes an object for every
 *   cell of a merged range and a key for every cell of a validated one, so one
 *   `<mergeCell ref="A1:CV20000"/>` in a 6.5 kB upload took 4.4 s and 387 MB, and
 *   `A1:XFD1048576` (17 billion cells) would take the process down (probe, round 4);
 * - the deepest nesting and the elements, attributes and entity references: inside the 5 MB
 *   unpacked, 700,000 nested elements (a 15 kB upload) held the event loop for 4.7 s and took
 *   258 MB, 180,000 empty rows 3.4 s (probe, round 9).
 * Every entry is read, whatever its name: exceljs parses as a worksheet any entry whose name
 * contains `xl/worksheets/sheetN.xml` (`/xl/…`, `x/xl/…`, `….xml.bak`, even under `xl/media/`),
 * so a check of the entries named exactly `xl/worksheets/*.xml` let the merge bomb through under
 * another name (7–10 s for a 9 kB upload; probe, round 9).
 */
export const workbookShape = (bytes: Uint8Array): WorkbookShape => {
  const shape: WorkbookShape = { rangeCells: 0, depth: 0, nodes: 0 };
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return shape;
  }
  for (const data of Object.values(entries)) {
    if (!startsLikeXml(data)) {
      // An image or other binary part: exceljs cannot parse it as XML either, and its random
      // bytes read as tags (a 60 kB image "nested" 37–48 deep).
      continue;
    }
    scanXml(data, shape);
    const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (raw.includes('mergeCell') || raw.includes('dataValidation')) {
      for (const match of strFromU8(data).matchAll(RANGE)) {
        for (const ref of (match[1] as string).split(/\s+/).filter(Boolean)) {
          shape.rangeCells += rangeArea(ref);
        }
      }
    }
  }
  return shape;
};

/** The first worksheet of an XLSX file, read with our column layout (row numbers as lines). */
export const parseXlsx = async (bytes: Uint8Array): Promise<ParseResult> => {
  if (unpackedSize(bytes) > XLSX_MAX_UNPACKED) {
    return {
      questions: [],
      problems: [problem(null, 'The workbook is too large once unpacked (at most 5 MB)')],
      notes: [],
    };
  }
  const shape = workbookShape(bytes);
  const covered = shape.rangeCells;
  if (covered > XLSX_MAX_RANGE_CELLS) {
    return {
      questions: [],
      problems: [
        problem(
          null,
          `The workbook merges or validates ${Number.isFinite(covered) ? covered.toLocaleString('en-US') : 'too many'} cells; at most ${XLSX_MAX_RANGE_CELLS.toLocaleString('en-US')} (unmerge the cells, remove the data validation)`,
        ),
      ],
      notes: [],
    };
  }
  if (shape.depth > XLSX_MAX_DEPTH || shape.nodes > XLSX_MAX_NODES) {
    return {
      questions: [],
      problems: [
        problem(
          null,
          shape.depth > XLSX_MAX_DEPTH
            ? `The workbook's XML nests ${shape.depth.toLocaleString('en-US')} elements deep; at most ${XLSX_MAX_DEPTH} (${PLAIN_COPY})`
            : `The workbook's XML holds ${shape.nodes.toLocaleString('en-US')} elements, attributes and entities; at most ${XLSX_MAX_NODES.toLocaleString('en-US')} (${PLAIN_COPY})`,
        ),
      ],
      notes: [],
    };
  }
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      questions: [],
      problems: [problem(null, 'The file is not a readable XLSX workbook')],
      notes: [],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return { questions: [], problems: [problem(null, 'The workbook has no worksheet')], notes: [] };
  }
  // Rows and cells are looked up one by one: exceljs's `eachRow` (its `hasValues`), `values`,
  // `eachCell` and `columnCount` walk every slot of a row up to its last cell, so one cell in
  // column XFD cost 16,384 steps per row: 2,000 such rows, a 23 kB upload, held the event loop
  // for 6.4 s and took 342 MB (probe, round 4). A row wider than ours is refused instead.
  const rows: { line: number; cells: string[] }[] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.findRow(number);
    if (!row) {
      continue;
    }
    if (row.cellCount > XLSX_MAX_COLUMNS) {
      return {
        questions: [],
        problems: [
          problem(
            number,
            `Row ${number} has a cell in column ${row.cellCount}; the sheet may use at most ${XLSX_MAX_COLUMNS} columns`,
          ),
        ],
        notes: [],
      };
    }
    const cells: string[] = [];
    let hasValues = false;
    for (let column = 1; column <= row.cellCount; column += 1) {
      const value = row.findCell(column)?.value;
      hasValues ||= value !== null && value !== undefined;
      cells.push(cellText(value));
    }
    if (hasValues) {
      rows.push({ line: number, cells });
    }
  }
  return readRows(rows, 'row');
};

/** A cell value as text: rich text joined, formulas by their cached result, never evaluated. */
const cellText = (value: unknown): string => {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (v.richText) {
      return v.richText.map((part) => part.text).join('');
    }
    if ('result' in v) {
      return cellText(v.result);
    }
    if (typeof v.text === 'string') {
      return v.text;
    }
    if (value instanceof Date) {
      return value.toISOString();
    }
    return '';
  }
  return String(value);
};

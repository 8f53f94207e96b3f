/** One entry point for every export format: the file (text or bytes) and its report. Pure. */
import { writeAiken } from './aiken';
import { writeGift } from './gift';
import { writeMoodleXml } from './moodle-xml';
import type { ExportNote, ExportSet } from './portable';
import { writeQti12, writeQti21 } from './qti';
import { writeCsv, writeXlsx } from './sheet';
import { slugify } from './text';

export const EXPORT_FORMATS = [
  'MOODLE_XML',
  'GIFT',
  'AIKEN',
  'QTI12',
  'QTI21',
  'CSV',
  'XLSX',
  'JSON',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFile = {
  filename: string;
  mimeType: string;
  /** Text formats carry text; zip and XLSX carry bytes. */
  content: string | Uint8Array;
  notes: ExportNote[];
};

/** The lossless file: our own shapes as stored, with the citations they name. */
export const JSON_FORMAT = 'iran-syria-quiz/question-set';

export const writeJson = (set: ExportSet): string =>
  `${JSON.stringify({ format: JSON_FORMAT, version: 1, ...set }, null, 2)}\n`;

/** Notes every lossy format shares: citations have no native slot anywhere. */
const CITATION_NOTE: ExportNote = {
  position: null,
  kind: 'LOST',
  message:
    'No format but JSON has a field for citations: they are written as a "Sources" list in each question’s general feedback, and their ids are not kept.',
};

const EXTENSION: Record<ExportFormat, [string, string]> = {
  MOODLE_XML: ['moodle.xml', 'application/xml'],
  GIFT: ['gift.txt', 'text/plain; charset=utf-8'],
  AIKEN: ['aiken.txt', 'text/plain; charset=utf-8'],
  QTI12: ['qti12-canvas.zip', 'application/zip'],
  QTI21: ['qti21.zip', 'application/zip'],
  CSV: ['csv', 'text/csv; charset=utf-8'],
  XLSX: ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  JSON: ['json', 'application/json'],
};

/** `<set>-<yyyy-mm-dd>.<ext>` (today is passed in: no clock here). */
export const exportFilename = (title: string, format: ExportFormat, today: Date) =>
  `${slugify(title)}-${today.toISOString().slice(0, 10)}.${EXTENSION[format][0]}`;

export const exportSet = async (
  set: ExportSet,
  format: ExportFormat,
  today: Date,
): Promise<ExportFile> => {
  const [, mimeType] = EXTENSION[format];
  const filename = exportFilename(set.title, format, today);
  const file = (content: string | Uint8Array, notes: ExportNote[]): ExportFile => ({
    filename,
    mimeType,
    content,
    notes,
  });
  switch (format) {
    case 'JSON':
      return file(writeJson(set), []);
    case 'GIFT': {
      const { text, notes } = writeGift(set);
      return file(text, [CITATION_NOTE, ...notes]);
    }
    case 'MOODLE_XML': {
      const { text, notes } = writeMoodleXml(set);
      return file(text, [CITATION_NOTE, ...notes]);
    }
    case 'AIKEN': {
      const { text, notes } = writeAiken(set);
      return file(text, notes);
    }
    case 'QTI12': {
      const { bytes, notes } = writeQti12(set);
      return file(bytes, [CITATION_NOTE, ...notes]);
    }
    case 'QTI21': {
      const { bytes, notes } = writeQti21(set);
      return file(bytes, [CITATION_NOTE, ...notes]);
    }
    case 'CSV': {
      const { text, notes } = writeCsv(set);
      return file(text, [SHEET_NOTE, ...notes]);
    }
    case 'XLSX': {
      const { bytes, notes } = await writeXlsx(set);
      return file(bytes, [SHEET_NOTE, ...notes]);
    }
  }
};

const SHEET_NOTE: ExportNote = {
  position: null,
  kind: 'LOST',
  message:
    'Spreadsheets keep citations as text in the "sources" column, without their ids; cells that a spreadsheet would run as a formula start with an apostrophe.',
};

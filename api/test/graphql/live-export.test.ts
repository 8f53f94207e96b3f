import ExcelJS from 'exceljs';
import { parseCsvRecords } from '../../src/modules/interop/sheet';
import { stopLiveRuntime } from '../../src/modules/live/service';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// A small live game played on a real database, then exported: the file's rows must be the
// numbers liveReport gives the page.

// biome-ignore lint/suspicious/noExplicitAny: test-side view of arbitrary GraphQL data
type Loose = any;

const EXPORT = `query ($g: ID!, $f: ResultsFormat!) {
  exportLiveResults(gameId: $g, format: $f) { filename mimeType encoding content notes { message } }
}`;
const REPORT = `query ($g: ID!) { liveReport(id: $g) {
  questions { index stem answerCount correctCount correctRate medianMs skipped }
  players { rank nickname team score correctCount answerCount bestStreak results } csv } }`;
const ANSWER = `mutation ($t: String!, $i: Int!, $r: ResponseInput!) {
  submitLiveAnswer(token: $t, questionIndex: $i, response: $r) { accepted } }`;

/** A row as the page's numbers read it: what the export must say for a player. */
const pageRow = (p: Loose) => [
  p.rank,
  p.nickname,
  p.team === null ? '' : p.team + 1,
  p.score,
  p.correctCount,
  p.answerCount,
  p.bestStreak,
  ...p.results.map((r: boolean | null) => (r === null ? '' : r ? 1 : 0)),
];

describe('exportLiveResults over HTTP', () => {
  let api: TestApi;
  let fixture: TeacherWithSet;
  let gameId: string;
  let report: Loose;

  /** One operation as `token`'s session (none: anonymous). */
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    as(api, token)(query, variables);
  const data = (result: ReturnType<typeof call>) => ok<Record<string, Loose>>(result);

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db, { questions: 2 });
    const host = (command: string) =>
      data(
        call(
          'mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { game { phase } } }',
          { g: gameId, c: command },
          fixture.teacherToken,
        ),
      );
    const created = await data(
      call(
        'mutation ($s: ID!) { createLiveGame(input: { setId: $s, speedPoints: false, showLeaderboard: false }) { game { id pin } } }',
        { s: fixture.set.id },
        fixture.teacherToken,
      ),
    );
    gameId = created.createLiveGame.game.id;
    const pin = created.createLiveGame.game.pin;
    const tokens: string[] = [];
    for (const nickname of ['Ana', 'Ben', 'Cyrus']) {
      const joined = await data(
        call(
          'mutation ($p: String!, $n: String) { joinLiveGame(pin: $p, nickname: $n) { token } }',
          { p: pin, n: nickname },
        ),
      );
      tokens.push(joined.joinLiveGame.token);
    }
    const [ana, ben, cy] = tokens as [string, string, string];
    // The join rules refuse such a name; a seat holding one anyway (older rules, a bug) must
    // still come out of the export as text, not a formula.
    await api.database.db.liveGamePlayer.updateMany({
      where: { gameId, nickname: 'Cyrus' },
      data: { nickname: '=HYPERLINK("x")' },
    });
    const answer = async (token: string, index: number, right: boolean) => {
      const view = await data(
        call('query ($t: String!) { livePlayer(token: $t) { game { question { stem } } } }', {
          t: token,
        }),
      );
      const question = fixture.questions.find((q) => q.stem === view.livePlayer.game.question.stem);
      await data(
        call(ANSWER, { t: token, i: index, r: right ? question?.right : question?.wrong }),
      );
    };
    await host('START');
    await answer(ana, 0, true);
    await answer(ben, 0, false);
    await answer(cy, 0, true);
    await host('REVEAL');
    await host('NEXT');
    await answer(ana, 1, true);
    await answer(cy, 1, false);
    await host('REVEAL');
    await host('END');
    report = (await data(call(REPORT, { g: gameId }, fixture.teacherToken))).liveReport;
  }, 60_000);

  afterAll(async () => {
    await stopLiveRuntime(api.database.db);
    await api.close();
  });

  it('CSV: one row per player with the report page’s numbers, the same as LiveReport.csv', async () => {
    expect(report.players.map((p: Loose) => [p.nickname, p.score, p.results])).toEqual([
      ['Ana', 2000, [true, true]],
      ['=HYPERLINK("x")', 1000, [true, false]],
      ['Ben', 0, [false, null]],
    ]);
    const file = (await data(call(EXPORT, { g: gameId, f: 'CSV' }, fixture.teacherToken)))
      .exportLiveResults;
    expect(file).toMatchObject({
      mimeType: 'text/csv; charset=utf-8',
      encoding: 'TEXT',
      notes: [],
    });
    expect(file.filename).toMatch(/^test-set-\d+-live-results-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.content).toBe(report.csv);
    const rows = parseCsvRecords(file.content).records.map((r) => r.cells);
    expect(rows[0]).toEqual([
      'Rank',
      'Nickname',
      'Team',
      'Score',
      'Right answers',
      'Answered',
      'Best streak',
      'Q1 right',
      'Q2 right',
    ]);
    const expected = report.players.map(pageRow).map((row: Cell[]) => row.map(String));
    // The formula-looking nickname is neutralised (leading apostrophe), the rest as on the page.
    expected[1][1] = '\'=HYPERLINK("x")';
    expect(rows.slice(1)).toEqual(expected);
  });

  it('XLSX: the same rows as numbers, plus Answers and Questions sheets', async () => {
    const file = (await data(call(EXPORT, { g: gameId, f: 'XLSX' }, fixture.teacherToken)))
      .exportLiveResults;
    expect(file.encoding).toBe('BASE64');
    expect(file.filename).toMatch(/-live-results-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Results', 'Answers', 'Questions']);
    const values = (name: string) => {
      const rows: Cell[][] = [];
      workbook.getWorksheet(name)?.eachRow((row) => {
        rows.push((row.values as (Cell | null)[]).slice(1).map((v) => v ?? ''));
      });
      return rows;
    };
    const results = values('Results');
    const expected = report.players.map(pageRow);
    expected[1][1] = '\'=HYPERLINK("x")';
    // exceljs drops trailing empty cells of a row.
    expect(results.slice(1).map((row) => pad(row, expected[0].length))).toEqual(expected);
    // Text, not a formula: no cell of the workbook holds one.
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        });
      });
    }
    expect(values('Answers')).toEqual([
      ['Nickname', 'Question', 'Stem', 'Correct', 'Points', 'Time (ms)'],
      ['Ana', 1, expect.any(String), 1, 1000, expect.any(Number)],
      ['Ana', 2, expect.any(String), 1, 1000, expect.any(Number)],
      ['\'=HYPERLINK("x")', 1, expect.any(String), 1, 1000, expect.any(Number)],
      ['\'=HYPERLINK("x")', 2, expect.any(String), 0, 0, expect.any(Number)],
      ['Ben', 1, expect.any(String), 0, 0, expect.any(Number)],
    ]);
    expect(values('Questions').slice(1)).toEqual(
      report.questions.map((q: Loose) => [
        q.index + 1,
        q.stem,
        q.skipped ? 'yes' : 'no',
        q.answerCount,
        q.correctCount,
        q.correctRate,
        q.medianMs ?? '',
      ]),
    );
  });

  it('answers NOT_FOUND as liveReport does to another teacher, an unknown or a malformed id', async () => {
    const stranger = await createTeacher(api.database.db);
    const student = await createStudent(api.database.db);
    const cases: [string, string | undefined][] = [
      [gameId, stranger.token],
      ['00000000-0000-4000-8000-000000000000', fixture.teacherToken],
      ['not-a-uuid', fixture.teacherToken],
    ];
    for (const [id, token] of cases) {
      expect(await errorCode(call(EXPORT, { g: id, f: 'CSV' }, token))).toBe('NOT_FOUND');
      expect(await errorCode(call(REPORT, { g: id }, token))).toBe('NOT_FOUND');
    }
    expect(await errorCode(call(EXPORT, { g: gameId, f: 'XLSX' }, student.token))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(call(EXPORT, { g: gameId, f: 'XLSX' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses the host 15 aliased exports in one request before any runs (issue 12)', async () => {
    const aliased = `query ($g: ID!) { ${Array.from(
      { length: 15 },
      (_, i) =>
        `e${i}: exportLiveResults(gameId: $g, format: ${i % 2 ? 'CSV' : 'XLSX'}) { content }`,
    ).join(' ')} }`;
    const refused = await call(aliased, { g: gameId }, fixture.teacherToken);
    expect(refused.data).toBeUndefined();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: 'exportLiveResults selected 15 times exceeds the limit of 1 per request',
        extensions: expect.objectContaining({
          code: 'QUERY_TOO_COMPLEX',
          limit: 'expensiveField',
          max: 1,
          found: 15,
        }),
      }),
    ]);
    // One export beside the report it mirrors is still one of each.
    const both = await data(
      call(
        `query ($g: ID!) { exportLiveResults(gameId: $g, format: CSV) { content } liveReport(id: $g) { csv } }`,
        { g: gameId },
        fixture.teacherToken,
      ),
    );
    expect(both.exportLiveResults.content).toBe(both.liveReport.csv);
  });
});

type Cell = string | number;
const pad = (row: Cell[], length: number): Cell[] => [
  ...row,
  ...Array.from({ length: Math.max(0, length - row.length) }, () => ''),
];

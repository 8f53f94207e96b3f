import { as, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// Keyset cursors are opaque to the web but not to a client: base64url JSON it can write itself.
// Round 11 sent cursors whose values pass the old zod schemas but not PostgreSQL: year 0000 (no
// such year in PostgreSQL's calendar), a score past int4, a NUL or a lone surrogate in a slug or
// an id, a rank past the range of real. Each was a 500 logged with a stack (a lone surrogate
// was turned into U+FFFD by the driver, as the variables' rule says; refused now like theirs);
// each must be the cursor's own refusal (BAD_USER_INPUT on `after`), with nothing written.

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';

const EVENTS = 'query ($a: String) { events(after: $a) { totalCount } }';
const ACTOR_EVENTS = 'query ($a: String) { actors { events(after: $a) { totalCount } } }';
const BOARD = `query ($a: String, $s: ID) {
  leaderboard(input: { setId: $s, after: $a }) { totalPlayers }
}`;
const OVERALL = 'query ($a: String) { leaderboard(input: { after: $a }) { totalPlayers } }';
const BANK =
  'query ($a: String, $q: String) { bankQuestions(after: $a, filter: { search: $q }) { totalCount } }';

describe('cursors at the edges of what PostgreSQL stores', () => {
  let api: TestApi;
  let fixture: TeacherWithSet;
  let studentToken: string;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db);
    studentToken = (await createStudent(api.database.db)).token;
  });
  afterAll(() => api.close());

  const refuses = async (
    token: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<void> => {
    const before = await snapshotDatabase(api);
    const { errors } = await as(api, token)(query, variables);
    expect(errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['BAD_USER_INPUT', 'The cursor is not valid'],
    ]);
    expect(await snapshotDatabase(api)).toEqual(before);
  };

  it.each([
    ['year 0000', { d: '0000-01-01', s: 'pact-1980' }],
    ['a NUL in the slug', { d: '2012-01-01', s: 'a\u0000b' }],
    ['a lone surrogate in the slug', { d: '2012-01-01', s: 'a\uD800b' }],
  ])('events: %s', async (_label, value) => {
    await refuses(studentToken, EVENTS, { a: cursor(value) });
    await refuses(studentToken, ACTOR_EVENTS, { a: cursor(value) });
  });

  it.each([
    ['year 0000', { s: 5, t: '0000-01-01T00:00:00Z', u: UUID }],
    ['a score past int4', { s: 2 ** 31, t: '2024-01-01T00:00:00Z', u: UUID }],
    ['a score of 2^53 − 1', { s: 2 ** 53 - 1, t: '2024-01-01T00:00:00Z', u: UUID }],
    ['a score below int4', { s: -(2 ** 31) - 1, t: '2024-01-01T00:00:00Z', u: UUID }],
  ])('leaderboard: %s', async (_label, value) => {
    await refuses(studentToken, BOARD, { a: cursor(value), s: fixture.set.id });
    await refuses(studentToken, OVERALL, { a: cursor(value) });
  });

  it.each([
    ['a NUL in the id', { d: 0.5, id: 'q\u0000' }, null],
    ['a lone surrogate in the id', { d: 0.5, id: 'q\uDC00' }, null],
    ['a rank past real', { r: 1e300, d: 0.5, id: 'q' }, 'war'],
    ['a rank below real', { r: 1e-300, d: 0.5, id: 'q' }, 'war'],
  ])('bank questions: %s', async (_label, value, search) => {
    await refuses(fixture.teacherToken, BANK, { a: cursor(value), q: search });
  });

  it('still pages with real cursors, year 0001, scores at the int4 edge, any double difficulty', async () => {
    const ask = as(api, studentToken);
    const first = await ask('query { events(first: 1) { pageInfo { endCursor } } }');
    const end = (first.data as { events: { pageInfo: { endCursor: string } } }).events.pageInfo
      .endCursor;
    expect((await ask(EVENTS, { a: end })).errors).toBeUndefined();
    expect((await ask(EVENTS, { a: cursor({ d: '0001-01-01', s: 'a' }) })).errors).toBeUndefined();
    for (const s of [2 ** 31 - 1, -(2 ** 31)]) {
      const value = cursor({ s, t: '0001-01-01T00:00:00Z', u: UUID });
      expect((await ask(BOARD, { a: value, s: fixture.set.id })).errors).toBeUndefined();
    }
    const bank = as(api, fixture.teacherToken);
    expect(
      (await bank(BANK, { a: cursor({ d: 1e300, id: 'q' }), q: null })).errors,
    ).toBeUndefined();
  });
});

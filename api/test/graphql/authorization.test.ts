import type { PrismaClient } from '@quiz/prisma';
import { as, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createQuestions } from '../factories/questions';
import { createTeacherWithSet } from '../factories/sets';
import { createGuest, createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * The authorization matrix (security-anchors Z1): every operation that touches owned data, run
 * as every role, with the outcome each must get. `ok` = data and no error; `null` = the thing
 * reads as missing; a code = that error. Roles: the attempt's player (studentA, a member of the
 * class), another student, a guest, the owning teacher (T1), another teacher (T2), anonymous.
 * Mutations list only the roles that must be refused (the allowed paths are behaviour-tested
 * elsewhere), so running the matrix changes nothing, and the test checks that too.
 */
type Role = 'anon' | 'guest' | 'studentA' | 'studentB' | 'T1' | 'T2';
type Outcome = 'ok' | 'null' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
type Ids = {
  attempt: string;
  set: string;
  draft: string;
  klass: string;
  code: string;
  question: string;
};
type Row = [
  name: string,
  query: string,
  vars: (ids: Ids) => Record<string, unknown>,
  expected: Partial<Record<Role, Outcome>>,
];

const ANON = { anon: 'UNAUTHENTICATED' } as const;
const TEACHER_ONLY = {
  ...ANON,
  guest: 'FORBIDDEN',
  studentA: 'FORBIDDEN',
  studentB: 'FORBIDDEN',
} as const;
const NOT_PLAYER = {
  ...ANON,
  guest: 'NOT_FOUND',
  studentB: 'NOT_FOUND',
  T1: 'NOT_FOUND',
  T2: 'NOT_FOUND',
} as const;
const OWNER_ONLY_WRITE = { ...TEACHER_ONLY, T2: 'NOT_FOUND' } as const;

const MATRIX: Row[] = [
  [
    'attempt (read)',
    'query ($attempt: ID!) { attempt(id: $attempt) { id questions { stem } } }',
    (i) => i,
    { ...ANON, studentA: 'ok', studentB: 'null', guest: 'null', T1: 'null', T2: 'null' },
  ],
  [
    'myAttempts',
    '{ myAttempts { id } }',
    () => ({}),
    { ...ANON, guest: 'ok', studentA: 'ok', studentB: 'ok', T1: 'ok', T2: 'ok' },
  ],
  ['reviewDueCount', '{ reviewDueCount }', () => ({}), { ...ANON, studentA: 'ok', guest: 'ok' }],
  [
    'bankQuestions',
    '{ bankQuestions { totalCount nodes { key { optionIds } } } }',
    () => ({}),
    { ...TEACHER_ONLY, T1: 'ok', T2: 'ok' },
  ],
  [
    'bankQuestion (own authored)',
    'query ($question: ID!) { bankQuestion(id: $question) { key { optionIds } } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'null' },
  ],
  [
    // Another teacher's question gives an empty list (bank-browsing.test.ts checks it is empty).
    'similarQuestions (own authored)',
    'query ($question: ID!) { similarQuestions(id: $question) { key { optionIds } } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'ok' },
  ],
  ['mySets', '{ mySets { id } }', () => ({}), { ...TEACHER_ONLY, T1: 'ok', T2: 'ok' }],
  [
    'questionSet (with keys)',
    'query ($set: ID!) { questionSet(id: $set) { items { question { key { optionIds } } } } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'null' },
  ],
  ['myClasses', '{ myClasses { id } }', () => ({}), { ...TEACHER_ONLY, T1: 'ok', T2: 'ok' }],
  [
    'class roster',
    'query ($klass: ID!) { class(id: $klass) { members { id } } }',
    (i) => i,
    { ...ANON, T1: 'ok', studentA: 'FORBIDDEN', studentB: 'null', guest: 'null', T2: 'null' },
  ],
  [
    'class join code',
    'query ($klass: ID!) { class(id: $klass) { joinCode } }',
    (i) => i,
    { ...ANON, T1: 'ok', studentA: 'ok' },
  ],
  [
    'setAnalytics',
    'query ($set: ID!) { setAnalytics(setId: $set) { attemptCount } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'NOT_FOUND' },
  ],
  [
    'setAnalytics of a class',
    'query ($set: ID!, $klass: ID!) { setAnalytics(setId: $set, classId: $klass) { attemptCount } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'NOT_FOUND' },
  ],
  [
    'exportQuestionSet (keys in a file)',
    'query ($set: ID!) { exportQuestionSet(setId: $set, format: JSON) { content } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'NOT_FOUND' },
  ],
  [
    'exportSetResults',
    'query ($set: ID!) { exportSetResults(setId: $set, format: CSV) { content } }',
    (i) => i,
    { ...TEACHER_ONLY, T1: 'ok', T2: 'NOT_FOUND' },
  ],
  [
    'importQuestions into a set',
    'mutation ($set: ID!) { importQuestions(input: { format: AIKEN, content: "Which one is right?\\nA) a\\nB) b\\nC) c\\nANSWER: A", dryRun: false, setId: $set }) { imported } }',
    (i) => i,
    { ...TEACHER_ONLY, T2: 'NOT_FOUND' },
  ],
  [
    'class leaderboard',
    'query ($set: ID!, $klass: ID!) { leaderboard(input: { setId: $set, classId: $klass }) { totalPlayers } }',
    (i) => i,
    {
      ...ANON,
      T1: 'ok',
      studentA: 'ok',
      studentB: 'NOT_FOUND',
      guest: 'NOT_FOUND',
      T2: 'NOT_FOUND',
    },
  ],
  [
    'set leaderboard (public)',
    'query ($set: ID!) { leaderboard(input: { setId: $set }) { totalPlayers } }',
    (i) => i,
    { anon: 'ok', guest: 'ok', studentB: 'ok', T2: 'ok' },
  ],
  [
    'draft set leaderboard',
    'query ($draft: ID!) { leaderboard(input: { setId: $draft }) { totalPlayers } }',
    (i) => i,
    { anon: 'NOT_FOUND', T1: 'NOT_FOUND' },
  ],
  [
    'openQuestion',
    'mutation ($attempt: ID!) { openQuestion(attemptId: $attempt, position: 0) { stem } }',
    (i) => i,
    NOT_PLAYER,
  ],
  [
    'answerQuestion',
    'mutation ($attempt: ID!) { answerQuestion(attemptId: $attempt, position: 0, response: { optionIds: ["x"] }) { points } }',
    (i) => i,
    NOT_PLAYER,
  ],
  [
    'finishAttempt',
    'mutation ($attempt: ID!) { finishAttempt(attemptId: $attempt) { score } }',
    (i) => i,
    NOT_PLAYER,
  ],
  [
    'startAttempt on a draft',
    'mutation ($draft: ID!) { startAttempt(input: { setId: $draft }) { id } }',
    (i) => i,
    { ...ANON, guest: 'NOT_FOUND', studentA: 'NOT_FOUND', T1: 'NOT_FOUND', T2: 'NOT_FOUND' },
  ],
  ['startPractice', 'mutation { startPractice(input: { count: 3 }) { id } }', () => ({}), ANON],
  ['startReview', 'mutation { startReview { id } }', () => ({}), ANON],
  [
    'createQuestionSet',
    'mutation { createQuestionSet(input: { title: "Mine now" }) { questionSet { id } } }',
    () => ({}),
    TEACHER_ONLY,
  ],
  [
    'updateQuestionSet',
    'mutation ($set: ID!) { updateQuestionSet(id: $set, input: { title: "Taken over" }) { questionSet { id } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'setQuestionSetItems',
    'mutation ($set: ID!) { setQuestionSetItems(id: $set, items: []) { questionSet { id } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'publishQuestionSet',
    'mutation ($draft: ID!) { publishQuestionSet(id: $draft) { questionSet { id } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'archiveQuestionSet',
    'mutation ($set: ID!) { archiveQuestionSet(id: $set) { questionSet { id } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'deleteQuestionSet',
    'mutation ($draft: ID!) { deleteQuestionSet(id: $draft) }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'createQuestion',
    'mutation { createQuestion(input: { type: TRUE_FALSE, stem: "Is it so?", explanation: "x" }) { errors { field } } }',
    () => ({}),
    TEACHER_ONLY,
  ],
  [
    'updateQuestion',
    'mutation ($question: ID!) { updateQuestion(id: $question, input: { type: TRUE_FALSE, stem: "Is it so?", explanation: "x" }) { errors { field } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'deleteQuestion',
    'mutation ($question: ID!) { deleteQuestion(id: $question) }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'generateQuestions',
    'mutation { generateQuestions(input: { count: 2 }) { available } }',
    () => ({}),
    TEACHER_ONLY,
  ],
  [
    'createClass',
    'mutation { createClass(input: { name: "Mine" }) { class { id } } }',
    () => ({}),
    TEACHER_ONLY,
  ],
  [
    'archiveClass',
    'mutation ($klass: ID!) { archiveClass(id: $klass) { class { id } } }',
    (i) => i,
    OWNER_ONLY_WRITE,
  ],
  [
    'joinClass',
    'mutation ($code: String!) { joinClass(code: $code) { class { id } } }',
    (i) => i,
    { ...ANON, guest: 'FORBIDDEN', T1: 'FORBIDDEN', T2: 'FORBIDDEN' },
  ],
  ['signOutEverywhere', 'mutation { signOutEverywhere }', () => ({}), ANON],
];

describe('authorization matrix', () => {
  let api: TestApi;
  let db: PrismaClient;
  let ids: Ids;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
    const t1 = await createTeacher(db);
    const t2 = await createTeacher(db);
    const studentA = await createStudent(db);
    const studentB = await createStudent(db);
    const guest = await createGuest(db);
    Object.assign(tokens, {
      T1: t1.token,
      T2: t2.token,
      studentA: studentA.token,
      studentB: studentB.token,
      guest: guest.token,
    });
    const klass = await db.class.create({
      data: { teacherId: t1.user.id, name: 'C1', joinCode: 'CCCCCC' },
    });
    await db.classMember.create({ data: { classId: klass.id, userId: studentA.user.id } });
    await db.class.create({ data: { teacherId: t2.user.id, name: 'C2', joinCode: 'DDDDDD' } });
    const published = await createTeacherWithSet(db, { teacher: t1, classId: klass.id });
    const draft = await createTeacherWithSet(db, { teacher: t1, publish: false });
    await createTeacherWithSet(db, { teacher: t2 });
    const [question] = await createQuestions(db, 1, { authorId: t1.user.id });
    const started = await ok<{ startAttempt: { id: string } }>(
      as(api, studentA.token)(
        'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }',
        { id: published.set.id },
      ),
    );
    ids = {
      attempt: started.startAttempt.id,
      set: published.set.id,
      draft: draft.set.id,
      klass: klass.id,
      code: klass.joinCode,
      question: question?.id as string,
    };
  });
  afterAll(() => api.close());

  const cells = MATRIX.flatMap(([name, query, vars, expected]) =>
    Object.entries(expected).map(
      ([role, outcome]) => [name, role as Role, outcome as Outcome, query, vars] as const,
    ),
  );

  it('has a cell for every role of every operation that touches owned data', () => {
    expect(cells.length).toBeGreaterThan(130);
  });

  it.each(cells)('%s as %s → %s', async (_name, role, outcome, query, vars) => {
    const result = await as(api, tokens[role])(query, vars(ids));
    const code = result.errors?.[0]?.extensions?.code;
    if (outcome === 'ok') {
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data ?? {})[0]).not.toBeNull();
    } else if (outcome === 'null') {
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data ?? {})[0]).toBeNull();
    } else {
      expect(code).toBe(outcome);
      // A denial never comes with the data.
      const value = Object.values(result.data ?? {})[0];
      expect(value === null || value === undefined || JSON.stringify(value).includes('null')).toBe(
        true,
      );
    }
  });

  it('running every refused write changed nothing', async () => {
    const before = await snapshotDatabase(api);
    for (const [, role, outcome, query, vars] of cells) {
      if (outcome !== 'ok' && outcome !== 'null' && query.startsWith('mutation')) {
        await as(api, tokens[role])(query, vars(ids));
      }
    }
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it.each([
    [
      'an owner in a set input',
      'mutation { createQuestionSet(input: { title: "Mine", ownerId: "x" }) { questionSet { id } } }',
    ],
    [
      'a score on finish',
      'mutation ($attempt: ID!) { finishAttempt(attemptId: $attempt, score: 99999) { score } }',
    ],
    [
      'a time on answer',
      'mutation ($attempt: ID!) { answerQuestion(attemptId: $attempt, position: 0, response: { optionIds: ["x"] }, elapsedMs: 1) { points } }',
    ],
    [
      'a role on sign-up',
      'mutation { signUp(input: { email: "a@b.c", password: "xxxxxxxxxxxx", displayName: "Xy", role: ADMIN, isAdmin: true }) { errors { field } } }',
    ],
  ])('rejects %s (mass assignment) before executing', async (_name, query) => {
    const before = await snapshotDatabase(api);
    const result = await as(api, tokens.T1)(query, { attempt: ids.attempt });
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data).toBeUndefined();
    expect(await snapshotDatabase(api)).toEqual(before);
  });
});

import type { PrismaClient } from '@quiz/prisma';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createQuestions } from '../factories/questions';
import { createTeacherWithSet } from '../factories/sets';
import { createGuest, createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const CREATE_Q = `mutation ($input: QuestionInput!) {
  createQuestion(input: $input) {
    question { id origin type stem basedOnId author { id }
      prompt { options { id label } items { id } numeric { min max tolerance } }
      key { optionIds order year rationales { ref isCorrect text citations { id } } }
      citations { id } era { slug } themes { slug } }
    errors { field code }
  }
}`;
const UPDATE_Q = `mutation ($id: ID!, $input: QuestionInput!) {
  updateQuestion(id: $id, input: $input) { question { id origin basedOnId stem } errors { field code } }
}`;
const SET_ITEMS = `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
  setQuestionSetItems(id: $id, items: $items) {
    questionSet { id version: questionCount items { position timeLimitSec question { id } } }
    errors { field code }
  }
}`;

const choice = (over: Record<string, unknown> = {}) => ({
  type: 'SINGLE_CHOICE',
  stem: 'Who signed the pact?',
  options: [
    { id: 'a', label: 'Iran' },
    { id: 'b', label: 'Syria' },
    { id: 'c', label: 'Iraq' },
  ],
  correctOptionIds: ['b'],
  explanation: 'The passage says so.',
  rationales: [{ ref: 'b', text: 'Syria signed.', citationIds: ['cite-2'] }],
  citationIds: ['cite-1'],
  era: 'early-era',
  themes: ['alliance'],
  ...over,
});

describe('teachers: questions, sets, classes', () => {
  let api: TestApi;
  let db: PrismaClient;
  let teacher: Awaited<ReturnType<typeof createTeacher>>;
  let run: ReturnType<typeof as>;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
    teacher = await createTeacher(db);
    run = as(api, teacher.token);
  });
  afterAll(() => api.close());

  describe('questions', () => {
    it('creates an authored question with random option ids and the key remapped', async () => {
      type Choice = { id: string; label: string };
      type Created = {
        origin: string;
        prompt: { options: Choice[] };
        key: { optionIds: string[]; rationales: object[] };
        citations: object[];
        era: object;
      };
      const data = await ok<{ createQuestion: { question: Created; errors: [] } }>(
        run(CREATE_Q, { input: choice() }),
      );
      const q = data.createQuestion.question;
      expect(data.createQuestion.errors).toEqual([]);
      expect(q).toMatchObject({
        origin: 'AUTHORED',
        type: 'SINGLE_CHOICE',
        author: { id: teacher.user.id },
      });
      const ids = q.prompt.options.map((o) => o.id);
      expect(ids).not.toContain('a');
      const syria = q.prompt.options.find((o) => o.label === 'Syria') as Choice;
      expect(q.key.optionIds).toEqual([syria.id]);
      expect(q.key.rationales).toEqual([
        { ref: syria.id, isCorrect: true, text: 'Syria signed.', citations: [{ id: 'cite-2' }] },
      ]);
      expect(q.citations).toEqual([{ id: 'cite-1' }]);
      expect(q.era).toEqual({ slug: 'early-era' });
    });

    it.each([
      [
        'too few options',
        {
          options: [
            { id: 'a', label: 'X' },
            { id: 'b', label: 'Y' },
          ],
        },
        'options',
        'TOO_FEW',
      ],
      [
        'duplicate labels',
        {
          options: [
            { id: 'a', label: 'Iran' },
            { id: 'b', label: 'iran ' },
            { id: 'c', label: 'Iraq' },
          ],
        },
        'options.1.label',
        'DUPLICATE',
      ],
      [
        'a key id that is no option',
        { correctOptionIds: ['z'] },
        'correctOptionIds.0',
        'NOT_FOUND',
      ],
      [
        'two keys for a single choice',
        { correctOptionIds: ['a', 'b'] },
        'correctOptionIds',
        'TOO_MANY',
      ],
      ['a missing key', { correctOptionIds: null }, 'correctOptionIds', 'REQUIRED'],
      ['a key field of another type', { correctYear: 1980 }, 'correctYear', 'NOT_ALLOWED'],
      ['an unknown citation', { citationIds: ['nope'] }, 'citationIds.0', 'NOT_FOUND'],
      [
        'an unknown rationale citation',
        { rationales: [{ ref: 'b', text: 'x', citationIds: ['nope'] }] },
        'rationales.0.citationIds.0',
        'NOT_FOUND',
      ],
      [
        'a rationale for no option',
        { rationales: [{ ref: 'q', text: 'x' }] },
        'rationales.0.ref',
        'NOT_FOUND',
      ],
      ['no citation', { citationIds: [] }, 'citationIds', 'TOO_FEW'],
      ['an unknown era', { era: 'stone-age' }, 'era', 'NOT_FOUND'],
      ['an unknown theme', { themes: ['alliance', 'cooking'] }, 'themes.1', 'NOT_FOUND'],
      ['a short stem', { stem: 'Hm?' }, 'stem', 'TOO_SHORT'],
      [
        'a year outside the bounds',
        {
          type: 'NUMERIC_YEAR',
          options: null,
          correctOptionIds: null,
          rationales: null,
          numeric: { min: 1946, max: 2025, tolerance: 0 },
          correctYear: 2030,
        },
        'correctYear',
        'OUT_OF_RANGE',
      ],
      [
        'inverted year bounds',
        {
          type: 'NUMERIC_YEAR',
          options: null,
          correctOptionIds: null,
          rationales: null,
          numeric: { min: 2000, max: 1990, tolerance: 0 },
          correctYear: 1995,
        },
        'numeric.max',
        'OUT_OF_RANGE',
      ],
      [
        'an order that is not a permutation',
        {
          type: 'CHRONOLOGY',
          options: null,
          correctOptionIds: null,
          rationales: null,
          items: [
            { id: 'x', label: 'One' },
            { id: 'y', label: 'Two' },
            { id: 'z', label: 'Three' },
          ],
          correctOrder: ['x', 'y', 'y'],
        },
        'correctOrder',
        'DUPLICATE',
      ],
    ])('refuses %s (%s: %s) and writes nothing', async (_name, change, field, code) => {
      const before = await snapshotDatabase(api);
      const data = await ok<{
        createQuestion: { question: unknown; errors: { field: string; code: string }[] };
      }>(run(CREATE_Q, { input: choice(change) }));
      expect(data.createQuestion.question).toBeNull();
      expect(data.createQuestion.errors).toContainEqual({ field, code });
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('edits a generated question into a new row, repoints own sets, keeps attempts on the old', async () => {
      const fixture = await createTeacherWithSet(db, { questions: 2, teacher });
      const original = fixture.questions[0];
      const student = await createStudent(db);
      const started = await ok<{ startAttempt: { id: string } }>(
        as(api, student.token)(
          'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }',
          {
            id: fixture.set.id,
          },
        ),
      );
      const other = await createTeacherWithSet(db, { questions: 0 });
      await db.questionSetItem.create({
        data: { setId: other.set.id, position: 0, questionId: original?.id as string },
      });
      const edited = await ok<{
        updateQuestion: { question: { id: string; origin: string; basedOnId: string } };
      }>(
        run(UPDATE_Q, { id: original?.id, input: choice({ stem: 'Who really signed the pact?' }) }),
      );
      const copy = edited.updateQuestion.question;
      expect(copy).toMatchObject({ origin: 'AUTHORED', basedOnId: original?.id });
      expect(copy.id).not.toBe(original?.id);
      // The original is untouched, the teacher's set now uses the copy, another's set does not.
      const stored = await db.question.findUniqueOrThrow({ where: { id: original?.id as string } });
      expect(stored.stem).toBe(original?.stem);
      expect(stored.deletedAt).toBeNull();
      const own = await db.questionSetItem.findFirstOrThrow({
        where: { setId: fixture.set.id, position: 0 },
      });
      expect(own.questionId).toBe(copy.id);
      const foreign = await db.questionSetItem.findFirstOrThrow({ where: { setId: other.set.id } });
      expect(foreign.questionId).toBe(original?.id);
      const attemptItem = await db.attemptItem.findFirstOrThrow({
        where: { attemptId: started.startAttempt.id, position: 0 },
      });
      expect(attemptItem.questionId).toBe(original?.id);
      // Editing the copy again retires it and keeps pointing at the generated original.
      const again = await ok<{ updateQuestion: { question: { id: string; basedOnId: string } } }>(
        run(UPDATE_Q, { id: copy.id, input: choice({ stem: 'Who signed the pact, again?' }) }),
      );
      expect(again.updateQuestion.question.basedOnId).toBe(original?.id);
      expect(
        (await db.question.findUniqueOrThrow({ where: { id: copy.id } })).deletedAt,
      ).not.toBeNull();
    });

    it("cannot see, edit or delete another teacher's question", async () => {
      const other = await createTeacher(db);
      const [theirs] = await createQuestions(db, 1, { authorId: other.user.id });
      const before = await snapshotDatabase(api);
      expect(
        await ok(run('query ($id: ID!) { bankQuestion(id: $id) { id } }', { id: theirs?.id })),
      ).toEqual({
        bankQuestion: null,
      });
      expect(await errorCode(run(UPDATE_Q, { id: theirs?.id, input: choice() }))).toBe('NOT_FOUND');
      expect(
        await errorCode(run('mutation ($id: ID!) { deleteQuestion(id: $id) }', { id: theirs?.id })),
      ).toBe('NOT_FOUND');
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('deletes an own unused question, refuses one a set uses', async () => {
      const [mine, used] = await createQuestions(db, 2, { authorId: teacher.user.id });
      const set = await createTeacherWithSet(db, { questions: 0, teacher });
      await db.questionSetItem.create({
        data: { setId: set.set.id, position: 0, questionId: used?.id as string },
      });
      expect(
        await ok(run('mutation ($id: ID!) { deleteQuestion(id: $id) }', { id: mine?.id })),
      ).toEqual({
        deleteQuestion: true,
      });
      expect(
        await errorCode(run('mutation ($id: ID!) { deleteQuestion(id: $id) }', { id: used?.id })),
      ).toBe('CONFLICT');
      expect(
        await errorCode(run('mutation ($id: ID!) { deleteQuestion(id: $id) }', { id: mine?.id })),
      ).toBe('NOT_FOUND');
    });

    it('searches the bank with filters, keyset pages and counts per type', async () => {
      const bank = await createTeacher(db);
      const search = as(api, bank.token);
      const query = `query ($filter: QuestionFilter, $after: String) {
        bankQuestions(filter: $filter, first: 4, after: $after) {
          nodes { id type difficulty era { slug } } totalCount
          pageInfo { hasNextPage endCursor } countsByType { type count }
        }
      }`;
      const filter = { eras: ['early-era'], origin: 'GENERATED' };
      const all = await db.question.findMany({
        where: { eraSlug: 'early-era', origin: 'GENERATED', deletedAt: null },
        orderBy: [{ difficulty: 'asc' }, { id: 'asc' }],
      });
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page: {
          bankQuestions: {
            nodes: { id: string }[];
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            countsByType: { count: number }[];
          };
        } = await ok(search(query, { filter, after }));
        seen.push(...page.bankQuestions.nodes.map((n) => n.id));
        total = page.bankQuestions.totalCount;
        expect(
          page.bankQuestions.countsByType.reduce(
            (s: number, c: { count: number }) => s + c.count,
            0,
          ),
        ).toBe(total);
        after = page.bankQuestions.pageInfo.hasNextPage
          ? page.bankQuestions.pageInfo.endCursor
          : null;
      } while (after);
      expect(seen).toEqual(all.map((q) => q.id));
      expect(total).toBe(all.length);
      expect(await errorCode(search(query, { filter, after: 'garbage' }))).toBe('BAD_USER_INPUT');
    });

    it('draws questions from the stored bank, the same for the same seed', async () => {
      await createQuestions(db, 12, { types: ['SINGLE_CHOICE', 'CHRONOLOGY', 'NUMERIC_YEAR'] });
      const draw = `mutation ($input: GenerateQuestionsInput!) {
        generateQuestions(input: $input) { available questions { id type origin } }
      }`;
      const input = { count: 5, seed: 99, types: ['SINGLE_CHOICE', 'CHRONOLOGY'] };
      const a = await ok<{
        generateQuestions: { available: number; questions: { id: string; type: string }[] };
      }>(run(draw, { input }));
      const b = await ok(run(draw, { input }));
      expect(b).toEqual(a);
      expect(a.generateQuestions.questions).toHaveLength(5);
      expect(
        a.generateQuestions.questions.every((q) =>
          ['SINGLE_CHOICE', 'CHRONOLOGY'].includes(q.type),
        ),
      ).toBe(true);
      const expected = await db.question.count({
        where: {
          origin: 'GENERATED',
          deletedAt: null,
          type: { in: ['SINGLE_CHOICE', 'CHRONOLOGY'] },
        },
      });
      expect(a.generateQuestions.available).toBe(expected);
      expect(await errorCode(run(draw, { input: { count: 0 } }))).toBe('BAD_USER_INPUT');
      expect(
        await errorCode(run(draw, { input: { count: 5, minDifficulty: 0.9, maxDifficulty: 0.1 } })),
      ).toBe('BAD_USER_INPUT');
    });
  });

  describe('sets', () => {
    const CREATE = `mutation ($input: CreateQuestionSetInput!) {
      createQuestionSet(input: $input) { questionSet { id title status scoringMode class { id } } errors { field code } }
    }`;
    const PUBLISH = `mutation ($id: ID!) {
      publishQuestionSet(id: $id) { questionSet { status shareCode publishedAt } errors { field code } }
    }`;

    it('builds, fills, publishes (share code) and archives a set', async () => {
      const created = await ok<{
        createQuestionSet: { questionSet: { id: string; status: string } };
      }>(run(CREATE, { input: { title: 'The war years', scoringMode: 'SPEED_BONUS' } }));
      const id = created.createQuestionSet.questionSet.id;
      expect(created.createQuestionSet.questionSet.status).toBe('DRAFT');
      const empty = await ok<{ publishQuestionSet: { errors: unknown[] } }>(run(PUBLISH, { id }));
      expect(empty.publishQuestionSet.errors).toEqual([{ field: 'items', code: 'TOO_FEW' }]);
      const questions = await createQuestions(db, 3);
      const filled = await ok<{ setQuestionSetItems: { questionSet: { items: object[] } } }>(
        run(SET_ITEMS, {
          id,
          items: [
            { questionId: questions[2]?.id, timeLimitSec: 30 },
            { questionId: questions[0]?.id },
            { questionId: questions[1]?.id, timeLimitSec: 600 },
          ],
        }),
      );
      expect(filled.setQuestionSetItems.questionSet.items).toEqual([
        { position: 0, timeLimitSec: 30, question: { id: questions[2]?.id } },
        { position: 1, timeLimitSec: null, question: { id: questions[0]?.id } },
        { position: 2, timeLimitSec: 600, question: { id: questions[1]?.id } },
      ]);
      const published = await ok<{ publishQuestionSet: { questionSet: { shareCode: string } } }>(
        run(PUBLISH, { id }),
      );
      const code = published.publishQuestionSet.questionSet.shareCode;
      expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6,8}$/);
      const again = await ok<{ publishQuestionSet: { questionSet: { shareCode: string } } }>(
        run(PUBLISH, { id }),
      );
      expect(again.publishQuestionSet.questionSet.shareCode).toBe(code);
      const byCode = await ok<{
        setByCode: { id: string; isTimed: boolean; questionCount: number };
      }>(
        as(api)(
          'query ($code: String!) { setByCode(code: $code) { id isTimed questionCount ownerName } }',
          {
            code: ` ${code.toLowerCase()} `,
          },
        ),
      );
      expect(byCode.setByCode).toMatchObject({ id, isTimed: true, questionCount: 3 });
      expect(await ok(as(api)('{ setByCode(code: "Q0O1IL") { id } }'))).toEqual({
        setByCode: null,
      });
      await ok(
        run('mutation ($id: ID!) { archiveQuestionSet(id: $id) { questionSet { status } } }', {
          id,
        }),
      );
      const student = await createStudent(db);
      expect(
        await errorCode(
          as(api, student.token)(
            'mutation ($code: String!) { startAttempt(input: { code: $code }) { id } }',
            { code },
          ),
        ),
      ).toBe('NOT_FOUND');
    });

    it.each([
      ['a time limit below 5 s', [{ timeLimitSec: 4 }], 'items.0.timeLimitSec', 'OUT_OF_RANGE'],
      ['a time limit above 600 s', [{ timeLimitSec: 601 }], 'items.0.timeLimitSec', 'OUT_OF_RANGE'],
      ['an unknown question', [{ questionId: 'q_nope' }], 'items.0.questionId', 'NOT_FOUND'],
      ['a duplicate question', [{}, {}], 'items.1.questionId', 'DUPLICATE'],
    ])('refuses items with %s and writes nothing', async (_name, overrides, field, code) => {
      const fixture = await createTeacherWithSet(db, { questions: 1, teacher, publish: false });
      const questionId = fixture.questions[0]?.id;
      const before = await snapshotDatabase(api);
      const data = await ok<{ setQuestionSetItems: { questionSet: unknown; errors: unknown[] } }>(
        run(SET_ITEMS, {
          id: fixture.set.id,
          items: overrides.map((o) => ({ questionId, ...o })),
        }),
      );
      expect(data.setQuestionSetItems.questionSet).toBeNull();
      expect(data.setQuestionSetItems.errors).toContainEqual({ field, code });
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('refuses a short title and a class that is not the teacher’s', async () => {
      const other = await createTeacher(db);
      const theirs = await db.class.create({
        data: { teacherId: other.user.id, name: 'Theirs', joinCode: 'QQQQQQ' },
      });
      const before = await snapshotDatabase(api);
      const data = await ok<{ createQuestionSet: { questionSet: unknown; errors: unknown[] } }>(
        run(CREATE, { input: { title: 'ab', classId: theirs.id } }),
      );
      expect(data.createQuestionSet.errors).toEqual([
        { field: 'title', code: 'TOO_SHORT' },
        { field: 'classId', code: 'NOT_FOUND' },
      ]);
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('deletes an unplayed set; a played one is a CONFLICT (archive instead)', async () => {
      const unplayed = await createTeacherWithSet(db, { teacher });
      expect(
        await ok(
          run('mutation ($id: ID!) { deleteQuestionSet(id: $id) }', { id: unplayed.set.id }),
        ),
      ).toEqual({
        deleteQuestionSet: true,
      });
      const played = await createTeacherWithSet(db, { teacher });
      const student = await createStudent(db);
      await ok(
        as(api, student.token)(
          'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }',
          { id: played.set.id },
        ),
      );
      const before = await snapshotDatabase(api);
      expect(
        await errorCode(
          run('mutation ($id: ID!) { deleteQuestionSet(id: $id) }', { id: played.set.id }),
        ),
      ).toBe('CONFLICT');
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('lists published sets newest first, paged by the last id', async () => {
      const list = async (after?: string) =>
        (
          await ok<{ publishedSets: { id: string }[] }>(
            as(api)('query ($after: String) { publishedSets(first: 2, after: $after) { id } }', {
              after,
            }),
          )
        ).publishedSets.map((s) => s.id);
      const expected = (
        await db.questionSet.findMany({
          where: { status: 'PUBLISHED', isPractice: false },
          orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        })
      ).map((s) => s.id);
      const first = await list();
      const second = await list(first[1]);
      expect([...first, ...second]).toEqual(expected.slice(0, 4));
      expect(await errorCode(as(api)('{ publishedSets(after: "nope") { id } }'))).toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('classes', () => {
    const JOIN = `mutation ($code: String!) { joinClass(code: $code) { class { id name joinCode } errors { field code } } }`;

    it('a teacher creates a class; students join by code; only the teacher sees the roster', async () => {
      const created = await ok<{ createClass: { class: { id: string; joinCode: string } } }>(
        run(
          'mutation { createClass(input: { name: "Year 11 History" }) { class { id joinCode } errors { field } } }',
        ),
      );
      const { id, joinCode } = created.createClass.class;
      const a = await createStudent(db);
      const b = await createStudent(db);
      for (const s of [a, b]) {
        const joined = await ok<{ joinClass: { class: { id: string; joinCode: string | null } } }>(
          as(api, s.token)(JOIN, { code: joinCode.toLowerCase() }),
        );
        expect(joined.joinClass.class).toMatchObject({ id, joinCode: null });
      }
      // Joining twice is harmless.
      await ok(as(api, a.token)(JOIN, { code: joinCode }));
      const roster = await ok<{ class: { memberCount: number; members: { id: string }[] } }>(
        run('query ($id: ID!) { class(id: $id) { memberCount members { id } } }', { id }),
      );
      expect(roster.class.memberCount).toBe(2);
      expect(roster.class.members.map((m) => m.id).sort()).toEqual([a.user.id, b.user.id].sort());
      const asMember = await as(api, a.token)(
        'query ($id: ID!) { class(id: $id) { name members { id } } }',
        { id },
      );
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const viewer = await ok<{ viewer: { classes: { id: string }[] } }>(
        as(api, a.token)('{ viewer { classes { id name } } }'),
      );
      expect(viewer.viewer.classes.map((c) => c.id)).toEqual([id]);
    });

    it.each([
      ['an unknown code', 'student', 'YYYYYY', { field: 'code', code: 'NOT_FOUND' }],
      ['a malformed code', 'student', '12', { field: 'code', code: 'NOT_FOUND' }],
    ])('a student joining with %s gets a field error', async (_name, _role, code, error) => {
      const s = await createStudent(db);
      const before = await snapshotDatabase(api);
      const data = await ok<{ joinClass: { class: unknown; errors: unknown[] } }>(
        as(api, s.token)(JOIN, { code }),
      );
      expect(data.joinClass).toEqual({ class: null, errors: [error] });
      expect(await snapshotDatabase(api)).toEqual(before);
    });

    it('guests and teachers cannot join a class', async () => {
      const klass = await db.class.create({
        data: { teacherId: teacher.user.id, name: 'C', joinCode: 'KKKKKK' },
      });
      const guest = await createGuest(db);
      const before = await snapshotDatabase(api);
      expect(await errorCode(as(api, guest.token)(JOIN, { code: klass.joinCode }))).toBe(
        'FORBIDDEN',
      );
      expect(await errorCode(run(JOIN, { code: klass.joinCode }))).toBe('FORBIDDEN');
      expect(await snapshotDatabase(api)).toEqual(before);
    });
  });
});

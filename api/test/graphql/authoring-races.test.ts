import type { PrismaClient } from '@quiz/prisma';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createQuestions } from '../factories/questions';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SET_ITEMS = `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
  setQuestionSetItems(id: $id, items: $items) {
    questionSet { id items { position question { id } } }
    errors { field code }
  }
}`;

const CREATE_Q = `mutation ($input: QuestionInput!) {
  createQuestion(input: $input) { question { id } errors { field code } }
}`;
const UPDATE_Q = `mutation ($id: ID!, $input: QuestionInput!) {
  updateQuestion(id: $id, input: $input) { question { id stem } errors { field code } }
}`;
const IMPORT = `mutation ($input: ImportQuestionsInput!) {
  importQuestions(input: $input) { imported problems { message } questions { id } }
}`;
const aiken = (tag: string) =>
  [1, 2, 3]
    .map((n) => `Which city is number ${n} (${tag})?\nA. Tehran\nB. Damascus\nANSWER: B\n`)
    .join('\n');

const choice = (stem: string) => ({
  type: 'SINGLE_CHOICE',
  stem,
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
});

/** Probe round 7: a teacher's saves arriving at once (a double click, two tabs). */
describe('authoring races', () => {
  let api: TestApi;
  let db: PrismaClient;

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
  });
  afterAll(async () => {
    await api.close();
  });

  it('setQuestionSetItems saved at once: every save answers, the set holds one of them whole', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const extra = await createQuestions(db, 8);
    const lists = [extra.slice(0, 4), extra.slice(4, 8), extra.slice(1, 3), extra.slice(5, 8)].map(
      (questions) => questions.map((q) => q.id),
    );
    const run = as(api, fixture.teacherToken);
    // Before: the later saves' inserts collided with the first one's rows (unique setId,
    // position), INTERNAL_SERVER_ERROR, and the set held whichever rows won.
    const results = await Promise.all(
      [...lists, ...lists].map((ids) =>
        run(SET_ITEMS, { id: fixture.set.id, items: ids.map((questionId) => ({ questionId })) }),
      ),
    );
    expect(results.map((result) => result.errors ?? [])).toEqual(results.map(() => []));
    const stored = (
      await db.questionSetItem.findMany({
        where: { setId: fixture.set.id },
        orderBy: { position: 'asc' },
      })
    ).map((item) => item.questionId);
    expect(lists).toContainEqual(stored);
  });

  it('updateQuestion of one own question saved at once: one copy, in the set; the rest CONFLICT', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 1, publish: false });
    const run = as(api, fixture.teacherToken);
    const created = await ok<{ createQuestion: { question: { id: string } } }>(
      run(CREATE_Q, { input: choice('Who signed the pact?') }),
    );
    const id = created.createQuestion.question.id;
    await ok(run(SET_ITEMS, { id: fixture.set.id, items: [{ questionId: id }] }));
    // Before: three copies, each answered as saved; two of them in no set.
    const results = await Promise.all(
      ['A', 'B', 'C'].map((s) => run(UPDATE_Q, { id, input: choice(`Who signed the pact ${s}?`) })),
    );
    const saved = results.filter((result) => !result.errors);
    expect(saved).toHaveLength(1);
    expect(
      results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT'),
    ).toHaveLength(2);
    const live = await db.question.findMany({
      where: { authorId: fixture.teacher.id, deletedAt: null },
      select: { id: true },
    });
    const copy = (saved[0]?.data as { updateQuestion: { question: { id: string } } } | undefined)
      ?.updateQuestion.question.id;
    expect(live).toEqual([{ id: copy }]);
    const [item] = await db.questionSetItem.findMany({ where: { setId: fixture.set.id } });
    expect(item?.questionId).toBe(copy);
  });

  it('importQuestions into one set at once: every import lands, each item at its own place', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 3, publish: false });
    const run = as(api, fixture.teacherToken);
    // Before: each import read the set's last place before its transaction, so imports at once
    // wrote the same places (unique setId, position) and all but one were INTERNAL_SERVER_ERROR.
    const results = await Promise.all(
      ['a', 'b', 'c'].map((tag) =>
        run(IMPORT, {
          input: { format: 'AIKEN', content: aiken(tag), dryRun: false, setId: fixture.set.id },
        }),
      ),
    );
    expect(results.map((result) => result.errors ?? [])).toEqual([[], [], []]);
    const items = await db.questionSetItem.findMany({
      where: { setId: fixture.set.id },
      orderBy: { position: 'asc' },
    });
    expect(items).toHaveLength(12);
    expect(new Set(items.map((item) => item.position)).size).toBe(12);
  });

  it('importQuestions at once cannot take a set past its 100 questions', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 94, publish: false });
    const run = as(api, fixture.teacherToken);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((tag) =>
        run(IMPORT, {
          input: { format: 'AIKEN', content: aiken(tag), dryRun: false, setId: fixture.set.id },
        }),
      ),
    );
    // Two fit (94 + 3 + 3); the third is refused as the set now stands, and writes nothing.
    const landed = results.filter(
      (result) =>
        (result.data as { importQuestions?: { imported: boolean } } | null)?.importQuestions
          ?.imported,
    );
    expect(landed).toHaveLength(2);
    const refused = results.find((result) => !landed.includes(result));
    expect(refused?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await db.questionSetItem.count({ where: { setId: fixture.set.id } })).toBe(100);
  });

  it('publishQuestionSet at once: every answer carries the one code that opens the quiz', async () => {
    for (let round = 0; round < 3; round += 1) {
      const fixture = await createTeacherWithSet(db, { questions: 2, publish: false });
      const run = as(api, fixture.teacherToken);
      // Before: each publish wrote and answered a code of its own; only the last one written
      // worked, so the page could show a code that no quiz has.
      const results = await Promise.all(
        Array.from({ length: 4 }, () =>
          ok<{ publishQuestionSet: { questionSet: { shareCode: string } } }>(
            run(
              `mutation ($id: ID!) { publishQuestionSet(id: $id) { questionSet { shareCode } } }`,
              { id: fixture.set.id },
            ),
          ),
        ),
      );
      const stored = await db.questionSet.findUniqueOrThrow({ where: { id: fixture.set.id } });
      expect(results.map((data) => data.publishQuestionSet.questionSet.shareCode)).toEqual(
        results.map(() => stored.shareCode),
      );
    }
  });

  it('deleteQuestionSet at once: one deletes, the others NOT_FOUND (not "students have played it")', async () => {
    const fixture = await createTeacherWithSet(db, { questions: 2, publish: false });
    const run = as(api, fixture.teacherToken);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        run(`mutation ($id: ID!) { deleteQuestionSet(id: $id) }`, { id: fixture.set.id }),
      ),
    );
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'ok').sort();
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ok']);
  });

  it('joinClass at once (a double tap): every join answers the class, one membership', async () => {
    const teacher = await createTeacherWithSet(db, { questions: 1, publish: false });
    const klass = await ok<{ createClass: { class: { id: string } } }>(
      as(
        api,
        teacher.teacherToken,
      )(`mutation { createClass(input: { name: "Racers" }) { class { id } } }`),
    );
    const { joinCode } = await db.class.findUniqueOrThrow({
      where: { id: klass.createClass.class.id },
    });
    const student = await createStudent(db);
    // Before: the upsert read, then inserted; the later joins failed on the unique pair as
    // INTERNAL_SERVER_ERROR.
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        as(api, student.token)(`mutation ($c: String!) { joinClass(code: $c) { class { id } } }`, {
          c: joinCode,
        }),
      ),
    );
    expect(results.map((result) => result.errors ?? [])).toEqual([[], [], [], []]);
    expect(await db.classMember.count({ where: { classId: klass.createClass.class.id } })).toBe(1);
  });

  it('deleteQuestion and a save adding that question, at once: never a set holding a deleted question', async () => {
    for (let round = 0; round < 6; round += 1) {
      const fixture = await createTeacherWithSet(db, { questions: 1, publish: false });
      const run = as(api, fixture.teacherToken);
      const created = await ok<{ createQuestion: { question: { id: string } } }>(
        run(CREATE_Q, { input: choice(`Who signed pact number ${round}?`) }),
      );
      const id = created.createQuestion.question.id;
      const remove = () => run(`mutation ($id: ID!) { deleteQuestion(id: $id) }`, { id });
      const add = () => run(SET_ITEMS, { id: fixture.set.id, items: [{ questionId: id }] });
      // Before: both answered success, and the set held the deleted question.
      const [removed, added] = await Promise.all(
        round % 2 ? [remove(), add()] : [add(), remove()].reverse(),
      );
      const deleted = (await db.question.findUniqueOrThrow({ where: { id } })).deletedAt !== null;
      const inSet =
        (await db.questionSetItem.count({ where: { setId: fixture.set.id, questionId: id } })) > 0;
      expect(deleted && inSet).toBe(false);
      // The one that lost says so: the save a NOT_FOUND field error, the delete CONFLICT.
      if (deleted) {
        expect(added?.data).toMatchObject({
          setQuestionSetItems: { errors: [{ field: 'items.0.questionId', code: 'NOT_FOUND' }] },
        });
      } else {
        expect(inSet).toBe(true);
        expect(removed?.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      }
    }
  });

  it('updateQuestion and a save of a set holding it, at once: no deadlock, no deleted question kept', async () => {
    for (let round = 0; round < 6; round += 1) {
      const fixture = await createTeacherWithSet(db, { questions: 1, publish: false });
      const run = as(api, fixture.teacherToken);
      const created = await ok<{ createQuestion: { question: { id: string } } }>(
        run(CREATE_Q, { input: choice(`Who signed treaty number ${round}?`) }),
      );
      // Odd rounds edit the set's bank question instead (no question lock: the edit holds the
      // set's items, then the set).
      const authored = created.createQuestion.question.id;
      const bank = fixture.questions[0]?.id as string;
      const [id, other] = round % 2 ? [bank, authored] : [authored, bank];
      await ok(run(SET_ITEMS, { id: fixture.set.id, items: [{ questionId: id }] }));
      const results = await Promise.all([
        run(UPDATE_Q, { id, input: choice(`Who signed treaty number ${round}, really?`) }),
        run(SET_ITEMS, {
          id: fixture.set.id,
          items: [{ questionId: id }, { questionId: other }],
        }),
      ]);
      // A deadlock would be INTERNAL_SERVER_ERROR; a save that lost to the edit is a field error.
      expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
      const items = await db.questionSetItem.findMany({
        where: { setId: fixture.set.id },
        include: { question: { select: { deletedAt: true } } },
      });
      expect(items.filter((item) => item.question.deletedAt !== null)).toEqual([]);
    }
  });
});

import type { PrismaClient } from '@quiz/prisma';
import { answerQuestion } from '../../src/modules/attempts/service/answer-question';
import { finishAttempt } from '../../src/modules/attempts/service/finish-attempt';
import { startAttempt } from '../../src/modules/attempts/service/start-attempt';
import { storeBank, toBankQuestion } from '../../src/modules/questions/bank';
import type { BankQuestion } from '../../src/modules/questions/types';
import { as, errorCode, ok } from '../factories/graphql';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SET = `query ($id: ID!) { questionSet(id: $id) {
  items { position question { id } }
  retiredItems { position question { id retirement { reason note retiredAt replacement { id stem } } } }
} }`;
const SWAP = `mutation ($set: ID!, $pos: Int!) { replaceRetiredQuestion(setId: $set, position: $pos) {
  questionSet { items { position question { id } } retiredItems { position } }
  errors { field code message }
} }`;

type SetView = {
  questionSet: {
    items: { position: number; question: { id: string } }[];
    retiredItems: {
      position: number;
      question: {
        id: string;
        retirement: {
          reason: string;
          note: string;
          retiredAt: string;
          replacement: { id: string; stem: string } | null;
        } | null;
      };
    }[];
  };
};

/** Issue 11.7: a question the rebuilt bank no longer has is retired, not served, and swappable. */
describe('corrections reach the sets', () => {
  let api: TestApi;
  let db: PrismaClient;
  let fixture: TeacherWithSet;
  let bank: BankQuestion[];
  let corrected: BankQuestion;
  let finishedScore: number;
  let finishedId: string;
  const now = new Date('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    fixture = await createTeacherWithSet(db, { questions: 3 });
    // Give each fixture question its own fact, as generated questions have.
    for (const [i, q] of fixture.questions.entries()) {
      await db.question.update({ where: { id: q.id }, data: { factIds: [`event:fact-${i}`] } });
    }
    bank = (
      await db.question.findMany({ where: { id: { in: fixture.questions.map((q) => q.id) } } })
    )
      .map(toBankQuestion)
      .sort((a, b) => a.id.localeCompare(b.id));
    // A student finishes the set while question 0 is still in the bank.
    const student = (await createStudent(db)).user;
    const { attempt } = await startAttempt({
      db,
      user: student,
      input: { setId: fixture.set.id },
      now,
    });
    for (const [position, q] of fixture.questions.entries()) {
      await answerQuestion({
        db,
        userId: student.id,
        attemptId: attempt.id,
        position,
        response: q.right,
        now,
      });
    }
    const finished = await finishAttempt({ db, userId: student.id, attemptId: attempt.id, now });
    finishedScore = finished.score;
    finishedId = finished.id;
    expect(finishedScore).toBe(3000);
    // The rebuilt bank: question 0's key was corrected, so it has a new id on the same facts.
    const old = bank.find((q) => q.id === fixture.questions[0]?.id) as BankQuestion;
    corrected = { ...old, id: `${old.id}_v2`, stem: 'Corrected question?' };
  });
  afterAll(() => api.close());

  const rebuilt = () => [corrected, ...bank.filter((q) => q.id !== fixture.questions[0]?.id)];

  it('retires the used question with its reason and replacement, idempotently', async () => {
    const first = await storeBank({
      db,
      questions: rebuilt(),
      now,
      retire: () => ({
        reason: 'GATE_BLOCKED',
        note: 'The quality gate now blocks it: a key the sources contradict (U3).',
      }),
    });
    expect(first).toMatchObject({
      created: 1,
      keptObsolete: 1,
      retired: 1,
      restored: 0,
      removed: 0,
    });
    const row = await db.question.findUniqueOrThrow({ where: { id: fixture.questions[0]?.id } });
    expect(row).toMatchObject({
      retiredReason: 'GATE_BLOCKED',
      replacementId: corrected.id,
      retiredAt: now,
    });
    const again = await storeBank({
      db,
      questions: rebuilt(),
      now: new Date(now.getTime() + 60_000),
      retire: () => ({
        reason: 'GATE_BLOCKED',
        note: 'The quality gate now blocks it: a key the sources contradict (U3).',
      }),
    });
    expect(again).toMatchObject({ created: 0, retired: 0, restored: 0 });
    expect((await db.question.findUniqueOrThrow({ where: { id: row.id } })).retiredAt).toEqual(now);
  });

  it('shows the teacher the affected item, the reason and the replacement', async () => {
    const view = await ok<SetView>(as(api, fixture.teacherToken)(SET, { id: fixture.set.id }));
    expect(view.questionSet.retiredItems).toEqual([
      {
        position: 0,
        question: {
          id: fixture.questions[0]?.id,
          retirement: {
            reason: 'GATE_BLOCKED',
            note: 'The quality gate now blocks it: a key the sources contradict (U3).',
            retiredAt: now.toISOString(),
            replacement: { id: corrected.id, stem: 'Corrected question?' },
          },
        },
      },
    ]);
  });

  it('never serves it in a new attempt, and keeps finished scores as they were', async () => {
    const other = (await createStudent(db)).user;
    const { attempt, items } = await startAttempt({
      db,
      user: other,
      input: { setId: fixture.set.id },
      now: new Date(now.getTime() + 120_000),
    });
    expect(attempt.questionCount).toBe(2);
    expect(items.map((i) => i.questionId)).not.toContain(fixture.questions[0]?.id);
    const finished = await db.attempt.findUniqueOrThrow({
      where: { id: finishedId },
      include: { items: true },
    });
    expect(finished.score).toBe(finishedScore);
    expect(finished.items.map((i) => i.questionId)).toContain(fixture.questions[0]?.id);
    // Nor can a teacher add it to another set, though this set may keep it until swapped.
    const mine = await ok<{ setQuestionSetItems: { errors: { code: string }[] } }>(
      as(api, fixture.teacherToken)(
        `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
          setQuestionSetItems(id: $id, items: $items) { errors { code } } }`,
        { id: fixture.set.id, items: fixture.questions.map((q) => ({ questionId: q.id })) },
      ),
    );
    expect(mine.setQuestionSetItems.errors).toEqual([]);
    const elsewhere = await createTeacherWithSet(db, {
      questions: 1,
      teacher: { user: fixture.teacher, token: fixture.teacherToken },
    });
    const refused = await ok<{ setQuestionSetItems: { errors: { code: string }[] } }>(
      as(api, fixture.teacherToken)(
        `mutation ($id: ID!, $items: [QuestionSetItemInput!]!) {
          setQuestionSetItems(id: $id, items: $items) { errors { code } } }`,
        { id: elsewhere.set.id, items: [{ questionId: fixture.questions[0]?.id }] },
      ),
    );
    expect(refused.setQuestionSetItems.errors).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('never serves it in a new live game either', async () => {
    // createLiveGame left out deleted questions only: a game created after the retirement put the
    // retired question (a key the sources now contradict) on the projector and scored it.
    const hosted = await ok<{ createLiveGame: { game: { id: string } } }>(
      as(api, fixture.teacherToken)(
        `mutation ($setId: ID!) { createLiveGame(input: { setId: $setId }) { game { id } } }`,
        { setId: fixture.set.id },
      ),
    );
    const game = await db.liveGame.findUniqueOrThrow({
      where: { id: hosted.createLiveGame.game.id },
    });
    const ids = (game.questions as { id: string }[]).map((q) => q.id);
    expect(ids).toEqual(fixture.questions.slice(1).map((q) => q.id));
  });

  it('swaps in the replacement with one mutation; only the owner; only a retired item', async () => {
    const stranger = await createTeacher(db);
    expect(await errorCode(as(api, stranger.token)(SWAP, { set: fixture.set.id, pos: 0 }))).toBe(
      'NOT_FOUND',
    );
    const notRetired = await ok<{ replaceRetiredQuestion: { errors: { code: string }[] } }>(
      as(api, fixture.teacherToken)(SWAP, { set: fixture.set.id, pos: 1 }),
    );
    expect(notRetired.replaceRetiredQuestion.errors.map((e) => e.code)).toEqual(['INVALID']);
    const swapped = await ok<{
      replaceRetiredQuestion: {
        questionSet: {
          items: { position: number; question: { id: string } }[];
          retiredItems: unknown[];
        };
        errors: unknown[];
      };
    }>(as(api, fixture.teacherToken)(SWAP, { set: fixture.set.id, pos: 0 }));
    expect(swapped.replaceRetiredQuestion.errors).toEqual([]);
    expect(swapped.replaceRetiredQuestion.questionSet.items[0]?.question.id).toBe(corrected.id);
    expect(swapped.replaceRetiredQuestion.questionSet.retiredItems).toEqual([]);
    expect(
      await errorCode(as(api, fixture.teacherToken)(SWAP, { set: fixture.set.id, pos: 9 })),
    ).toBe('NOT_FOUND');
  });

  it('restores a retired question the bank produces again', async () => {
    const result = await storeBank({ db, questions: [...bank, corrected], now });
    expect(result.restored).toBe(1);
    const row = await db.question.findUniqueOrThrow({ where: { id: fixture.questions[0]?.id } });
    expect(row).toMatchObject({ retiredAt: null, retiredReason: null, replacementId: null });
  });

  it('keeps the clue keys of questions a set uses in step with the bank, and nothing else', async () => {
    const used = bank[1] as BankQuestion;
    const before = await db.question.findUniqueOrThrow({ where: { id: used.id } });
    const withKeys = (keys: string[]) =>
      [...bank, corrected].map((q) =>
        q.id === used.id ? { ...q, clueKeys: keys, stem: 'A stem the set keeps as it was?' } : q,
      );
    const first = await storeBank({ db, questions: withKeys([used.id]), now });
    // Its changed stem is kept as stored (a set uses it); its clue keys are not content.
    expect(first.keptReferenced).toBe(1);
    const row = await db.question.findUniqueOrThrow({ where: { id: used.id } });
    expect(row.clueKeys).toEqual([used.id]);
    expect(row.stem).toBe(before.stem);
    await storeBank({ db, questions: withKeys([]), now });
    expect((await db.question.findUniqueOrThrow({ where: { id: used.id } })).clueKeys).toEqual([]);
  });
});

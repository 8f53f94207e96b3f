import type { PrismaClient } from '@quiz/prisma';
import { as, ok } from '../factories/graphql';
import { createQuestions } from '../factories/questions';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// Blind reviewers: "in one quiz one item gives another away". The bank holds three items per fact
// on purpose; a practice or a review drawn from it must not ask one fact twice when it can help it.

const THEME = 'spread-test';
const FACTS = ['event:a', 'event:b', 'event:c', 'event:d'];

type Drawn = { id: string };

describe('one quiz, no giveaways', () => {
  let api: TestApi;
  let db: PrismaClient;
  /** Question id → its key fact. */
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    const questions = await createQuestions(db, 12);
    for (const [i, q] of questions.entries()) {
      const fact = FACTS[i % FACTS.length] as string;
      keyOf.set(q.id, fact);
      await db.question.update({
        where: { id: q.id },
        data: { themes: [THEME], factIds: [fact], citationIds: [`c-${fact}`] },
      });
    }
  });
  afterAll(() => api.close());

  /** The questions an attempt serves (players see their ids only once answered). */
  const servedIn = async (attemptId: string): Promise<string[]> =>
    (
      await db.attemptItem.findMany({
        where: { attemptId },
        orderBy: { position: 'asc' },
        select: { questionId: true },
      })
    ).map((item) => item.questionId);

  it('a practice of 4 from 4 facts × 3 items asks each fact once, draw after draw', async () => {
    const student = await createStudent(db);
    const run = as(api, student.token);
    const draws = new Set<string>();
    for (let n = 0; n < 8; n += 1) {
      const data = await ok<{ startPractice: Drawn }>(
        run(`mutation ($input: StartPracticeInput!) { startPractice(input: $input) { id } }`, {
          input: { themes: [THEME], count: 4 },
        }),
      );
      const ids = await servedIn(data.startPractice.id);
      expect(ids).toHaveLength(4);
      expect(new Set(ids.map((id) => keyOf.get(id))).size).toBe(4);
      draws.add([...ids].sort().join());
    }
    // Still a random draw, not one fixed quiz.
    expect(draws.size).toBeGreaterThan(1);
  });

  it('a practice larger than the facts allow is still served in full, each fact at most twice', async () => {
    const student = await createStudent(db);
    const data = await ok<{ startPractice: Drawn }>(
      as(api, student.token)(
        `mutation ($input: StartPracticeInput!) { startPractice(input: $input) { id } }`,
        { input: { themes: [THEME], count: 8 } },
      ),
    );
    const facts = (await servedIn(data.startPractice.id)).map((id) => keyOf.get(id));
    expect(facts).toHaveLength(8);
    for (const f of FACTS) {
      expect(facts.filter((x) => x === f)).toHaveLength(2);
    }
  });

  it("a practice keeps apart two items where one shows the other's answer (a clue pair)", async () => {
    // "(1980–88)" in one stem, "In what year did the Iran–Iraq War begin?" in the other: different
    // facts and passages, one clue key (written by the bank build).
    const [giver, taker, free] = await createQuestions(db, 3);
    const theme = 'clue-test';
    for (const [q, fact, keys] of [
      [giver, 'relation:x', ['clue-1']],
      [taker, 'event:y', ['clue-1']],
      [free, 'event:z', []],
    ] as const) {
      await db.question.update({
        where: { id: q?.id },
        data: { themes: [theme], factIds: [fact], citationIds: [`c-${fact}`], clueKeys: [...keys] },
      });
    }
    const student = await createStudent(db);
    // 12 draws: a draw blind to clues would serve the pair in about 1 of 3, so this fails on it
    // with probability 1 - (2/3)^12 > 99%.
    for (let n = 0; n < 12; n += 1) {
      const data = await ok<{ startPractice: Drawn }>(
        as(api, student.token)(
          `mutation ($input: StartPracticeInput!) { startPractice(input: $input) { id } }`,
          { input: { themes: [theme], count: 2 } },
        ),
      );
      const served = await servedIn(data.startPractice.id);
      expect(served).toContain(free?.id);
    }
  });

  it('a review postpones a due card whose fact a more overdue card already asks', async () => {
    const student = await createStudent(db);
    // The three cards on fact a are the most overdue; the old draw (the 4 most overdue) asked it thrice.
    const ids = [...keyOf.keys()];
    const base = Date.now() - 10 * 86_400_000;
    for (const [i, questionId] of ids.entries()) {
      await db.reviewCard.create({
        data: {
          userId: student.user.id,
          questionId,
          card: {},
          due: new Date(base + Math.floor(i / 4) * 1000 + (i % 4) * 60_000),
        },
      });
    }
    const data = await ok<{ startReview: Drawn }>(
      as(api, student.token)('mutation { startReview(count: 4) { id } }'),
    );
    const served = await servedIn(data.startReview.id);
    expect(new Set(served.map((id) => keyOf.get(id))).size).toBe(4);
  });
});

import type { Question } from '@quiz/prisma';
import { playerPrompt } from '../../src/modules/attempts/public-ids';
import { as, ok } from '../factories/graphql';
import { seedTinyKb, TINY_KB } from '../factories/knowledge';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * A teacher's ordering and matching questions must not be shown solved. The editor sends a
 * CHRONOLOGY question's items in the answer's order (the order typed is the key) and teachers
 * write MATCHING targets beside their items; shown as stored, with ids by place, answering in the
 * order on screen (i1, i2, … or i1→t1, i2→t2, …) was right every time, in attempts and in live
 * games. Found by the probe of 6 Dec. The order shown is a uniform shuffle seeded by the
 * question's id, so it may come out solved by chance (1 in 6 for three items) and tells nothing
 * (round 4: ruling the key's order out was itself a clue; see public-ids.test.ts).
 */
type Choice = { id: string; label: string };
type Prompt = { items: Choice[]; targets: Choice[] };

const CREATE = `mutation ($i: QuestionInput!) {
  createQuestion(input: $i) { question { id } errors { field message } }
}`;
const PROMPT = 'prompt { items { id label } targets { id label } }';

const chronology = (n: number) => ({
  type: 'CHRONOLOGY',
  stem: `Put these ${n} events in order, earliest first`,
  items: Array.from({ length: n }, (_, k) => ({ id: `e${k}`, label: `Event number ${k + 1}` })),
  correctOrder: Array.from({ length: n }, (_, k) => `e${k}`),
  explanation: 'They happened in this order.',
  citationIds: [TINY_KB.citations[0]],
});

const matching = (n: number) => ({
  type: 'MATCHING',
  stem: `Match each of the ${n} leaders to their country`,
  items: Array.from({ length: n }, (_, k) => ({ id: `l${k}`, label: `Leader ${k + 1}` })),
  targets: Array.from({ length: n }, (_, k) => ({ id: `c${k}`, label: `Country ${k + 1}` })),
  correctPairs: Array.from({ length: n }, (_, k) => ({ itemId: `l${k}`, targetId: `c${k}` })),
  explanation: 'Each led that country.',
  citationIds: [TINY_KB.citations[0]],
});

const labels = (choices: Choice[]) => choices.map((choice) => choice.label);

describe('ordering and matching questions are not shown in their answer', () => {
  let api: TestApi;
  let teacher: ReturnType<typeof as>;
  let setId: string;
  const written: { type: string; items: string[]; targets: string[] }[] = [];
  const questionIds: string[] = [];
  /** The labels a question's seeded shuffle shows (items of a chronology, targets of a matching). */
  const seededLabels = async (position: number): Promise<string[]> => {
    const question = (await api.database.db.question.findUniqueOrThrow({
      where: { id: questionIds[position] as string },
    })) as Question;
    const prompt = playerPrompt(question);
    return ((question.type === 'CHRONOLOGY' ? prompt.items : prompt.targets) ?? []).map(
      (choice) => choice.label,
    );
  };

  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    teacher = as(api, (await createTeacher(api.database.db)).token);
    // Several sizes and several questions, so a lucky shuffle cannot pass for a fix.
    const inputs = [3, 4, 5, 6].flatMap((n) => [chronology(n), matching(Math.min(n, 6))]);
    const ids: string[] = [];
    for (const input of inputs) {
      const created = await ok<{ createQuestion: { question: { id: string } | null } }>(
        teacher(CREATE, { i: input }),
      );
      ids.push(created.createQuestion.question?.id as string);
      questionIds.push(created.createQuestion.question?.id as string);
      written.push({
        type: input.type,
        items: input.items.map((item) => item.label),
        targets: 'targets' in input ? input.targets.map((target) => target.label) : [],
      });
    }
    const set = await ok<{ createQuestionSet: { questionSet: { id: string } } }>(
      teacher(
        'mutation { createQuestionSet(input: { title: "Order probe", allowRetakes: true }) { questionSet { id } } }',
      ),
    );
    setId = set.createQuestionSet.questionSet.id;
    await ok(
      teacher(
        'mutation ($id: ID!, $items: [QuestionSetItemInput!]!) { setQuestionSetItems(id: $id, items: $items) { errors { message } } }',
        { id: setId, items: ids.map((questionId) => ({ questionId })) },
      ),
    );
    await ok(
      teacher('mutation ($id: ID!) { publishQuestionSet(id: $id) { errors { message } } }', {
        id: setId,
      }),
    );
  });
  afterAll(() => api.close());

  it('an attempt shows them shuffled, the same on every read, and the shown order is wrong', async () => {
    const student = as(api, (await createStudent(api.database.db)).token);
    type Question = { position: number; type: string; prompt: Prompt };
    const started = await ok<{ startAttempt: { id: string; questions: Question[] } }>(
      student(
        `mutation ($s: ID!) { startAttempt(input: { setId: $s }) { id questions { position type ${PROMPT} } } }`,
        { s: setId },
      ),
    );
    const { id, questions } = started.startAttempt;
    expect(questions).toHaveLength(written.length);
    let asWritten = 0;
    for (const question of questions) {
      const original = written[question.position];
      const shown =
        question.type === 'CHRONOLOGY' ? question.prompt.items : question.prompt.targets;
      const stored = question.type === 'CHRONOLOGY' ? original?.items : original?.targets;
      expect(labels(shown)).toEqual(await seededLabels(question.position));
      expect([...labels(shown)].sort()).toEqual([...(stored ?? [])].sort());
      if (question.type === 'MATCHING') {
        expect(labels(question.prompt.items)).toEqual(original?.items);
      }
      asWritten += JSON.stringify(labels(shown)) === JSON.stringify(stored) ? 1 : 0;
    }
    // Eight shuffles of 3 to 6 choices all coming out as written: about 1 in 10^16.
    expect(asWritten).toBeLessThan(questions.length);
    // Resumed: the same order and ids.
    const again = await ok<{ attempt: { questions: Question[] } }>(
      student(`query ($id: ID!) { attempt(id: $id) { questions { position type ${PROMPT} } } }`, {
        id,
      }),
    );
    expect(again.attempt.questions).toEqual(questions);

    // Answering in the order on screen is wrong; answering the key (mapped through what is
    // shown) is right: the ids still check and score.
    const answer = `mutation ($id: ID!, $p: Int!, $r: ResponseInput!) {
      answerQuestion(attemptId: $id, position: $p, response: $r) { isCorrect key { order pairs { itemId targetId } } }
    }`;
    // The first chronology whose shuffle did not come out solved (all four solved: 1 in 10^7).
    const first = questions.find(
      (question) =>
        question.type === 'CHRONOLOGY' &&
        JSON.stringify(labels(question.prompt.items)) !==
          JSON.stringify(written[question.position]?.items),
    );
    const second = questions[1];
    const shown = await ok<{ answerQuestion: { isCorrect: boolean; key: { order: string[] } } }>(
      student(answer, {
        id,
        p: first?.position,
        r: { order: first?.prompt.items.map((item) => item.id) },
      }),
    );
    expect(shown.answerQuestion.isCorrect).toBe(false);
    const byLabel = new Map(first?.prompt.items.map((item) => [item.label, item.id]));
    expect(shown.answerQuestion.key.order).toEqual(
      written[first?.position ?? -1]?.items.map((l) => byLabel.get(l)),
    );

    const items = second?.prompt.items ?? [];
    const targetOf = new Map(second?.prompt.targets.map((t) => [t.label, t.id]));
    const right = await ok<{ answerQuestion: { isCorrect: boolean } }>(
      student(answer, {
        id,
        p: second?.position,
        r: {
          pairs: items.map((item) => ({
            itemId: item.id,
            targetId: targetOf.get(item.label.replace('Leader', 'Country')),
          })),
        },
      }),
    );
    expect(right.answerQuestion.isCorrect).toBe(true);
  });

  // Round 12: the worksheet (/teacher/sets/[id]/print) printed `prompt`, the stored order: a
  // teacher's chronology came out on paper in the answer's order, matching targets beside their
  // items. It prints `presentedPrompt`, the order on screen, with the stored ids its key uses.
  it('a worksheet prints the order players see, not the stored one', async () => {
    type Listed = { prompt: Prompt; presentedPrompt: Prompt; key: { order: string[] } };
    const read = await ok<{ questionSet: { items: { position: number; question: Listed }[] } }>(
      teacher(
        `query ($id: ID!) { questionSet(id: $id) { items { position question {
          prompt { items { id label } targets { id label } }
          presentedPrompt { items { id label } targets { id label } }
          key { order }
        } } } }`,
        { id: setId },
      ),
    );
    let asWritten = 0;
    for (const { position, question } of read.questionSet.items) {
      const original = written[position];
      const isChronology = original?.type === 'CHRONOLOGY';
      const printed = isChronology
        ? question.presentedPrompt.items
        : question.presentedPrompt.targets;
      expect(labels(printed)).toEqual(await seededLabels(position));
      // The stored ids stay, so the answer key printed beside them still names them.
      const stored = isChronology ? question.prompt.items : question.prompt.targets;
      expect([...printed].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [...stored].sort((a, b) => a.id.localeCompare(b.id)),
      );
      asWritten +=
        JSON.stringify(labels(printed)) ===
        JSON.stringify(isChronology ? original?.items : original?.targets)
          ? 1
          : 0;
    }
    expect(asWritten).toBeLessThan(read.questionSet.items.length);
  });

  it('a live game shows them shuffled too', async () => {
    const created = await ok<{ createLiveGame: { game: { id: string; pin: string } } }>(
      teacher('mutation ($s: ID!) { createLiveGame(input: { setId: $s }) { game { id pin } } }', {
        s: setId,
      }),
    );
    const game = created.createLiveGame.game;
    const seen: { type: string; prompt: Prompt }[] = [];
    const player = as(api);
    const joined = await ok<{ joinLiveGame: { token: string } }>(
      player(
        'mutation ($p: String!) { joinLiveGame(pin: $p, nickname: "Order Prober") { token } }',
        {
          p: game.pin,
        },
      ),
    );
    for (let index = 0; index < written.length; index += 1) {
      await ok(
        teacher(
          'mutation ($g: ID!, $c: LiveCommand!) { liveCommand(gameId: $g, command: $c) { game { id } } }',
          {
            g: game.id,
            c: index === 0 ? 'START' : 'SKIP',
          },
        ),
      );
      const view = await ok<{
        livePlayer: { game: { question: { type: string; prompt: Prompt } } };
      }>(
        player(
          `query ($t: String!) { livePlayer(token: $t) { game { question { type ${PROMPT} } } } }`,
          {
            t: joined.joinLiveGame.token,
          },
        ),
      );
      seen.push(view.livePlayer.game.question);
    }
    for (const [index, question] of seen.entries()) {
      const original = written[index];
      expect(question.type).toBe(original?.type);
      const shown =
        question.type === 'CHRONOLOGY' ? question.prompt.items : question.prompt.targets;
      // The same seeded order as in an attempt, not the order written.
      expect(labels(shown)).toEqual(await seededLabels(index));
    }
  });
});

import {
  buildSchema,
  type GraphQLNamedType,
  type GraphQLObjectType,
  getNamedType,
  isObjectType,
} from 'graphql';
import { typeDefs } from '../../src/schema';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * No field a player can reach before answering reveals a key (security-anchors Q1). Statically:
 * every edge into the key-bearing types is listed here with its guard. Dynamically: a player
 * walks everything a player can query and meets no canary from a key, a rationale or an
 * explanation until the answer is locked.
 */
const schema = buildSchema(typeDefs);

/** Every (parent.field → type) edge reachable from the roots. */
const edges = (() => {
  const found: { from: string; field: string; to: string }[] = [];
  const seen = new Set<string>();
  const queue: GraphQLObjectType[] = [schema.getQueryType(), schema.getMutationType()].filter(
    (t): t is GraphQLObjectType => !!t,
  );
  while (queue.length > 0) {
    const type = queue.shift() as GraphQLObjectType;
    if (seen.has(type.name)) {
      continue;
    }
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const target: GraphQLNamedType = getNamedType(field.type);
      found.push({ from: type.name, field: field.name, to: target.name });
      if (isObjectType(target)) {
        queue.push(target);
      }
    }
  }
  return found;
})();

const into = (type: string) =>
  edges
    .filter((e) => e.to === type)
    .map((e) => `${e.from}.${e.field}`)
    .sort();

describe('answer keys are reachable only through guarded edges', () => {
  it('AnswerKey only from BankQuestion (teachers) and AnswerResult (locked answers)', () => {
    expect(into('AnswerKey')).toEqual(['AnswerResult.key', 'BankQuestion.key']);
    expect(into('Rationale')).toEqual(['AnswerKey.rationales']);
  });

  it('AnswerResult only from a locked item or the answer mutation', () => {
    // AttemptQuestion.result is null until the item's answer is locked (or the attempt is
    // finished); Mutation.answerQuestion produces it by locking.
    expect(into('AnswerResult')).toEqual(['AttemptQuestion.result', 'Mutation.answerQuestion']);
  });

  it('BankQuestion only from teacher-authorised fields', () => {
    // Each of these requires a teacher and checks ownership in its service.
    expect(into('BankQuestion')).toEqual([
      'BankQuestionConnection.nodes', // Query.bankQuestions: requireTeacher
      'GenerateQuestionsPayload.questions', // Mutation.generateQuestions: requireTeacher
      'ImportQuestionsPayload.questions', // Mutation.importQuestions: the viewer's new questions
      'Query.bankQuestion', // requireTeacher + visible-to-teacher where clause
      'Query.similarQuestions', // requireTeacher + visible-to-teacher where clause (both sides)
      'QuestionPayload.question', // create/updateQuestion: requireTeacher
      'QuestionSetItem.question', // via QuestionSet only
      'QuestionStat.question', // via SetAnalytics only
      'Retirement.replacement', // via BankQuestion.retirement only
    ]);
    expect(into('Retirement')).toEqual(['BankQuestion.retirement']);
    expect(into('BankQuestionConnection')).toEqual(['Query.bankQuestions']);
    expect(into('QuestionSetItem')).toEqual(['QuestionSet.items', 'QuestionSet.retiredItems']);
    expect(into('QuestionSet')).toEqual([
      'Query.mySets', // requireTeacher, ownerId in the where clause
      'Query.questionSet', // requireTeacher, ownerId in the where clause
      'QuestionSetPayload.questionSet', // set mutations: requireTeacher + own set
      'SetAnalytics.set', // Query.setAnalytics: requireTeacher + own set
    ]);
    expect(into('QuestionStat')).toEqual(['SetAnalytics.questions']);
    expect(into('SetAnalytics')).toEqual(['Query.setAnalytics']);
    expect(into('QuestionPayload')).toEqual(['Mutation.createQuestion', 'Mutation.updateQuestion']);
    expect(into('GenerateQuestionsPayload')).toEqual(['Mutation.generateQuestions']);
    expect(into('ImportQuestionsPayload')).toEqual(['Mutation.importQuestions']);
    // Exported files hold keys as text: only the set owner's two queries return one (and the
    // live host's results, which hold no key).
    expect(into('ExportFile')).toEqual([
      'Query.exportLiveResults',
      'Query.exportQuestionSet',
      'Query.exportSetResults',
    ]);
  });

  it('players see sets as PublishedSet, which has no questions', () => {
    const fields = Object.keys((schema.getType('PublishedSet') as GraphQLObjectType).getFields());
    expect(fields).not.toContain('items');
    expect(into('PublishedSet').sort()).toEqual([
      'Attempt.set',
      'JoinCodeLookup.set',
      'Leaderboard.set',
      'Query.publishedSets',
      'Query.setByCode',
    ]);
    const prompt = Object.keys((schema.getType('QuestionPrompt') as GraphQLObjectType).getFields());
    expect(prompt).not.toEqual(expect.arrayContaining(['isCorrect']));
  });
});

describe('a player meets no key before the answer is locked (canary sweep)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
  });
  afterAll(() => api.close());

  it('walks every player query before answering, then sees the key of the answered item only', async () => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: 3 });
    // Plant canaries in every key, rationale and explanation.
    for (const [i, q] of fixture.questions.entries()) {
      const key = q.key as { optionIds: string[]; rationales: { text: string }[] };
      await api.database.db.question.update({
        where: { id: q.id },
        data: {
          explanation: `CANARY-EXPLANATION-${i}`,
          key: {
            ...key,
            rationales: key.rationales.map((r) => ({ ...r, text: `CANARY-RATIONALE-${i}` })),
          },
        },
      });
    }
    const student = await createStudent(api.database.db);
    const run = as(api, student.token);
    const started = await ok<{ startAttempt: { id: string; questions: { questionId: string }[] } }>(
      run(
        `mutation ($code: String!) { startAttempt(input: { code: $code }) {
        id set { id title description shareCode questionCount isTimed ownerName playerCount }
        questions { position questionId type stem concealed prompt { options { id label } items { id label }
          targets { id label } numeric { min max tolerance } quote selectMany } timeLimitSec presentedAt deadline
          result { key { optionIds } explanation } } } }`,
        { code: fixture.set.shareCode },
      ),
    );
    const attemptId = started.startAttempt.id;
    const everything = await Promise.all([
      run(
        `query ($id: ID!) { attempt(id: $id) { id status score maxScore correctCount questionCount answeredCount rank
        set { id title } player { id displayName }
        questions { position questionId type stem prompt { options { id label } } result { isCorrect key { optionIds rationales { text } } explanation } } } }`,
        { id: attemptId },
      ),
      run('{ myAttempts { id questions { stem result { explanation } } } }'),
      run('{ publishedSets { id title description shareCode } }'),
      run('query ($code: String!) { setByCode(code: $code) { id title description } }', {
        code: fixture.set.shareCode,
      }),
      run(
        'query ($id: ID!) { leaderboard(input: { setId: $id }) { entries { player { displayName } score } set { title } } }',
        { id: fixture.set.id },
      ),
      run('{ viewer { user { id } classes { id } } reviewDueCount }'),
      run(
        'mutation ($id: ID!) { openQuestion(attemptId: $id, position: 1) { stem prompt { options { id label } } result { explanation } } }',
        { id: attemptId },
      ),
    ]);
    const text = JSON.stringify([started, ...everything.map((r) => r.data)]);
    expect(text).not.toContain('CANARY');
    // Nothing names a question or its options before it is answered: no question id, and no
    // stored option id (KB slugs in the real bank), only ids by place (o1, o2, …).
    expect(text).not.toMatch(/"isCorrect":true/);
    expect(text).not.toMatch(/"optionIds":\[/);
    const storedIds = fixture.questions.flatMap((q) => [
      q.id,
      ...(q.prompt as { options: { id: string }[] }).options.map((o) => `"${o.id}"`),
    ]);
    expect(storedIds.filter((id) => text.includes(id))).toEqual([]);
    expect(text).toContain('"id":"o1"');

    const answered = await ok<{ answerQuestion: object }>(
      run(
        `mutation ($id: ID!, $r: ResponseInput!) {
          answerQuestion(attemptId: $id, position: 0, response: $r) { explanation key { rationales { text } } }
        }`,
        { id: attemptId, r: fixture.questions[0]?.wrong },
      ),
    );
    expect(JSON.stringify(answered)).toContain('CANARY-EXPLANATION-0');
    const after = await ok(
      run(
        'query ($id: ID!) { attempt(id: $id) { questions { result { explanation key { rationales { text } } } } } }',
        { id: attemptId },
      ),
    );
    const afterText = JSON.stringify(after);
    expect(afterText).toContain('CANARY-EXPLANATION-0');
    expect(afterText).not.toContain('CANARY-EXPLANATION-1');
    expect(afterText).not.toContain('CANARY-RATIONALE-2');
  });
});

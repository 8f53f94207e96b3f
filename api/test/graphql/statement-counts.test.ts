import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';
import { countSql } from '../sql-counter';

/**
 * SQL statements per operation (perf-anchors §6.3: deterministic counters). DataLoaders and the
 * question cache keep every count fixed whatever the number of questions or entries: each case
 * runs with N = 5 and N = 30 and must send the same statements.
 */
const QUIZ = `query ($id: ID!) { attempt(id: $id) {
  id status score maxScore questionCount answeredCount set { id title scoringMode }
  questions { position questionId type stem concealed timeLimitSec presentedAt deadline
    prompt { options { id label } items { id label } targets { id label } numeric { min max } quote selectMany }
    result { isCorrect points } }
} }`;
const SET = `query ($id: ID!) { questionSet(id: $id) {
  id title status questionCount attemptCount owner { displayName } class { name }
  items { position timeLimitSec question { id stem type key { optionIds rationales { citations { id } } }
    citations { id source { title } } era { name } themes { name } author { id } } }
} }`;
const BOARD = `query ($id: ID!, $first: Int!) { leaderboard(input: { setId: $id, first: $first }) {
  totalPlayers set { title questionCount } entries { rank score attemptCount achievedAt player { id displayName } }
  viewerEntry { rank score } pageInfo { endCursor }
} }`;
const BANK = `query ($first: Int!) { bankQuestions(filter: { search: "fixture question" }, first: $first) {
  totalCount pageInfo { endCursor }
  facets { types { value count } eras { value label count } spansEras sources { value label count }
    actors { value label count } statuses { value count } difficulties { value count } }
  nodes { id stem type factStatus eras { name } era { name } themes { name } actors { name }
    prompt { options { id label } items { id label } quote }
    key { optionIds rationales { citations { id } } } citations { id source { title } } }
} }`;
const ANSWER = `mutation ($a: ID!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: 0, response: $r) {
  isCorrect points explanation key { optionIds } citations { id quote source { title } } } }`;

describe('statements per operation', () => {
  let api: TestApi;
  let counter: ReturnType<typeof countSql>;
  const counts: Record<string, number> = {};
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    counter = countSql([api.database.url]);
  });
  afterAll(async () => {
    counter.restore();
    console.log(
      `Statements per operation:\n${Object.entries(counts)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}`,
    );
    await api.close();
  });

  /** A set of n questions with n players on its board; the viewer has an open attempt. */
  const scenario = async (n: number) => {
    const fixture = await createTeacherWithSet(api.database.db, { questions: n });
    for (let i = 0; i < n; i += 1) {
      const s = await createStudent(api.database.db);
      const started = await ok<{ startAttempt: { id: string } }>(
        as(api, s.token)('mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }', {
          id: fixture.set.id,
        }),
      );
      await ok(
        as(api, s.token)('mutation ($a: ID!) { finishAttempt(attemptId: $a) { id } }', {
          a: started.startAttempt.id,
        }),
      );
    }
    const player = await createStudent(api.database.db);
    const run = as(api, player.token);
    const { startAttempt } = await ok<{ startAttempt: { id: string } }>(
      run('mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }', {
        id: fixture.set.id,
      }),
    );
    return { fixture, run, attemptId: startAttempt.id, teacher: as(api, fixture.teacherToken) };
  };

  it.each([
    ['fetch a quiz (attempt + questions)', 'quiz'],
    ['a set with its questions and keys (teacher)', 'set'],
    ['a leaderboard page with players and my rank', 'board'],
    ['submit an answer (right)', 'answer'],
    ['finish an attempt (score + boards)', 'finish'],
    ['start an attempt', 'start'],
    ['a page of the question bank with facets (teacher, search)', 'bank'],
  ])('%s costs the same for 5 and 30 questions', async (name, kind) => {
    const measured: number[] = [];
    for (const n of [5, 30]) {
      const { fixture, run, attemptId, teacher } = await scenario(n);
      // Warm the process's caches (questions, citations, sources) the way any earlier request
      // would: the counts are the steady state.
      await ok(run(QUIZ, { id: attemptId }));
      await ok(teacher(SET, { id: fixture.set.id }));
      let statements: string[] = [];
      if (kind === 'quiz') {
        statements = await counter.during(() => ok(run(QUIZ, { id: attemptId })));
      } else if (kind === 'set') {
        statements = await counter.during(() => ok(teacher(SET, { id: fixture.set.id })));
      } else if (kind === 'bank') {
        await ok(teacher(BANK, { first: n }));
        statements = await counter.during(() => ok(teacher(BANK, { first: n })));
      } else if (kind === 'board') {
        statements = await counter.during(() => ok(run(BOARD, { id: fixture.set.id, first: n })));
      } else if (kind === 'answer') {
        const q = fixture.questions[0];
        statements = await counter.during(() => ok(run(ANSWER, { a: attemptId, r: q?.right })));
      } else if (kind === 'finish') {
        statements = await counter.during(() =>
          ok(
            run('mutation ($a: ID!) { finishAttempt(attemptId: $a) { score rank } }', {
              a: attemptId,
            }),
          ),
        );
      } else {
        const other = await createStudent(api.database.db);
        statements = await counter.during(() =>
          ok(
            as(api, other.token)(
              'mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id questions { stem } } }',
              { id: fixture.set.id },
            ),
          ),
        );
      }
      measured.push(statements.length);
      if (n === 30) {
        if (process.env.SHOW_SQL) {
          console.log(
            name,
            statements.map((t) => t.slice(0, 160)),
          );
        }
        counts[name] = statements.length;
      }
    }
    expect(measured[0]).toBe(measured[1]);
  });

  it('the hot paths stay within their budgets (session lookup included)', () => {
    // Session + one statement for the attempt, its items and its set.
    expect(counts['fetch a quiz (attempt + questions)']).toBe(2);
    // Session + (rate limit and item) + guarded update.
    expect(counts['submit an answer (right)']).toBe(3);
    // Session + set + (page, my entry, total) + ranks + players.
    expect(counts['a leaderboard page with players and my rank']).toBeLessThanOrEqual(6);
    // Session + (rate limit, set, items, open attempt) + (attempt and items).
    expect(counts['start an attempt']).toBe(3);
    // Session + page ids + facets (one statement each) + eras, themes, actors by loader; question
    // rows come from the cache, citations and sources from the KB cache.
    expect(counts['a page of the question bank with facets (teacher, search)']).toBeLessThanOrEqual(
      6,
    );
  });
});

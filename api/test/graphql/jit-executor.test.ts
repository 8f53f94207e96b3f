import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execute, parse } from 'graphql';
import { createApolloServer } from '../../src/app';
import { createContext } from '../../src/context';
import { resolvers, typeDefs } from '../../src/schema';
import { buildExecutableSchema } from '../../src/schema/executable';
import { as, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet } from '../factories/sets';
import { createStudent } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * The graphql-jit executor (src/schema/jit-executor.ts) must answer exactly what graphql-js
 * answers with the same schema and resolvers: the web's real documents, errors, bad variables.
 */
const webDocument = (name: string): string => {
  const file = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'gql', 'graphql.ts');
  const match = new RegExp(
    `export const ${name} = new TypedDocumentString\\(\`([\\s\\S]*?)\`\\) as unknown as`,
  ).exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) {
    throw new Error(`${name} not found in web/src/gql/graphql.ts (run pnpm generate)`);
  }
  return match[1];
};

describe('the JIT executor', () => {
  let api: TestApi;
  let token: string;
  let attemptId: string;
  let answer: Record<string, unknown>;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    const fixture = await createTeacherWithSet(api.database.db, { questions: 4 });
    const student = await createStudent(api.database.db);
    token = student.token;
    const { startAttempt } = await ok<{ startAttempt: { id: string } }>(
      as(api, token)('mutation ($id: ID!) { startAttempt(input: { setId: $id }) { id } }', {
        id: fixture.set.id,
      }),
    );
    attemptId = startAttempt.id;
    answer = fixture.questions[0]?.right as Record<string, unknown>;
  });
  afterAll(() => api.close());

  const viaGraphqlJs = async (query: string, variables: Record<string, unknown>) => {
    const schema = buildExecutableSchema(typeDefs, resolvers);
    const contextValue = await createContext({
      db: api.database.db,
      env: api.env,
      sessionToken: token,
    });
    return execute({ schema, document: parse(query), variableValues: variables, contextValue });
  };

  it('answers the web documents exactly as graphql-js does', async () => {
    const attempt = webDocument('AttemptDocument');
    const answerQuestion = webDocument('AnswerQuestionDocument');
    // Before and after an answer (the result with its key and citations appears).
    for (const step of ['fresh', 'answered']) {
      if (step === 'answered') {
        await ok(as(api, token)(answerQuestion, { attemptId, position: 0, response: answer }));
      }
      const jit = await as(api, token)(attempt, { id: attemptId });
      const reference = await viaGraphqlJs(attempt, { id: attemptId });
      expect(jit.errors).toBeUndefined();
      expect(JSON.parse(JSON.stringify(jit.data))).toEqual(
        JSON.parse(JSON.stringify(reference.data)),
      );
    }
  });

  it('reports variables that do not coerce as graphql-js does (400 BAD_USER_INPUT)', async () => {
    const url = await api.listen();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      body: JSON.stringify({
        query: 'query ($id: ID!) { attempt(id: $id) { id } }',
        variables: { id: { not: 'an id' } },
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0]?.message).toMatch(/^Variable "\$id" got invalid value/);
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('in production compiles a document on its second run, with the same answer', async () => {
    const apollo = createApolloServer({ env: { NODE_ENV: 'production' }, log: () => {} });
    await apollo.start();
    try {
      const contextValue = await createContext({
        db: api.database.db,
        env: api.env,
        sessionToken: token,
      });
      const query = webDocument('AttemptDocument');
      const runs = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await apollo.executeOperation(
          { query, variables: { id: attemptId } },
          { contextValue },
        );
        runs.push(response.body.kind === 'single' ? response.body.singleResult : null);
      }
      expect(runs[0]?.errors).toBeUndefined();
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
    } finally {
      await apollo.stop();
    }
  });
});

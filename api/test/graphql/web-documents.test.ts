/**
 * Every document the web app sends (the typed documents `pnpm generate` writes to web/src/gql)
 * stays under every limit with the page sizes the web passes: validated, costed and executed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type GraphQLInputType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  parse,
  type TypeNode,
  typeFromAST,
} from 'graphql';
import { LIMITS } from '../../src/app';
import { measureCost } from '../../src/limits/cost';
import { typeDefs } from '../../src/schema';
import { buildExecutableSchema } from '../../src/schema/executable';
import { createTestApi, type TestApi } from '../harness';

const GENERATED = path.resolve(__dirname, '..', '..', '..', 'web', 'src', 'gql', 'graphql.ts');
const schema = buildExecutableSchema(typeDefs, []);

/** The largest page sizes and counts the web passes (grep the web's calls for `first:`). */
const WEB_VARIABLES: Record<string, Record<string, unknown>> = {
  Events: { first: 100 },
  BankQuestions: { first: 20 },
  MyAttempts: { first: 50 },
  PublishedSets: { first: 24 },
  Leaderboard: { input: { first: 50, window: 'ALL_TIME' } },
  GenerateQuestions: { input: { count: 50 } },
  StartPractice: { input: { count: 30 } },
  StartReview: { count: 30 },
};

/** A valid value of an input type: required fields only, ids that exist nowhere. */
const sample = (type: GraphQLInputType): unknown => {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    return [sample(inner.ofType)];
  }
  if (isEnumType(inner)) {
    return inner.getValues()[0]?.value;
  }
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  return (
    {
      ID: '00000000-0000-4000-8000-000000000000',
      String: 'Some text',
      Int: 1,
      Float: 0.5,
      Boolean: false,
    } as Record<string, unknown>
  )[inner.name];
};

const documents = (() => {
  const text = readFileSync(GENERATED, 'utf8');
  return [
    ...text.matchAll(/export const (\w+)Document = new TypedDocumentString\(`([\s\S]*?)`/g),
  ].map(([, name = '', source = '']) => {
    const document = parse(source);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    const variables: Record<string, unknown> = {};
    for (const definition of operation?.variableDefinitions ?? []) {
      if (definition.type.kind === 'NonNullType') {
        const type = typeFromAST(schema, definition.type as TypeNode) as GraphQLInputType;
        variables[definition.variable.name.value] = sample(type);
      }
    }
    Object.assign(variables, WEB_VARIABLES[name]);
    return { name, source, document, variables };
  });
})();

describe('the web app’s documents', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('are all found (run `pnpm generate` first)', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
    expect(documents.map((d) => d.name)).toEqual(
      expect.arrayContaining(Object.keys(WEB_VARIABLES)),
    );
  });

  it('cost less than the limit with the web’s largest page sizes', () => {
    const costs = Object.fromEntries(
      documents.map(({ name, document, variables }) => [
        name,
        measureCost({ schema, document, variables }),
      ]),
    );
    const sorted = Object.entries(costs).sort(([, a], [, b]) => Number(b) - Number(a));
    console.log(
      `Web document costs (limit ${LIMITS.maxCost}): ${sorted.map(([n, c]) => `${n} ${c}`).join(', ')}`,
    );
    expect(Object.entries(costs).filter(([, cost]) => cost === null)).toEqual([]);
    expect(sorted.filter(([, cost]) => Number(cost) > LIMITS.maxCost)).toEqual([]);
  });

  it('pass every limit when they run', async () => {
    const refused: string[] = [];
    for (const { name, source, variables } of documents) {
      const { errors } = await api.execute(source, { variables });
      for (const error of errors ?? []) {
        const code = String(error.extensions?.code);
        if (
          /QUERY_TOO_COMPLEX|RESPONSE_TOO_LARGE|TIMEOUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED|INTERNAL_SERVER_ERROR/.test(
            code,
          )
        ) {
          refused.push(`${name}: ${code} ${error.message}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});

import { buildSchema, type GraphQLError, getNamedType, parse, validate } from 'graphql';
import { typeDefs } from '../schema';
import {
  EXPENSIVE_FIELDS,
  ExpensiveFieldsOnceRule,
  MAX_EXPENSIVE_FIELD_SELECTIONS,
} from './expensive-fields';
import { findLimitError } from './limits';

const schema = buildSchema(typeDefs);

const refusals = (query: string) =>
  validate(schema, parse(query), [ExpensiveFieldsOnceRule]).map((error: GraphQLError) => {
    const limit = findLimitError(error);
    return { message: error.message, code: limit?.code, limit: limit?.limit, found: limit?.found };
  });

const live = (alias = '', args = 'gameId: "g", format: CSV') =>
  `${alias}exportLiveResults(${args}) { filename content }`;

describe('ExpensiveFieldsOnceRule', () => {
  it('lists every export, import and report field of the schema', () => {
    const roots = [schema.getQueryType(), schema.getMutationType()];
    const expensive = roots
      .flatMap((root) =>
        Object.values(root?.getFields() ?? {})
          .filter(
            (field) =>
              /^(export|import)[A-Z]|Report$/.test(field.name) ||
              getNamedType(field.type).name === 'ExportFile',
          )
          .map((field) => `${root?.name}.${field.name}`),
      )
      .sort();
    expect(expensive).toEqual([...EXPENSIVE_FIELDS].sort());
    expect(MAX_EXPENSIVE_FIELD_SELECTIONS).toBe(1);
  });

  it('refuses 15 aliases of exportLiveResults, naming the field and the limit', () => {
    const query = `{ ${Array.from({ length: 15 }, (_, i) => live(`a${i}: `)).join(' ')} }`;
    expect(refusals(query)).toEqual([
      {
        message: 'exportLiveResults selected 15 times exceeds the limit of 1 per request',
        code: 'QUERY_TOO_COMPLEX',
        limit: 'expensiveField',
        found: 15,
      },
    ]);
  });

  it.each([
    ['two aliases', `{ ${live('a: ')} ${live('b: ')} }`, 'exportLiveResults', 2],
    ['a plain repeat', `{ ${live()} ${live()} }`, 'exportLiveResults', 2],
    [
      'aliases with different variables',
      `query ($a: ID!, $b: ID!, $f: ResultsFormat!) { ${live('x: ', 'gameId: $a, format: $f')} ${live('y: ', 'gameId: $b, format: $f')} }`,
      'exportLiveResults',
      2,
    ],
    [
      'a fragment spread twice',
      `{ ...F ...F } fragment F on Query { ${live()} }`,
      'exportLiveResults',
      2,
    ],
    [
      'a fragment spreading another twice',
      `{ ...F } fragment F on Query { a: exportSetResults(setId: "s", format: CSV) { content } ...G ...G } fragment G on Query { b: exportSetResults(setId: "s", format: XLSX) { content } }`,
      'exportSetResults',
      3,
    ],
    [
      'inline fragments and a skip directive',
      `query ($no: Boolean!) { ... on Query { a: liveReport(id: "g") { csv } } b: liveReport(id: "g") @skip(if: $no) { csv } }`,
      'liveReport',
      2,
    ],
    [
      'a mutation',
      'mutation { a: importQuestions(input: { format: CSV, content: "x", dryRun: true }) { imported } b: importQuestions(input: { format: CSV, content: "x", dryRun: true }) { imported } }',
      'importQuestions',
      2,
    ],
  ])('refuses %s', (_, query, field, found) => {
    expect(refusals(query)).toEqual([
      {
        message: `${field} selected ${found} times exceeds the limit of 1 per request`,
        code: 'QUERY_TOO_COMPLEX',
        limit: 'expensiveField',
        found,
      },
    ]);
  });

  it.each([
    ['one export', `query ($g: ID!) { ${live('', 'gameId: $g, format: XLSX')} }`],
    [
      'different exports once each',
      `{ ${live()} exportSetResults(setId: "s", format: CSV) { content } liveReport(id: "g") { csv } }`,
    ],
    ['one export in each of two operations', `query A { ${live()} } query B { ${live()} }`],
    ['a fragment spread once', `{ ...F } fragment F on Query { ${live()} }`],
    ['a field of the same name on another type', '{ viewer { email } health { ok } }'],
  ])('allows %s', (_, query) => {
    expect(refusals(query)).toEqual([]);
  });

  // 2^39 spreads: without counting each fragment once, this test would not finish.
  it('counts a fragment bomb in one pass per fragment', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { ${live()} }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const [refusal] = refusals(`{ ...F0 } ${fragments.join(' ')}`);
    expect(refusal?.limit).toBe('expensiveField');
    expect(refusal?.found).toBe(2 ** (levels - 1));
  });
});

/**
 * A generated corpus of hostile requests (issue 12): deep, wide, aliased, page sizes from
 * variables and defaults, fragments (nested, bombs, cycles), huge strings, bad Unicode, NUL,
 * batches, huge variable lists, introspection, directives, duplicate operations, very long names,
 * malformed transport. Repeatable: every choice comes from the seeded PRNG.
 */
import { type Rng, seededRng } from '../../src/lib/rng';
import { aliasedVariableEvents, nineLevelRelations } from './attacks';

export type HostileRequest = {
  kind: string;
  method?: 'GET' | 'POST';
  /** A JSON-encodable payload, or raw body text (sent as is). */
  payload?: unknown;
  raw?: string;
  /** GET: the query string. */
  search?: string;
  headers?: Record<string, string>;
};

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)] as T;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const ACTORS = ['iran', 'syria', 'hezbollah', 'iraq', 'israel', 'nobody'];
const LEAVES = ['slug', 'name', 'description', 'kind', 'shortName', '__typename'];

const deepRelations = (rng: Rng) => {
  const levels = 1 + rng.int(7);
  let selection = pick(rng, LEAVES);
  for (let i = 0; i < levels; i += 1) {
    selection = `relations${rng.int(2) ? '(at: "1990")' : ''} { ${pick(rng, ['subject', 'object'])} { ${selection} } }`;
  }
  return { query: `{ actor(slug: "${pick(rng, ACTORS)}") { ${selection} } }` };
};

const deepMixed = (rng: Rng) => {
  // Walks every edge between knowledge types, 4–14 levels (some over the depth limit).
  const edges = [
    (inner: string) => `participants { actor { ${inner} } }`,
    (inner: string) => `citations { source { ${inner} } }`,
    (inner: string) =>
      `era { slug } themes { slug } participants { actor { events { nodes { ${inner} } } } }`,
  ];
  let selection = 'slug';
  const levels = 1 + rng.int(5);
  for (let i = 0; i < levels; i += 1) {
    selection = pick(
      rng,
      edges,
    )(selection).replace('source { slug', 'source { citations { id } slug');
  }
  return { query: `{ events(first: ${1 + rng.int(300)}) { nodes { ${selection} } } }` };
};

const wideAliases = (rng: Rng) => {
  const n = 1 + rng.int(30);
  const field = pick(rng, [
    'actors { slug relations { id } }',
    'events { nodes { slug citations { quote } } }',
    'sources { citations { quote } }',
    'health { ok }',
    'figures { amount citation { quote } }',
  ]);
  const [name] = field.split(' ');
  return {
    query: `{ ${range(n)
      .map((i) => `a${i}: ${field.replace(name as string, `${name}`)}`)
      .join(' ')} }`,
  };
};

const variablePages = (rng: Rng) => {
  const aliases = 1 + rng.int(15);
  return {
    query: aliasedVariableEvents(aliases),
    variables: { n: pick(rng, [1, 5, 20, 100, 200, 1_000, -1, 0, null, 2 ** 31 - 1]) },
  };
};

const defaultPages = (rng: Rng) => {
  let selection = 'slug';
  for (let i = 0, n = 1 + rng.int(3); i < n; i += 1) {
    selection = `events { totalCount nodes { participants { actor { ${selection} } } } }`;
  }
  return { query: `query Defaults { actors { ${selection} } }` };
};

const nestedFragments = (rng: Rng) => {
  const n = 2 + rng.int(8);
  const fragments = range(n).map(
    (i) =>
      `fragment F${i} on Actor { slug ${i + 1 < n ? `offices { of { ...F${i + 1} } } relations { subject { ...F${i + 1} } }` : 'name'} }`,
  );
  return { query: `{ actor(slug: "iran") { ...F0 } } ${fragments.join(' ')}` };
};

/**
 * A fragment spread `fan` times in each of `levels` fragments. With an odd number of levels
 * (no extra draw, so the rest of the corpus stays the same) the bomb is a mutation with a
 * sign-in at the bottom: the one-session-mutation rule once walked every spread of it.
 */
const fragmentBomb = (rng: Rng) => {
  const levels = 8 + rng.int(20);
  const fan = 2 + rng.int(3);
  const mutation = levels % 2 === 1;
  const type = mutation ? 'Mutation' : 'Query';
  const bottom = mutation
    ? 'signIn(input: { email: "a@example.org", password: "guess" }) { errors { code } }'
    : 'sources { citations { quote } }';
  const fragments = range(levels).map((i) =>
    i + 1 < levels
      ? `fragment B${i} on ${type} { ${range(fan)
          .map(() => `...B${i + 1}`)
          .join(' ')} }`
      : `fragment B${i} on ${type} { ${bottom} }`,
  );
  return { query: `${mutation ? 'mutation ' : ''}{ ...B0 } ${fragments.join(' ')}` };
};

const fragmentCycle = (rng: Rng) => {
  const n = 1 + rng.int(5);
  const fragments = range(n).map(
    (i) => `fragment C${i} on Query { health { ok } ...C${(i + 1) % n} }`,
  );
  return { query: `{ ...C0 } ${fragments.join(' ')}` };
};

const hugeString = (rng: Rng): HostileRequest => {
  const size = pick(rng, [10_000, 50_000, 95_000, 200_000]);
  const text = 'ا'.repeat(size / 2);
  return rng.int(2)
    ? {
        kind: 'huge string',
        payload: { query: `{ events(filter: { search: "${text}" }) { totalCount } }` },
      }
    : {
        kind: 'huge string',
        payload: {
          query: 'query ($s: String) { events(filter: { search: $s }) { totalCount } }',
          variables: { s: text },
        },
      };
};

/** Raw JSON text: lone surrogates only exist as JSON escapes. */
const badUnicode = (rng: Rng): HostileRequest => {
  const bad = pick(rng, ['\\ud800', '\\udfff', 'a\\ud83d', '\\udc00x', '\\u0000', 'x\\u0000y']);
  const query = 'query ($c: String!) { setByCode(code: $c) { id } }';
  const where = rng.int(3);
  if (where === 0) {
    return {
      kind: 'bad unicode',
      raw: `{"query":${JSON.stringify(query)},"variables":{"c":"${bad}"}}`,
    };
  }
  if (where === 1) {
    return {
      kind: 'bad unicode',
      raw: `{"query":"query ($f: EventFilter) { events(filter: $f) { totalCount } }","variables":{"f":{"search":"ok","eras":["${bad}"]}}}`,
    };
  }
  // In a GraphQL string literal (the escape travels inside the JSON string).
  return {
    kind: 'bad unicode',
    raw: `{"query":"{ setByCode(code: \\"${bad.replace(/\\/g, '\\\\')}\\") { id } }"}`,
  };
};

const nul = (rng: Rng): HostileRequest =>
  pick<HostileRequest>(rng, [
    { kind: 'nul', payload: { query: `{ actor(slug: "ir\u0000an") { slug } }` } },
    {
      kind: 'nul',
      payload: {
        query: 'query ($s: ID!) { actor(slug: $s) { slug } }',
        variables: { s: '\u0000' },
      },
    },
    {
      kind: 'nul',
      payload: {
        query: 'query ($i: LeaderboardInput!) { leaderboard(input: $i) { totalPlayers } }',
        variables: { i: { setId: 'x\u0000' } },
      },
    },
    { kind: 'nul', payload: { query: '{ health { ok } }', operationName: 'a\u0000b' } },
    { kind: 'nul', payload: { query: '{ health { ok } }', variables: { 'k\u0000': 1 } } },
    {
      kind: 'nul',
      payload: { query: 'mutation { joinAsGuest(nickname: "a\u0000b") { errors { code } } }' },
    },
  ]);

const batch = (rng: Rng): HostileRequest => ({
  kind: 'batch',
  payload: range(2 + rng.int(100)).map(() => ({ query: '{ sources { citations { quote } } }' })),
});

const hugeVariables = (rng: Rng): HostileRequest => {
  const n = pick(rng, [1_000, 5_000, 20_000]);
  return rng.int(2)
    ? {
        kind: 'huge variables',
        payload: {
          query: 'query ($f: EventFilter) { events(filter: $f) { totalCount } }',
          variables: { f: { eras: range(n).map((i) => `era-${i}`) } },
        },
      }
    : {
        kind: 'huge variables',
        payload: {
          query: '{ health { ok } }',
          variables: Object.fromEntries(range(n).map((i) => [`v${i}`, i])),
        },
      };
};

const introspection = (rng: Rng) =>
  pick(rng, [
    { query: '{ __schema { types { name fields { name args { name } } } } }' },
    { query: '{ __type(name: "Query") { fields { name } } }' },
    {
      query: `{ ${range(15)
        .map((i) => `t${i}: __typename`)
        .join(' ')} }`,
    },
    { query: '{ health { __typename ok } ...on Query { __schema { queryType { name } } } }' },
    { query: 'query { __schema { directives { name } } }' },
  ]);

const directives = (rng: Rng) => {
  const n = 1 + rng.int(40);
  return pick(rng, [
    { query: `{ health { ok ${'@include(if: true) '.repeat(n)} } }` },
    {
      query: `query ($s: Boolean!) { events @skip(if: $s) { totalCount } }`,
      variables: { s: !!rng.int(2) },
    },
    { query: `{ health @unknown { ok } }` },
    { query: `{ health { ok @deprecated } }` },
    { query: `query @include(if: true) { health { ok } }` },
  ]);
};

const duplicateOperations = (rng: Rng) =>
  pick(rng, [
    { query: 'query A { health { ok } } query A { sources { slug } }', operationName: 'A' },
    { query: '{ health { ok } } query B { sources { slug } }' },
    { query: 'query A { health { ok } } query B { sources { slug } }' },
    { query: 'query A { health { ok } } query B { sources { slug } }', operationName: 'C' },
    {
      query: `${range(50)
        .map((i) => `query Q${i} { health { ok } }`)
        .join(' ')}`,
      operationName: `Q${rng.int(50)}`,
    },
  ]);

const longNames = (rng: Rng) => {
  const name = 'n'.repeat(pick(rng, [1_000, 10_000, 60_000]));
  return pick(rng, [
    { query: `{ ${name} }` },
    { query: `{ ${name}: health { ok } }` },
    { query: `query ${name} { health { ok } }`, operationName: name },
    { query: `query ($${name}: Int) { health { ok } }` },
    { query: `{ health { ok } } fragment ${name} on Query { health { ok } }` },
  ]);
};

const transport = (rng: Rng): HostileRequest =>
  pick<HostileRequest>(rng, [
    { kind: 'transport', raw: '{"query": "{ health { ok } }"' },
    { kind: 'transport', raw: '' },
    { kind: 'transport', raw: 'null' },
    { kind: 'transport', raw: '{"query": 42}' },
    { kind: 'transport', raw: '{"query": "{ health { ok } }", "variables": [1, 2]}' },
    { kind: 'transport', raw: '{"query": "{ health { ok } }", "variables": "x"}' },
    { kind: 'transport', raw: '\ufeff{"query": "{ health { ok } }"}' },
    {
      kind: 'transport',
      raw: '{"query": "{ health { ok } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    },
    {
      kind: 'transport',
      raw: '{"query":"{ health { ok } }"}',
      headers: { 'content-type': 'text/plain' },
    },
    {
      kind: 'transport',
      method: 'GET',
      search: `?query=${encodeURIComponent('{ sources { citations { quote } } }')}`,
    },
    {
      kind: 'transport',
      method: 'GET',
      search: `?query=${encodeURIComponent('mutation { signOut }')}`,
    },
    { kind: 'transport', method: 'GET', search: '?query=%ZZ%ED%A0%80' },
    {
      kind: 'transport',
      raw: '{"query":"{ health { ok } }"}',
      headers: { 'x-forwarded-for': '1.2.3.4, 5.6.7.8' },
    },
    {
      kind: 'transport',
      raw: '{"query":"{ health { ok } }"}',
      headers: { 'x-forwarded-for': 'x'.repeat(4_000) },
    },
  ]);

const tokens = (rng: Rng) => ({
  query: `{ health { ${'ok '.repeat(2_000 + rng.int(10_000))} } }`,
});

const replay = () => ({
  query: '{ sources { citations { id quote source { title citations { id } } } } }',
});

/** `n` hostile requests, the same for the same seed. */
export const hostileCorpus = (n: number, seed = 12): HostileRequest[] => {
  const rng = seededRng(seed);
  const generators: [string, (rng: Rng) => unknown][] = [
    ['deep relations', deepRelations],
    ['deep mixed', deepMixed],
    ['wide aliases', wideAliases],
    ['variable pages', variablePages],
    ['default pages', defaultPages],
    ['nested fragments', nestedFragments],
    ['fragment bomb', fragmentBomb],
    ['fragment cycle', fragmentCycle],
    ['huge string', hugeString],
    ['bad unicode', badUnicode],
    ['nul', nul],
    ['batch', batch],
    ['huge variables', hugeVariables],
    ['introspection', introspection],
    ['directives', directives],
    ['duplicate operations', duplicateOperations],
    ['long names', longNames],
    ['transport', transport],
    ['tokens', tokens],
    ['replay', replay],
  ];
  const requests: HostileRequest[] = [
    { kind: 'issue 12: nine-level relations', payload: { query: nineLevelRelations() } },
    {
      kind: 'issue 12: 15 aliases, n = 100',
      payload: { query: aliasedVariableEvents(), variables: { n: 100 } },
    },
  ];
  while (requests.length < n) {
    const [kind, generate] = generators[requests.length % generators.length] as [
      string,
      (rng: Rng) => unknown,
    ];
    const made = generate(rng);
    requests.push(
      made && typeof made === 'object' && 'kind' in made
        ? (made as HostileRequest)
        : { kind, payload: made },
    );
  }
  return requests;
};

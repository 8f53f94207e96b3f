import { createApolloServer, LIMITS } from '../../src/app';
import { createContext } from '../../src/context';
import { as, ok } from '../factories/graphql';
import { createTestApi, type TestApi } from '../harness';

/** The deepest operation the web app needs (an attempt review down to a citation's source). */
const DEEPEST = `query ($id: ID!) { attempt(id: $id) { questions { result { key { rationales {
  citations { source { title } } } } } } } }`;

/** The same nesting with each level wrapped in its own named fragment. */
const nestInFragments = (levels: number) => {
  const fragments = Array.from(
    { length: levels },
    (_, i) =>
      `fragment L${i} on Actor { offices { of { ${i + 1 < levels ? `...L${i + 1}` : 'slug'} } } }`,
  );
  return `{ actor(slug: "iran") { ...L0 } } ${fragments.join(' ')}`;
};

const nest = (depth: number) =>
  `{ ${'actor(slug: "iran") { relations { subject { '.repeat(Math.ceil(depth / 3))}slug${' } } }'.repeat(Math.ceil(depth / 3))} }`;

describe('hostile documents are refused before execution', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await createTestApi();
    base = await api.listen();
  });
  afterAll(() => api.close());

  it('the limits fit the deepest real operation', async () => {
    const result = await as(api)(DEEPEST, { id: '00000000-0000-4000-8000-000000000000' });
    // Validated and executed: it fails only for want of a session.
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('fragments do not count as levels of their own', async () => {
    // 1 + 2 × 4 = 9 field levels in 4 fragments: within the limit of 10 however it is written.
    const result = await as(api)(nestInFragments(4));
    // Validated and executed (this database has no knowledge base: the actor is null).
    expect(result.errors).toBeUndefined();
    expect(result.data).toHaveProperty('actor');
  });

  it.each([
    [
      'an event timeline of 50 with participants and citations',
      `{ events(first: 50) { nodes { slug title summary start { value precision label year } end { label } era { slug name } themes { slug name } participants { actor { slug name shortName kind } role stance } citations { id quote locator source { slug title publisher url } } status claimedBy disputes { claim date { label } citation { id quote source { title } } } } totalCount pageInfo { hasNextPage endCursor } } }`,
    ],
    [
      'a bank page of 20 with keys',
      `{ bankQuestions(first: 20) { nodes { id origin type template stem prompt { options { id label } selectMany items { id label } targets { id label } numeric { min max tolerance } quote } key { optionIds order pairs { itemId targetId } year rationales { ref isCorrect text citations { id quote source { title } } } } explanation citations { id quote source { title } } era { slug name } themes { slug name } actors { slug name } difficulty author { displayName } basedOnId updatedAt } totalCount pageInfo { hasNextPage endCursor } countsByType { type count } } }`,
    ],
  ])('the limits fit %s', async (_name, query) => {
    const result = await as(api)(query);
    const code = result.errors?.[0]?.extensions?.code;
    // Executed (anonymous may not read the bank: that is the only refusal allowed).
    expect(code === undefined || code === 'UNAUTHENTICATED').toBe(true);
  });

  it.each([
    ['depth', 'depth', nest(LIMITS.maxDepth + 3)],
    ['depth hidden in fragments', 'depth', nestInFragments(Math.ceil(LIMITS.maxDepth / 2) + 1)],
    [
      'aliases',
      'aliases',
      `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: health { ok }`).join(' ')} }`,
    ],
    [
      'directives',
      'directives',
      `{ health { ok ${'@include(if: true) '.repeat(LIMITS.maxDirectives + 1)} } }`,
    ],
    [
      'cost',
      'cost',
      `{ events(first: 200) { nodes { era { slug } participants { actor { offices { of { slug } } relations { subject { slug } context { slug } } events { nodes { slug era { slug } } } } } citations { source { citations { id } } } } } }`,
    ],
    [
      'aliased sign-ins',
      'aliases',
      `mutation { ${Array.from({ length: 20 }, (_, i) => `s${i}: signIn(input: { email: "a@b.c", password: "guess${i}guess" }) { errors { code } }`).join(' ')} }`,
    ],
    [
      'fragment cycles',
      null,
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    ],
  ])('%s', async (_name, limit, query) => {
    const before = await api.database.db.rateLimitBucket.count();
    const result = await as(api)(query);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.data).toBeUndefined();
    const extensions = result.errors?.[0]?.extensions;
    if (limit) {
      // Named: the limit, its number and what was found.
      expect(extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
      expect(Number(extensions?.found)).toBeGreaterThan(Number(extensions?.max));
      expect(result.errors?.[0]?.message).toMatch(/exceeds the limit of [\d,]+$/);
    } else {
      expect(extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // Nothing ran: not even a rate-limit count.
    expect(await api.database.db.rateLimitBucket.count()).toBe(before);
  });

  it('a document over the token limit is a 400 parse failure, over HTTP too', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ health { ${'ok '.repeat(LIMITS.maxTokens)} } }` }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('batched HTTP requests (a JSON array) are refused', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ health { ok } }' }, { query: '{ health { ok } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('errors are masked through one mapping', () => {
  it('an unexpected failure becomes INTERNAL_SERVER_ERROR, logged, without details', async () => {
    const logged: unknown[] = [];
    const env = { NODE_ENV: 'test' as const };
    const apollo = createApolloServer({ env, log: (error) => logged.push(error) });
    await apollo.start();
    const api = await createTestApi();
    try {
      const context = await createContext({ db: api.database.db, env: api.env });
      const broken = {
        ...context,
        db: {
          ...context.db,
          $queryRaw: () => {
            throw new Error(
              'relation "User" does not exist at postgres://quiz:secret@db:5432/quiz',
            );
          },
        } as unknown as typeof context.db,
      };
      const response = await apollo.executeOperation(
        { query: '{ health { ok } }' },
        { contextValue: broken },
      );
      const body = response.body.kind === 'single' ? response.body.singleResult : null;
      expect(body?.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['health'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/postgres|secret|relation|User/);
      expect(logged).toHaveLength(1);
    } finally {
      await apollo.stop();
      await api.close();
    }
  });
});

describe('production mode', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ NODE_ENV: 'production' });
  });
  afterAll(() => api.close());

  it('refuses introspection', async () => {
    const result = await as(api)('{ __schema { types { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.data).toBeUndefined();
  });

  it('gives no field suggestions', async () => {
    const result = await as(api)(
      '{ leaderbord(input: {}) { totalPlayers } eventz { totalCount } }',
    );
    const text = JSON.stringify(result.errors);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/Did you mean|leaderboard|events/);
  });

  it('still answers real operations', async () => {
    expect(await ok(as(api)('{ health { ok } }'))).toEqual({ health: { ok: true } });
  });
});

import { KB_DATA_DIR, loadKnowledgeBase } from '@quiz/prisma/knowledge';
import { getNullableType, isListType, isObjectType, parse } from 'graphql';
import { aliasedVariableEvents, nineLevelRelations } from '../../test/hostile/attacks';
import { typeDefs } from '../schema';
import { buildExecutableSchema } from '../schema/executable';
import { LIST_SIZES, measureCost } from './cost';
import { LIMITS, LimitError } from './limits';

const schema = buildExecutableSchema(typeDefs, []);
const cost = (query: string, variables?: Record<string, unknown>) =>
  measureCost({ schema, document: parse(query), variables });

const sizeOf = (key: string, args: Record<string, unknown> = {}) => {
  const size = LIST_SIZES[key];
  return typeof size === 'function' ? size(args) : size;
};

describe('the cost estimate', () => {
  it('has a size for every list field and every paginated field of the schema', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) {
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const key = `${type.name}.${field.name}`;
        const paged = field.args.some((arg) => arg.name === 'first');
        if ((isListType(getNullableType(field.type)) || paged) && !(key in LIST_SIZES)) {
          missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('counts a scalar 1, an object 1 plus its selection, and multiplies lists', () => {
    expect(cost('{ health { ok } }')).toBe(2);
    // 64 relations × (relation 1 + subject 1 + slug 1).
    expect(cost('{ actor(slug: "iran") { relations { subject { slug } } } }')).toBe(1 + 64 * 3);
    // Nested lists multiply: 64 × 64 at the second level.
    expect(cost('{ actor(slug: "iran") { relations { subject { relations { id } } } } }')).toBe(
      1 + 64 * (1 + 1 + 64 * 2),
    );
  });

  it('reads page sizes from literals, variables and argument defaults alike', () => {
    const literal = cost('{ events(first: 50) { nodes { slug } } }') as number;
    const variable = cost('query ($n: Int) { events(first: $n) { nodes { slug } } }', { n: 50 });
    const variableDefault = cost('query ($n: Int = 50) { events(first: $n) { nodes { slug } } }');
    // events(first: Int = 50) in the schema.
    const schemaDefault = cost('{ events { nodes { slug } } }');
    expect(literal).toBe(50 * 3);
    expect([variable, variableDefault, schemaDefault]).toEqual([literal, literal, literal]);
    expect(cost('query ($n: Int) { events(first: $n) { nodes { slug } } }', { n: 200 })).toBe(
      4 * literal,
    );
    // An input object's page size, from a variable.
    expect(
      cost('query ($i: LeaderboardInput!) { leaderboard(input: $i) { entries { rank } } }', {
        i: { first: 100 },
      }),
    ).toBe(100 * (1 + 2));
  });

  it('reads an explicit null page size as the largest page', () => {
    expect(cost('query ($n: Int) { events(first: $n) { nodes { slug } } }', { n: null })).toBe(
      200 * 3,
    );
  });

  it('counts aliases and fragment spreads each time, and skips what @skip/@include drop', () => {
    const one = cost('{ actors { slug } }') as number;
    expect(cost('{ a: actors { slug } b: actors { slug } }')).toBe(2 * one);
    expect(
      cost(
        '{ ...F ...G } fragment F on Query { actors { slug } } fragment G on Query { b: actors { slug } }',
      ),
    ).toBe(2 * one);
    expect(cost('query ($s: Boolean!) { actors @skip(if: $s) { slug } }', { s: true })).toBe(0);
    expect(cost('query ($s: Boolean!) { actors @include(if: $s) { slug } }', { s: true })).toBe(
      one,
    );
  });

  it('prices the attacks of issue 12 far above the limit', () => {
    expect(cost(nineLevelRelations())).toBeGreaterThan(LIMITS.maxCost * 100);
    expect(cost(aliasedVariableEvents(), { n: 100 })).toBeGreaterThan(LIMITS.maxCost * 10);
  });

  it('gives up on a document that expands past the node limit (a fragment bomb)', () => {
    // Each level spreads the next twice: 2^20 selections from a few hundred characters.
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i + 1 < levels
        ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`
        : `fragment F${i} on Query { health { ok } }`,
    ).join(' ');
    expect(() => cost(`{ ...F0 } ${fragments}`)).toThrow(LimitError);
    expect(() => cost(`{ ...F0 } ${fragments}`)).toThrow(/more than 5,000 selections/);
  });

  it('measures nothing when the variables do not fit (execution refuses them)', () => {
    expect(cost('query ($n: Int!) { events(first: $n) { nodes { slug } } }', {})).toBeNull();
    expect(
      cost('query ($n: Int!) { events(first: $n) { nodes { slug } } }', { n: 'many' }),
    ).toBeNull();
  });
});

describe('the knowledge base fits the sizes the estimate assumes', () => {
  const kb = loadKnowledgeBase(KB_DATA_DIR);
  const largest = (counts: number[]) => Math.max(0, ...counts);
  const involving = (slug: string) =>
    kb.relations.filter((r) => r.subject === slug || r.object === slug).length;

  it.each([
    ['Query.actors', () => kb.actors.length],
    ['Query.eras', () => kb.eras.length],
    ['Query.themes', () => kb.themes.length],
    ['Query.sources', () => kb.sources.length],
    ['Query.quotes', () => kb.quotes.length],
    ['Query.figures', () => kb.figures.length],
    ['Actor.aliases', () => largest(kb.actors.map((a) => a.aliases.length))],
    ['Actor.offices', () => largest(kb.actors.map((a) => a.offices.length))],
    ['Actor.relations', () => largest(kb.actors.map((a) => involving(a.slug)))],
    [
      'Office.attested',
      () => largest(kb.actors.flatMap((a) => a.offices.map((o) => o.attested.length))),
    ],
    [
      'Office.citations',
      () => largest(kb.actors.flatMap((a) => a.offices.map((o) => o.citations.length))),
    ],
    ['Event.participants', () => largest(kb.events.map((e) => e.participants.length))],
    ['Event.citations', () => largest(kb.events.map((e) => e.citations.length))],
    ['Event.disputes', () => largest(kb.events.map((e) => e.disputes.length))],
    ['Event.themes', () => largest(kb.events.map((e) => e.themes.length))],
    ['Relation.citations', () => largest(kb.relations.map((r) => r.citations.length))],
    [
      'Source.citations',
      () => largest(kb.sources.map((s) => kb.citations.filter((c) => c.source === s.slug).length)),
    ],
  ])('%s', (key, measure) => {
    const found = measure();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThanOrEqual(sizeOf(key) as number);
  });
});

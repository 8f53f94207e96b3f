import { KnowledgeBase } from '@quiz/prisma/knowledge';
import { loadKnowledgeSnapshot } from '../../src/modules/knowledge/snapshot';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createTestApi, type TestApi } from '../harness';

describe('knowledge (public reading)', () => {
  let api: TestApi;
  let run: ReturnType<typeof as>;
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    await api.database.db.event.create({
      data: {
        slug: 'middle-1999',
        title: 'A middle event',
        summary: 'Talks about oil.',
        startsOn: new Date('1999-01-01'),
        startsUntil: new Date('1999-12-31'),
        precision: 'YEAR',
        eraSlug: 'early-era',
        themes: ['war'],
        actorSlugs: ['syria'],
        citationIds: ['cite-1'],
        status: 'DISPUTED',
        data: {
          slug: 'middle-1999',
          title: 'A middle event',
          summary: 'Talks about oil.',
          start: { value: '1999', precision: 'YEAR' },
          era: 'early-era',
          themes: ['war'],
          participants: [{ actor: 'syria', role: 'host' }],
          citations: ['cite-1'],
          status: 'DISPUTED',
          disputes: [
            {
              claim: 'Another source says 2000.',
              citation: 'cite-3',
              date: { value: '2000', precision: 'YEAR' },
            },
          ],
        },
      },
    });
    run = as(api);
  });
  afterAll(() => api.close());

  const EVENTS = `query ($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      nodes { slug start { value precision label year } era { slug name } themes { slug }
        participants { actor { slug name } role stance } citations { id source { slug } }
        disputes { claim date { label } citation { id } } status }
      totalCount pageInfo { hasNextPage endCursor }
    }
  }`;
  type Events = {
    events: {
      nodes: { slug: string }[];
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  it('lists events chronologically with keyset pages', async () => {
    const first = await ok<Events>(run(EVENTS, { first: 2 }));
    expect(first.events.nodes.map((e) => e.slug)).toEqual(['pact-1980', 'middle-1999']);
    expect(first.events.totalCount).toBe(3);
    expect(first.events.pageInfo.hasNextPage).toBe(true);
    const second = await ok<Events>(
      run(EVENTS, { first: 2, after: first.events.pageInfo.endCursor }),
    );
    expect(second.events.nodes.map((e) => e.slug)).toEqual(['rupture-2012']);
    expect(second.events.pageInfo.hasNextPage).toBe(false);
    expect(first.events.nodes[0]).toMatchObject({
      start: { value: '1980-06-01', precision: 'DAY', label: '1 June 1980', year: 1980 },
      era: { slug: 'early-era' },
      participants: [
        { actor: { slug: 'iran', name: 'Iran' }, role: 'signatory', stance: null },
        { actor: { slug: 'syria' }, role: 'signatory', stance: 'PRO_IRAN' },
      ],
      citations: [{ id: 'cite-2', source: { slug: 'test-source' } }],
    });
  });

  it.each([
    [{ eras: ['late-era'] }, ['rupture-2012']],
    [{ themes: ['war'] }, ['middle-1999', 'rupture-2012']],
    [{ actors: ['iran'] }, ['pact-1980', 'rupture-2012']],
    [{ from: '1999-06', to: '2012' }, ['middle-1999', 'rupture-2012']],
    [{ to: '1980-06-01' }, ['pact-1980']],
    [{ search: 'OIL' }, ['middle-1999']],
  ])('filters events by %j', async (filter, slugs) => {
    const data = await ok<Events>(run(EVENTS, { filter }));
    expect(data.events.nodes.map((e) => e.slug)).toEqual(slugs);
    expect(data.events.totalCount).toBe(slugs.length);
  });

  it.each([
    [{ filter: { from: '1999-13' } }],
    [{ filter: { to: 'yesterday' } }],
    [{ after: 'not-a-cursor' }],
    [{ first: 0 }],
    [{ first: 10_000 }],
  ])('refuses bad arguments %j with BAD_USER_INPUT', async (variables) => {
    expect(await errorCode(run(EVENTS, variables))).toBe('BAD_USER_INPUT');
  });

  it('walks actors, relations at a date, their events, eras, sources and disputes', async () => {
    const data = await ok<Record<string, Record<string, unknown>>>(
      run(`{
        actor(slug: "iran") { name isArabState
          all: relations { id type subject { slug } object { slug } context { slug } from { year } }
          in2030: relations(at: "2030") { id }
          in1990: relations(at: "1990-05") { id }
          events(first: 1) { nodes { slug } totalCount pageInfo { hasNextPage } } }
        syria: actor(slug: "syria") { isArabState }
        actors(kind: STATE, search: "syr") { slug }
        eras { slug start { label } end { label } }
        sources { slug citations { id } }
        event(slug: "middle-1999") { disputes { claim date { label } citation { id } } status }
        missing: event(slug: "nope") { slug }
      }`),
    );
    expect(data.actor).toMatchObject({
      name: 'Iran',
      isArabState: false,
      all: [
        {
          id: 'iran-allied-syria',
          type: 'ALLIED',
          subject: { slug: 'iran' },
          object: { slug: 'syria' },
          context: { slug: 'pact-1980' },
          from: { year: 1980 },
        },
      ],
      in2030: [],
      in1990: [{ id: 'iran-allied-syria' }],
      events: { nodes: [{ slug: 'pact-1980' }], totalCount: 2, pageInfo: { hasNextPage: true } },
    });
    expect(data.syria?.isArabState).toBe(true);
    expect(data.actors).toEqual([{ slug: 'syria' }]);
    expect(data.eras).toEqual([
      { slug: 'early-era', start: { label: '1946' }, end: { label: '1999' } },
      { slug: 'late-era', start: { label: '2000' }, end: null },
    ]);
    expect(data.sources).toEqual([
      { slug: 'test-source', citations: [{ id: 'cite-1' }, { id: 'cite-2' }, { id: 'cite-3' }] },
    ]);
    expect(data.event).toEqual({
      disputes: [
        { claim: 'Another source says 2000.', date: { label: '2000' }, citation: { id: 'cite-3' } },
      ],
      status: 'DISPUTED',
    });
    expect(data.missing).toBeNull();
  });

  it('rebuilds the knowledge base snapshot from the tables, in the files’ format', async () => {
    const stance = {
      id: 'syria-backs-iran',
      actor: 'syria',
      position: 'SUPPORTS',
      towardActor: 'iran',
      statement: 'Syria backed Iran.',
      eras: [],
      themes: ['war'],
      citations: ['cite-1'],
      status: 'FACT',
      accordingTo: 'A test source',
    };
    await api.database.db.knowledgeRecord.create({
      data: { collection: 'stances', id: stance.id, position: 0, data: stance },
    });
    const kb = await loadKnowledgeSnapshot(api.database.db);
    expect(kb.stances).toEqual([stance]);
    expect(kb.explanations).toEqual([]);
    expect(KnowledgeBase.safeParse(kb).success).toBe(true);
    expect(kb.events.map((e) => e.slug)).toEqual(['middle-1999', 'pact-1980', 'rupture-2012']);
    expect(kb.citations.map((c) => c.id)).toEqual(['cite-1', 'cite-2', 'cite-3']);
    expect(kb.eras[1]).toEqual({
      slug: 'late-era',
      name: 'Late era',
      start: { value: '2000', precision: 'YEAR' },
      description: 'Since 2000.',
    });
    expect(kb.relations[0]?.context).toBe('pact-1980');
    // The same rows give the same object.
    expect(await loadKnowledgeSnapshot(api.database.db)).toEqual(kb);
  });
});

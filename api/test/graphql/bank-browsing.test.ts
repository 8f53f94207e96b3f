import type { PrismaClient, QuestionType } from '@quiz/prisma';
import { refreshQuestionFacets } from '../../src/modules/questions/service/facets';
import { as, errorCode, ok } from '../factories/graphql';
import { seedTinyKb } from '../factories/knowledge';
import { createStudent, createTeacher } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * Bank browsing (issue 14.1) against real PostgreSQL: every facet filter, the disjunctive counts,
 * the eras a cross-era ordering spans, full-text search with ranking and hostile input, keyset
 * pages, and "more like this".
 */
const BANK = `query ($filter: QuestionFilter, $first: Int, $after: String) {
  bankQuestions(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id stem factStatus eras { slug } }
    pageInfo { hasNextPage endCursor }
    countsByType { type count }
    facets {
      types { value count } eras { value label count } spansEras themes { value count }
      actors { value label count } sources { value label count } difficulties { value count }
      statuses { value count }
    }
  }
}`;
const SIMILAR = `query ($id: ID!, $first: Int) { similarQuestions(id: $id, first: $first) { id } }`;
const CREATE = `mutation ($input: QuestionInput!) {
  createQuestion(input: $input) { question { id factStatus eras { slug } } errors { field code } }
}`;

type FacetCount = { value: string; label?: string; count: number };
type Page = {
  totalCount: number;
  nodes: { id: string; stem: string; factStatus: string | null; eras: { slug: string }[] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  countsByType: { type: string; count: number }[];
  facets: {
    types: FacetCount[];
    eras: FacetCount[];
    spansEras: number;
    themes: FacetCount[];
    actors: FacetCount[];
    sources: FacetCount[];
    difficulties: FacetCount[];
    statuses: FacetCount[];
  };
};

const counts = (list: FacetCount[]) => Object.fromEntries(list.map((f) => [f.value, f.count]));

const STEM_ORDER = 'Put these events in order, earliest first.';

describe('bank browsing', () => {
  let api: TestApi;
  let db: PrismaClient;
  let run: ReturnType<typeof as>;
  let authoredId = '';
  let otherAuthoredId = '';

  const page = async (filter: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    (await ok<{ bankQuestions: Page }>(run(BANK, { filter, ...extra }))).bankQuestions;
  const ids = async (filter: Record<string, unknown>) =>
    (await page(filter, { first: 100 })).nodes.map((n) => n.id).sort();

  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
    await seedTinyKb(db);
    // More of the knowledge base than the tiny one has: a second source, a disputed event and a
    // dated opinion (a quote), so that status, source and quote-dated eras have something to find.
    await db.source.create({
      data: {
        slug: 'second-source',
        file: 'second.txt',
        title: 'A second source',
        publisher: 'Other Press',
        kind: 'NEWS',
        publishedLabel: '2024',
        reliabilityNote: 'A fixture.',
        noiseNote: 'None.',
      },
    });
    await db.citation.create({
      data: {
        id: 'cite-b1',
        sourceSlug: 'second-source',
        quote: 'A quoted line.',
        locator: 'p 1',
        position: 0,
      },
    });
    await db.event.create({
      data: {
        slug: 'contested-raid',
        title: 'A contested raid',
        summary: 'Who ordered it is disputed.',
        startsOn: new Date('1982-01-01'),
        startsUntil: new Date('1982-12-31'),
        precision: 'YEAR',
        eraSlug: 'early-era',
        themes: ['war'],
        actorSlugs: ['syria'],
        citationIds: ['cite-3'],
        status: 'DISPUTED',
        data: {
          slug: 'contested-raid',
          title: 'A contested raid',
          summary: 'Who ordered it is disputed.',
          start: { value: '1982', precision: 'YEAR' },
          era: 'early-era',
          themes: ['war'],
          participants: [{ actor: 'syria', role: 'raider' }],
          citations: ['cite-3'],
          status: 'DISPUTED',
          disputes: [],
        },
      },
    });
    await db.quote.create({
      data: {
        id: 'counterweight',
        speakerSlug: 'iran',
        words: 'Iran will not lose this golden counterweight.',
        saidOn: new Date('2013-05-01'),
        citationId: 'cite-b1',
        status: 'OPINION',
        data: {
          id: 'counterweight',
          speaker: 'iran',
          words: 'Iran will not lose this golden counterweight.',
          date: { value: '2013-05-01', precision: 'DAY' },
          context: 'A fixture.',
          themes: [],
          citation: 'cite-b1',
          status: 'OPINION',
        },
      },
    });
    const base = {
      origin: 'GENERATED' as const,
      template: 'fixture',
      prompt: {},
      key: { rationales: [] },
      explanation: 'The sources say so.',
      citationIds: ['cite-1'],
      themes: ['alliance'],
      actorSlugs: ['iran', 'syria'],
      eraSlug: null,
      difficulty: 0.5,
    };
    const questions: {
      id: string;
      type: QuestionType;
      stem: string;
      [key: string]: unknown;
    }[] = [
      {
        // A cross-era ordering: no era of its own, facts in both eras.
        id: 'q_span',
        type: 'CHRONOLOGY',
        template: 'chronology',
        stem: STEM_ORDER,
        prompt: {
          items: [
            { id: 'rupture-2012', label: 'Ties are tested' },
            { id: 'pact-1980', label: 'A pact is signed' },
          ],
        },
        key: { order: ['pact-1980', 'rupture-2012'], rationales: [] },
        factIds: ['event:pact-1980', 'event:rupture-2012'],
        difficulty: 0.2,
      },
      {
        id: 'q_early',
        type: 'CHRONOLOGY',
        template: 'chronology',
        stem: STEM_ORDER,
        prompt: {
          items: [
            { id: 'contested-raid', label: 'A contested raid' },
            { id: 'pact-1980', label: 'A pact is signed' },
          ],
        },
        factIds: ['event:pact-1980', 'event:contested-raid'],
        citationIds: ['cite-3'],
        themes: ['war'],
        difficulty: 0.5,
      },
      {
        id: 'q_quote',
        type: 'WHO_SAID',
        template: 'who-said',
        stem: 'Who said these words?',
        prompt: {
          quote: 'Iran will not lose this golden counterweight.',
          options: [
            { id: 'iran', label: 'Iran' },
            { id: 'syria', label: 'Syria' },
          ],
        },
        factIds: ['quote:counterweight'],
        citationIds: ['cite-b1'],
        actorSlugs: ['iran'],
        difficulty: 0.8,
      },
      {
        id: 'q_tf',
        type: 'TRUE_FALSE',
        template: 'true-false',
        stem: 'True or false: the pact was signed in 1980.',
        prompt: {
          options: [
            { id: 't', label: 'True' },
            { id: 'f', label: 'False' },
          ],
        },
        explanation: 'Hezbollah logistics are not what the pact was about.',
        factIds: ['event:pact-1980'],
        eraSlug: 'early-era',
        difficulty: 0.1,
      },
      {
        // Its facts carry no status (an office) and no date: no era, no status.
        id: 'q_office',
        type: 'OFFICE_HOLDER',
        template: 'office-holder',
        stem: 'Who held the office of the Hezbollah liaison?',
        prompt: {
          options: [
            { id: 'a', label: 'Iran' },
            { id: 'b', label: 'Syria' },
          ],
        },
        factIds: ['office:liaison'],
        difficulty: 0.95,
      },
    ];
    for (const q of questions) {
      await db.question.create({ data: { ...base, ...q } });
    }
    // The seed refreshes the facets after storing the bank; generated rows get them so.
    await refreshQuestionFacets(db);

    const teacher = await createTeacher(db);
    run = as(api, teacher.token);
    const input = {
      type: 'SINGLE_CHOICE',
      stem: 'Which state hosted the mission?',
      options: [
        { id: 'a', label: 'Lebanon' },
        { id: 'b', label: 'Syria' },
        { id: 'c', label: 'Iraq' },
      ],
      correctOptionIds: ['b'],
      explanation: 'The mission sat in Damascus.',
      citationIds: ['cite-b1'],
      era: 'late-era',
      themes: ['alliance'],
    };
    const created = await ok<{ createQuestion: { question: { id: string; eras: object[] } } }>(
      run(CREATE, { input }),
    );
    authoredId = created.createQuestion.question.id;
    expect(created.createQuestion.question.eras).toEqual([{ slug: 'late-era' }]);
    const other = await createTeacher(db);
    const theirs = await ok<{ createQuestion: { question: { id: string } } }>(
      as(api, other.token)(CREATE, {
        input: { ...input, stem: 'A golden counterweight question of another teacher?' },
      }),
    );
    otherAuthoredId = theirs.createQuestion.question.id;
  });
  afterAll(() => api.close());

  it('derives eras, sources and status from the facts', async () => {
    const rows = await db.question.findMany({
      select: { id: true, eraSlugs: true, sourceSlugs: true, factStatus: true },
      orderBy: { id: 'asc' },
    });
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId.q_span).toMatchObject({
      eraSlugs: ['early-era', 'late-era'],
      sourceSlugs: ['test-source'],
      factStatus: 'FACT',
    });
    expect(byId.q_early).toMatchObject({ eraSlugs: ['early-era'], factStatus: 'DISPUTED' });
    // A quote falls in the era of the day it was said.
    expect(byId.q_quote).toMatchObject({
      eraSlugs: ['late-era'],
      sourceSlugs: ['second-source'],
      factStatus: 'OPINION',
    });
    expect(byId.q_office).toMatchObject({ eraSlugs: [], factStatus: null });
    // Written through the editor: refreshed on write.
    expect(byId[authoredId]).toMatchObject({
      eraSlugs: ['late-era'],
      sourceSlugs: ['second-source'],
      factStatus: null,
    });
  });

  it('lists the generated bank and the own questions, never another teacher’s', async () => {
    const all = await page({}, { first: 100 });
    expect(all.totalCount).toBe(6);
    expect(all.nodes.map((n) => n.id)).not.toContain(otherAuthoredId);
    // Easiest first.
    expect(all.nodes.map((n) => n.id)).toEqual([
      'q_tf',
      'q_span',
      authoredId,
      'q_early',
      'q_quote',
      'q_office',
    ]);
    expect(all.facets.sources.map((s) => [s.value, s.label, s.count])).toEqual([
      ['test-source', 'A test source', 4],
      ['second-source', 'A second source', 2],
    ]);
  });

  it('filters types as alternatives and keeps every type counted when one is picked', async () => {
    const picked = await page({ types: ['CHRONOLOGY'] });
    expect(picked.totalCount).toBe(2);
    expect(counts(picked.facets.types)).toEqual({
      SINGLE_CHOICE: 1,
      TRUE_FALSE: 1,
      CHRONOLOGY: 2,
      WHO_SAID: 1,
      OFFICE_HOLDER: 1,
    });
    expect(picked.countsByType).toEqual(
      picked.facets.types.map((f) => ({ type: f.value, count: f.count })),
    );
    expect(await ids({ types: ['CHRONOLOGY', 'WHO_SAID'] })).toEqual([
      'q_early',
      'q_quote',
      'q_span',
    ]);
    // Other facets count under the type filter.
    expect(counts(picked.facets.statuses)).toEqual({ FACT: 1, DISPUTED: 1 });
  });

  it('puts a cross-era ordering in every era it touches, and "spans eras" finds it', async () => {
    const all = await page();
    expect(counts(all.facets.eras)).toEqual({ 'early-era': 3, 'late-era': 3 });
    expect(all.facets.eras.map((e) => e.label)).toEqual(['Early era', 'Late era']);
    expect(all.facets.spansEras).toBe(1);
    expect(await ids({ eras: ['early-era'] })).toEqual(['q_early', 'q_span', 'q_tf']);
    expect(await ids({ eras: ['late-era'] })).toEqual([authoredId, 'q_quote', 'q_span'].sort());
    expect(await ids({ spansEras: true })).toEqual(['q_span']);
    // Alternatives within the era facet.
    expect(await ids({ eras: ['early-era'], spansEras: true })).toEqual([
      'q_early',
      'q_span',
      'q_tf',
    ]);
    const span = (await page({ spansEras: true })).nodes[0];
    expect(span?.eras).toEqual([{ slug: 'early-era' }, { slug: 'late-era' }]);
    // The era facet is counted without the era filter.
    expect((await page({ eras: ['late-era'] })).facets.spansEras).toBe(1);
  });

  it('filters themes, actors and sources', async () => {
    expect(await ids({ themes: ['war'] })).toEqual(['q_early']);
    expect(await ids({ themes: ['war', 'alliance'] })).toHaveLength(6);
    expect(await ids({ actors: ['syria'] })).toEqual(['q_early', 'q_office', 'q_span', 'q_tf']);
    expect(await ids({ sources: ['second-source'] })).toEqual([authoredId, 'q_quote'].sort());
    const bySource = await page({ sources: ['second-source'] });
    expect(counts(bySource.facets.sources)).toEqual({ 'second-source': 2, 'test-source': 4 });
    expect(counts(bySource.facets.actors)).toEqual({ iran: 1 });
  });

  it('filters difficulty bands and fact status', async () => {
    expect(await ids({ difficulties: ['EASY'] })).toEqual(['q_span', 'q_tf']);
    expect(await ids({ difficulties: ['EASY', 'HARD'] })).toEqual([
      'q_office',
      'q_quote',
      'q_span',
      'q_tf',
    ]);
    expect(counts((await page()).facets.difficulties)).toEqual({ EASY: 2, MEDIUM: 2, HARD: 2 });
    expect(await ids({ statuses: ['FACT'] })).toEqual(['q_span', 'q_tf']);
    expect(await ids({ statuses: ['DISPUTED', 'OPINION'] })).toEqual(['q_early', 'q_quote']);
    // Across facets: all must hold.
    expect(await ids({ statuses: ['FACT'], eras: ['late-era'] })).toEqual(['q_span']);
    expect(await ids({ statuses: ['FACT'], types: ['WHO_SAID'] })).toEqual([]);
  });

  it('searches stems, options, quotes and explanations, best match first', async () => {
    // In the quote (prompt) of one, the stem of another teacher's (not visible).
    expect(await ids({ search: 'golden counterweight' })).toEqual(['q_quote']);
    // In an option label.
    expect(await ids({ search: 'Lebanon' })).toEqual([authoredId]);
    // In an explanation; stemming finds "logistic".
    expect(await ids({ search: 'logistic' })).toEqual(['q_tf']);
    // A stem hit ranks above an explanation hit.
    const hez = await page({ search: 'Hezbollah' });
    expect(hez.nodes.map((n) => n.id)).toEqual(['q_office', 'q_tf']);
    // Web-search syntax: phrases, or, not.
    expect(await ids({ search: '"ties are tested"' })).toEqual(['q_span']);
    expect(await ids({ search: '"tested ties"' })).toEqual([]);
    expect(await ids({ search: 'tested ties' })).toEqual(['q_span']);
    expect(await ids({ search: 'pact -tested' })).toEqual(['q_early', 'q_tf']);
    expect(await ids({ search: 'Lebanon or counterweight' })).toEqual(
      [authoredId, 'q_quote'].sort(),
    );
    // With the other filters, and counted per facet.
    const withType = await page({ search: 'pact', types: ['CHRONOLOGY'] });
    expect(withType.totalCount).toBe(2);
    expect(counts(withType.facets.types)).toEqual({ CHRONOLOGY: 2, TRUE_FALSE: 1 });
  });

  it('reads a hyphen or dash between words as the en dash the bank writes, so either spelling finds the other', async () => {
    const teacher = await createTeacher(db);
    const mine = as(api, teacher.token);
    const created = await ok<{ createQuestion: { question: { id: string } } }>(
      mine(CREATE, {
        input: {
          type: 'SINGLE_CHOICE',
          stem: 'Which state stood by Iran in the Iran–Iraq War?',
          options: [
            { id: 'a', label: 'Jordan' },
            { id: 'b', label: 'Syria' },
            { id: 'c', label: 'Kuwait' },
          ],
          correctOptionIds: ['b'],
          explanation: 'Syria-Iran ties held.',
          citationIds: ['cite-b1'],
          era: 'late-era',
          themes: ['alliance'],
        },
      }),
    );
    const id = created.createQuestion.question.id;
    const found = async (search: string) =>
      (
        await ok<{ bankQuestions: Page }>(mine(BANK, { filter: { search, mine: true } }))
      ).bankQuestions.nodes.map((n) => n.id);
    // The stem has an en dash; a teacher types a hyphen (or the same dash).
    expect(await found('Iran-Iraq war')).toEqual([id]);
    expect(await found('iran–iraq war')).toEqual([id]);
    expect(await found('"Iran-Iraq War"')).toEqual([id]);
    // The explanation has a hyphen; the dash finds it too.
    expect(await found('Syria—Iran ties')).toEqual([id]);
    // A leading minus still leaves a word out.
    expect(await found('Iran -Iraq')).toEqual([]);
    // Still a phrase: the two words must stand together.
    expect(await found('Iraq-Iran')).toEqual([]);
  });

  it('pages through search results and the plain list without gaps or repeats', async () => {
    for (const filter of [{ search: 'pact OR Hezbollah OR Syria' }, {}]) {
      const seen: string[] = [];
      let after: string | null = null;
      const total = (await page(filter)).totalCount;
      for (let i = 0; i < 10; i += 1) {
        const one: Page = await page(filter, { first: 1, after });
        seen.push(...one.nodes.map((n) => n.id));
        after = one.pageInfo.endCursor;
        if (!one.pageInfo.hasNextPage) {
          break;
        }
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    }
    // A search cursor does not continue a plain list.
    const searched = await page({ search: 'pact' }, { first: 1 });
    expect(
      await errorCode(run(BANK, { filter: {}, first: 1, after: searched.pageInfo.endCursor })),
    ).toBe('BAD_USER_INPUT');
  });

  const HOSTILE = [
    `'); DROP TABLE "Question"; --`,
    '!!! & | <-> :* ()',
    '"unbalanced',
    'pact <-> signed',
    'pact:* & !',
    '\\',
    '-',
    'or or or',
    '%_%',
    'the',
    'پیمان سوریه',
    'اتفاقية',
    '\u202Epact\u202C',
    '😀 pact 👍🏽',
    'e\u0301 pact',
    '\uFEFFpact\u200B',
    '\u0007pact\u001b[0m',
    `${'a'.repeat(200)}`,
    `${'"-'.repeat(100)}`,
    `${'pact | '.repeat(28)}pact`,
  ];

  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 40), s]))(
    'answers a hostile search %s with a result, never an error',
    async (_label, search) => {
      const result = await page({ search });
      expect(result.totalCount).toBe(result.nodes.length);
    },
  );

  it('keeps counting the table after the injection attempt', async () => {
    expect((await page()).totalCount).toBe(6);
  });

  it.each([
    ['201 characters', 'a'.repeat(201)],
    ['10,000 characters', 'pact '.repeat(2000)],
    ['a NUL', 'pact\u0000'],
    ['a lone surrogate', 'pact\uD800'],
  ])('refuses a search of %s with BAD_USER_INPUT', async (_label, search) => {
    expect(await errorCode(run(BANK, { filter: { search } }))).toBe('BAD_USER_INPUT');
  });

  it('finds nothing for stop words alone', async () => {
    expect((await page({ search: 'the of and' })).totalCount).toBe(0);
  });

  it.each([
    ['too many values', { filter: { actors: Array.from({ length: 51 }, (_, i) => `a${i}`) } }],
    ['an overlong value', { filter: { sources: ['s'.repeat(101)] } }],
    ['an unknown type', { filter: { types: ['NOT_A_TYPE'] } }],
    ['an unknown status', { filter: { statuses: ['TRUE'] } }],
    ['a page of 101', { first: 101 }],
    ['a page of 0', { first: 0 }],
    ['a forged cursor', { after: 'bm90IGpzb24' }],
  ])('refuses %s with BAD_USER_INPUT', async (_label, variables) => {
    expect(await errorCode(run(BANK, variables))).toBe('BAD_USER_INPUT');
  });

  it('answers hostile searches over real HTTP with 200 or 400, never 500', async () => {
    const url = await api.listen();
    const token = (await createTeacher(db)).token;
    for (const search of [...HOSTILE, 'a'.repeat(5000), 'pact\uD800']) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: `quiz_session=${token}`,
        },
        body: JSON.stringify({ query: BANK, variables: { filter: { search } } }),
      });
      const body = (await response.json()) as {
        data?: unknown;
        errors?: { extensions?: { code?: string } }[];
      };
      expect([200, 400]).toContain(response.status);
      for (const error of body.errors ?? []) {
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('offers more like this: shared facts first, then the template', async () => {
    const similar = await ok<{ similarQuestions: { id: string }[] }>(
      run(SIMILAR, { id: 'q_early', first: 3 }),
    );
    // q_span shares a fact and the template; q_tf shares a fact; q_office shares an actor.
    expect(similar.similarQuestions.map((q) => q.id)).toEqual(['q_span', 'q_tf', 'q_office']);
    expect(
      (await ok<{ similarQuestions: object[] }>(run(SIMILAR, { id: otherAuthoredId })))
        .similarQuestions,
    ).toEqual([]);
    expect(
      (await ok<{ similarQuestions: object[] }>(run(SIMILAR, { id: 'nope' }))).similarQuestions,
    ).toEqual([]);
    expect(await errorCode(run(SIMILAR, { id: 'q_early', first: 21 }))).toBe('BAD_USER_INPUT');
  });

  it('draws cross-era questions for an era they touch when generating', async () => {
    const drawn = await ok<{
      generateQuestions: { questions: { id: string }[]; available: number };
    }>(
      run(
        `mutation ($input: GenerateQuestionsInput!) {
          generateQuestions(input: $input) { available questions { id } } }`,
        { input: { eras: ['late-era'], count: 10, seed: 1 } },
      ),
    );
    // Generated questions only (the teacher's own are not drawn): the span and the dated quote.
    expect(drawn.generateQuestions.questions.map((q) => q.id).sort()).toEqual([
      'q_quote',
      'q_span',
    ]);
    expect(drawn.generateQuestions.available).toBe(2);
  });

  it('is for teachers only', async () => {
    const student = await createStudent(db);
    expect(await errorCode(as(api, student.token)(BANK, {}))).toBe('FORBIDDEN');
    expect(await errorCode(as(api, student.token)(SIMILAR, { id: 'q_early' }))).toBe('FORBIDDEN');
    expect(await errorCode(as(api)(SIMILAR, { id: 'q_early' }))).toBe('UNAUTHENTICATED');
  });
});

import type { DbClient } from '@quiz/prisma';

/**
 * A tiny knowledge base for API tests (one source, a few citations, two eras and themes, two
 * actors, two events): enough for questions to cite and for the knowledge queries to walk.
 * The real KB is the KB author's; these tests must not depend on its progress.
 */
export const TINY_KB = {
  source: 'test-source',
  citations: ['cite-1', 'cite-2', 'cite-3'],
  eras: ['early-era', 'late-era'],
  themes: ['alliance', 'war'],
  actors: ['iran', 'syria'],
  events: ['pact-1980', 'rupture-2012'],
} as const;

const day = (value: string) => ({ value, precision: 'DAY' as const });

export const seedTinyKb = async (db: DbClient): Promise<void> => {
  await db.source.create({
    data: {
      slug: TINY_KB.source,
      file: 'test.txt',
      title: 'A test source',
      publisher: 'Test Press',
      kind: 'ENCYCLOPEDIA',
      publishedLabel: 'captured 2025',
      reliabilityNote: 'A fixture.',
      noiseNote: 'None.',
    },
  });
  await db.citation.createMany({
    data: TINY_KB.citations.map((id, position) => ({
      id,
      sourceSlug: TINY_KB.source,
      quote: `Quoted passage number ${position + 1}.`,
      locator: `paragraph ${position + 1}`,
      position,
    })),
  });
  await db.era.createMany({
    data: [
      {
        slug: 'early-era',
        name: 'Early era',
        position: 0,
        startsOn: new Date('1946-01-01'),
        endsOn: new Date('1999-12-31'),
        start: { value: '1946', precision: 'YEAR' },
        end: { value: '1999', precision: 'YEAR' },
        description: 'Before 2000.',
      },
      {
        slug: 'late-era',
        name: 'Late era',
        position: 1,
        startsOn: new Date('2000-01-01'),
        start: { value: '2000', precision: 'YEAR' },
        description: 'Since 2000.',
      },
    ],
  });
  await db.theme.createMany({
    data: [
      { slug: 'alliance', name: 'Alliance', description: 'Working together.' },
      { slug: 'war', name: 'War', description: 'Fighting.' },
    ],
  });
  const actor = (slug: string, name: string) => ({
    slug,
    kind: 'STATE' as const,
    name,
    aliases: [],
    description: `${name}, a state.`,
    data: {
      slug,
      kind: 'STATE',
      name,
      aliases: [],
      description: `${name}, a state.`,
      offices: [],
      citations: ['cite-1'],
      isArabState: { value: slug === 'syria', citations: ['cite-1'] },
    },
  });
  await db.actor.createMany({ data: [actor('iran', 'Iran'), actor('syria', 'Syria')] });
  const event = (slug: string, title: string, date: string, era: string, theme: string) => ({
    slug,
    title,
    summary: `${title}, in summary.`,
    startsOn: new Date(date),
    startsUntil: new Date(date),
    precision: 'DAY' as const,
    eraSlug: era,
    themes: [theme],
    actorSlugs: ['iran', 'syria'],
    citationIds: ['cite-2'],
    status: 'FACT' as const,
    data: {
      slug,
      title,
      summary: `${title}, in summary.`,
      start: day(date),
      era,
      themes: [theme],
      participants: [
        { actor: 'iran', role: 'signatory' },
        { actor: 'syria', role: 'signatory', stance: 'PRO_IRAN' },
      ],
      citations: ['cite-2'],
      status: 'FACT',
      disputes: [],
    },
  });
  await db.event.createMany({
    data: [
      event('pact-1980', 'A pact is signed', '1980-06-01', 'early-era', 'alliance'),
      event('rupture-2012', 'Ties are tested', '2012-03-15', 'late-era', 'war'),
    ],
  });
  await db.relation.create({
    data: {
      id: 'iran-allied-syria',
      type: 'ALLIED',
      subjectSlug: 'iran',
      objectSlug: 'syria',
      fromOn: new Date('1980-01-01'),
      untilOn: new Date('2024-12-31'),
      status: 'FACT',
      citationIds: ['cite-3'],
      data: {
        id: 'iran-allied-syria',
        type: 'ALLIED',
        subject: 'iran',
        object: 'syria',
        from: { value: '1980', precision: 'YEAR' },
        to: { value: '2024', precision: 'YEAR' },
        context: 'pact-1980',
        summary: 'Iran and Syria were allies.',
        citations: ['cite-3'],
        status: 'FACT',
      },
    },
  });
};

import type { DbClient } from '../src';
import { type DateValue, dateRange, type KnowledgeBase } from './kb';

const range = (date: DateValue | undefined) => (date ? dateRange(date) : undefined);

/**
 * Replaces the knowledge base with the files' content. Callers run it inside one transaction, so
 * running it again gives the same rows and a failure leaves the previous knowledge base intact.
 */
export const seedKnowledgeBase = async (db: DbClient, kb: KnowledgeBase): Promise<void> => {
  // Children first on delete, parents first on insert.
  await db.knowledgeRecord.deleteMany();
  await db.figure.deleteMany();
  await db.quote.deleteMany();
  await db.relation.deleteMany();
  await db.event.deleteMany();
  await db.office.deleteMany();
  await db.actor.deleteMany();
  await db.theme.deleteMany();
  await db.era.deleteMany();
  await db.citation.deleteMany();
  await db.source.deleteMany();

  await db.source.createMany({
    data: kb.sources.map((source) => ({
      slug: source.slug,
      file: source.file,
      title: source.title,
      publisher: source.publisher,
      author: source.author ?? null,
      kind: source.kind,
      publishedLabel: source.publishedLabel,
      publishedFrom: source.publishedFrom ?? undefined,
      publishedTo: source.publishedTo ?? undefined,
      url: source.url ?? null,
      reliabilityNote: source.reliabilityNote,
      noiseNote: source.noiseNote,
    })),
  });
  await db.citation.createMany({
    data: kb.citations.map((citation, position) => ({
      id: citation.id,
      sourceSlug: citation.source,
      quote: citation.quote,
      locator: citation.locator,
      position,
    })),
  });
  await db.era.createMany({
    data: kb.eras.map((era, position) => ({
      slug: era.slug,
      name: era.name,
      position,
      startsOn: dateRange(era.start).from,
      endsOn: range(era.end)?.until ?? null,
      start: era.start,
      end: era.end ?? undefined,
      description: era.description,
    })),
  });
  await db.theme.createMany({ data: kb.themes });
  await db.actor.createMany({
    data: kb.actors.map((actor) => ({
      slug: actor.slug,
      kind: actor.kind,
      name: actor.name,
      shortName: actor.shortName ?? null,
      aliases: actor.aliases,
      description: actor.description,
      data: actor,
    })),
  });
  await db.office.createMany({
    data: kb.actors.flatMap((actor) =>
      actor.offices.map((office, index) => {
        const known = [office.from, office.to, ...office.attested]
          .filter((date): date is DateValue => date !== undefined)
          .map(dateRange);
        return {
          id: `${actor.slug}-${index}`,
          personSlug: actor.slug,
          title: office.title,
          role: office.role,
          ofSlug: office.of,
          knownFrom: known.length ? new Date(Math.min(...known.map((r) => +r.from))) : null,
          knownUntil: known.length ? new Date(Math.max(...known.map((r) => +r.until))) : null,
          data: office,
        };
      }),
    ),
  });
  await db.event.createMany({
    data: kb.events.map((event) => {
      const start = dateRange(event.start);
      return {
        slug: event.slug,
        title: event.title,
        summary: event.summary,
        startsOn: start.from,
        startsUntil: start.until,
        endsOn: range(event.end)?.until ?? null,
        precision: event.start.precision,
        eraSlug: event.era,
        themes: event.themes,
        actorSlugs: [...new Set(event.participants.map((p) => p.actor))],
        citationIds: event.citations,
        status: event.status,
        data: event,
      };
    }),
  });
  await db.relation.createMany({
    data: kb.relations.map((relation) => ({
      id: relation.id,
      type: relation.type,
      subjectSlug: relation.subject,
      objectSlug: relation.object,
      fromOn: range(relation.from)?.from ?? null,
      untilOn: range(relation.to)?.until ?? null,
      status: relation.status,
      citationIds: relation.citations,
      data: relation,
    })),
  });
  await db.quote.createMany({
    data: kb.quotes.map((quote) => ({
      id: quote.id,
      speakerSlug: quote.speaker,
      words: quote.words,
      saidOn: range(quote.date)?.from ?? null,
      citationId: quote.citation,
      status: quote.status,
      data: quote,
    })),
  });
  await db.figure.createMany({
    data: kb.figures.map((figure) => ({
      id: figure.id,
      measures: figure.measures,
      amount: figure.amount,
      citationId: figure.citation,
      status: figure.status,
      data: figure,
    })),
  });
  // The understanding layer has no columns of its own to query by: one JSON row per record.
  const understanding = [
    ...kb.explanations.map((x, position) => ({
      collection: 'explanations',
      id: x.id,
      position,
      data: x,
    })),
    ...kb.stances.map((x, position) => ({ collection: 'stances', id: x.id, position, data: x })),
    ...kb.series.map((x, position) => ({ collection: 'series', id: x.slug, position, data: x })),
    ...kb.sourceErrors.map((x, position) => ({
      collection: 'sourceErrors',
      id: x.id,
      position,
      data: x,
    })),
  ];
  await db.knowledgeRecord.createMany({ data: understanding });
};

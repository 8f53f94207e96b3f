import type { DbClient } from '@quiz/prisma';
import { type DateValue, KnowledgeBase } from '@quiz/prisma/knowledge';

/**
 * Rebuilds the knowledge base object (the shape of prisma/seed/data/kb/*.json) from the KB tables
 * (the understanding layer from KnowledgeRecord),
 * for the question generator. Records come back sorted by their ids (citations and eras keep
 * their file order, which the tables record), so the same rows always give the same object.
 */
export const loadKnowledgeSnapshot = async (db: DbClient): Promise<KnowledgeBase> => {
  const [sources, citations, eras, themes, actors, events, relations, quotes, figures, records] =
    await Promise.all([
      db.source.findMany({ orderBy: { slug: 'asc' } }),
      db.citation.findMany({ orderBy: { position: 'asc' } }),
      db.era.findMany({ orderBy: { position: 'asc' } }),
      db.theme.findMany({ orderBy: { slug: 'asc' } }),
      db.actor.findMany({ orderBy: { slug: 'asc' }, select: { data: true } }),
      db.event.findMany({ orderBy: { slug: 'asc' }, select: { data: true } }),
      db.relation.findMany({ orderBy: { id: 'asc' }, select: { data: true } }),
      db.quote.findMany({ orderBy: { id: 'asc' }, select: { data: true } }),
      db.figure.findMany({ orderBy: { id: 'asc' }, select: { data: true } }),
      db.knowledgeRecord.findMany({
        orderBy: [{ collection: 'asc' }, { position: 'asc' }],
        select: { collection: true, data: true },
      }),
    ]);
  const understanding = (collection: string) =>
    records.filter((row) => row.collection === collection).map((row) => row.data);
  const optional = <T>(value: T | null): T | undefined => value ?? undefined;
  // Parsing checks the rows still match the format the generator expects.
  return KnowledgeBase.parse({
    sources: sources.map((source) => ({
      slug: source.slug,
      file: source.file,
      title: source.title,
      publisher: source.publisher,
      author: optional(source.author),
      kind: source.kind,
      publishedLabel: source.publishedLabel,
      publishedFrom: optional(source.publishedFrom as DateValue | null),
      publishedTo: optional(source.publishedTo as DateValue | null),
      url: optional(source.url),
      reliabilityNote: source.reliabilityNote,
      noiseNote: source.noiseNote,
    })),
    citations: citations.map((citation) => ({
      id: citation.id,
      source: citation.sourceSlug,
      quote: citation.quote,
      locator: citation.locator,
    })),
    eras: eras.map((era) => ({
      slug: era.slug,
      name: era.name,
      start: era.start as DateValue,
      end: optional(era.end as DateValue | null),
      description: era.description,
    })),
    themes: themes.map((theme) => ({
      slug: theme.slug,
      name: theme.name,
      description: theme.description,
    })),
    actors: actors.map((row) => row.data),
    events: events.map((row) => row.data),
    relations: relations.map((row) => row.data),
    quotes: quotes.map((row) => row.data),
    figures: figures.map((row) => row.data),
    explanations: understanding('explanations'),
    stances: understanding('stances'),
    series: understanding('series'),
    sourceErrors: understanding('sourceErrors'),
  });
};

const SNAPSHOT_TTL_MS = 60_000;
let cached: { at: number; kb: Promise<KnowledgeBase> } | undefined;

/**
 * The snapshot, rebuilt at most once a minute per process: the KB changes only when the seed
 * runs, and teachers' draws should not each read nine tables.
 */
export const getKnowledgeSnapshot = (db: DbClient, now = Date.now()): Promise<KnowledgeBase> => {
  if (!cached || now - cached.at > SNAPSHOT_TTL_MS) {
    const kb = loadKnowledgeSnapshot(db);
    cached = { at: now, kb };
    kb.catch(() => {
      cached = undefined;
    });
  }
  return cached.kb;
};

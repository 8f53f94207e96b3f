import { formatDate, yearOf } from '@quiz/prisma/knowledge';
import { AppError } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { parseDateArg } from './dates';
import {
  actorRecord,
  eraDates,
  eventRecord,
  figureRecord,
  officeRecord,
  quoteRecord,
  relationRecord,
} from './mappers';
import {
  findActors,
  findEras,
  findEvents,
  findFigures,
  findQuotes,
  findSources,
  findThemes,
  relationHoldsAt,
} from './service';

const present = <T>(value: T | null, what: string): T => {
  // A dangling reference means the KB seed is inconsistent; say so instead of returning null
  // for a non-null field.
  if (value === null) {
    throw new AppError('NOT_FOUND', `${what} not found`);
  }
  return value;
};

// The knowledge base is public reading: no session needed.
export const resolvers: Resolvers = {
  Query: {
    events: (_parent, { filter, first, after }, ctx) =>
      findEvents({ db: ctx.db, filter, first, after }),
    event: (_parent, { slug }, ctx) => ctx.loaders.event.load(slug),
    actors: (_parent, { kind, search }, ctx) => findActors({ db: ctx.db, kind, search }),
    actor: (_parent, { slug }, ctx) => ctx.loaders.actor.load(slug),
    eras: (_parent, _args, ctx) => findEras({ db: ctx.db }),
    themes: (_parent, _args, ctx) => findThemes({ db: ctx.db }),
    sources: (_parent, _args, ctx) => findSources({ db: ctx.db }),
    source: (_parent, { slug }, ctx) => ctx.loaders.source.load(slug),
    quotes: (_parent, { speaker }, ctx) => findQuotes({ db: ctx.db, speaker }),
    figures: (_parent, _args, ctx) => findFigures({ db: ctx.db }),
  },
  HistoricalDate: {
    value: (date) => date.value,
    precision: (date) => date.precision,
    label: (date) => formatDate(date),
    year: (date) => yearOf(date),
  },
  Source: {
    author: (source) => source.author,
    url: (source) => source.url,
    citations: (source, _args, ctx) => ctx.loaders.citationsBySource.load(source.slug),
  },
  Citation: {
    source: async (citation, _args, ctx) =>
      present(await ctx.loaders.source.load(citation.sourceSlug), 'Source'),
  },
  Era: {
    start: (era) => eraDates(era).start,
    end: (era) => eraDates(era).end,
  },
  Actor: {
    isArabState: (actor) => actorRecord(actor).isArabState?.value ?? null,
    offices: (actor, _args, ctx) => ctx.loaders.officesByPerson.load(actor.slug),
    relations: async (actor, { at }, ctx) => {
      const all = await ctx.loaders.relationsByActor.load(actor.slug);
      if (!at) {
        return all;
      }
      const range = parseDateArg(at, 'at');
      return all.filter((relation) => relationHoldsAt(relation, range));
    },
    events: (actor, { first, after }, ctx) =>
      ctx.loaders.actorEvents.load({ slug: actor.slug, first: first ?? 20, after: after ?? null }),
  },
  Office: {
    of: async (office, _args, ctx) => present(await ctx.loaders.actor.load(office.ofSlug), 'Actor'),
    from: (office) => officeRecord(office).from ?? null,
    to: (office) => officeRecord(office).to ?? null,
    attested: (office) => officeRecord(office).attested,
    citations: (office, _args, ctx) => ctx.loaders.citations.load(officeRecord(office).citations),
  },
  Event: {
    start: (event) => eventRecord(event).start,
    end: (event) => eventRecord(event).end ?? null,
    dateReasoning: (event) => eventRecord(event).dateReasoning ?? null,
    era: async (event, _args, ctx) => present(await ctx.loaders.era.load(event.eraSlug), 'Era'),
    themes: (event, _args, ctx) => ctx.loaders.themes.load(event.themes),
    location: (event) => eventRecord(event).location ?? null,
    participants: (event) => eventRecord(event).participants,
    citations: (event, _args, ctx) => ctx.loaders.citations.load(event.citationIds),
    claimedBy: (event) => eventRecord(event).claimedBy ?? null,
    disputes: (event) => eventRecord(event).disputes,
  },
  Participant: {
    actor: async (participant, _args, ctx) =>
      present(await ctx.loaders.actor.load(participant.actor), 'Actor'),
    stance: (participant) => participant.stance ?? null,
  },
  Dispute: {
    date: (dispute) => dispute.date ?? null,
    citation: async (dispute, _args, ctx) =>
      present(await ctx.loaders.citation.load(dispute.citation), 'Citation'),
  },
  Relation: {
    subject: async (relation, _args, ctx) =>
      present(await ctx.loaders.actor.load(relation.subjectSlug), 'Actor'),
    object: async (relation, _args, ctx) =>
      present(await ctx.loaders.actor.load(relation.objectSlug), 'Actor'),
    from: (relation) => relationRecord(relation).from ?? null,
    to: (relation) => relationRecord(relation).to ?? null,
    context: (relation, _args, ctx) => {
      const context = relationRecord(relation).context;
      return context ? ctx.loaders.event.load(context) : null;
    },
    summary: (relation) => relationRecord(relation).summary,
    citations: (relation, _args, ctx) => ctx.loaders.citations.load(relation.citationIds),
    claimedBy: (relation) => relationRecord(relation).claimedBy ?? null,
  },
  Quote: {
    speaker: async (quote, _args, ctx) =>
      present(await ctx.loaders.actor.load(quote.speakerSlug), 'Actor'),
    date: (quote) => quoteRecord(quote).date ?? null,
    context: (quote) => quoteRecord(quote).context,
    citation: async (quote, _args, ctx) =>
      present(await ctx.loaders.citation.load(quote.citationId), 'Citation'),
    reportedBy: (quote) => quoteRecord(quote).reportedBy ?? null,
  },
  Figure: {
    amountHigh: (figure) => figureRecord(figure).amountHigh ?? null,
    unit: (figure) => figureRecord(figure).unit,
    description: (figure) => figureRecord(figure).description,
    asOf: (figure) => figureRecord(figure).asOf ?? null,
    citation: async (figure, _args, ctx) =>
      present(await ctx.loaders.citation.load(figure.citationId), 'Citation'),
    claimedBy: (figure) => figureRecord(figure).claimedBy ?? null,
  },
};

/**
 * The knowledge base's data format. The JSON files in `prisma/seed/data/kb/` are parsed with these
 * schemas by the seed and by the tests; the question generator works on the parsed snapshot.
 *
 * Identifiers are kebab-case slugs and stay stable: questions, answers and analytics refer to them.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'kebab-case slug');

/** How exactly a date is known. `value` is written at that precision (see DateValue). */
export const DatePrecision = z.enum(['DAY', 'MONTH', 'SEASON', 'YEAR', 'DECADE']);
export type DatePrecision = z.infer<typeof DatePrecision>;

/**
 * A date at an honest precision:
 * DAY "1946-11-12", MONTH "2011-06", SEASON "2022-03" (first month of the season, with a label such
 * as "spring 2022"), YEAR "1953", DECADE "1980" (the 1980s).
 */
export const DateValue = z
  .object({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    precision: DatePrecision,
    /** How to say it when the precision alone would mislead: "late June 2011", "spring 2022". */
    label: z.string().min(1).optional(),
  })
  .strict();
export type DateValue = z.infer<typeof DateValue>;

/**
 * How far a statement can be trusted.
 * FACT: stated by the source as fact and not contradicted elsewhere.
 * REPORTED: the source attributes it ("according to Reuters", "the U.S. government says").
 * CLAIM: asserted by an interested party (a government, a militia, a named official).
 * OPINION: an analyst's or author's judgement.
 * DISPUTED: sources disagree; see `disputes`.
 */
export const Status = z.enum(['FACT', 'REPORTED', 'CLAIM', 'OPINION', 'DISPUTED']);
export type Status = z.infer<typeof Status>;

export const SourceKind = z.enum([
  'ENCYCLOPEDIA',
  'SEARCH_RESULTS',
  'NEWS',
  'RESEARCH_PAPER',
  'ANALYSIS',
]);

export const Source = z
  .object({
    slug,
    /** File name in the seeds folder, e.g. "000_3fba40e7d0fd4145.txt". */
    file: z.string().regex(/^[\w.-]+\.txt$/),
    title: z.string().min(1),
    publisher: z.string().min(1),
    author: z.string().min(1).optional(),
    kind: SourceKind,
    /** When it was published or captured, in words ("captured December 2025, per its relative dates"). */
    publishedLabel: z.string().min(1),
    publishedFrom: DateValue.optional(),
    publishedTo: DateValue.optional(),
    url: z.string().min(1).optional(),
    reliabilityNote: z.string().min(1),
    /** What in the file was left out as noise, and why. */
    noiseNote: z.string().min(1),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** A short verbatim passage (at most about 30 words) that proves something. */
export const Citation = z
  .object({
    id: slug,
    source: slug,
    quote: z.string().min(3),
    /** Where in the document: "paragraph 12", "snippet: Responsible Statecraft", "section: Leadership and influence". */
    locator: z.string().min(1),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

export const Era = z
  .object({
    slug,
    name: z.string().min(1),
    start: DateValue,
    /** Absent for the era still running at the end of the sources. */
    end: DateValue.optional(),
    description: z.string().min(1),
  })
  .strict();
export type Era = z.infer<typeof Era>;

export const Theme = z
  .object({ slug, name: z.string().min(1), description: z.string().min(1) })
  .strict();
export type Theme = z.infer<typeof Theme>;

export const ActorKind = z.enum(['STATE', 'PERSON', 'ORGANISATION']);
export type ActorKind = z.infer<typeof ActorKind>;

export const OrgType = z.enum([
  'ARMED_FORCE',
  'MILITIA',
  'POLITICAL_PARTY',
  'GOVERNMENT_BODY',
  'INTERNATIONAL',
  'MEDIA',
  'RESEARCH',
  'COMPANY',
  'OTHER',
]);

/** An attribute of an actor with the passages that support it. */
const Attribute = z
  .object({
    value: z.boolean(),
    citations: z.array(slug),
    /** Why the value holds when no passage says it in so many words. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const OfficeRole = z.enum([
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'SUPREME_LEADER',
  'VICE_PRESIDENT',
  'FOREIGN_MINISTER',
  'DEFENCE_MINISTER',
  'OTHER_MINISTER',
  'COMMANDER',
  'SECRETARY_GENERAL',
  'AMBASSADOR',
  'ENVOY',
  'ADVISER',
  'OFFICIAL',
  'LEGISLATOR',
]);
export type OfficeRole = z.infer<typeof OfficeRole>;

/**
 * An office a person held. `from`/`to` only where a source fixes them; `attested` lists dates at
 * which a source shows the person in office ("then-President … in 1984").
 */
export const Office = z
  .object({
    title: z.string().min(1),
    role: OfficeRole,
    /** The state or organisation the office belongs to. */
    of: slug,
    from: DateValue.optional(),
    to: DateValue.optional(),
    attested: z.array(DateValue).default([]),
    citations: z.array(slug).min(1),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Office = z.infer<typeof Office>;

export const Actor = z
  .object({
    slug,
    kind: ActorKind,
    name: z.string().min(1),
    /** Short form used in options: "Syria", "Bashar al-Assad", "IRGC". */
    shortName: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).default([]),
    description: z.string().min(1),
    /** STATE only. */
    isArabState: Attribute.optional(),
    /** ORGANISATION only. */
    orgType: OrgType.optional(),
    parent: slug.optional(),
    basedIn: slug.optional(),
    /** PERSON only. */
    nationality: slug.optional(),
    died: DateValue.optional(),
    offices: z.array(Office).default([]),
    citations: z.array(slug).default([]),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

export const Dispute = z
  .object({
    /** What this source says, in our words ("the strike was in April of the year before publication"). */
    claim: z.string().min(1),
    citation: slug,
    /** The date this claim implies, where the dispute is about a date. */
    date: DateValue.optional(),
  })
  .strict();

export const Participant = z
  .object({
    actor: slug,
    /** What the actor did in the event: "signatory", "attacker", "target", "host", "mediator", "killed". */
    role: z.string().min(1),
    stance: z.enum(['PRO_IRAN', 'PRO_SYRIA', 'WITH', 'AGAINST', 'NEUTRAL']).optional(),
  })
  .strict();

export const Event = z
  .object({
    slug,
    title: z.string().min(1),
    summary: z.string().min(1),
    start: DateValue,
    end: DateValue.optional(),
    /** How a relative date in the source ("last year") was turned into an absolute one. */
    dateReasoning: z.string().min(1).optional(),
    era: slug,
    themes: z.array(slug).min(1),
    location: z.string().min(1).optional(),
    participants: z.array(Participant).min(1),
    citations: z.array(slug).min(1),
    status: Status,
    /** Who claims it, for REPORTED, CLAIM and OPINION. */
    claimedBy: z.string().min(1).optional(),
    disputes: z.array(Dispute).default([]),
  })
  .strict();
export type Event = z.infer<typeof Event>;

export const RelationType = z.enum([
  'SIDED_WITH',
  'OPPOSED',
  'ALLIED',
  'SIGNED_AGREEMENT',
  'LED',
  'MEMBER_OF',
  'PART_OF',
  'TRAINED',
  'FUNDED',
  'SUPPORTED',
  'ARMED',
  'DEPLOYED_TO',
  'ISOLATED',
  'KEPT_TIES',
  'DESIGNATED_TERRORIST',
  'TRADED_WITH',
  'MEDIATED',
  'ATTACKED',
  'KILLED',
  'NEGOTIATED_WITH',
]);
export type RelationType = z.infer<typeof RelationType>;

export const Relation = z
  .object({
    id: slug,
    type: RelationType,
    subject: slug,
    object: slug,
    /** The span in which the relation held; absent ends mean "not stated". */
    from: DateValue.optional(),
    to: DateValue.optional(),
    /** The event this relation belongs to, e.g. the Iran–Iraq War. */
    context: slug.optional(),
    summary: z.string().min(1),
    citations: z.array(slug).min(1),
    status: Status,
    claimedBy: z.string().min(1).optional(),
  })
  .strict();
export type Relation = z.infer<typeof Relation>;

export const Quote = z
  .object({
    id: slug,
    speaker: slug,
    /** The speaker's words exactly as the source gives them. */
    words: z.string().min(3),
    /** Absent when the source gives no date ("undated"). */
    date: DateValue.optional(),
    context: z.string().min(1),
    themes: z.array(slug).default([]),
    citation: slug,
    status: Status,
    /** Who reports the words, when not the speaker's own published text. */
    reportedBy: z.string().min(1).optional(),
  })
  .strict();
export type Quote = z.infer<typeof Quote>;

export const FigureMeasure = z.enum([
  'IRAN_SPENDING_ON_SYRIAN_WAR',
  'SYRIAN_DEBT_TO_IRAN',
  'TRADE_VOLUME',
  'EXPORTS',
  'DEAL_VALUE',
  'FINANCIAL_SUPPORT',
  'PERSONNEL',
  'CASUALTIES',
  'ATTACKS',
  'AGREEMENTS',
  'COMPENSATION_DEMAND',
  'SEATS',
  'DURATION',
  'OTHER',
]);

export const Figure = z
  .object({
    id: slug,
    /** The amount, or the low end of a range. */
    amount: z.number(),
    amountHigh: z.number().optional(),
    /** "USD", "people", "agreements", "rocket attacks", "years", "seats", "times". */
    unit: z.string().min(1),
    measures: FigureMeasure,
    /** What exactly is counted, in our words. */
    description: z.string().min(1),
    asOf: DateValue.optional(),
    dateReasoning: z.string().min(1).optional(),
    actors: z.array(slug).default([]),
    citation: slug,
    status: Status,
    claimedBy: z.string().min(1).optional(),
  })
  .strict();
export type Figure = z.infer<typeof Figure>;

/** The whole knowledge base, as the seed loads it and the generator reads it. */
export const KnowledgeBase = z
  .object({
    sources: z.array(Source),
    citations: z.array(Citation),
    eras: z.array(Era),
    themes: z.array(Theme),
    actors: z.array(Actor),
    events: z.array(Event),
    relations: z.array(Relation),
    quotes: z.array(Quote),
    figures: z.array(Figure),
  })
  .strict();
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;

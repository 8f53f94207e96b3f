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
 * How far a date can be trusted. Only an EXACT date may be asked as the answer to "when", or used
 * to prove that another date is wrong.
 * EXACT: a cited passage gives the date at its precision (absent `certainty` means EXACT).
 * INFERRED: worked out from relative wording ("last December", "four years ago") or from the date
 * of the source; it may be off.
 * APPROXIMATE: the source itself hedges ("about four years into the conflict").
 * AFTER: a lower bound; it happened at or after this date ("post-Mousavi's death").
 * BEFORE: an upper bound; it had happened by this date.
 * PROCESS: a point at which a gradual process was under way, not its start or its end.
 */
export const DateCertainty = z.enum([
  'EXACT',
  'INFERRED',
  'APPROXIMATE',
  'AFTER',
  'BEFORE',
  'PROCESS',
]);
export type DateCertainty = z.infer<typeof DateCertainty>;

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
    /** Absent means EXACT. Anything else needs `basis` (or the record's `dateReasoning`). */
    certainty: DateCertainty.optional(),
    /** How the date was worked out when it is not EXACT, naming the passages used. */
    basis: z.string().min(1).optional(),
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

/**
 * What an actor was in Iran–Syria relations, in one short line of our own words (≤ ~16 words),
 * asked by the actor-role and actor-who items. It starts with an article ("A militia of Afghan
 * Shias …", "The Iranian ambassador in Damascus who …") so it reads both as an option and after
 * "this organisation was". `anchors` are the words that make it true of this actor only (a date, a
 * place, a counterpart, an office); the generator refuses a line whose anchors also fit another
 * actor's record.
 */
export const ActorRole = z
  .object({
    text: z.string().min(1),
    /** Options face actors of the same group only ("iran-official", "armed-group"). */
    group: z.string().min(1),
    anchors: z.array(z.string().min(1)).min(1),
    citations: z.array(slug).min(1),
    /**
     * Which items ask about this actor: "role" (multiple choice, "Who was X?"), "who" (typed, the
     * line as a clue). Empty: the line is only another actor's wrong option.
     */
    ask: z.array(z.enum(['role', 'who'])).default([]),
  })
  .strict();
export type ActorRole = z.infer<typeof ActorRole>;

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
    role: ActorRole.optional(),
    /** Slugs this actor had before a correction (e.g. a name a source got wrong), so old references resolve. */
    formerSlugs: z.array(slug).default([]),
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
    /**
     * The part the actor played, as an act a student reads ("sold weapons to Iran"), for the
     * event-role items. Only on events with a `roleSetting`; within that event no other
     * participant played this part, unless named in `overlapsWith` (issue 11, roles).
     */
    part: z.string().min(1).optional(),
    /** Participants whose part could also be said of this one (Syria helped the IRGC found Hezbollah). */
    overlapsWith: z.array(slug).optional(),
    /**
     * The setting tells who played this part ("the Israeli invasion" says who invaded), or every
     * student knows it from the event's name: the United States led the 1990 coalition, so "led the
     * intervention" offered for Iran is filler (audit 32, item 5), not a live wrong option.
     */
    statedBySetting: z.boolean().optional(),
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
    /**
     * The event as an event-role stem names it, by date and place, without saying who did what
     * ("During the Iran–Iraq War (1980–88)"). Its presence is the curator's decision that the
     * participants' `part`s exclude one another, except the `overlapsWith` pairs.
     */
    roleSetting: z.string().min(1).optional(),
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
    /** When the source does not name the speaker: "an unnamed Syrian official" (speaker = the state). */
    speakerLabel: z.string().min(1).optional(),
    /** What the words are about, in our words: "Iran's military presence in Syria". */
    topic: z.string().min(1).optional(),
    /**
     * What the words are about, in our words, with who was addressed or the occasion where the source
     * says it: the key of a "what was he talking about?" item, so it never copies the words and names
     * only what the source names near them.
     */
    subject: z.string().min(1).optional(),
    /** Where or how they were said, as far as the source tells: "interview with the Washington Post". */
    occasion: z.string().min(1).optional(),
    /** Who was addressed, when the source says: "Bashar al-Assad", "Khamenei's followers on X". */
    audience: z.string().min(1).optional(),
    /** The event the words belong to or answer, for "said in response to which event?" items. */
    event: slug.optional(),
    /** The passage that dates the words when their own citation does not (same sentence, cut short). */
    dateCitation: slug.optional(),
    /**
     * The source's own words that introduce a fragment which has no subject of its own ("accused the
     * West and its regional allies of" before "seeking to overthrow …"): a question shows them with it.
     */
    lead: z.string().min(3).optional(),
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
    /** The span the amount covers, in our words: "over a decade of the Syrian war", "the year 2023". */
    period: z.string().min(1).optional(),
    /**
     * What the amount counted and over what span, in our words and without the amount, as an option
     * of "what did the number 18 count?" (figure-period): for figures figure-meaning cannot ask.
     */
    ask: z.string().min(1).optional(),
    /** The event the figure belongs to (a leak, a strike, an agreement). */
    event: slug.optional(),
    /** True when the source gives a bound ("more than $2 billion"), not a point value. */
    lowerBound: z.boolean().optional(),
  })
  .strict();
export type Figure = z.infer<typeof Figure>;

// ---------------------------------------------------------------------------------------------
// The understanding layer: why things happened, what followed, where each actor stood, which
// events recur, and where a source is wrong. Every record is cited and attributed.
// ---------------------------------------------------------------------------------------------

/**
 * CAUSE: a development or condition that led to what is explained.
 * PURPOSE: what an actor sought by an action (its aim or motive).
 * CONSEQUENCE: what followed from it, including what it cost.
 */
export const ExplanationKind = z.enum(['CAUSE', 'PURPOSE', 'CONSEQUENCE']);
export type ExplanationKind = z.infer<typeof ExplanationKind>;

/** What kind of cost or effect a CONSEQUENCE is. */
export const ConsequenceArea = z.enum([
  'HUMAN',
  'FINANCIAL',
  'ECONOMIC',
  'MILITARY',
  'STRATEGIC',
  'DIPLOMATIC',
  'SANCTIONS',
  'DOMESTIC',
]);
export type ConsequenceArea = z.infer<typeof ConsequenceArea>;

/** When an explanation or stance holds, where it is filed, and who says so. */
const filedAndAttributed = {
  dateReasoning: z.string().min(1).optional(),
  /** The eras it belongs to; an undated record lists eras only with a dateReasoning saying why. */
  eras: z.array(slug).default([]),
  themes: z.array(slug).min(1),
  citations: z.array(slug).min(1),
  status: Status,
  /** Who says it: "Wikipedia", "IranWire", "Heshmatollah Falahatpisheh (via MENA)". */
  accordingTo: z.string().min(1),
  /** The actor who says it, when it is one of the KB's actors. */
  accordingToActor: slug.optional(),
  note: z.string().min(1).optional(),
};

/**
 * One cited answer to "why?", "what for?" or "what followed?". `topic` is the thing explained as a
 * clause ("Syria sided with Iran in the Iran–Iraq War"); `answer` is the explanation as a short
 * option ("to gain a counterweight to Israel and Iraq"). A stem may call a cause "main" or "one
 * reason" only when `ranking` says the source does.
 */
export const Explanation = z
  .object({
    id: slug,
    kind: ExplanationKind,
    /** What is explained: at least one of event, relation, stance or series. */
    event: slug.optional(),
    relation: slug.optional(),
    stance: slug.optional(),
    series: slug.optional(),
    /** Whose aim or decision it is (PURPOSE), whose situation caused it (CAUSE), who bore it (CONSEQUENCE). */
    actor: slug.optional(),
    topic: z.string().min(1),
    answer: z.string().min(1),
    /** One or two sentences of detail, in our words. */
    detail: z.string().min(1),
    area: ConsequenceArea.optional(),
    /** A figure that measures this consequence (the $50 billion the war cost, per the leak). */
    figure: slug.optional(),
    /** When the cause held or the consequence came, if a source says. */
    date: DateValue.optional(),
    /** ONE_OF_SEVERAL: the source says "one reason"; MAIN: the source ranks it first. */
    ranking: z.enum(['ONE_OF_SEVERAL', 'MAIN']).optional(),
    ...filedAndAttributed,
  })
  .strict();
export type Explanation = z.infer<typeof Explanation>;

/**
 * SUPPORTS / OPPOSES: for or against the target. NEUTRAL: deliberately staying out.
 * AMBIVALENT: torn, as the source puts it. CONDITIONAL: for it only if a stated condition is met.
 * MIXED: doing both at once (selling Iran weapons while voting with Iraq).
 */
export const StancePosition = z.enum([
  'SUPPORTS',
  'OPPOSES',
  'NEUTRAL',
  'AMBIVALENT',
  'CONDITIONAL',
  'MIXED',
]);
export type StancePosition = z.infer<typeof StancePosition>;

/**
 * Where an actor stood on something during a span of time, and who says so. The target is an
 * actor, an event or an issue in our words (at least one). `from`/`to` only where a passage fixes
 * them (or with a certainty and basis).
 */
export const Stance = z
  .object({
    id: slug,
    actor: slug,
    position: StancePosition,
    towardActor: slug.optional(),
    towardEvent: slug.optional(),
    /** The issue as a noun phrase: "foreign military forces in Syria without legal permission". */
    towardIssue: z.string().min(1).optional(),
    /** The stance as one sentence in our words. */
    statement: z.string().min(1),
    from: DateValue.optional(),
    to: DateValue.optional(),
    /** The event during which the stance was taken. */
    context: slug.optional(),
    /** The stance that replaced this one, for "how did X's position change?" items. */
    supersededBy: slug.optional(),
    /**
     * The shared target of "who stood where" items: every stance on one thing carries the same
     * issue slug and label, and its `position` is then read relative to that label (Iran OPPOSES
     * "Syria staying out of the Gaza war"). Two actors' positions on an issue contradict only as
     * SUPPORTS against OPPOSES in overlapping windows.
     */
    issue: slug.optional(),
    /** The issue as a noun phrase a stem can carry: "Syria staying out of the Gaza war". */
    issueLabel: z.string().min(1).optional(),
    /**
     * The position as a short verb phrase in our words, with no actor and no new fact, usable as an
     * option for any actor: "urged Assad to stay out of the conflict". Required with `issue`.
     */
    positionPhrase: z.string().min(1).optional(),
    ...filedAndAttributed,
  })
  .strict();
export type Stance = z.infer<typeof Stance>;

/** One dated instance of a recurring kind of event. */
export const Occurrence = z
  .object({
    id: slug,
    date: DateValue,
    /** The event record for this instance, when there is one. */
    event: slug.optional(),
    summary: z.string().min(1),
    /** Where, if the source says; absent means the sources do not say. */
    place: z.string().min(1).optional(),
    citations: z.array(slug).min(1),
    status: Status,
    claimedBy: z.string().min(1).optional(),
    note: z.string().min(1).optional(),
  })
  .strict();
export type Occurrence = z.infer<typeof Occurrence>;

/**
 * A kind of event that happened more than once, or may have: every dated occurrence the sources
 * give. `complete` is true only when a source says the list is whole; otherwise other occurrences
 * may exist, and no year may be offered as a wrong answer to "when did this happen?".
 */
export const Series = z
  .object({
    slug,
    title: z.string().min(1),
    description: z.string().min(1),
    themes: z.array(slug).min(1),
    complete: z.boolean(),
    /** Why the list is or is not known to be complete. */
    completenessNote: z.string().min(1),
    occurrences: z.array(Occurrence).min(1),
  })
  .strict();
export type Series = z.infer<typeof Series>;

/** NAME: a wrong name; DATE: an impossible or self-contradictory date; TITLE: a wrong office or label. */
export const SourceErrorKind = z.enum(['NAME', 'DATE', 'TITLE', 'OTHER']);

/**
 * A place where a source is wrong, so feedback can say "the source calls him Hassan". The KB
 * records use the corrected value; `basis` says where the correction comes from.
 */
export const SourceError = z
  .object({
    id: slug,
    kind: SourceErrorKind,
    citation: slug,
    /** The wrong text, verbatim from the citation. */
    asWritten: z.string().min(1),
    corrected: z.string().min(1),
    /** Records that carry the corrected value. */
    actor: slug.optional(),
    event: slug.optional(),
    explanation: z.string().min(1),
    basis: z.string().min(1),
  })
  .strict();
export type SourceError = z.infer<typeof SourceError>;

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
    // The understanding layer; absent collections (older snapshots, small fixtures) are empty.
    explanations: z.array(Explanation).default([]),
    stances: z.array(Stance).default([]),
    series: z.array(Series).default([]),
    sourceErrors: z.array(SourceError).default([]),
  })
  .strict();
export type KnowledgeBase = z.infer<typeof KnowledgeBase>;

import fs from 'node:fs';
import path from 'node:path';
import { dateRange, stanceWindow, windowsOverlap } from './dates';
import {
  canonicalWord,
  certaintyOf,
  compileNameForms,
  type Haystack,
  haystack,
  isMonthWord,
  mentionedNameWords,
  missingDateParts,
  sentencesOf,
  unbackedNameWords,
  unbackedTokens,
} from './evidence';
import type { Actor, Citation, DateValue, Era, Event, KnowledgeBase } from './schema';

/**
 * Checking and summarising the knowledge base. `validateKnowledgeBase` is what the seed
 * and `validate-cli.ts` run: every problem it returns is a reason not to seed.
 */

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

/** Whitespace runs become one space; curly quotes and apostrophes become straight ones. */
export const normaliseText = (text: string): string =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Lower case, no diacritics, straight quotes: how a role's anchor is looked up in a passage. */
export const normaliseForAnchor = (text: string): string =>
  normaliseText(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const wordCount = (text: string): number => normaliseText(text).split(' ').filter(Boolean).length;

/** Relative time words that must not appear, unanchored, in text we write ourselves. */
const UNANCHORED = /\b(currently|current|now|today|recently|this year|last year)\b/i;

/**
 * Editorial notes that must stay in `basis`/`dateReasoning`/`note`, never in text a student reads
 * ("(2023, inferred)", "the sources do not date …", "by the article's date").
 */
const EDITORIAL =
  /\binferred\b|\bundated in the sources\b|\bsources? do(?:es)? not date\b|article's date|paper's date|sources' (?:timeline|dates)|consensus date|year not given/i;

/** A year in an INFERRED date's label ("2024, after …") states what the sources do not give. */
const YEAR_IN_LABEL = /\b(1[89]|20)\d\d\b/;

const MAX_QUOTE_WORDS = 35;
const MIN_YEAR = 1900;
const MAX_YEAR = 2025;

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const FORMATS: Record<DateValue['precision'], RegExp> = {
  DAY: /^\d{4}-\d{2}-\d{2}$/,
  MONTH: /^\d{4}-\d{2}$/,
  SEASON: /^\d{4}-\d{2}$/,
  YEAR: /^\d{4}$/,
  DECADE: /^\d{3}0$/,
};

/** Problems with one date: format for its precision, real calendar date, years 1900–2025. */
const checkDate = (date: DateValue, where: string): string[] => {
  if (!FORMATS[date.precision].test(date.value)) {
    return [`${where}: "${date.value}" does not match precision ${date.precision}`];
  }
  const [year = 0, month = 1, day = 1] = date.value.split('-').map(Number);
  const problems: string[] = [];
  if (month < 1 || month > 12) {
    problems.push(`${where}: "${date.value}" has no month ${month}`);
  } else if (date.precision === 'DAY') {
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      problems.push(`${where}: "${date.value}" is not a calendar date`);
    }
  }
  if (year < MIN_YEAR || year > MAX_YEAR) {
    problems.push(`${where}: "${date.value}" is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return problems;
};

const isWellFormed = (date: DateValue): boolean => checkDate(date, '').length === 0;

/** `end` may not lie wholly before `start`. */
const checkOrder = (
  start: DateValue | undefined,
  end: DateValue | undefined,
  where: string,
): string[] => {
  if (!start || !end || !isWellFormed(start) || !isWellFormed(end)) {
    return [];
  }
  return dateRange(end).until < dateRange(start).from
    ? [`${where}: end ${end.value} is before start ${start.value}`]
    : [];
};

const eraSpan = (era: Era): { from: Date; until: Date } => ({
  from: dateRange(era.start).from,
  until: era.end ? dateRange(era.end).until : new Date(Date.UTC(9999, 11, 31)),
});

/**
 * The eras a date may belong to: the one containing its whole span if there is one, otherwise
 * every era its span overlaps (a decade or a month can straddle an era boundary).
 */
const erasFor = (date: DateValue, eras: readonly Era[]): string[] => {
  const span = dateRange(date);
  const containing = eras.filter((era) => {
    const e = eraSpan(era);
    return e.from <= span.from && span.until <= e.until;
  });
  if (containing.length > 0) {
    return containing.map((era) => era.slug);
  }
  return eras
    .filter((era) => {
      const e = eraSpan(era);
      return e.from <= span.until && span.from <= e.until;
    })
    .map((era) => era.slug);
};

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const duplicates = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      twice.add(value);
    }
    seen.add(value);
  }
  return [...twice];
};

const readSources = (kb: KnowledgeBase, seedsDir: string, problems: string[]) => {
  const texts = new Map<string, string>();
  for (const source of kb.sources) {
    const file = path.join(seedsDir, source.file);
    try {
      texts.set(source.slug, normaliseText(fs.readFileSync(file, 'utf8')));
    } catch {
      problems.push(`source ${source.slug}: file ${file} cannot be read`);
    }
  }
  return texts;
};

/** Every date in the knowledge base with a description of where it is. */
const allDates = (kb: KnowledgeBase): Array<{ date: DateValue; where: string }> => {
  const dates: Array<{ date: DateValue; where: string }> = [];
  const add = (date: DateValue | undefined, where: string) => {
    if (date) {
      dates.push({ date, where });
    }
  };
  for (const s of kb.sources) {
    add(s.publishedFrom, `source ${s.slug} publishedFrom`);
    add(s.publishedTo, `source ${s.slug} publishedTo`);
  }
  for (const e of kb.eras) {
    add(e.start, `era ${e.slug} start`);
    add(e.end, `era ${e.slug} end`);
  }
  for (const a of kb.actors) {
    add(a.died, `actor ${a.slug} died`);
    a.offices.forEach((o, i) => {
      add(o.from, `actor ${a.slug} office ${i} from`);
      add(o.to, `actor ${a.slug} office ${i} to`);
      o.attested.forEach((d, j) => {
        add(d, `actor ${a.slug} office ${i} attested ${j}`);
      });
    });
  }
  for (const e of kb.events) {
    add(e.start, `event ${e.slug} start`);
    add(e.end, `event ${e.slug} end`);
    e.disputes.forEach((d, i) => {
      add(d.date, `event ${e.slug} dispute ${i} date`);
    });
  }
  for (const r of kb.relations) {
    add(r.from, `relation ${r.id} from`);
    add(r.to, `relation ${r.id} to`);
  }
  for (const q of kb.quotes) {
    add(q.date, `quote ${q.id} date`);
  }
  for (const f of kb.figures) {
    add(f.asOf, `figure ${f.id} asOf`);
  }
  for (const x of kb.explanations) {
    add(x.date, `explanation ${x.id} date`);
  }
  for (const st of kb.stances) {
    add(st.from, `stance ${st.id} from`);
    add(st.to, `stance ${st.id} to`);
  }
  for (const se of kb.series) {
    for (const o of se.occurrences) {
      add(o.date, `series ${se.slug} occurrence ${o.id} date`);
    }
  }
  return dates;
};

/** Text we wrote ourselves (not verbatim quotes, notes or date reasoning). */
const writtenTexts = (kb: KnowledgeBase): Array<{ text: string; where: string }> => {
  const texts: Array<{ text: string; where: string }> = [];
  for (const s of kb.sources) {
    texts.push({ text: s.title, where: `source ${s.slug} title` });
  }
  for (const e of kb.eras) {
    texts.push({ text: e.name, where: `era ${e.slug} name` });
    texts.push({ text: e.description, where: `era ${e.slug} description` });
  }
  for (const t of kb.themes) {
    texts.push({ text: t.name, where: `theme ${t.slug} name` });
    texts.push({ text: t.description, where: `theme ${t.slug} description` });
  }
  for (const a of kb.actors) {
    texts.push({ text: a.name, where: `actor ${a.slug} name` });
    texts.push({ text: a.description, where: `actor ${a.slug} description` });
    a.offices.forEach((o, i) => {
      texts.push({ text: o.title, where: `actor ${a.slug} office ${i} title` });
    });
  }
  for (const e of kb.events) {
    texts.push({ text: e.title, where: `event ${e.slug} title` });
    texts.push({ text: e.summary, where: `event ${e.slug} summary` });
    e.disputes.forEach((d, i) => {
      texts.push({ text: d.claim, where: `event ${e.slug} dispute ${i} claim` });
    });
  }
  for (const r of kb.relations) {
    texts.push({ text: r.summary, where: `relation ${r.id} summary` });
  }
  for (const q of kb.quotes) {
    texts.push({ text: q.context, where: `quote ${q.id} context` });
    if (q.subject !== undefined) {
      texts.push({ text: q.subject, where: `quote ${q.id} subject` });
    }
  }
  for (const f of kb.figures) {
    texts.push({ text: f.description, where: `figure ${f.id} description` });
    if (f.ask !== undefined) {
      texts.push({ text: f.ask, where: `figure ${f.id} ask` });
    }
  }
  for (const x of kb.explanations) {
    texts.push({ text: x.topic, where: `explanation ${x.id} topic` });
    texts.push({ text: x.answer, where: `explanation ${x.id} answer` });
    texts.push({ text: x.detail, where: `explanation ${x.id} detail` });
  }
  for (const st of kb.stances) {
    texts.push({ text: st.statement, where: `stance ${st.id} statement` });
  }
  for (const se of kb.series) {
    texts.push({ text: se.title, where: `series ${se.slug} title` });
    texts.push({ text: se.description, where: `series ${se.slug} description` });
    for (const o of se.occurrences) {
      texts.push({ text: o.summary, where: `series ${se.slug} occurrence ${o.id} summary` });
    }
  }
  return texts;
};

const checkActorShape = (actor: Actor, bySlug: Map<string, Actor>): string[] => {
  const problems: string[] = [];
  const where = `actor ${actor.slug}`;
  if (actor.isArabState && actor.kind !== 'STATE') {
    problems.push(`${where}: isArabState is only for STATE actors`);
  }
  if (actor.kind !== 'ORGANISATION') {
    for (const field of ['orgType', 'parent', 'basedIn'] as const) {
      if (actor[field] !== undefined) {
        problems.push(`${where}: ${field} is only for ORGANISATION actors`);
      }
    }
  }
  if (actor.kind !== 'PERSON') {
    if (actor.nationality !== undefined || actor.died !== undefined) {
      problems.push(`${where}: nationality and died are only for PERSON actors`);
    }
    if (actor.offices.length > 0) {
      problems.push(`${where}: only PERSON actors hold offices`);
    }
  }
  const expectKind = (slug: string | undefined, kinds: Actor['kind'][], field: string) => {
    if (slug === undefined) {
      return;
    }
    const target = bySlug.get(slug);
    if (!target) {
      problems.push(`${where}: ${field} "${slug}" is not an actor`);
    } else if (!kinds.includes(target.kind)) {
      problems.push(`${where}: ${field} "${slug}" should be a ${kinds.join(' or ')}`);
    }
  };
  expectKind(actor.parent, ['ORGANISATION'], 'parent');
  expectKind(actor.basedIn, ['STATE'], 'basedIn');
  expectKind(actor.nationality, ['STATE'], 'nationality');
  actor.offices.forEach((office, i) => {
    expectKind(office.of, ['STATE', 'ORGANISATION'], `office ${i} of`);
    if (office.citations.length === 0) {
      problems.push(`${where} office ${i}: needs at least one citation`);
    }
  });
  return problems;
};

const checkEventEra = (event: Event, eras: readonly Era[], eraSlugs: Set<string>): string[] => {
  if (!eraSlugs.has(event.era)) {
    return [`event ${event.slug}: era "${event.era}" does not exist`];
  }
  if (!isWellFormed(event.start)) {
    return [];
  }
  const allowed = erasFor(event.start, eras);
  return allowed.includes(event.era)
    ? []
    : [
        `event ${event.slug}: era "${event.era}" does not match start ${event.start.value} (expected ${allowed.join(' or ') || 'no era'})`,
      ];
};

/** Source plumbing, not a part played in the event ("source of the report", "reported the directive"). */
const BOOKKEEPING_PART =
  /\b(source|sources|report|reports|reported|reporting|analyst|interviewer|newspaper|quoted|cited)\b/i;

/**
 * The event-role layer of one event (issue 11, roles): a participant's `part` is a closed-world
 * answer to "what part did X play", so the curator's `roleSetting` must exist beside it, parts
 * must read as acts (lower-case verb phrases, no plumbing, not naming their own actor), two
 * participants sharing a part must be declared to overlap, an overlap is declared on both sides,
 * and a year the setting states is one of the event's own exact years.
 */
export const checkRoles = (event: Event, bySlug: ReadonlyMap<string, Actor>): string[] => {
  const problems: string[] = [];
  const where = `event ${event.slug}`;
  const withParts = event.participants.filter((p) => p.part !== undefined);
  const partOf = new Map(withParts.map((p) => [p.actor, p]));
  if (event.roleSetting === undefined) {
    for (const p of event.participants) {
      if (p.part !== undefined || p.overlapsWith !== undefined || p.statedBySetting !== undefined) {
        problems.push(
          `${where} participant ${p.actor}: [roles] part, overlapsWith and statedBySetting need the event's roleSetting`,
        );
      }
    }
    return problems;
  }
  if (withParts.length < 3) {
    problems.push(`${where}: [roles] a roleSetting needs at least three participants with a part`);
  }
  const norm = (t: string) => normaliseText(t).toLowerCase();
  for (const p of event.participants) {
    const at = `${where} participant ${p.actor}`;
    if (p.part === undefined) {
      if (p.overlapsWith !== undefined || p.statedBySetting !== undefined) {
        problems.push(`${at}: [roles] overlapsWith and statedBySetting need a part`);
      }
      continue;
    }
    if (!/^[a-z]/.test(p.part)) {
      problems.push(`${at}: [roles] part "${p.part}" should be a lower-case verb phrase`);
    }
    if (BOOKKEEPING_PART.test(p.part)) {
      problems.push(`${at}: [roles] part "${p.part}" is source bookkeeping, not a part played`);
    }
    const actor = bySlug.get(p.actor);
    const names = actor ? [actor.name, actor.shortName, ...actor.aliases] : [];
    for (const name of names.filter((n): n is string => Boolean(n))) {
      if (` ${norm(p.part)} `.includes(` ${norm(name)} `)) {
        problems.push(`${at}: [roles] part "${p.part}" names its own actor (${name})`);
      }
    }
    for (const other of p.overlapsWith ?? []) {
      const o = partOf.get(other);
      if (other === p.actor || !o) {
        problems.push(
          `${at}: [roles] overlapsWith "${other}" is not another participant with a part`,
        );
      } else if (!(o.overlapsWith ?? []).includes(p.actor)) {
        problems.push(`${at}: [roles] overlapsWith "${other}" is not declared on ${other} too`);
      }
    }
    for (const o of withParts) {
      if (
        o.actor < p.actor &&
        norm(o.part ?? '') === norm(p.part) &&
        !(p.overlapsWith ?? []).includes(o.actor)
      ) {
        problems.push(`${at}: [roles] same part as ${o.actor} but no overlapsWith`);
      }
    }
  }
  if (!/^(During|In|On|When|After|Before|At) /.test(event.roleSetting)) {
    problems.push(
      `${where}: [roles] roleSetting should open with a preposition ("During …", "In …")`,
    );
  }
  // Four-digit years and the short end of a range ("1980–88" states 1988).
  const years = [
    ...[...event.roleSetting.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => Number(m[1])),
    ...[...event.roleSetting.matchAll(/\b(1[89]|20)(\d\d)[–-](\d\d)\b/g)].map((m) =>
      Number(`${m[1]}${m[3]}`),
    ),
  ];
  const dates = [event.start, ...(event.end ? [event.end] : [])];
  const exact = dates.every((d) => d.certainty === undefined || d.certainty === 'EXACT');
  const lo = Number(event.start.value.slice(0, 4));
  const hi = Number((event.end ?? event.start).value.slice(0, 4));
  for (const y of years) {
    if (!exact) {
      problems.push(`${where}: [roles] roleSetting states ${y} but the event's date is not exact`);
    } else if (y < lo || y > hi) {
      problems.push(`${where}: [roles] roleSetting states ${y}, outside the event's ${lo}–${hi}`);
    }
  }
  return problems;
};

/**
 * Returns every problem found, as one human-readable line each; an empty list means the knowledge
 * base is valid against the source documents in `seedsDir`. With `seedsDir` null (a deployment
 * without the documents) everything but the verbatim checks runs.
 */
export const validateKnowledgeBase = (kb: KnowledgeBase, seedsDir: string | null): string[] => {
  const problems: string[] = [];

  // Unique identifiers per collection.
  const idLists: Array<[string, string[]]> = [
    ['source', kb.sources.map((s) => s.slug)],
    ['citation', kb.citations.map((c) => c.id)],
    ['era', kb.eras.map((e) => e.slug)],
    ['theme', kb.themes.map((t) => t.slug)],
    ['actor', kb.actors.map((a) => a.slug)],
    ['event', kb.events.map((e) => e.slug)],
    ['relation', kb.relations.map((r) => r.id)],
    ['quote', kb.quotes.map((q) => q.id)],
    ['figure', kb.figures.map((f) => f.id)],
    ['explanation', kb.explanations.map((x) => x.id)],
    ['stance', kb.stances.map((st) => st.id)],
    ['series', kb.series.map((se) => se.slug)],
    ['occurrence', kb.series.flatMap((se) => se.occurrences.map((o) => o.id))],
    ['source error', kb.sourceErrors.map((e) => e.id)],
  ];
  for (const [kind, ids] of idLists) {
    for (const id of duplicates(ids)) {
      problems.push(`${kind} "${id}" is defined more than once`);
    }
  }

  const sourceSlugs = new Set(kb.sources.map((s) => s.slug));
  const citationsById = new Map(kb.citations.map((c) => [c.id, c]));
  const eraSlugs = new Set(kb.eras.map((e) => e.slug));
  const themeSlugs = new Set(kb.themes.map((t) => t.slug));
  const actorsBySlug = new Map(kb.actors.map((a) => [a.slug, a]));
  const eventSlugs = new Set(kb.events.map((e) => e.slug));

  const needCitations = (ids: readonly string[], where: string, required: boolean) => {
    if (required && ids.length === 0) {
      problems.push(`${where}: needs at least one citation`);
    }
    for (const id of ids) {
      if (!citationsById.has(id)) {
        problems.push(`${where}: citation "${id}" does not exist`);
      }
    }
  };
  const needActor = (slug: string, where: string) => {
    if (!actorsBySlug.has(slug)) {
      problems.push(`${where}: actor "${slug}" does not exist`);
    }
  };
  const needThemes = (slugs: readonly string[], where: string) => {
    for (const slug of slugs) {
      if (!themeSlugs.has(slug)) {
        problems.push(`${where}: theme "${slug}" does not exist`);
      }
    }
  };
  const needClaimer = (status: string, claimedBy: string | undefined, where: string) => {
    if ((status === 'CLAIM' || status === 'REPORTED' || status === 'OPINION') && !claimedBy) {
      problems.push(`${where}: status ${status} needs claimedBy`);
    }
  };

  // Citations: verbatim in their source, short enough.
  const texts = seedsDir === null ? new Map<string, string>() : readSources(kb, seedsDir, problems);
  for (const citation of kb.citations) {
    const where = `citation ${citation.id}`;
    if (!sourceSlugs.has(citation.source)) {
      problems.push(`${where}: source "${citation.source}" does not exist`);
      continue;
    }
    const words = wordCount(citation.quote);
    if (words > MAX_QUOTE_WORDS) {
      problems.push(`${where}: quote has ${words} words (max ${MAX_QUOTE_WORDS})`);
    }
    const text = texts.get(citation.source);
    if (text !== undefined && !text.includes(normaliseText(citation.quote))) {
      problems.push(`${where}: quote not found verbatim in ${citation.source}`);
    }
  }

  // Dates.
  for (const { date, where } of allDates(kb)) {
    problems.push(...checkDate(date, where));
  }
  for (const s of kb.sources) {
    problems.push(...checkOrder(s.publishedFrom, s.publishedTo, `source ${s.slug}`));
  }
  for (const e of kb.eras) {
    problems.push(...checkOrder(e.start, e.end, `era ${e.slug}`));
  }

  // Actors.
  for (const actor of kb.actors) {
    const where = `actor ${actor.slug}`;
    needCitations(actor.citations, where, false);
    if (actor.isArabState) {
      needCitations(actor.isArabState.citations, `${where} isArabState`, false);
      if (actor.isArabState.citations.length === 0 && !actor.isArabState.note) {
        problems.push(`${where} isArabState: without citations it needs a note`);
      }
    }
    problems.push(...checkActorShape(actor, actorsBySlug));
    actor.offices.forEach((office, i) => {
      needCitations(office.citations, `${where} office ${i}`, true);
      problems.push(...checkOrder(office.from, office.to, `${where} office ${i}`));
    });
  }

  // Events.
  for (const event of kb.events) {
    const where = `event ${event.slug}`;
    needCitations(event.citations, where, true);
    needThemes(event.themes, where);
    if (event.themes.length < 1 || event.themes.length > 3) {
      problems.push(`${where}: has ${event.themes.length} themes (1–3 expected)`);
    }
    for (const participant of event.participants) {
      needActor(participant.actor, `${where} participant`);
    }
    problems.push(...checkEventEra(event, kb.eras, eraSlugs));
    problems.push(...checkRoles(event, actorsBySlug));
    problems.push(...checkOrder(event.start, event.end, where));
    needClaimer(event.status, event.claimedBy, where);
    if (event.status === 'DISPUTED' && event.disputes.length < 2) {
      problems.push(`${where}: DISPUTED needs at least two disputes`);
    }
    if (event.status !== 'DISPUTED' && event.disputes.length > 0) {
      problems.push(`${where}: has disputes but status ${event.status}`);
    }
    event.disputes.forEach((dispute, i) => {
      needCitations([dispute.citation], `${where} dispute ${i}`, true);
    });
  }

  // Relations.
  for (const relation of kb.relations) {
    const where = `relation ${relation.id}`;
    needCitations(relation.citations, where, true);
    needActor(relation.subject, `${where} subject`);
    needActor(relation.object, `${where} object`);
    if (relation.context !== undefined && !eventSlugs.has(relation.context)) {
      problems.push(`${where}: context "${relation.context}" is not an event`);
    }
    problems.push(...checkOrder(relation.from, relation.to, where));
    needClaimer(relation.status, relation.claimedBy, where);
  }

  // Quotes: the words are verbatim in the cited source and inside the cited passage.
  for (const quote of kb.quotes) {
    const where = `quote ${quote.id}`;
    needActor(quote.speaker, `${where} speaker`);
    needThemes(quote.themes, where);
    needCitations([quote.citation], where, true);
    const citation = citationsById.get(quote.citation);
    if (citation) {
      const words = normaliseText(quote.words);
      const text = texts.get(citation.source);
      if (text !== undefined && !text.includes(words)) {
        problems.push(`${where}: words not found verbatim in ${citation.source}`);
      } else if (!normaliseText(citation.quote).includes(words)) {
        problems.push(`${where}: words are not inside citation ${citation.id}`);
      }
      // A lead is the source's framing, right before the words in the cited passage.
      const passage = normaliseText(citation.quote).replace(/"/g, '');
      if (quote.lead && !passage.includes(`${normaliseText(quote.lead)} ${words}`)) {
        problems.push(`${where}: lead is not the cited passage's words right before the quote`);
      }
      if (quote.subject !== undefined) {
        problems.push(...checkSubject(quote.subject, quote.words, text, citation.quote, where));
      }
    }
    if (quote.status === 'REPORTED' && !quote.reportedBy) {
      problems.push(`${where}: status REPORTED needs reportedBy`);
    }
  }

  // Figures.
  for (const figure of kb.figures) {
    const where = `figure ${figure.id}`;
    needCitations([figure.citation], where, true);
    for (const slug of figure.actors) {
      needActor(slug, `${where} actors`);
    }
    if (figure.amountHigh !== undefined && figure.amountHigh < figure.amount) {
      problems.push(`${where}: amountHigh is below amount`);
    }
    needClaimer(figure.status, figure.claimedBy, where);
    if (figure.ask !== undefined) {
      const citation = citationsById.get(figure.citation);
      const source = citation ? texts.get(citation.source) : undefined;
      // The number is the question: an option that states it answers it.
      if (new RegExp(`\\b${figure.amount}\\b`).test(figure.ask.replace(/,/g, ''))) {
        problems.push(`${where}: ask states the amount`);
      }
      if (citation) {
        problems.push(...checkSubject(figure.ask, '', source, citation.quote, `${where} ask`));
      }
    }
  }

  // Time anchoring of our own text.
  for (const { text, where } of writtenTexts(kb)) {
    const match = UNANCHORED.exec(text);
    if (match) {
      problems.push(`${where}: unanchored time word "${match[0]}"`);
    }
    const note = EDITORIAL.exec(text);
    if (note) {
      problems.push(
        `${where}: [student-text] editorial note "${note[0]}" belongs in basis/dateReasoning`,
      );
    }
  }
  // A label is what a reader sees: no editorial notes, and no year unless the date is EXACT.
  for (const { date, where } of allDates(kb)) {
    if (!date.label) {
      continue;
    }
    const note = EDITORIAL.exec(date.label);
    if (note) {
      problems.push(`${where}: [label] editorial note "${note[0]}" in label "${date.label}"`);
    }
    // A bound ("by 21 November 2025") may name its anchor's year; an inferred date may not.
    if (
      date.certainty === 'INFERRED' &&
      YEAR_IN_LABEL.test(date.label) &&
      !/^interview published on /.test(date.label)
    ) {
      problems.push(
        `${where}: [label] ${date.certainty} date's label "${date.label}" states a year`,
      );
    }
  }

  problems.push(...checkUnderstandingLayer(kb));
  problems.push(...checkEvidence(kb));

  return problems;
};

// ---------------------------------------------------------------------------------------------
// The understanding layer: references and shape
// ---------------------------------------------------------------------------------------------

/**
 * A dated record's eras contain its dates; an undated record may be filed under eras only when its
 * dateReasoning says why (otherwise the era would be a date we made up).
 */
const checkEras = (
  eras: readonly string[],
  dates: ReadonlyArray<DateValue | undefined>,
  reasoning: string | undefined,
  all: readonly Era[],
  where: string,
): string[] => {
  const problems: string[] = [];
  const known = dates.filter((d): d is DateValue => d !== undefined && isWellFormed(d));
  if (known.length === 0) {
    if (eras.length > 0 && !reasoning) {
      problems.push(`${where}: undated, so its eras need a dateReasoning saying why`);
    }
    return problems;
  }
  if (eras.length === 0) {
    problems.push(`${where}: dated but filed under no era`);
  }
  for (const date of known) {
    // An end date may be the first day after an era (the Assad regime fell on 8 December 2024).
    const span = dateRange(date);
    const dayBefore = new Date(span.from.getTime() - 86_400_000);
    const allowed = erasFor(date, all);
    const touching = all
      .filter((era) => {
        const e = eraSpan(era);
        return e.from <= span.until && dayBefore <= e.until;
      })
      .map((era) => era.slug);
    if (eras.length > 0 && !eras.some((era) => allowed.includes(era) || touching.includes(era))) {
      problems.push(
        `${where}: eras ${eras.join(', ')} do not contain ${date.value} (expected ${allowed.join(' or ')})`,
      );
    }
  }
  return problems;
};

/**
 * [stance-issue] Stances filed under one issue are what "who stood where" items compare: each
 * needs the issue's one label, a position phrase and a window (dates or eras), and no actor may
 * both support and oppose the issue in overlapping windows (the items would refute a true option).
 */
export const checkIssues = (kb: KnowledgeBase): string[] => {
  const problems: string[] = [];
  const labels = new Map<string, string>();
  for (const st of kb.stances) {
    const where = `stance ${st.id}`;
    if (!st.issue) {
      if (st.issueLabel || st.positionPhrase) {
        problems.push(`${where}: [stance-issue] issueLabel and positionPhrase need an issue`);
      }
      continue;
    }
    if (!st.issueLabel || !st.positionPhrase) {
      problems.push(`${where}: [stance-issue] an issue needs its issueLabel and a positionPhrase`);
    }
    if (!st.from && st.eras.length === 0) {
      problems.push(`${where}: [stance-issue] a stance on an issue needs a window (from or eras)`);
    }
    const label = labels.get(st.issue);
    if (label !== undefined && st.issueLabel !== undefined && label !== st.issueLabel) {
      problems.push(
        `${where}: [stance-issue] issue ${st.issue} is labelled "${label}" elsewhere, not "${st.issueLabel}"`,
      );
    }
    if (label === undefined && st.issueLabel) {
      labels.set(st.issue, st.issueLabel);
    }
    if (st.positionPhrase && /^(he|she|it|they|[A-Z])/.test(st.positionPhrase)) {
      problems.push(
        `${where}: [stance-issue] positionPhrase "${st.positionPhrase}" must be a verb phrase with no actor ("urged Assad to …")`,
      );
    }
  }
  const onIssue = kb.stances.filter((st) => st.issue);
  for (const a of onIssue) {
    for (const b of onIssue) {
      if (
        a.id < b.id &&
        a.issue === b.issue &&
        a.actor === b.actor &&
        ((a.position === 'SUPPORTS' && b.position === 'OPPOSES') ||
          (a.position === 'OPPOSES' && b.position === 'SUPPORTS')) &&
        windowsOverlap(stanceWindow(a, kb.eras), stanceWindow(b, kb.eras))
      ) {
        problems.push(
          `stance ${a.id}: [stance-issue] ${a.actor} both supports and opposes ${a.issue} in overlapping windows (with ${b.id})`,
        );
      }
    }
  }
  return problems;
};

const checkUnderstandingLayer = (kb: KnowledgeBase): string[] => {
  const problems: string[] = [];
  const citations = new Set(kb.citations.map((c) => c.id));
  const actors = new Set(kb.actors.map((a) => a.slug));
  const events = new Set(kb.events.map((e) => e.slug));
  const relations = new Set(kb.relations.map((r) => r.id));
  const stances = new Set(kb.stances.map((st) => st.id));
  const series = new Set(kb.series.map((se) => se.slug));
  const eras = new Set(kb.eras.map((e) => e.slug));
  const themes = new Set(kb.themes.map((t) => t.slug));
  const figures = new Set(kb.figures.map((f) => f.id));
  const need = (set: Set<string>, kind: string, value: string | undefined, where: string) => {
    if (value !== undefined && !set.has(value)) {
      problems.push(`${where}: ${kind} "${value}" does not exist`);
    }
  };
  const needAll = (set: Set<string>, kind: string, values: readonly string[], where: string) => {
    for (const value of values) {
      need(set, kind, value, where);
    }
  };

  for (const x of kb.explanations) {
    const where = `explanation ${x.id}`;
    if (!x.event && !x.relation && !x.stance && !x.series) {
      problems.push(`${where}: explains nothing (give an event, relation, stance or series)`);
    }
    need(events, 'event', x.event, where);
    need(relations, 'relation', x.relation, where);
    need(stances, 'stance', x.stance, where);
    need(series, 'series', x.series, where);
    need(actors, 'actor', x.actor, where);
    need(actors, 'actor', x.accordingToActor, `${where} accordingToActor`);
    need(figures, 'figure', x.figure, where);
    needAll(eras, 'era', x.eras, where);
    needAll(themes, 'theme', x.themes, where);
    needAll(citations, 'citation', x.citations, where);
    if (x.area && x.kind !== 'CONSEQUENCE') {
      problems.push(`${where}: area is only for CONSEQUENCE explanations`);
    }
    problems.push(...checkEras(x.eras, [x.date], x.dateReasoning, kb.eras, where));
  }

  for (const st of kb.stances) {
    const where = `stance ${st.id}`;
    need(actors, 'actor', st.actor, where);
    if (!st.towardActor && !st.towardEvent && !st.towardIssue) {
      problems.push(`${where}: says nothing about what the stance is toward`);
    }
    need(actors, 'actor', st.towardActor, `${where} towardActor`);
    need(events, 'event', st.towardEvent, `${where} towardEvent`);
    need(events, 'event', st.context, `${where} context`);
    need(actors, 'actor', st.accordingToActor, `${where} accordingToActor`);
    need(stances, 'stance', st.supersededBy, `${where} supersededBy`);
    needAll(eras, 'era', st.eras, where);
    needAll(themes, 'theme', st.themes, where);
    needAll(citations, 'citation', st.citations, where);
    problems.push(...checkOrder(st.from, st.to, where));
    problems.push(...checkEras(st.eras, [st.from, st.to], st.dateReasoning, kb.eras, where));
  }
  problems.push(...checkIssues(kb));

  for (const se of kb.series) {
    const where = `series ${se.slug}`;
    needAll(themes, 'theme', se.themes, where);
    let previous: DateValue | undefined;
    for (const o of se.occurrences) {
      const at = `${where} occurrence ${o.id}`;
      need(events, 'event', o.event, at);
      needAll(citations, 'citation', o.citations, at);
      if (o.status !== 'FACT' && !o.claimedBy) {
        problems.push(`${at}: status ${o.status} needs claimedBy`);
      }
      const event = kb.events.find((e) => e.slug === o.event);
      if (event && event.start.value !== o.date.value) {
        problems.push(
          `${at}: date ${o.date.value} differs from its event's start ${event.start.value}`,
        );
      }
      if (previous && isWellFormed(previous) && isWellFormed(o.date)) {
        if (dateRange(o.date).from < dateRange(previous).from) {
          problems.push(`${at}: occurrences must be in chronological order`);
        }
      }
      previous = o.date;
    }
  }

  const citationText = new Map(kb.citations.map((c) => [c.id, c.quote]));
  for (const e of kb.sourceErrors) {
    const where = `source error ${e.id}`;
    need(citations, 'citation', e.citation, where);
    need(actors, 'actor', e.actor, where);
    need(events, 'event', e.event, where);
    const quote = citationText.get(e.citation);
    if (quote !== undefined && !normaliseText(quote).includes(normaliseText(e.asWritten))) {
      problems.push(`${where}: "${e.asWritten}" is not in citation ${e.citation}`);
    }
    if (normaliseText(e.asWritten) === normaliseText(e.corrected)) {
      problems.push(`${where}: the correction is the same as the text`);
    }
  }

  const slugs = new Set(kb.actors.map((a) => a.slug));
  for (const actor of kb.actors) {
    for (const former of actor.formerSlugs) {
      if (slugs.has(former)) {
        problems.push(`actor ${actor.slug}: former slug "${former}" is still in use`);
      }
    }
  }

  for (const q of kb.quotes) {
    need(events, 'event', q.event, `quote ${q.id}`);
    need(citations, 'citation', q.dateCitation, `quote ${q.id} dateCitation`);
  }
  return problems;
};

// ---------------------------------------------------------------------------------------------
// Evidence: what our text and our dates claim must be in the passages a record cites
// ---------------------------------------------------------------------------------------------

/**
 * Wording in a relation's passages that contradicts its type: a confrontation is not a
 * negotiation, and a demand that forces leave is not support.
 */
const CONTRARY_WORDING: Array<{ types: readonly string[]; pattern: RegExp; reason: string }> = [
  {
    types: ['NEGOTIATED_WITH', 'SUPPORTED', 'ALLIED', 'SIDED_WITH', 'MEDIATED', 'KEPT_TIES'],
    pattern: /\bconfront(ed|s|ing)?\b/i,
    reason: 'a confrontation',
  },
  {
    types: ['SUPPORTED', 'ALLIED', 'SIDED_WITH', 'KEPT_TIES', 'NEGOTIATED_WITH'],
    pattern: /\b(vacate|withdraw from|leave) the country\b/i,
    reason: 'a demand to leave',
  },
  {
    types: ['SUPPORTED', 'ALLIED', 'SIDED_WITH'],
    pattern: /\b(described|called|dismissed) [^.]{0,40}\bas baseless\b/i,
    reason: 'a dismissal',
  },
];

/** Our wording that marks a year as worked out rather than read in a passage. */
const INFERENCE_MARK =
  /\b(inferred|by (the|its|their)( [\w-]+)? (article|paper|source|snippet|report)'s date)\b/i;

/** A participant's role that only reports a denial gives no side in the event. */
const DENIAL_ROLE =
  /\b(baseless|denied|dismissed|disputed|rejected) the (document|report|claim|leak)\b|\bbaseless\b/i;

/** Role words that say who travelled; a passage of the event must speak of a visit. */
const VISIT_ROLE = /\b(host|hosts|hosted|visitor|visiting|guest)\b/i;

/** Characters either side of a quote's cited passage in which a subject's names must appear. */
export const NEARBY_CHARS = 1500;

/** Consecutive words of a quote a subject may share before it counts as copying it. */
const MAX_SHARED_RUN = 3;

/** Capitalised words of our text ("Syria's" → "Syria", "U.S." → "U.S."), the first word included. */
const properNames = (text: string): string[] =>
  [...normaliseText(text).matchAll(/\b[A-Z][\w.-]*/g)].map((m) =>
    m[0].replace(/'s$/, '').replace(/(?<![A-Z])\.$/, ''),
  );

/**
 * [namedNearby] Every name a subject uses stands within NEARBY_CHARS of the quote's passage in its
 * source, so "who was addressed, on what occasion" is read there, not supplied from memory. The
 * subject is our wording: it is not the quote, nor a run of more than MAX_SHARED_RUN of its words.
 */
export const checkSubject = (
  subject: string,
  words: string,
  sourceText: string | undefined,
  passage: string,
  where: string,
): string[] => {
  const problems: string[] = [];
  const plain = (t: string): string[] =>
    normaliseText(t)
      .toLowerCase()
      .replace(/[^a-z0-9' ]+/g, ' ')
      .split(' ')
      .filter(Boolean);
  const sub = plain(subject);
  const quoted = plain(words);
  if (sub.length === 0) {
    problems.push(`${where}: subject is empty`);
    return problems;
  }
  const runs = new Set<string>();
  for (let i = 0; i + MAX_SHARED_RUN < quoted.length + 1; i += 1) {
    runs.add(quoted.slice(i, i + MAX_SHARED_RUN + 1).join(' '));
  }
  const copied = sub.some((_, i) => runs.has(sub.slice(i, i + MAX_SHARED_RUN + 1).join(' ')));
  if (sub.join(' ') === quoted.join(' ') || copied) {
    problems.push(`${where}: subject copies the quote's words`);
  }
  if (sourceText === undefined) {
    return problems;
  }
  const at = sourceText.indexOf(normaliseText(passage));
  if (at < 0) {
    return problems;
  }
  const near = sourceText.slice(
    Math.max(0, at - NEARBY_CHARS),
    at + normaliseText(passage).length + NEARBY_CHARS,
  );
  for (const name of properNames(subject)) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`\\b${esc}`).test(near)) {
      problems.push(`${where}: [namedNearby] subject names "${name}", not named near the quote`);
    }
  }
  return problems;
};

export const checkEvidence = (kb: KnowledgeBase): string[] => {
  const problems: string[] = [];
  const byId = new Map(kb.citations.map((c) => [c.id, c]));
  const sources = new Map(kb.sources.map((s) => [s.slug, s]));
  const passagesOf = (ids: readonly string[]): Citation[] =>
    ids.map((id) => byId.get(id)).filter((c): c is Citation => c !== undefined);
  // The verbatim passages, their locators (a snippet's publisher and date) and their sources'
  // publisher, author and title, which our text may name when it attributes.
  const hayOf = (ids: readonly string[]): Haystack => {
    const cited = passagesOf(ids);
    return haystack([
      ...cited.map((c) => c.quote),
      ...cited.map((c) => c.locator),
      ...cited.flatMap((c) => {
        const s = sources.get(c.source);
        return s ? [s.publisher, s.title, s.author ?? ''] : [];
      }),
    ]);
  };
  const quotesOnly = (ids: readonly string[]): Haystack =>
    haystack(passagesOf(ids).flatMap((c) => [c.quote, c.locator]));

  const nameWords = new Set(
    kb.actors.flatMap((a) =>
      [a.name, a.shortName, ...a.aliases]
        .filter((f): f is string => f !== undefined)
        .flatMap((f) => f.split(/[\s\-–]+/)),
    ),
  );
  const isName = (word: string) => nameWords.has(word) || isMonthWord(word);

  // [backing] Every figure, date, name and capitalised title in our sentences is carried by a
  // passage the record cites (or names an actor such a passage mentions).
  const actorsBySlug = new Map(kb.actors.map((a) => [a.slug, a]));
  const nameForms = compileNameForms(kb.actors);
  const formsOf = (slugs: ReadonlyArray<string | undefined>): string[] =>
    slugs.flatMap((slug) => {
      const a = slug === undefined ? undefined : actorsBySlug.get(slug);
      return a ? [a.name, a.shortName ?? '', ...a.aliases] : [];
    });
  const titleOf = (slug: string | undefined): string[] => {
    const e = slug === undefined ? undefined : kb.events.find((x) => x.slug === slug);
    return e ? [e.title] : [];
  };
  // `linked` are the names of the actors the record links to (whose own records prove their
  // names) and the title of its context event (whose own passages prove it).
  const backing = (text: string, ids: readonly string[], where: string, linked: string[] = []) => {
    const hay = hayOf(ids);
    const allowed = mentionedNameWords(hay, nameForms);
    for (const word of linked.flatMap((f) => f.split(/[\s\-–]+/))) {
      allowed.add(canonicalWord(word));
    }
    for (const sentence of sentencesOf(text)) {
      // A sentence that flags its year as inferred may state it; names and titles still count.
      const flagged = INFERENCE_MARK.test(sentence);
      const missing = unbackedTokens(sentence, hay, allowed, isName).filter(
        (token) => !(flagged && /^\d{4}$/.test(token)),
      );
      if (missing.length > 0) {
        problems.push(
          `${where}: [backing] "${sentence}" — ${missing.join(', ')} not in its cited passages`,
        );
      }
    }
  };

  // [date-evidence] An EXACT date is given by a passage of the record; any other date says how
  // it was worked out.
  const dated = (
    date: DateValue | undefined,
    ids: readonly string[],
    where: string,
    reasoning?: string,
  ) => {
    if (!date) {
      return;
    }
    if (certaintyOf(date) !== 'EXACT') {
      if (!date.basis && !reasoning) {
        problems.push(
          `${where}: [date-certainty] ${certaintyOf(date)} date ${date.value} needs a basis (or the record's dateReasoning)`,
        );
      }
      return;
    }
    const missing = missingDateParts(date, quotesOnly(ids));
    if (missing.length > 0) {
      problems.push(
        `${where}: [date-evidence] ${date.value} (${date.precision}) — ${missing.join(', ')} not in its cited passages; cite a passage that gives it or mark the date's certainty (INFERRED, AFTER, …) with a basis`,
      );
    }
  };

  for (const actor of kb.actors) {
    const where = `actor ${actor.slug}`;
    const ids = [...actor.citations, ...actor.offices.flatMap((o) => o.citations)];
    const forms = [actor.name, actor.shortName, ...actor.aliases].filter(
      (f): f is string => f !== undefined,
    );
    // Names a description or role line may use without a passage carrying them: the actor's own
    // and those of its parent, base, nationality and offices.
    const ownNames = [
      ...forms,
      ...formsOf([
        actor.parent,
        actor.basedIn,
        actor.nationality,
        ...actor.offices.map((o) => o.of),
      ]),
    ];
    backing(actor.description, ids, `${where} description`, ownNames);
    if (actor.role) {
      // [role] The role line is checked like the description, against its own passages, which
      // must be the actor's own; each anchor is a word of the line that a passage states.
      const role = actor.role;
      for (const c of role.citations.filter((id) => !byId.has(id))) {
        problems.push(`${where} role: [role] citation "${c}" does not exist`);
      }
      const foreign = role.citations.filter((c) => !ids.includes(c));
      if (foreign.length > 0) {
        problems.push(
          `${where} role: [role] cites ${foreign.join(', ')}, not among the actor's citations`,
        );
      }
      if (!/^(A|An|The) /.test(role.text)) {
        problems.push(`${where} role: [role] "${role.text}" must start with "A", "An" or "The"`);
      }
      if (role.text.split(/\s+/).length > 20) {
        problems.push(`${where} role: [role] "${role.text}" is longer than 20 words`);
      }
      const roleHay = normaliseForAnchor(
        passagesOf(role.citations)
          .map((c) => c.quote)
          .join(' '),
      );
      const roleLine = normaliseForAnchor(role.text);
      for (const anchor of role.anchors) {
        const a = normaliseForAnchor(anchor);
        if (!roleLine.includes(a)) {
          problems.push(`${where} role: [role] anchor "${anchor}" is not in the role line`);
        }
        if (!roleHay.includes(a)) {
          problems.push(`${where} role: [role] anchor "${anchor}" is not in its cited passages`);
        }
      }
      backing(role.text, role.citations, `${where} role`, ownNames);
    }
    dated(actor.died, ids, `${where} died`);
    actor.offices.forEach((office, i) => {
      const at = `${where} office ${i}`;
      dated(office.from, office.citations, `${at} from`, office.note);
      dated(office.to, office.citations, `${at} to`, office.note);
      office.attested.forEach((d, j) => {
        dated(d, office.citations, `${at} attested ${j}`, office.note);
      });
    });
    // [name-evidence] A person's names come from the record's own passages: no first name or
    // title from elsewhere. A recorded source error may supply the corrected name.
    if (actor.kind === 'PERSON') {
      const corrections = kb.sourceErrors
        .filter((e) => e.actor === actor.slug)
        .map((e) => e.corrected);
      const hay = haystack([...passagesOf(ids).map((c) => c.quote), ...corrections]);
      const strict = [actor.name, actor.shortName].filter((f): f is string => f !== undefined);
      for (const form of strict) {
        const missing = unbackedNameWords(form, hay, false);
        if (missing.length > 0) {
          problems.push(
            `${where}: [name-evidence] name "${form}" — ${missing.join(', ')} in none of its cited passages`,
          );
        }
      }
      for (const alias of actor.aliases) {
        const missing = unbackedNameWords(alias, hay, true);
        if (missing.length > 0) {
          problems.push(
            `${where}: [name-evidence] alias "${alias}" — ${missing.join(', ')} in none of its cited passages (nor a spelling of a word there)`,
          );
        }
      }
    }
  }

  for (const event of kb.events) {
    const where = `event ${event.slug}`;
    const ids = [...event.citations, ...event.disputes.map((d) => d.citation)];
    backing(
      event.summary,
      ids,
      `${where} summary`,
      formsOf(event.participants.map((p) => p.actor)),
    );
    dated(event.start, ids, `${where} start`, event.dateReasoning);
    dated(event.end, ids, `${where} end`, event.dateReasoning);
    const text = passagesOf(ids)
      .map((c) => c.quote)
      .join(' ');
    for (const p of event.participants) {
      if (p.stance && DENIAL_ROLE.test(p.role)) {
        problems.push(
          `${where} participant ${p.actor}: [stance-evidence] role "${p.role}" reports a denial, which is not a side (drop the stance)`,
        );
      }
      if (VISIT_ROLE.test(p.role) && !/\bvisit/i.test(text)) {
        problems.push(
          `${where} participant ${p.actor}: [role-evidence] role "${p.role}" but no cited passage speaks of a visit`,
        );
      }
    }
  }

  for (const relation of kb.relations) {
    const where = `relation ${relation.id}`;
    backing(relation.summary, relation.citations, `${where} summary`, [
      ...formsOf([relation.subject, relation.object]),
      ...titleOf(relation.context),
    ]);
    dated(relation.from, relation.citations, `${where} from`);
    dated(relation.to, relation.citations, `${where} to`);
    const text = passagesOf(relation.citations)
      .map((c) => c.quote)
      .join(' ');
    for (const rule of CONTRARY_WORDING) {
      if (rule.types.includes(relation.type) && rule.pattern.test(text)) {
        problems.push(
          `${where}: [relation-evidence] type ${relation.type} but a cited passage describes ${rule.reason}`,
        );
      }
    }
  }

  for (const quote of kb.quotes) {
    const dating = quote.dateCitation ? [quote.citation, quote.dateCitation] : [quote.citation];
    dated(quote.date, dating, `quote ${quote.id} date`);
    // [quote-context] who said it to whom, on what occasion, about what.
    if (!quote.topic || !quote.occasion) {
      problems.push(`quote ${quote.id}: [quote-context] needs a topic and an occasion`);
    }
  }
  for (const figure of kb.figures) {
    dated(figure.asOf, [figure.citation], `figure ${figure.id} asOf`, figure.dateReasoning);
  }
  for (const x of kb.explanations) {
    const where = `explanation ${x.id}`;
    const linked = [...formsOf([x.actor, x.accordingToActor]), ...titleOf(x.event)];
    // The topic and answer are what an item shows; they need the same backing as the detail.
    backing(x.topic, x.citations, `${where} topic`, linked);
    backing(x.answer, x.citations, `${where} answer`, linked);
    backing(x.detail, x.citations, `${where} detail`, linked);
    dated(x.date, x.citations, `${where} date`, x.dateReasoning);
  }
  for (const st of kb.stances) {
    const where = `stance ${st.id}`;
    const linked = [
      ...formsOf([st.actor, st.towardActor, st.accordingToActor]),
      ...titleOf(st.context),
      ...titleOf(st.towardEvent),
    ];
    backing(st.statement, st.citations, `${where} statement`, linked);
    if (st.towardIssue) {
      backing(st.towardIssue, st.citations, `${where} towardIssue`, linked);
    }
    // Items print the label and phrase: they need the same backing as the statement.
    if (st.issueLabel) {
      backing(st.issueLabel, st.citations, `${where} issueLabel`, linked);
    }
    if (st.positionPhrase) {
      backing(st.positionPhrase, st.citations, `${where} positionPhrase`, linked);
    }
    dated(st.from, st.citations, `${where} from`, st.dateReasoning);
    dated(st.to, st.citations, `${where} to`, st.dateReasoning);
  }
  for (const se of kb.series) {
    for (const o of se.occurrences) {
      const where = `series ${se.slug} occurrence ${o.id}`;
      backing(o.summary, o.citations, `${where} summary`, titleOf(o.event));
      // [series] each occurrence is dated by its own passages.
      dated(o.date, o.citations, `${where} date`, o.note);
    }
  }
  return problems;
};

// ---------------------------------------------------------------------------------------------
// Coverage report
// ---------------------------------------------------------------------------------------------

const table = (title: string, rows: Array<[string, number]>): string => {
  const width = Math.max(title.length, ...rows.map(([label]) => label.length));
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const line = (label: string, count: number | string) =>
    `  ${label.padEnd(width)}  ${String(count).padStart(5)}`;
  return [
    title,
    ...rows.map(([label, count]) => line(label, count)),
    line('-'.repeat(width), '-----'),
    line('total', total),
  ].join('\n');
};

const countBy = <T>(items: readonly T[], keysOf: (item: T) => readonly string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
};

const notExact = (kb: KnowledgeBase): Map<string, number> =>
  countBy(
    allDates(kb).filter(({ date }) => certaintyOf(date) !== 'EXACT'),
    ({ date }) => [certaintyOf(date)],
  );

/** A printable summary: events per era and theme, facts per type, actors, citations, statuses. */
export const coverageReport = (kb: KnowledgeBase): string => {
  const perEra = countBy(kb.events, (e) => [e.era]);
  const perTheme = countBy(kb.events, (e) => e.themes);
  const perKind = countBy(kb.actors, (a) => [a.kind]);
  const perSource = countBy(kb.citations, (c) => [c.source]);
  const statuses = [
    ...kb.events.map((e) => e.status),
    ...kb.relations.map((r) => r.status),
    ...kb.quotes.map((q) => q.status),
    ...kb.figures.map((f) => f.status),
  ];
  const perStatus = countBy(statuses, (s) => [s]);
  const offices = kb.actors.reduce((sum, a) => sum + a.offices.length, 0);
  return [
    table(
      'Events per era',
      kb.eras.map((era): [string, number] => [era.slug, perEra.get(era.slug) ?? 0]),
    ),
    table(
      'Events per theme (an event has 1–3 themes)',
      kb.themes.map((theme): [string, number] => [theme.slug, perTheme.get(theme.slug) ?? 0]),
    ),
    table('Facts per type', [
      ['events', kb.events.length],
      ['relations', kb.relations.length],
      ['quotes', kb.quotes.length],
      ['figures', kb.figures.length],
      ['offices', offices],
    ]),
    table('Facts per status (events, relations, quotes, figures)', [...perStatus.entries()]),
    table(
      'Actors per kind',
      (['STATE', 'PERSON', 'ORGANISATION'] as const).map((kind): [string, number] => [
        kind,
        perKind.get(kind) ?? 0,
      ]),
    ),
    table(
      'Citations per source',
      kb.sources.map((s): [string, number] => [s.slug, perSource.get(s.slug) ?? 0]),
    ),
    table('Understanding layer', [
      ...(['CAUSE', 'PURPOSE', 'CONSEQUENCE'] as const).map((kind): [string, number] => [
        `explanations ${kind}`,
        kb.explanations.filter((x) => x.kind === kind).length,
      ]),
      ['stances', kb.stances.length],
      ['series occurrences', kb.series.reduce((sum, se) => sum + se.occurrences.length, 0)],
      ['source errors', kb.sourceErrors.length],
    ]),
    table(
      'Explanations and stances filed per era (undated ones under none)',
      kb.eras.map((era): [string, number] => [
        era.slug,
        [...kb.explanations, ...kb.stances].filter((r) => r.eras.includes(era.slug)).length,
      ]),
    ),
    table('Dates that are not EXACT', [...notExact(kb).entries()]),
  ].join('\n\n');
};

/**
 * Verbalisation helpers: how actors, events, offices and relations are named in stems, options,
 * explanations and rationales. All wording goes through here so the house style (short country
 * names, "Given Family" names, en-dash ranges, a role beside a name whose role changed) holds.
 */
import type { Actor, Event, Office, Relation } from '@quiz/prisma/knowledge';
import { formatYearRange, type Interval, singleYear, span, statedPhrase, yearOfDay } from './dates';
import { parseTitle } from './headline';
import { actorLabel, holdsOfficeAt, type KbIndex, mayHoldOfficeAt } from './kb-index';
import { capitalise, contentTokens } from './text';

/** "1980–88" for an event's span, "1953" for a single year, the date label otherwise. */
export const eventYears = (e: Event): string => {
  const iv = span(e.start, e.end);
  return formatYearRange(yearOfDay(iv.lo), yearOfDay(iv.hi));
};

/** Persons who held more than one kind of office: their bare name is ambiguous across time. */
export const hasChangingRole = (a: Actor): boolean =>
  new Set(a.offices.map((o) => `${o.role}:${o.of}`)).size > 1;

/**
 * A person named for a given time: "Supreme Leader Ali Khamenei" or "Ali Khamenei, then President
 * of Iran," when the person's role changed over time and the KB proves the office then; otherwise
 * the plain name.
 */
export const personAt = (idx: KbIndex, slug: string, when?: Interval): string => {
  const a = idx.actors.get(slug);
  const name = actorLabel(idx, slug);
  if (a?.kind !== 'PERSON' || !when || !hasChangingRole(a)) {
    return name;
  }
  const held = idx.offices.find((o) => o.person === slug && holdsOfficeAt(o, when));
  return held ? `${name} (then ${held.office.title})` : name;
};

export const officeTitle = (o: Office): string => o.title;

const RELATION_VERBS: Record<Relation['type'], string> = {
  SIDED_WITH: 'sided with',
  OPPOSED: 'opposed',
  ALLIED: 'allied with',
  SIGNED_AGREEMENT: 'signed an agreement with',
  LED: 'led',
  MEMBER_OF: 'was a member of',
  PART_OF: 'is part of',
  TRAINED: 'trained',
  FUNDED: 'funded',
  SUPPORTED: 'supported',
  ARMED: 'supplied weapons to',
  DEPLOYED_TO: 'deployed forces to',
  ISOLATED: 'isolated',
  KEPT_TIES: 'kept its ties with',
  DESIGNATED_TERRORIST: 'designated as terrorist',
  TRADED_WITH: 'traded with',
  MEDIATED: 'mediated with',
  ATTACKED: 'attacked',
  KILLED: 'killed',
  NEGOTIATED_WITH: 'negotiated with',
};

export const relationVerb = (r: Relation): string => RELATION_VERBS[r.type];

/** "the Arab state", "the state", "the person", "the organisation" as a noun for a stem. */
export const kindNoun = (a: Actor, arab: boolean): string => {
  if (a.kind === 'STATE') {
    return arab ? 'Arab state' : 'state';
  }
  return a.kind === 'PERSON' ? 'person' : 'organisation';
};

/** A year when a date pins one, else the formatted range of its interval. */
export const yearsOfInterval = (iv: Interval): string =>
  formatYearRange(yearOfDay(iv.lo), yearOfDay(iv.hi));

export const yearOfEvent = (e: Event): number | null => (e.end ? null : singleYear(e.start));

/** A citation list without duplicates, in first-seen order. */
export const uniq = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** A sentence from the KB summary, trimmed to one sentence so explanations stay short. */
/** Where a passage sits in its source is for the editor, not the student (issue 11, S7). */
export const withoutPlumbing = (text: string): string =>
  text
    .replace(/,?\s*as (recorded|shown) in an? (dated )?image caption( in [^.,;]+)?/gi, '')
    .replace(/\s*\(the caption [^)]*\)/gi, '')
    .replace(/\s*\((no headline in the copy|[^)]*\bline \d+[^)]*)\)/gi, '')
    .replace(/\s+([.,;])/g, '$1');

export const firstSentence = (text: string): string => {
  const clean = withoutPlumbing(text);
  const m = clean.match(/^(.+?[.!?])(\s|$)/);
  return (m?.[1] ?? clean).trim();
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces a bare ambiguous surname ("Assad") by the full name of the one bearer the context
 * proves: the event's participant, or the holder of an office in the period. Text that stays
 * ambiguous keeps the bare name and the gate rejects items using it (qgen B6).
 */
export const disambiguate = (
  idx: KbIndex,
  text: string,
  bearers: (persons: string[]) => string[],
): string => {
  let out = text;
  for (const [surname, persons] of idx.ambiguousSurnames) {
    const cap = surname.charAt(0).toUpperCase() + surname.slice(1);
    const givens = persons.map((p) => actorLabel(idx, p).split(' ')[0] ?? '').filter(Boolean);
    const bare = new RegExp(
      `(?<!(?:${givens.map(escapeRe).join('|')})\\s(?:al-)?)(?:al-)?${escapeRe(cap)}\\b`,
      'g',
    );
    if (!bare.test(out)) {
      continue;
    }
    const who = bearers(persons);
    if (who.length !== 1) {
      continue;
    }
    const full = actorLabel(idx, who[0] ?? '');
    out = out
      .replace(
        new RegExp(`\\bthe (?:al-)?${escapeRe(cap)} (regime|government|family|years)\\b`, 'g'),
        `the $1 of \uE000`,
      )
      .replace(bare, '\uE000')
      .replace(/\uE000/g, full);
  }
  return out;
};

/** An event title with ambiguous names resolved from the event's participants. */
export const displayTitle = (idx: KbIndex, e: Event): string =>
  disambiguate(idx, e.title, (persons) =>
    persons.filter((p) => e.participants.some((x) => x.actor === p)),
  );

/** An era name with ambiguous names resolved from who held office during the era. */
export const displayEraName = (idx: KbIndex, slug: string): string => {
  const era = idx.erasBySlug.get(slug);
  if (!era) {
    return slug;
  }
  const when = span(era.start, era.end);
  return disambiguate(idx, era.name, (persons) =>
    persons.filter((p) => idx.offices.some((o) => o.person === p && mayHoldOfficeAt(o, when))),
  );
};

export type EventClause = {
  /** "In what year did Iran and Syria establish diplomatic relations" (no "?"). */
  ask: (lead: string) => string;
  /** "Iran and Syria established diplomatic relations" (no date, no full stop). */
  past: string;
  /** "the Iran–Iraq War" or the quoted title. */
  subject: string;
};

export const eventClause = (idx: KbIndex, e: Event): EventClause => {
  const title = displayTitle(idx, e);
  const parsed = parseTitle(idx, title, Boolean(e.end));
  if (parsed) {
    return { ask: parsed.ask, past: parsed.past, subject: parsed.subject };
  }
  return {
    ask: (lead) => `${lead} did this happen: “${title}”`,
    past: `“${title}” happened`,
    subject: `“${title}”`,
  };
};

/** "Iran and Syria established diplomatic relations on 12 November 1946." */
export const eventSentence = (idx: KbIndex, e: Event): string =>
  `${eventClause(idx, e).past}${statedPhrase(e.start)}.`;

/** Where a summary's own account of the event ends and what it adds begins. */
const ADDITION =
  /, (?:when|which|while|where|whereupon|after which|and|but|so|as|after|(?!according)\w+ing) /;

/**
 * The dated sentence and what the summary adds to it. A summary sentence that only restates the
 * event leaves nothing to add (audit 20, item 89); one that restates it and goes on ("… opened
 * diplomatic relations on 12 November 1946, when Rahnema was accredited …") read as the same
 * sentence twice (audit 35, item 16), so what it adds is joined to the dated sentence instead.
 */
export const eventExplanation = (idx: KbIndex, e: Event): string => {
  const dated = eventSentence(idx, e);
  const head = dated.split(/ (?:in|on) (?=\S*\s?\d)| \(/)[0] ?? dated;
  const said = new Set(contentTokens(dated).map((t) => t.slice(0, 4)));
  const fresh = (text: string): number =>
    contentTokens(text).filter((t) => !said.has(t.slice(0, 4))).length;
  // Two new content words at least: a new verb alone ("underwent") says nothing new. Four
  // letters, so "Syrian" repeats "Syria" and "Iranian" "Iran".
  const sentences = withoutPlumbing(e.summary).split(/(?<=[.!?])\s+(?=[A-Z])/);
  const first =
    sentences.find((x) => !x.startsWith(head) && fresh(x) >= 2) ?? firstSentence(e.summary);
  if (first.startsWith(head) || fresh(first) < 2) {
    return dated;
  }
  // A summary sentence that retells the event (half its words or more) is the better sentence:
  // it is said once, with the date in front ("In 2000, Bashar al-Assad took over from his father
  // Hafez …", audit 36, items 8, 16, 32, 55, 80), or alone when it gives the date itself.
  const phrase = statedPhrase(e.start).trim();
  const eventWords = contentTokens(dated).filter((t) => !/^\d/.test(t));
  const retold = new Set(contentTokens(first).map((t) => t.slice(0, 4)));
  const shared = eventWords.filter((t) => retold.has(t.slice(0, 4))).length;
  // Not a sentence about a source ("Wikipedia lists the 2006 Lebanon War among …"): a date in
  // front would date the writing.
  const aboutSource = /^[^,;]{0,40}\b(says|lists|writes|reports|notes|calls|counts)\b/.test(first);
  // A named event ("The Iran–Iraq War began in 1980") keeps its sentence: the retelling may not
  // name it.
  const named = parseTitle(idx, displayTitle(idx, e), Boolean(e.end))?.kind === 'noun';
  // A headline the sentence could only quote ("“Air strike in Mezzeh kills …” happened") is
  // always better retold.
  const quoted = dated.startsWith('“');
  if (
    !named &&
    !aboutSource &&
    (quoted || (eventWords.length > 0 && shared * 2 >= eventWords.length))
  ) {
    const year = /\d{4}/.exec(phrase)?.[0];
    return !phrase || (year && first.includes(year))
      ? first
      : `${capitalise(phrase)}, ${first.replace(/^The /, 'the ')}`;
  }
  const cut = ADDITION.exec(first);
  if (cut && fresh(first.slice(0, cut.index)) <= 4 && fresh(first.slice(cut.index)) >= 2) {
    return `${dated.slice(0, -1)}${first.slice(cut.index)}`;
  }
  return `${dated} ${first}`;
};

/** "during the Iran–Iraq War (1980–88)" for noun-phrase events, "when Syria joined … (1990)" otherwise. */
export const duringEvent = (idx: KbIndex, e: Event): string => {
  const title = displayTitle(idx, e);
  const parsed = parseTitle(idx, title, Boolean(e.end));
  if (parsed?.kind === 'noun') {
    return `during ${parsed.subject} (${eventYears(e)})`;
  }
  if (parsed) {
    return `when ${parsed.past.replace(/^The /, 'the ')} (${eventYears(e)})`;
  }
  return `at the time of “${title}” (${eventYears(e)})`;
};

/** A name in running text: "the United States", "the IRGC", "Syria". */
export const nameInText = (idx: KbIndex, slug: string): string => {
  const a = idx.actors.get(slug);
  const label = actorLabel(idx, slug);
  if (!a) {
    return label;
  }
  if (a.kind === 'STATE' && /^(United|Islamic Republic|UAE|Netherlands|Philippines)/.test(label)) {
    return `the ${label}`;
  }
  if (
    a.kind === 'ORGANISATION' &&
    /\b(Corps|Force|Forces|Brigade|League|Party|Organization|Organisation|Council|Office|Coalition|Division|Institute|Center|Centre|Ministry|Observatory|Front)$|^(Axis|Institute|Center|Centre)\b| for /.test(
      a.name,
    )
  ) {
    return `the ${label}`;
  }
  return label;
};

/**
 * Who a student is told said or wrote a passage: the publisher a search snippet names ("Iran
 * International"), else "a news search snippet"; the author of a republished copy. Never the search
 * page's own name, which is plumbing.
 */
export const citationPublisher = (idx: KbIndex, citationId: string): string => {
  const cit = idx.citations.get(citationId);
  const src = cit ? idx.kb.sources.find((s) => s.slug === cit.source) : undefined;
  if (!cit || !src) {
    return 'A source';
  }
  if (src.kind === 'SEARCH_RESULTS') {
    const named = cit.locator.match(/^snippet: (.+?)(?: \(| PDF|,|;|$)/)?.[1]?.trim();
    if (!named) {
      return 'a news search snippet';
    }
    return /^(IDF site|Wikipedia)$/.test(named)
      ? named === 'IDF site'
        ? 'the IDF site'
        : named
      : named;
  }
  if (/^Republished copy/.test(src.publisher)) {
    return src.author ?? 'a republished article';
  }
  // "Wikipedia (English)" is the file's label; a student reads "Wikipedia" (audit 13, item 24).
  return src.publisher.replace(/\s*\(English\)$/, '');
};

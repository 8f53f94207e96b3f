/** Helpers shared by the templates: rationales with citations, event eligibility, attribution. */
import type { Event, Figure } from '@quiz/prisma/knowledge';
import type { BankQuestion } from '../../types';
import { singleYear, span, yearOfDay } from '../dates';
import { nameInText, uniq } from '../describe';
import { citationsOf, eventFactId, type Fact, type KbIndex } from '../kb-index';
import { article, capitalise } from '../text';
import type { Draft, Rationale } from '../types';

/**
 * A fact's passages, the one that carries what is asked first: the passage naming the fact's
 * year (a date is what most items ask), then one naming who claims it, then the KB's order.
 */
const leadingCitations = (idx: KbIndex, factId: string): string[] => {
  const fact = idx.facts.get(factId);
  const cited = citationsOf(idx, factId);
  if (!fact || cited.length < 2) {
    return cited;
  }
  const year = fact.when ? String(yearOfDay(fact.when.lo)) : null;
  const who = fact.claimedBy ? (fact.claimedBy.split(/[;,(]/)[0] ?? '').trim() : '';
  const rank = (id: string): number => {
    const quote = idx.citations.get(id)?.quote ?? '';
    if (year && new RegExp(`(?<!\\d)${year}(?!\\d)`).test(quote)) {
      return 0;
    }
    return who.length >= 3 && quote.includes(who) ? 1 : 2;
  };
  // Array sort is stable: equal ranks keep the KB's order.
  return [...cited].sort((a, b) => rank(a) - rank(b));
};

/**
 * The passages proving the given facts, ordered round-robin over the facts (each fact's leading
 * passage first, then each one's second, …) so the first few shown prove the whole key: feedback
 * shows three passages and hides the rest behind "More sources", and a four-event chronology
 * used to show three passages on its first event. A passage already taken is skipped, so a fact
 * whose lead another fact shares offers its next one in that round.
 */
export const citeFacts = (idx: KbIndex, factIds: readonly string[]): string[] => {
  const queues = uniq(factIds).map((f) => leadingCitations(idx, f));
  const taken = new Set<string>();
  const out: string[] = [];
  for (let progressed = true; progressed; ) {
    progressed = false;
    for (const queue of queues) {
      let next = queue.shift();
      while (next !== undefined && taken.has(next)) {
        next = queue.shift();
      }
      if (next !== undefined) {
        taken.add(next);
        out.push(next);
        progressed = true;
      }
    }
  }
  return out;
};

export const rationale = (
  idx: KbIndex,
  ref: string,
  isCorrect: boolean,
  text: string,
  factIds: readonly string[],
): Rationale => ({
  ref,
  isCorrect,
  text,
  citationIds: citeFacts(idx, factIds),
  factIds: uniq(factIds),
});

/**
 * "According to X, " for facts a party asserts; null when the fact may not be stated at all
 * (disputed, or a claim with nobody to attribute it to). FACT needs no prefix.
 */
export const attributionFor = (fact: Fact | undefined): string | null => {
  if (!fact) {
    return null;
  }
  if (fact.status === 'FACT') {
    return '';
  }
  if (fact.status === 'DISPUTED' || !fact.claimedBy) {
    return null;
  }
  return `According to ${fact.claimedBy}, `;
};

const SELF_DATING = /\b(1[89]\d\d|20\d\d)s?\b|\b(first|second|third|eight|ten)-year\b|\bdecade\b/i;

/** Whether an event's title would give its own date away in a date item (qgen D2). */
export const selfDating = (e: Event): boolean => SELF_DATING.test(e.title);

/** A date read off a passage: INFERRED, APPROXIMATE, AFTER, BEFORE and PROCESS dates are never a key. */
export const isExactDate = (d: { certainty?: string } | undefined): boolean =>
  d !== undefined && (d.certainty === undefined || d.certainty === 'EXACT');

/** Whether an event's own dates are exact (start and, if given, end). */
export const hasExactDates = (e: Event): boolean =>
  isExactDate(e.start) && (e.end === undefined || isExactDate(e.end));

/**
 * Whether a "when" item about this event could be answered by another occurrence of the same kind:
 * the event is one occurrence of a series the sources leave open, and its title names no person
 * beyond what the series title says (so "Iran launches missile strikes on IS in Syria" could be any
 * of the strikes; "Hafez al-Assad meets Khamenei in Damascus" is one meeting).
 */
export const isGenericOccurrence = (idx: KbIndex, e: Event): boolean => {
  const series = idx.seriesOfEvent.get(e.slug) ?? [];
  if (series.length === 0) {
    return false;
  }
  const persons = e.participants
    .map((p) => idx.actors.get(p.actor))
    .filter((a) => a?.kind === 'PERSON')
    .filter((a) => a !== undefined && e.title.includes(a.name.split(' ').at(-1) ?? a.name));
  const named = /\b(Treaty|Agreement|Arab League|Manama|Damascus|Tehran)\b/.test(e.title);
  return persons.length === 0 && !named && series.some((s) => !s.complete);
};

/** "Russia announces a new monitoring centre": one of several, so its year is no answer to "when". */
const ONE_OF_SEVERAL = /\b(an? (new|additional|further)|another)\b/i;

/**
 * Meetings and visits recur: one caption of a meeting in 1984 does not show that the two never met
 * in 1980 (audit 4, items 85 and 87). Such an event is asked only with its own date as the key,
 * never as a wrong year in a statement or as "not in year Y".
 */
export const isRecurringKind = (e: Pick<Event, 'title'>): boolean =>
  (/\b(meets?|met|meeting|visits?|visited|talks|hosts?|receives?)\b/i.test(e.title) ||
    ONE_OF_SEVERAL.test(e.title)) &&
  !/\b(Arab League|summit|Treaty|Agreement)\b/i.test(e.title);

/** Years of the other occurrences of every series this event belongs to: never a wrong answer. */
export const siblingOccurrenceYears = (idx: KbIndex, e: Event): Set<number> => {
  const out = new Set<number>();
  for (const s of idx.seriesOfEvent.get(e.slug) ?? []) {
    for (const o of s.occurrences) {
      if (o.event !== e.slug) {
        out.add(Number(o.date.value.slice(0, 4)));
      }
    }
  }
  return out;
};

/** Events a date item may ask about: stated as fact, exactly dated to a single known year, a title that does not date itself, not one of many alike. */
export const datableEvents = (idx: KbIndex): { event: Event; year: number }[] =>
  idx.kb.events
    .filter(
      (e) =>
        e.status === 'FACT' &&
        !selfDating(e) &&
        e.disputes.length === 0 &&
        hasExactDates(e) &&
        !isGenericOccurrence(idx, e) &&
        !ONE_OF_SEVERAL.test(e.title),
    )
    .flatMap((e) => {
      const year = singleYear(e.start);
      return year === null ? [] : [{ event: e, year }];
    })
    .sort((a, b) => a.year - b.year || (a.event.slug < b.event.slug ? -1 : 1));

/** Events with a usable interval for ordering (start only; spans are ordered by their start). */
export const orderableEvents = (idx: KbIndex): Event[] =>
  idx.kb.events.filter(
    (e) =>
      e.status === 'FACT' &&
      !selfDating(e) &&
      e.disputes.length === 0 &&
      hasExactDates(e) &&
      !isGenericOccurrence(idx, e) &&
      e.start.precision !== 'DECADE',
  );

export const startOf = (e: Event) => span(e.start);

export const eventFact = (e: Event): string => eventFactId(e.slug);

export const yearOptionId = (year: number): string => `y${year}`;

/** Sorted option ids of a question (choice types). */
export const optionIds = (q: BankQuestion): string[] => (q.prompt.options ?? []).map((o) => o.id);

/** The four-digit years a stem states, in order. */
export const stemYear = (stem: string): number | null => {
  const m = stem.match(/\b(1[89]\d\d|20\d\d)\b/);
  return m ? Number(m[1]) : null;
};

/** What a question about one event is filed under: its era, themes and participants. */
export const eventFacets = (event: Event): Pick<Draft, 'eraSlug' | 'themes' | 'actorSlugs'> => ({
  eraSlug: event.era,
  themes: event.themes,
  actorSlugs: event.participants.map((p) => p.actor),
});

export const baseDraft = (
  partial: Omit<Draft, 'slots' | 'ordering' | 'themes' | 'eraSlug'> &
    Partial<Pick<Draft, 'slots' | 'ordering' | 'themes' | 'eraSlug'>>,
): Draft => ({
  slots: [],
  ordering: 'shuffle',
  themes: [],
  eraSlug: null,
  ...partial,
  citationIds: uniq(partial.citationIds),
  factIds: uniq(partial.factIds),
  actorSlugs: uniq(partial.actorSlugs),
});

/** The claimant as running text: "the Syrian Observatory for Human Rights", "a leaked Iranian presidency document". */
export const claimant = (idx: KbIndex, claimedBy: string): string => {
  const head = (claimedBy.split(/[;,(]/)[0] ?? claimedBy).trim();
  const actor = idx.kb.actors.find((a) => [a.name, a.shortName, ...a.aliases].includes(head));
  if (actor) {
    // A claimant by its full name: "According to the SOHR" left students to guess the acronym
    // (audit 13, item 85).
    const full = nameInText(idx, actor.slug);
    return actor.kind === 'ORGANISATION' && actor.shortName && full.endsWith(actor.shortName)
      ? `${full.startsWith('the ') ? 'the ' : ''}${actor.name}`
      : full;
  }
  return (/^[A-Z][a-z]+ [A-Z]/.test(head) || /^[A-Z]\S*['’]s\b/.test(head)) &&
    !/^(Leaked|Reports?|An?|The)\b/.test(head)
    ? head
    : `${article(head)} ${head.charAt(0).toLowerCase()}${head.slice(1)}`;
};

/**
 * A figure a student can place (audit 3): not the ISW election seats (Iraqi politics the sources do
 * not tie to Iran and Syria, item 31) and not a duration with no date to count from (the Wilson
 * Center's "34 years", item 61).
 */
export const askableFigure = (f: Figure): boolean =>
  f.measures !== 'SEATS' && !(f.measures === 'DURATION' && f.asOf === undefined);

/**
 * The last year a wrong date for this event stays plausible: a person who acted in it as a
 * ruler cannot have done so after their last office ended ("Assad attended the Manama meeting in
 * 2025" is refuted by the regime's fall, not by knowing the meeting; audit 3, item 33).
 */
export const lastPlausibleYear = (idx: KbIndex, e: Event, fallback: number): number => {
  const start = singleYear(e.start);
  let last = fallback;
  for (const p of e.participants) {
    const a = idx.actors.get(p.actor);
    if (a?.kind !== 'PERSON' || a.offices.length === 0 || a.offices.some((o) => !o.to)) {
      continue;
    }
    const end = Math.max(...a.offices.map((o) => Number((o.to?.value ?? '0').slice(0, 4))));
    if (start !== null && start <= end) {
      last = Math.min(last, end);
    }
  }
  return last;
};

/**
 * A quote's KB context or occasion in words a student reads (audit 6, item 87): the notes
 * "on an undated occasion (\"once described\")", "(undated)", "Undated in the source." are for the
 * KB's reader; "once described" is kept as the source's own words. Who says the remark is undated
 * is the template's sentence ("IranWire does not date the remark").
 */
export const quoteNoteInWords = (text: string): string =>
  text
    .replace(
      /\s+describing (.+?),? on an undated occasion \(["“]?once described["”]?\)/,
      ' once described $1 in these words',
    )
    .replace(/,? on an undated occasion\b/g, '')
    .replace(/\s*\(undated\)/gi, '')
    .replace(/\s*\bUndated(?: in the sources?)?\./g, '')
    .replace(/\b(an|a) undated (description|remark|statement|declaration)\b/g, 'a $2')
    .replace(/\s*\(["“]?once described["”]?\)/g, '')
    .replace(/\s+([.,;])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** How many eras apart two records are at their closest (0 when they share one or one is undated). */
export const eraGap = (idx: KbIndex, a: readonly string[], b: readonly string[]): number => {
  const order = [...idx.erasBySlug.keys()];
  const at = (xs: readonly string[]) => xs.map((e) => order.indexOf(e)).filter((i) => i >= 0);
  const [ia, ib] = [at(a), at(b)];
  if (ia.length === 0 || ib.length === 0) {
    return 0;
  }
  return Math.min(...ia.flatMap((i) => ib.map((j) => Math.abs(i - j))));
};

/**
 * A reviewed table's select-all explanation: each key option's feedback, without its "Yes: "
 * verdict and starting with a capital (audit 35, N13: "Yes: the MENA …" kept a lower case).
 */
export const keyedExplanation = (keys: readonly { says: string }[]): string =>
  keys.map((o) => capitalise(o.says.replace(/^Yes: /, ''))).join(' ');

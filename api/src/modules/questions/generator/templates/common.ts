/** Helpers shared by the templates: rationales with citations, event eligibility, attribution. */
import type { Event } from '@quiz/prisma/knowledge';
import type { BankQuestion } from '../../types';
import { singleYear, span } from '../dates';
import { nameInText, uniq } from '../describe';
import { citationsOf, eventFactId, type Fact, type KbIndex } from '../kb-index';
import { article } from '../text';
import type { Draft, Rationale } from '../types';

export const citeFacts = (idx: KbIndex, factIds: readonly string[]): string[] =>
  uniq(factIds.flatMap((f) => citationsOf(idx, f)));

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

/** Events a date item may ask about: stated as fact, a single known year, a title that does not date itself. */
export const datableEvents = (idx: KbIndex): { event: Event; year: number }[] =>
  idx.kb.events
    .filter((e) => e.status === 'FACT' && !selfDating(e) && e.disputes.length === 0)
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
    return nameInText(idx, actor.slug);
  }
  return (/^[A-Z][a-z]+ [A-Z]/.test(head) || /^[A-Z]\S*['’]s\b/.test(head)) &&
    !/^(Leaked|Reports?|An?|The)\b/.test(head)
    ? head
    : `${article(head)} ${head.charAt(0).toLowerCase()}${head.slice(1)}`;
};

/**
 * CHRONOLOGY, WHICH_FIRST and TIMELINE_PLACEMENT: ordering events by their start dates and placing
 * them in eras. Every adjacent gap must exceed both events' date uncertainty (qgen A3, D1).
 */
import type { Event } from '@quiz/prisma/knowledge';
import { dateWords, minGapDays, span, toInterval, yearOfDay } from '../dates';
import {
  displayEraName,
  displayTitle,
  eventClause,
  eventExplanation,
  eventSentence,
  eventYears,
} from '../describe';
import { eventFactId, type KbIndex } from '../kb-index';
import { contentRng, shuffle } from '../rng';
import { contentTokens } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, eventFact, optionIds, orderableEvents, rationale } from './common';

const startLo = (e: Event): number => toInterval(e.start).lo;
const startHi = (e: Event): number => toInterval(e.start).hi;
const startYear = (e: Event): number => yearOfDay(startLo(e));

/** b starts clearly after a: the gap beats both dates' uncertainty. */
export const clearlyBefore = (a: Event, b: Event): boolean =>
  startLo(b) - startHi(a) >= minGapDays(a.start, b.start);

const byStart = (a: Event, b: Event): number =>
  startLo(a) - startLo(b) || (a.slug < b.slug ? -1 : 1);

/** Whether a set can be ordered without ambiguity: every adjacent pair is clearly ordered. */
export const strictlyOrdered = (events: readonly Event[]): boolean => {
  const s = [...events].sort(byStart);
  return s.every((e, i) => i === 0 || clearlyBefore(s[i - 1] as Event, e));
};

const START_TITLE = /^(.+?) (becomes|succeeds|takes over|takes office|is founded|is established)\b/;

/** An end: "the Assad regime falls", "the regime of X falls", "Iranian President Ebrahim Raisi dies". */
const END_TITLE = /(?:regime of (.+?) falls|(\S+) regime falls|(\S+ \S+) (?:dies|is killed)$)/;

const familyOf = (who: string): string =>
  (who.split(/\s+/).at(-1) ?? '').replace(/^al-/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether the titles give the order away: "Bashar al-Assad becomes president" must come before
 * anything else Bashar al-Assad does as president ("… begins disclosing talks with Washington").
 */
export const orderGivenAway = (events: readonly Event[]): boolean =>
  events.some((a) => {
    // Audit 9, item 33: "Washington opens the door to normalisation with Bashar al-Assad" cannot
    // follow "the regime of Bashar al-Assad falls": logic orders them, not knowledge.
    const ended = a.title.match(END_TITLE);
    const gone = ended ? familyOf(ended[1] ?? ended[2] ?? ended[3] ?? '') : '';
    if (gone && events.some((b) => b !== a && new RegExp(`\\b${gone}\\b`).test(b.title))) {
      return true;
    }
    const who = a.title.match(START_TITLE)?.[1];
    // By family name: a title's bare "Assad" is shown as "Bashar al-Assad" (audit 1, item 48, came
    // back as "the regime of Assad falls" beside "Bashar al-Assad succeeds his father").
    const family = who === undefined ? undefined : familyOf(who);
    return (
      family !== undefined &&
      events.some(
        (b) => b !== a && new RegExp(`\\b${family}\\b`).test(b.title) && !START_TITLE.test(b.title),
      )
    );
  });

/**
 * An event as an item to order: a span that its title names as a thing ("Iran–Iraq War") is ordered
 * by its start, so it says so ("Iran–Iraq War begins"); audit 16, item 87: an eight-year war among
 * one-day events, dated "(1980)" in the explanation.
 */
const chronoLabel = (idx: KbIndex, e: Event): string =>
  e.end && /\bbegan$/.test(eventClause(idx, e).past)
    ? `${displayTitle(idx, e)} begins`
    : displayTitle(idx, e);

export const chronologyTemplate: Template = {
  id: 'chronology',
  version: 1,
  type: 'CHRONOLOGY',
  timeVarying: false,
  generate: (idx) => {
    const pool = orderableEvents(idx).sort(byStart);
    const groups: Draft[][] = [];
    const seen = new Set<string>();
    for (const anchor of pool) {
      const rng = contentRng(`chronology:${anchor.slug}`);
      for (let variant = 0; variant < 10; variant += 1) {
        const size = 3 + rng.int(3);
        const set: Event[] = [anchor];
        for (const c of shuffle(pool, rng)) {
          if (set.length >= size) {
            break;
          }
          if (!set.includes(c) && strictlyOrdered([...set, c]) && !orderGivenAway([...set, c])) {
            set.push(c);
          }
        }
        if (set.length < 3) {
          continue;
        }
        const sorted = [...set].sort(byStart);
        const sig = sorted.map((e) => e.slug).join(',');
        if (seen.has(sig)) {
          continue;
        }
        seen.add(sig);
        const factIds = sorted.map(eventFact);
        const years = sorted.map(startYear);
        const gaps = years.slice(1).map((y, i) => y - (years[i] ?? y));
        groups.push([
          baseDraft({
            type: 'CHRONOLOGY',
            template: 'chronology',
            version: 1,
            stem: 'Put these events in order, earliest first.',
            prompt: { items: sorted.map((e) => ({ id: e.slug, label: chronoLabel(idx, e) })) },
            key: {
              order: sorted.map((e) => e.slug),
              rationales: sorted.map((e) =>
                rationale(idx, e.slug, true, eventSentence(idx, e), [eventFact(e)]),
              ),
            },
            explanation: `In order: ${sorted.map((e) => `${chronoLabel(idx, e)} (${dateWords(e.start)})`).join('; ')}.`,
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: sorted.every((e) => e.era === anchor.era) ? anchor.era : null,
            themes: [...new Set(sorted.flatMap((e) => e.themes))],
            actorSlugs: sorted.flatMap((e) => e.participants.map((p) => p.actor)),
            features: {
              similarity: 0.5,
              minYearGap: Math.min(...gaps),
              meanYearGap: gaps.reduce((x, y) => x + y, 0) / gaps.length,
              joins: sorted.length,
              salience: 0.5,
              optionCount: sorted.length,
            },
          }),
        ]);
      }
    }
    return groups;
  },
  requery: (q, idx) => {
    const events = (q.prompt.items ?? []).map((i) => idx.events.get(i.id));
    if (events.some((e) => !e)) {
      return { ok: false, reason: 'unknown event' };
    }
    const es = events as Event[];
    if (!strictlyOrdered(es)) {
      return { ok: false, reason: 'events too close to order' };
    }
    return { ok: true, key: [...es].sort(byStart).map((e) => e.slug) };
  },
};

export const whichFirstTemplate: Template = {
  id: 'which-first',
  version: 1,
  type: 'WHICH_FIRST',
  timeVarying: false,
  generate: (idx) => {
    const pool = orderableEvents(idx).sort(byStart);
    const groups: Draft[][] = [];
    for (const a of pool) {
      // Nearest clearly-later partners: close pairs are the informative ones.
      const partners = pool
        .filter(
          (b) =>
            clearlyBefore(a, b) && startYear(b) - startYear(a) <= 25 && !orderGivenAway([a, b]),
        )
        .slice(0, 9);
      for (const b of partners) {
        const factIds = [eventFact(a), eventFact(b)];
        const gap = startYear(b) - startYear(a);
        groups.push([
          baseDraft({
            type: 'WHICH_FIRST',
            template: 'which-first',
            version: 1,
            stem: 'Which of these two events happened first?',
            prompt: {
              options: [
                { id: a.slug, label: displayTitle(idx, a) },
                { id: b.slug, label: displayTitle(idx, b) },
              ],
            },
            key: {
              optionIds: [a.slug],
              rationales: [
                rationale(
                  idx,
                  a.slug,
                  true,
                  `${eventSentence(idx, a)} That is the earlier of the two.`,
                  [eventFact(a)],
                ),
                rationale(
                  idx,
                  b.slug,
                  false,
                  `${eventSentence(idx, b)} That is the later of the two.`,
                  [eventFact(b), eventFact(a)],
                ),
              ],
            },
            explanation: `${eventSentence(idx, a)} ${eventSentence(idx, b)}`,
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: a.era === b.era ? a.era : null,
            themes: [...new Set([...a.themes, ...b.themes])],
            actorSlugs: [...a.participants, ...b.participants].map((p) => p.actor),
            features: {
              similarity: Math.exp(-gap / 5),
              minYearGap: gap,
              meanYearGap: gap,
              joins: 2,
              salience: 0.5,
              optionCount: 2,
            },
          }),
        ]);
      }
    }
    return groups;
  },
  requery: (q, idx) => {
    const [a, b] = optionIds(q).map((id) => idx.events.get(id));
    if (!a || !b) {
      return { ok: false, reason: 'unknown event' };
    }
    if (clearlyBefore(a, b)) {
      return { ok: true, key: [a.slug] };
    }
    if (clearlyBefore(b, a)) {
      return { ok: true, key: [b.slug] };
    }
    return { ok: false, reason: 'events too close to order' };
  },
};

/** The eras an event's whole span fits in, by the eras' own dates. */
const erasHolding = (idx: KbIndex, e: Event): string[] => {
  const iv = span(e.start, e.end);
  return idx.eras
    .filter((era) => {
      const lo = toInterval(era.start).lo;
      const hi = era.end ? toInterval(era.end).hi : Number.POSITIVE_INFINITY;
      return lo <= iv.lo && iv.hi <= hi;
    })
    .map((era) => era.slug);
};

/** Eras whose span the event's span does not touch at all: proven wrong placements. */
const erasExcluding = (idx: KbIndex, e: Event): string[] => {
  const iv = span(e.start, e.end);
  return idx.eras
    .filter((era) => {
      const lo = toInterval(era.start).lo;
      const hi = era.end ? toInterval(era.end).hi : Number.POSITIVE_INFINITY;
      return iv.hi < lo || iv.lo > hi;
    })
    .map((era) => era.slug);
};

/** Words every stem of this quiz may carry: no cue when a period's name has them too. */
const QUIZ_STATES = new Set(['iran', 'syria', 'iranian', 'syrian']);

export const timelinePlacementTemplate: Template = {
  id: 'timeline-placement',
  version: 1,
  type: 'TIMELINE_PLACEMENT',
  timeVarying: false,
  generate: (idx) =>
    orderableEvents(idx).flatMap((e) => {
      const holding = erasHolding(idx, e);
      if (holding.length !== 1 || holding[0] !== e.era) {
        return [];
      }
      const excluded = new Set(erasExcluding(idx, e));
      const eras = idx.eras.map((x) => x.slug);
      const at = eras.indexOf(e.era);
      const rng = contentRng(`timeline:${e.slug}`);
      const k = Math.min(4, eras.length);
      if (k < 3) {
        return [];
      }
      // A window of k consecutive eras around the key; the key's rank is drawn uniformly (C12).
      const starts: number[] = [];
      for (let s = Math.max(0, at - k + 1); s <= Math.min(at, eras.length - k); s += 1) {
        const window = eras.slice(s, s + k);
        if (window.every((x) => x === e.era || excluded.has(x))) {
          starts.push(s);
        }
      }
      if (starts.length === 0) {
        return [];
      }
      const s = starts[rng.int(starts.length)] ?? 0;
      const window = eras.slice(s, s + k);
      const c = eventClause(idx, e);
      const factIds = [eventFact(e)];
      const eraLabel = (slug: string): string => displayEraName(idx, slug);
      // Audit 4, item 69: "Bashar al-Assad's first decade" answered "when did Bashar succeed his
      // father?". A word of the key period's name in the stem (a person, the war) is a cue even
      // when another period's name has it too, so the event is not placed.
      const stemToks = contentTokens(c.ask('In which period'));
      if (
        contentTokens(eraLabel(e.era)).some(
          (t) => !/^\d+$/.test(t) && !QUIZ_STATES.has(t) && stemToks.includes(t),
        )
      ) {
        return [];
      }
      return [
        [
          baseDraft({
            type: 'TIMELINE_PLACEMENT',
            template: 'timeline-placement',
            version: 1,
            stem: `${c.ask('In which period')}?`,
            prompt: { options: window.map((slug) => ({ id: slug, label: eraLabel(slug) })) },
            key: {
              optionIds: [e.era],
              rationales: window.map((slug) =>
                slug === e.era
                  ? rationale(
                      idx,
                      slug,
                      true,
                      `${eventSentence(idx, e)} That falls in the period “${eraLabel(slug)}”.`,
                      factIds,
                    )
                  : rationale(
                      idx,
                      slug,
                      false,
                      `The period “${eraLabel(slug)}” does not include ${eventYears(e)}, the event's date.`,
                      factIds,
                    ),
              ),
            },
            explanation: eventExplanation(idx, e),
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: e.era,
            themes: e.themes,
            actorSlugs: e.participants.map((p) => p.actor),
            ordering: 'fixed',
            features: {
              similarity: 0.6,
              joins: 1,
              salience: Math.min(1, e.citations.length / 3),
              optionCount: window.length,
            },
          }),
        ],
      ];
    }),
  requery: (q, idx) => {
    const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
    if (!e) {
      return { ok: false, reason: 'no event' };
    }
    const holding = erasHolding(idx, e);
    const excluded = new Set(erasExcluding(idx, e));
    const ids = optionIds(q);
    if (!ids.every((id) => holding.includes(id) || excluded.has(id))) {
      return { ok: false, reason: 'an option era neither holds nor excludes the event' };
    }
    return { ok: true, key: ids.filter((id) => holding.includes(id)) };
  },
};

export { eventFactId };

/**
 * A read-only index over one KB snapshot: lookups by id, a uniform "fact" view (events, relations,
 * quotes, figures, offices, actor attributes) with its citations and status, and the derived
 * notions the generator and the gate share: when an actor is in public life, how salient it is,
 * which names are ambiguous.
 */
import type {
  Actor,
  Citation,
  DateValue,
  Era,
  Event,
  Explanation,
  Figure,
  KnowledgeBase,
  Office,
  OfficeRole,
  Quote,
  Relation,
  Series,
  Stance,
  Status,
} from '@quiz/prisma/knowledge';
import { type Interval, span, toInterval, yearOfDay } from './dates';
import { normalise } from './text';

export type FactKind =
  | 'event'
  | 'relation'
  | 'quote'
  | 'figure'
  | 'office'
  | 'attribute'
  | 'explanation'
  | 'stance'
  | 'occurrence'
  | 'actor';

export type Fact = {
  id: string;
  kind: FactKind;
  citations: string[];
  status: Status;
  claimedBy?: string;
  when?: Interval;
  era: string | null;
  themes: string[];
  actors: string[];
};

export type OfficeFact = {
  id: string;
  person: string;
  office: Office;
  /** Proven tenure, only when the KB gives both ends. */
  tenure?: Interval;
};

export type KbIndex = {
  kb: KnowledgeBase;
  actors: Map<string, Actor>;
  events: Map<string, Event>;
  relations: Map<string, Relation>;
  quotes: Map<string, Quote>;
  figures: Map<string, Figure>;
  citations: Map<string, Citation>;
  explanations: Map<string, Explanation>;
  stances: Map<string, Stance>;
  series: Map<string, Series>;
  /** The series each event is an occurrence of (a "when" item must not offer a sibling's year). */
  seriesOfEvent: Map<string, Series[]>;
  eras: Era[];
  erasBySlug: Map<string, Era>;
  facts: Map<string, Fact>;
  offices: OfficeFact[];
  /** First and last day an actor is attested anywhere in the KB. */
  appearances: Map<string, Interval>;
  /** How many facts mention an actor. */
  salience: Map<string, number>;
  /** Normalised name forms per actor. */
  names: Map<string, string[]>;
  /** Normalised surnames shared by two or more persons ("assad"). */
  ambiguousSurnames: Map<string, string[]>;
  /** The KB's time window (first era start to last era end or the latest date). */
  window: { fromYear: number; toYear: number };
};

export const eventFactId = (slug: string): string => `event:${slug}`;
export const relationFactId = (id: string): string => `relation:${id}`;
export const quoteFactId = (id: string): string => `quote:${id}`;
export const figureFactId = (id: string): string => `figure:${id}`;
export const attributeFactId = (actor: string, attr: string): string => `actor:${actor}:${attr}`;
/** What an actor was (its description and role line): asked by the actor-who and actor-role items. */
export const actorFactId = (actor: string): string => attributeFactId(actor, 'description');
export const explanationFactId = (id: string): string => `explanation:${id}`;
export const stanceFactId = (id: string): string => `stance:${id}`;
export const occurrenceFactId = (series: string, id: string): string =>
  `occurrence:${series}:${id}`;

/** Offices where only one person can hold the post at a time: proving one holder refutes others. */
export const SINGLE_HOLDER_ROLES: ReadonlySet<OfficeRole> = new Set<OfficeRole>([
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'SUPREME_LEADER',
  'FOREIGN_MINISTER',
  'DEFENCE_MINISTER',
  'SECRETARY_GENERAL',
]);

const widen = (map: Map<string, Interval>, actor: string, iv: Interval): void => {
  const cur = map.get(actor);
  map.set(actor, cur ? { lo: Math.min(cur.lo, iv.lo), hi: Math.max(cur.hi, iv.hi) } : iv);
};

const bump = (map: Map<string, number>, actor: string): void => {
  map.set(actor, (map.get(actor) ?? 0) + 1);
};

const surnameOf = (name: string): string | undefined => normalise(name).split(' ').at(-1);

export const buildKbIndex = (kb: KnowledgeBase): KbIndex => {
  const actors = new Map(kb.actors.map((a) => [a.slug, a]));
  const events = new Map(kb.events.map((e) => [e.slug, e]));
  const relations = new Map(kb.relations.map((r) => [r.id, r]));
  const quotes = new Map(kb.quotes.map((q) => [q.id, q]));
  const figures = new Map(kb.figures.map((f) => [f.id, f]));
  const citations = new Map(kb.citations.map((c) => [c.id, c]));
  const eras = [...kb.eras].sort((a, b) => toInterval(a.start).lo - toInterval(b.start).lo);
  const erasBySlug = new Map(eras.map((e) => [e.slug, e]));
  const facts = new Map<string, Fact>();
  const appearances = new Map<string, Interval>();
  const salience = new Map<string, number>();

  const eraFor = (iv: Interval | undefined): string | null => {
    if (!iv) {
      return null;
    }
    const hit = eras.find((e) => {
      const eraIv = span(e.start, e.end);
      return eraIv.lo <= iv.lo && (e.end ? iv.hi <= eraIv.hi : true);
    });
    return hit?.slug ?? null;
  };

  for (const e of kb.events) {
    const when = span(e.start, e.end);
    const ids = e.participants.map((p) => p.actor);
    facts.set(eventFactId(e.slug), {
      id: eventFactId(e.slug),
      kind: 'event',
      citations: e.citations,
      status: e.status,
      claimedBy: e.claimedBy,
      when,
      era: e.era,
      themes: e.themes,
      actors: ids,
    });
    for (const a of ids) {
      widen(appearances, a, toInterval(e.start));
      bump(salience, a);
    }
  }
  for (const r of kb.relations) {
    const ctx = r.context ? events.get(r.context) : undefined;
    const when = r.from ? span(r.from, r.to) : ctx ? span(ctx.start, ctx.end) : undefined;
    facts.set(relationFactId(r.id), {
      id: relationFactId(r.id),
      kind: 'relation',
      citations: r.citations,
      status: r.status,
      claimedBy: r.claimedBy,
      when,
      era: ctx?.era ?? eraFor(when),
      themes: ctx?.themes ?? [],
      actors: [r.subject, r.object],
    });
    for (const a of [r.subject, r.object]) {
      if (when) {
        widen(appearances, a, { lo: when.lo, hi: when.lo });
      }
      bump(salience, a);
    }
  }
  for (const q of kb.quotes) {
    const when = q.date ? toInterval(q.date) : undefined;
    facts.set(quoteFactId(q.id), {
      id: quoteFactId(q.id),
      kind: 'quote',
      citations: [q.citation],
      status: q.status,
      claimedBy: q.reportedBy,
      when,
      era: eraFor(when),
      themes: q.themes,
      actors: [q.speaker],
    });
    if (when) {
      widen(appearances, q.speaker, when);
    }
    bump(salience, q.speaker);
  }
  for (const f of kb.figures) {
    const when = f.asOf ? toInterval(f.asOf) : undefined;
    facts.set(figureFactId(f.id), {
      id: figureFactId(f.id),
      kind: 'figure',
      citations: [f.citation],
      status: f.status,
      claimedBy: f.claimedBy,
      when,
      era: eraFor(when),
      themes: [],
      actors: f.actors,
    });
    for (const a of f.actors) {
      if (when) {
        widen(appearances, a, when);
      }
      bump(salience, a);
    }
  }
  const offices: OfficeFact[] = [];
  for (const a of kb.actors) {
    const seen = new Map<string, number>();
    for (const o of a.offices) {
      const base = `office:${a.slug}:${o.of}:${o.role.toLowerCase().replace(/_/g, '-')}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const id = n === 0 ? base : `${base}:${n + 1}`;
      const tenure =
        o.from && o.to ? { lo: toInterval(o.from).hi, hi: toInterval(o.to).lo } : undefined;
      offices.push({ id, person: a.slug, office: o, tenure });
      const dates: DateValue[] = [...(o.from ? [o.from] : []), ...o.attested];
      const first = dates.map(toInterval).sort((x, y) => x.lo - y.lo)[0];
      facts.set(id, {
        id,
        kind: 'office',
        citations: o.citations,
        status: 'FACT',
        when: tenure ?? first,
        era: eraFor(tenure ?? first),
        themes: [],
        actors: [a.slug, o.of],
      });
      if (first) {
        widen(appearances, a.slug, first);
      }
      for (const d of dates) {
        widen(appearances, a.slug, toInterval(d));
      }
      bump(salience, a.slug);
    }
    if (a.isArabState) {
      const id = attributeFactId(a.slug, 'is-arab-state');
      facts.set(id, {
        id,
        kind: 'attribute',
        citations: a.isArabState.citations,
        status: 'FACT',
        era: null,
        themes: [],
        actors: [a.slug],
      });
    }
  }

  const names = new Map<string, string[]>();
  const bySurname = new Map<string, string[]>();
  for (const a of kb.actors) {
    const forms = [a.name, a.shortName, ...a.aliases]
      .filter((x): x is string => Boolean(x))
      .map(normalise);
    names.set(a.slug, [...new Set(forms)]);
    if (a.kind === 'PERSON') {
      const s = surnameOf(a.name);
      if (s) {
        bySurname.set(s, [...(bySurname.get(s) ?? []), a.slug]);
      }
    }
  }
  const ambiguousSurnames = new Map([...bySurname].filter(([, v]) => v.length > 1));

  // The understanding layer: attributed records that items may cite (status and "according to").
  const explanations = new Map(kb.explanations.map((x) => [x.id, x]));
  const stances = new Map(kb.stances.map((x) => [x.id, x]));
  const series = new Map(kb.series.map((x) => [x.slug, x]));
  const seriesOfEvent = new Map<string, Series[]>();
  for (const x of kb.explanations) {
    const when = x.date ? toInterval(x.date) : undefined;
    facts.set(explanationFactId(x.id), {
      id: explanationFactId(x.id),
      kind: 'explanation',
      citations: x.citations,
      status: x.status,
      claimedBy: x.accordingTo,
      when,
      era: x.eras.length === 1 ? (x.eras[0] ?? null) : null,
      themes: x.themes,
      actors: x.actor ? [x.actor] : [],
    });
  }
  for (const x of kb.stances) {
    const when = x.from ? span(x.from, x.to) : undefined;
    facts.set(stanceFactId(x.id), {
      id: stanceFactId(x.id),
      kind: 'stance',
      citations: x.citations,
      status: x.status,
      claimedBy: x.accordingTo,
      when,
      era: x.eras.length === 1 ? (x.eras[0] ?? null) : null,
      themes: x.themes,
      actors: [x.actor, ...(x.towardActor ? [x.towardActor] : [])],
    });
  }
  for (const sr of kb.series) {
    for (const o of sr.occurrences) {
      facts.set(occurrenceFactId(sr.slug, o.id), {
        id: occurrenceFactId(sr.slug, o.id),
        kind: 'occurrence',
        citations: o.citations,
        status: o.status,
        claimedBy: o.claimedBy,
        when: toInterval(o.date),
        era: eraFor(toInterval(o.date)),
        themes: sr.themes,
        actors: [],
      });
      if (o.event) {
        seriesOfEvent.set(o.event, [...(seriesOfEvent.get(o.event) ?? []), sr]);
      }
    }
  }

  // What each actor was, with its own passages (the role line's first, so the feedback shows
  // them), filed under the era its dated records fall in, if one. `actors` stays empty: the
  // actor is the item's subject (its `actorSlugs`); listing it here would make every actor its
  // own neighbour and move the first-seen dates other templates rank by.
  for (const a of kb.actors) {
    const id = actorFactId(a.slug);
    facts.set(id, {
      id,
      kind: 'actor',
      citations: [...new Set([...(a.role?.citations ?? []), ...a.citations])],
      status: 'FACT',
      era: eraFor(appearances.get(a.slug)),
      themes: [],
      actors: [],
    });
  }

  const years = [
    ...eras.flatMap((e) => [toInterval(e.start).lo, ...(e.end ? [toInterval(e.end).hi] : [])]),
    ...[...facts.values()].flatMap((f) => (f.when ? [f.when.lo] : [])),
  ].map(yearOfDay);
  const window = {
    fromYear: years.length ? Math.min(...years) : 1946,
    toYear: years.length ? Math.max(...years) : 2025,
  };

  return {
    kb,
    actors,
    events,
    relations,
    quotes,
    figures,
    citations,
    explanations,
    stances,
    series,
    seriesOfEvent,
    eras,
    erasBySlug,
    facts,
    offices,
    appearances,
    salience,
    names,
    ambiguousSurnames,
    window,
  };
};

/**
 * The name an option shows: states and organisations by their short form ("Syria", "IRGC"),
 * persons always as "Given Family" ("Mohammad Mossadegh", not the KB's short "Mossadegh").
 */
export const actorLabel = (idx: KbIndex, slug: string): string => {
  const a = idx.actors.get(slug);
  if (!a) {
    return slug;
  }
  return a.kind === 'PERSON' ? a.name : (a.shortName ?? a.name);
};

/** Citations of a fact that exist in the KB. */
export const citationsOf = (idx: KbIndex, factId: string): string[] =>
  (idx.facts.get(factId)?.citations ?? []).filter((c) => idx.citations.has(c));

/** The days a source was published in (its publishedFrom–publishedTo range). */
export const sourceWindow = (idx: KbIndex, citationId: string): Interval | undefined => {
  const slug = idx.citations.get(citationId)?.source;
  const src = idx.kb.sources.find((x) => x.slug === slug);
  return src?.publishedFrom ? span(src.publishedFrom, src.publishedTo) : undefined;
};

const FIRST_SEEN = new WeakMap<KbIndex, Map<string, number | undefined>>();

/**
 * The first day the KB shows an actor: their first dated fact, else the earliest publication of a
 * source that names them (audit 6: Zarif and Velayati, named only in 2024 sources without a date of
 * their own, are seen in 2024, not never).
 */
export const firstSeen = (idx: KbIndex, slug: string): number | undefined => {
  const dated = idx.appearances.get(slug)?.lo;
  if (dated !== undefined) {
    return dated;
  }
  const cache = FIRST_SEEN.get(idx) ?? new Map<string, number | undefined>();
  FIRST_SEEN.set(idx, cache);
  if (!cache.has(slug)) {
    // A person no fact names (an analyst the sources only cite) is seen in their own passages.
    const los = [
      ...[...idx.facts.values()]
        .filter((f) => f.actors.includes(slug))
        .flatMap((f) => f.citations.map((c) => sourceWindow(idx, c)?.lo)),
      ...(idx.actors.get(slug)?.citations ?? []).map((c) => sourceWindow(idx, c)?.lo),
    ].filter((x): x is number => x !== undefined);
    cache.set(slug, los.length > 0 ? Math.min(...los) : undefined);
  }
  return cache.get(slug);
};

/**
 * Whether an actor is plausible at a time window: a person or organisation must have appeared in
 * the KB by the window's end, and a person must not have died before its start (qgen C13).
 */
export const isInPublicLife = (idx: KbIndex, slug: string, when: Interval): boolean => {
  const a = idx.actors.get(slug);
  if (!a) {
    return false;
  }
  if (a.died && toInterval(a.died).hi < when.lo) {
    return false;
  }
  if (a.kind === 'STATE') {
    return true;
  }
  const seen = firstSeen(idx, slug);
  return seen !== undefined && seen <= when.hi;
};

/** Offices whose holder the KB proves over the whole of `when`. */
export const holdsOfficeAt = (o: OfficeFact, when: Interval): boolean => {
  if (o.tenure && o.tenure.lo <= when.lo && when.hi <= o.tenure.hi) {
    return true;
  }
  return o.office.attested.some((d) => {
    const iv = toInterval(d);
    return iv.lo <= when.lo && when.hi <= iv.hi;
  });
};

/**
 * Whether the KB proves this person the holder over the whole of `when` strictly enough to refute
 * everybody else: a tenure covering it, or an attestation on the very day asked about. "Attested in
 * 2024" shows the holder at some point of 2024, so it cannot rule out another holder that year.
 */
export const provesHolderThroughout = (o: OfficeFact, when: Interval): boolean => {
  if (o.tenure && o.tenure.lo <= when.lo && when.hi <= o.tenure.hi) {
    return true;
  }
  return o.office.attested.some((d) => {
    const iv = toInterval(d);
    return d.precision === 'DAY' && iv.lo === when.lo && iv.hi === when.hi;
  });
};

/** Whether the office might have been held at some point of `when` (tenure or attestation overlaps). */
export const mayHoldOfficeAt = (o: OfficeFact, when: Interval): boolean => {
  const { from, to, attested } = o.office;
  if (!from && !to) {
    return attested.some((d) => {
      const iv = toInterval(d);
      return iv.lo <= when.hi && when.lo <= iv.hi;
    });
  }
  const lo = from ? toInterval(from).lo : Number.NEGATIVE_INFINITY;
  const hi = to ? toInterval(to).hi : Number.POSITIVE_INFINITY;
  return lo <= when.hi && when.lo <= hi;
};

export const salienceOf = (idx: KbIndex, slug: string): number => idx.salience.get(slug) ?? 0;

export const maxSalience = (idx: KbIndex): number => Math.max(1, ...idx.salience.values());

/**
 * Stance reasoning shared by SINGLE_CHOICE, MULTI_SELECT and TRUE_FALSE: who did what to whom in a
 * context (an event such as the Iran–Iraq War), and which KB facts prove that someone did NOT.
 *
 * Open world: a missing relation proves nothing. A candidate is refuted only by
 * - an opposite relation in the same context (sided with the other side, isolated the key, …), or
 * - an exclusivity statement: a key relation whose cited passage says the subject was the only
 *   one of its kind ("the only Arab country that … stood by Iran"). That closes the world for
 *   that kind (Arab states) in that context, and nothing else.
 */
import type { Actor, Event, Relation, RelationType } from '@quiz/prisma/knowledge';
import { citationPublisher, duringEvent, firstSentence, nameInText, uniq } from '../describe';
import { type KbIndex, relationFactId } from '../kb-index';
import { capitalise, containsPhrase, listAnd } from '../text';
import { attributionFor } from './common';

export const STANCE_TYPES: readonly RelationType[] = [
  'SIDED_WITH',
  'ALLIED',
  'SUPPORTED',
  'KEPT_TIES',
  'ISOLATED',
  'OPPOSED',
];

/** Relation types that prove the subject was not in relation `t` with the same object. */
const OPPOSITES: Record<string, readonly RelationType[]> = {
  SIDED_WITH: ['OPPOSED', 'ATTACKED'],
  ALLIED: ['OPPOSED', 'ATTACKED'],
  SUPPORTED: ['OPPOSED', 'ATTACKED'],
  KEPT_TIES: ['ISOLATED'],
  ISOLATED: ['KEPT_TIES'],
  OPPOSED: ['SIDED_WITH', 'ALLIED', 'SUPPORTED'],
};

/** Types where siding with another party in the same conflict counts as not siding with this one. */
const SIDE_TYPES: ReadonlySet<RelationType> = new Set(['SIDED_WITH', 'ALLIED']);

export type StanceGroup = {
  type: RelationType;
  object: string;
  context: Event;
  /** Subjects proven in the relation, with their relations. */
  subjects: Map<string, Relation[]>;
};

/** A relation can be stated in a stem: FACT, or attributable (REPORTED/CLAIM with claimedBy). */
export const usable = (idx: KbIndex, r: Relation): boolean =>
  attributionFor(idx.facts.get(relationFactId(r.id))) !== null;

export const stanceGroups = (idx: KbIndex): StanceGroup[] => {
  const groups = new Map<string, StanceGroup>();
  for (const r of idx.kb.relations) {
    const ctx = r.context ? idx.events.get(r.context) : undefined;
    if (!ctx || !STANCE_TYPES.includes(r.type) || !usable(idx, r)) {
      continue;
    }
    const k = `${r.type}|${r.object}|${ctx.slug}`;
    const g = groups.get(k) ?? {
      type: r.type,
      object: r.object,
      context: ctx,
      subjects: new Map(),
    };
    g.subjects.set(r.subject, [...(g.subjects.get(r.subject) ?? []), r]);
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) =>
    `${a.type}${a.object}${a.context.slug}` < `${b.type}${b.object}${b.context.slug}` ? -1 : 1,
  );
};

export const isArab = (a: Actor | undefined): boolean => a?.isArabState?.value === true;

/** Same kind as the key, and for states the same Arab/non-Arab subtype (qgen C4). */
export const sameKind = (idx: KbIndex, a: string, b: string): boolean => {
  const x = idx.actors.get(a);
  const y = idx.actors.get(b);
  if (!x || !y || x.kind !== y.kind) {
    return false;
  }
  return x.kind !== 'STATE' || isArab(x) === isArab(y);
};

const EXCLUSIVE = /\b(only|alone|sole)\b/i;

/**
 * The key relations whose passages say the subject was the only Arab state to do it. Returns the
 * relation and the passage so the rationale can quote it.
 */
export const exclusiveAmongArabs = (
  idx: KbIndex,
  rels: readonly Relation[],
): { relation: Relation; citationId: string; quote: string }[] =>
  rels.flatMap((r) =>
    r.citations.flatMap((c) => {
      const cit = idx.citations.get(c);
      return cit && EXCLUSIVE.test(cit.quote) && /\bArab\b/.test(cit.quote)
        ? [{ relation: r, citationId: c, quote: cit.quote }]
        : [];
    }),
  );

const publisherOf = (idx: KbIndex, citationId: string): string =>
  capitalise(citationPublisher(idx, citationId));

export type Refutation = { text: string; factIds: string[] };

/**
 * Why `candidate` was not in the group's relation with its object, from KB facts only; null when
 * the KB cannot prove it (then the candidate may not be used).
 */
export const refute = (idx: KbIndex, g: StanceGroup, candidate: string): Refutation | null => {
  if (g.subjects.has(candidate) || candidate === g.object) {
    return null;
  }
  const inContext = idx.kb.relations.filter(
    (r) => r.context === g.context.slug && r.subject === candidate && usable(idx, r),
  );
  const keySubjects = [...g.subjects.keys()];
  const opposite = inContext.filter(
    (r) =>
      ((OPPOSITES[g.type] ?? []).includes(r.type) && r.object === g.object) ||
      (SIDE_TYPES.has(g.type) && SIDE_TYPES.has(r.type) && r.object !== g.object) ||
      (SIDE_TYPES.has(g.type) && r.type === 'ISOLATED' && keySubjects.includes(r.object)),
  );
  const exclusive =
    isArab(idx.actors.get(candidate)) && keySubjects.length === 1
      ? exclusiveAmongArabs(idx, [...g.subjects.values()].flat())
      : [];
  if (opposite.length === 0 && exclusive.length === 0) {
    return null;
  }
  const own = uniq([...opposite, ...inContext]).map((r) => firstSentence(r.summary));
  const ex = exclusive[0];
  // Say what the passage means for this state before quoting it (audit 14: "UAE: IranWire: “…”"
  // left the student to work out why the UAE was wrong).
  const exText = ex
    ? ` ${publisherOf(idx, ex.citationId)} counts ${nameInText(idx, ex.relation.subject)} alone among Arab states here, so not ${nameInText(idx, candidate)}: “${ex.quote.replace(/[.\s]+$/, '')}.”`
    : '';
  return {
    text: `${own.join(' ')}${exText}`.trim(),
    factIds: uniq([
      ...opposite.map((r) => relationFactId(r.id)),
      ...inContext.map((r) => relationFactId(r.id)),
      ...exclusive.map((e) => relationFactId(e.relation.id)),
    ]),
  };
};

const PLURAL_VERBS: Record<string, string> = {
  SIDED_WITH: 'sided with',
  ALLIED: 'allied with',
  SUPPORTED: 'supported',
  KEPT_TIES: 'kept their ties with',
  ISOLATED: 'isolated',
  OPPOSED: 'opposed',
};
const SINGULAR_VERBS: Record<string, string> = { ...PLURAL_VERBS, KEPT_TIES: 'kept its ties with' };

export const stanceVerb = (t: RelationType, plural: boolean): string =>
  (plural ? PLURAL_VERBS : SINGULAR_VERBS)[t] ?? t.toLowerCase();

/**
 * "Kept ties" recorded as the exceptions to an isolation ("isolated by Saudi Arabia and some of the
 * Arab countries, with the exceptions of …"): the source names who did not isolate the object, not
 * who kept ties, and an isolating state may never have cut ties (audit 3, items 15, 49, 55).
 */
export const isExceptionGroup = (idx: KbIndex, g: StanceGroup): boolean =>
  g.type === 'KEPT_TIES' &&
  idx.kb.relations.some(
    (r) => r.type === 'ISOLATED' && r.object === g.object && r.context === g.context.slug,
  );

/** "According to Wikipedia, some Arab states isolated Syria during the Iran–Iraq War (1980–88)." */
export const exceptionLead = (idx: KbIndex, g: StanceGroup): string => {
  const cit = [...g.subjects.values()].flat()[0]?.citations[0] ?? '';
  return `According to ${citationPublisher(idx, cit).replace(/ \(English\)$/, '')}, some Arab states isolated ${objectLabel(idx, g)} ${contextPhrase(idx, g)}.`;
};

/**
 * The one explanation of an exceptions item: every exception the source names, not only the options
 * shown, and who led the isolation ("Wikipedia names Algeria, Lebanon, Libya, Oman and Sudan as the
 * exceptions when Saudi Arabia and some of the Arab states isolated Syria …"). The per-option lines
 * say the rest; before, the explanation strung the keys' lines together, so a student read each
 * twice (seen on a phone, 7 Dec).
 */
export const exceptionSummary = (idx: KbIndex, g: StanceGroup): string => {
  const cit = [...g.subjects.values()].flat()[0]?.citations[0] ?? '';
  const source = citationPublisher(idx, cit).replace(/ \(English\)$/, '');
  const isolators = idx.kb.relations
    .filter((r) => r.type === 'ISOLATED' && r.object === g.object && r.context === g.context.slug)
    .map((r) => nameInText(idx, r.subject));
  const who =
    isolators.length > 0
      ? `${listAnd(uniq(isolators))} and some other Arab states`
      : 'some Arab states';
  const names = [...g.subjects.keys()].map((s) => nameInText(idx, s)).sort();
  return `${source} names ${listAnd(names)} as the exceptions when ${who} isolated ${objectLabel(idx, g)} ${contextPhrase(idx, g)}: they did not isolate it.`;
};

/** The noun for the key's kind: "Arab state", "state", "person", "organisation". */
export const kindNounOf = (idx: KbIndex, slug: string): string => {
  const a = idx.actors.get(slug);
  if (!a) {
    return 'actor';
  }
  if (a.kind === 'STATE') {
    return isArab(a) ? 'Arab state' : 'state';
  }
  return a.kind === 'PERSON' ? 'person' : 'organisation';
};

/** "during the Iran–Iraq War (1980–88)". */
export const contextPhrase = (idx: KbIndex, g: StanceGroup): string => duringEvent(idx, g.context);

/** The attribution a group's stem needs: "" for facts, "According to X, " for claims. */
export const groupAttribution = (idx: KbIndex, rels: readonly Relation[]): string | null => {
  const prefixes = rels.map((r) => attributionFor(idx.facts.get(relationFactId(r.id))));
  if (prefixes.includes('')) {
    return '';
  }
  return prefixes.find((p) => p !== null) ?? null;
};

export const objectLabel = (idx: KbIndex, g: StanceGroup): string => nameInText(idx, g.object);

const TAKES_SIDE =
  /\b(joins?|joined|sides?|sided|all(?:y|ies|ied)|align(?:s|ed)?|coalition|backs?|backed|supports?|supported)\b|-led\b/i;

/** Words by which an event's own wording already states a stance relation. */
const STATES_RELATION: Partial<Record<RelationType, RegExp>> = {
  SIDED_WITH: TAKES_SIDE,
  ALLIED: TAKES_SIDE,
  SUPPORTED: TAKES_SIDE,
  KEPT_TIES:
    /\b(resum\w*|restor\w*|kept|keeps|maintain\w*|reopen\w*)\b.*\b(relations|ties|embass\w+)\b/i,
  ISOLATED: /\b(isolat\w*|cut|cuts|sever\w*|suspend\w*)\b/i,
  OPPOSED: /\b(against|oppos\w*|expel\w*|fights?|fought)\b/i,
};

/**
 * Whether a context clause ("when Syria joined the US-led coalition against Iraq") names both
 * actors and a synonym of the relation, so that a statement of that relation about them ("Syria
 * sided with the United States") answers itself (audit 6, item 72).
 */
export const clauseEntails = (
  idx: KbIndex,
  clause: string,
  type: RelationType,
  subject: string,
  object: string,
): boolean => {
  const named = (slug: string): boolean =>
    (idx.names.get(slug) ?? []).some((n) => n.length > 1 && containsPhrase(clause, n));
  return named(subject) && named(object) && (STATES_RELATION[type]?.test(clause) ?? false);
};

/** The relation type a stance statement's verb names ("sided with" → SIDED_WITH), or null. */
export const stanceTypeIn = (statement: string): RelationType | null => {
  for (const t of STANCE_TYPES) {
    for (const verb of [SINGULAR_VERBS[t], PLURAL_VERBS[t]]) {
      if (verb && statement.includes(` ${verb} `)) {
        return t;
      }
    }
  }
  return null;
};

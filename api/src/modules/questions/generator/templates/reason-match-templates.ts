/**
 * "Match each development to the reason the sources give for it" (issue 11, understanding). A
 * single-choice "why" needs a wrong reason proven wrong *for this development*, which the open
 * world rarely allows (the reason the sources give for B may also hold for A). A matching asks why
 * without a distractor: every reason shown is the true reason of its own development, and a
 * mismatch is wrong as long as no reason in the set could also be said of another development in
 * it. `clearlyApart` is that rule: developments at least one era apart, of different developments
 * (and different actors unless two eras apart), with no content word crossing from one record's
 * reason to another's development. Reasons (CAUSE with PURPOSE) and consequences never share an
 * item, and the stem says whose account it is.
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, listAnd, lowerFirst, normalise, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, eraGap, rationale } from './common';
import { stepEras } from './contrast-templates';
import {
  developmentOverlap,
  erasOf,
  fixAssad,
  keyLine,
  MAX_DEVELOPMENT_OVERLAP,
  rememberEras,
  restatesTopic,
  sourcePhrase,
  WHY_KINDS,
  whySource,
} from './understanding-templates';

const TEMPLATE_ID = 'match-reasons';
const VERSION = 1;

/** The two kinds an item may ask: why (cause or aim), or what it led to. */
export type ReasonKind = 'why' | 'led-to';
export const reasonKind = (x: Pick<Explanation, 'kind'>): ReasonKind =>
  WHY_KINDS.has(x.kind) ? 'why' : 'led-to';

/**
 * Words that say nothing about which development a reason belongs to: the two protagonists (in
 * almost every record) and verbs of degree. Any other shared word (a place, an actor, a named
 * event, a thing) could point a reason at the wrong development, so it parts the pair.
 */
const NEUTRAL = new Set([
  'iran',
  'irani',
  'syria',
  'relat',
  'their',
  'which',
  'would',
  'there',
  'about',
  'after',
  'befor',
  'other',
  'among',
  'them',
  'they',
  'this',
  'that',
  'what',
  'when',
  'where',
  'into',
  'from',
  'with',
  'were',
  'been',
  'have',
  'also',
  'more',
  'most',
  'some',
  'than',
  'such',
  'only',
  'made',
  'make',
  'many',
  'over',
  'again',
  'under',
  'while',
  'being',
]);

/** A record's distinctive words: five-letter stems of four letters or more, protagonists aside. */
export const distinctive = (text: string): Set<string> =>
  new Set(
    normalise(text.replace(/['’]s\b/g, ''))
      .split(' ')
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w))
      .map((w) => w.slice(0, 5))
      .filter((w) => !NEUTRAL.has(w)),
  );

const shares = (a: Set<string>, b: Set<string>): string | undefined => [...a].find((w) => b.has(w));

/**
 * A record is asked only if its reason does not give its own development away: no distinctive
 * word of the topic in the reason (a shared "Hezbollah" makes the match trivial), no reason that
 * restates its topic, and a reason that reads on its own (no "it"/"he" whose referent decides the
 * pair, no "Assad" left bare).
 */
export const giveaway = (x: Explanation): string | null => {
  // The source is shown with the development when sources differ: "a leaked … document" in both
  // the label and the reason would pair them.
  const w = shares(distinctive(x.answer), distinctive(`${x.topic} ${x.accordingTo}`));
  if (w) {
    return `reason repeats "${w}" of its development`;
  }
  if (restatesTopic(x) || developmentOverlap(x.topic, x.answer) >= MAX_DEVELOPMENT_OVERLAP) {
    return 'reason restates its development';
  }
  // "It"/"its"/"they" fit any development; "he" picks the one person, "by …" the one "how" topic.
  if (/^(he|she|this|these|that|as|without it|by|whenever)\b/i.test(x.answer)) {
    return 'reason leans on a pronoun or a grammatical cue';
  }
  if (x.answer.length < 12 || x.answer.length > 140 || /\.\s/.test(x.answer)) {
    return 'reason too short, too long or more than one sentence';
  }
  return null;
};

/** Pairs read by eye (five sources at hand) and found to share a reason a student could defend. */
const NOT_APART: ReadonlyArray<readonly [string, string]> = [
  // "Its gains collapsing" (IranWire, where backing Assad left Iran) and "a crucial step toward its
  // disintegration" (what Assad's fall meant for the Axis) each read as the other.
  ['iran-left-without-means-to-save-assad-again', 'fall-of-assad-a-blow-to-the-axis'],
  // "Iranian advisers in Syria became a point of contention" says not with whom: it could be
  // read as what John Kerry raised with Zarif.
  ['iranian-advisers-a-point-of-contention', 'kerry-confronted-zarif-over-weapons-flights'],
];

/**
 * Why two records can sit in one matching, or null: both dated (an undated record may be of any
 * era), at least one era apart, different developments, different actors unless two eras apart,
 * the same kind, and no distinctive word of one's reason in the other's development or reason.
 */
export const notApart = (idx: KbIndex, a: Explanation, b: Explanation): string | null => {
  if (reasonKind(a) !== reasonKind(b)) {
    return 'a reason and a consequence';
  }
  const [ea, eb] = [stepEras(idx, a), stepEras(idx, b)];
  if (ea.length === 0 || eb.length === 0) {
    return 'undated';
  }
  const gap = eraGap(idx, ea, eb);
  if (gap < 1) {
    return 'same era';
  }
  if (a.topic === b.topic || (a.event && a.event === b.event)) {
    return 'same development';
  }
  if (a.relation && a.relation === b.relation && gap < 2) {
    return 'same bond within an era';
  }
  if (a.actor && a.actor === b.actor && gap < 2) {
    return 'same actor within an era';
  }
  if (NOT_APART.some(([p, q]) => (p === a.id && q === b.id) || (p === b.id && q === a.id))) {
    return 'read as overlapping';
  }
  const cross =
    shares(distinctive(a.answer), distinctive(`${b.topic} ${b.answer} ${b.accordingTo}`)) ??
    shares(distinctive(b.answer), distinctive(`${a.topic} ${a.answer} ${a.accordingTo}`));
  return cross ? `shared word "${cross}"` : null;
};

export const clearlyApart = (idx: KbIndex, a: Explanation, b: Explanation): boolean =>
  notApart(idx, a, b) === null;

/** The theme an item is about, as running text, with the records that may carry it. */
const THEMES: ReadonlyArray<readonly [string, string]> = [
  ['diplomacy', 'diplomacy between Iran and Syria'],
  ['military', 'military steps'],
  ['israel', 'the conflict with Israel'],
  ['proxies-militias', 'proxies and militias'],
  ['economy-trade', 'economy and trade'],
  ['religion-ideology', 'religion and ideology'],
  ['syrian-civil-war', 'the Syrian civil war'],
  ['sanctions-nuclear', 'sanctions and the nuclear deal'],
  ['united-states', 'the United States'],
  ['arab-world', 'the Arab world'],
  ['russia', 'Russia'],
  ['iran-iraq-war', 'the Iran–Iraq War'],
  ['gaza-war', 'the Gaza war'],
  ['intelligence', 'intelligence and security'],
  ['domestic-politics', 'domestic politics'],
];

/** The round without a theme: the stem names the developments' years only. */
const ANY = ['', 'Iran and Syria'] as const;

const yearsOf = (idx: KbIndex, xs: readonly Explanation[]): string => {
  const eras = xs
    .flatMap((x) => stepEras(idx, x))
    .flatMap((s) => {
      const e = idx.erasBySlug.get(s);
      return e ? [e] : [];
    });
  const from = Math.min(...eras.map((e) => Number(e.start.value.slice(0, 4))));
  const open = eras.some((e) => !e.end);
  const to = Math.max(...eras.map((e) => Number((e.end ?? e.start).value.slice(0, 4))));
  return open ? `from ${from}` : `${from}–${to}`;
};

/** Who gives every record: one source for all, else "the source named with each". */
const sharedSource = (xs: readonly Explanation[]): string | null => {
  const all = new Set(xs.map((x) => sourcePhrase(x.accordingTo)));
  return all.size === 1 ? ([...all][0] ?? null) : null;
};

/** "According to IranWire, what was the reason for each of these steps in …? Match them." */
export const matchStem = (
  idx: KbIndex,
  kind: ReasonKind,
  phrase: string,
  xs: readonly Explanation[],
  form = 0,
): string => {
  const who = sharedSource(xs) ?? 'the source named with each';
  // Each development's own years, earliest first ("1946–1978, 1979–1988 and 2011–2019"): sets of
  // the same overall span still read differently, and the student sees how far apart they lie.
  const spans = [...new Set([...xs].map((x) => yearsOf(idx, [x])))].sort();
  const span = listAnd(spans);
  const forms =
    kind === 'why'
      ? [
          `why did each of these developments about ${phrase} (${span}) happen? Match each to its reason.`,
          `what lay behind each of these developments about ${phrase} (${span})? Match each to its reason.`,
          `match each of these developments about ${phrase} (${span}) to the reason for it.`,
        ]
      : [
          `what is the answer to each of these questions about ${phrase} (${span})? Match each to its answer.`,
          `match each of these questions about ${phrase} (${span}) to its answer.`,
        ];
  return `According to ${who}, ${forms[form % forms.length]}`;
};

/** How many wordings `matchStem` has for a kind (a set whose stem another item has takes the next). */
export const STEM_FORMS: Readonly<Record<ReasonKind, number>> = { why: 3, 'led-to': 2 };

/** "Mohammad Alrumaihi, 2024": a source inside brackets, one pair of brackets, not two. */
const sourceInBrackets = (x: Explanation): string => whySource(x).replace(/ \(([^()]*)\)/g, ', $1');

/** The development as an item: the record's topic, with its source when sources differ. */
const itemLabel = (x: Explanation, named: boolean): string => {
  const topic = capitalise(stripFinalPeriod(x.topic));
  return fixAssad(named ? `${topic} (according to ${sourceInBrackets(x)})` : topic, erasOf(x));
};

const reasonLabel = (x: Explanation): string =>
  fixAssad(capitalise(stripFinalPeriod(x.answer)), erasOf(x));

const TARGET = 'rs-';
const targetId = (x: Explanation): string => `${TARGET}${x.id}`.slice(0, 64);

/** Records an item may ask: a kind's records whose reason gives nothing away. */
export const askable = (idx: KbIndex, kind: ReasonKind): Explanation[] =>
  idx.kb.explanations.filter((x) => reasonKind(x) === kind && giveaway(x) === null);

/**
 * How scarce a record's era is among the askable records: every item needs three eras, and the
 * reasons before 1989 are three (the 1953 treaty, Hafez al-Assad's turn to Iran, Hezbollah's
 * founding), so an item spends one of them, not two, and the kind yields as many items as it can.
 */
const scarcity = (idx: KbIndex, x: Explanation, all: readonly Explanation[]): number =>
  Math.max(
    ...stepEras(idx, x).map(
      (e) => 1 / Math.max(1, all.filter((y) => stepEras(idx, y).includes(e)).length),
    ),
  );

/**
 * Three (then a fourth) records of a theme, pairwise clearly apart, none used by an earlier item
 * (each record is asked once by this template): of all such triples, the one spending the least
 * scarce records, first in the seeded order on a tie.
 */
const pickSet = (
  idx: KbIndex,
  pool: readonly Explanation[],
  used: ReadonlySet<string>,
  all: readonly Explanation[],
  penalty: (set: readonly Explanation[]) => number = () => 0,
): Explanation[] => {
  const free = pool.filter((x) => !used.has(x.id));
  const cost = new Map(free.map((x) => [x.id, scarcity(idx, x, all)]));
  const c = (x: Explanation) => cost.get(x.id) ?? 1;
  const fits = (set: readonly Explanation[], x: Explanation) =>
    set.every((y) => y.id !== x.id && clearlyApart(idx, x, y));
  let best: Explanation[] = [];
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < free.length; i += 1) {
    for (let j = i + 1; j < free.length; j += 1) {
      for (let k = j + 1; k < free.length; k += 1) {
        const [a, b, d] = [free[i], free[j], free[k]];
        if (a && b && d && fits([a], b) && fits([a, b], d)) {
          const total = c(a) + c(b) + c(d) + penalty([a, b, d]);
          if (total < bestCost - 1e-9) {
            best = [a, b, d];
            bestCost = total;
          }
        }
      }
    }
  }
  if (best.length === 0) {
    return [];
  }
  // A fourth only if it is less scarce than the triple's scarcest record (else it takes the
  // record another item needs).
  const ceiling = Math.max(...best.map(c));
  const fourth = free
    .filter((x) => fits(best, x) && c(x) < ceiling)
    .sort((x, y) => c(x) - c(y))
    .at(0);
  return fourth ? [...best, fourth] : best;
};

const pairLine = (x: Explanation): string =>
  fixAssad(
    `${capitalise(stripFinalPeriod(x.topic))}: ${lowerFirst(stripFinalPeriod(x.answer))} (according to ${sourceInBrackets(x)}).`,
    erasOf(x),
  );

export const matchReasonsTemplate: Template = {
  id: TEMPLATE_ID,
  version: VERSION,
  type: 'MATCHING',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    const groups: Draft[][] = [];
    for (const kind of ['why', 'led-to'] as const) {
      const used = new Set<string>();
      const records = askable(idx, kind);
      const stems = new Set<string>();
      const themesUsed = new Set<string>();
      // Sets first, spending the scarce early records one per item; then the stem names the
      // theme every record of the set shares (else only "Iran and Syria" and the years).
      for (let round = 0; round < 8; round += 1) {
        const rng = contentRng(`${TEMPLATE_ID}:${kind}:${round}`);
        const pool = records
          .map((x) => ({ x, r: rng.next() }))
          .sort((a, b) => a.r - b.r)
          .map((c) => c.x);
        // A set whose records share a theme no earlier item is about gets its own stem; the
        // others all read "about Iran and Syria" and may repeat one another's.
        const themeOf = (set: readonly Explanation[]) =>
          THEMES.find(([t]) => !themesUsed.has(t) && set.every((x) => x.themes.includes(t))) ?? ANY;
        const picks = pickSet(idx, pool, used, records, (set) => (themeOf(set) === ANY ? 0.3 : 0));
        if (picks.length < 3) {
          break;
        }
        for (const p of picks) {
          used.add(p.id);
        }
        const [theme, phrase] = themeOf(picks);
        const stem = Array.from({ length: STEM_FORMS[kind] }, (_, f) =>
          matchStem(idx, kind, phrase, picks, f),
        ).find((st) => !stems.has(st));
        if (stem === undefined) {
          continue;
        }
        stems.add(stem);
        themesUsed.add(theme);
        const named = sharedSource(picks) === null;
        const factIds = picks.map((x) => explanationFactId(x.id));
        groups.push([
          baseDraft({
            type: 'MATCHING',
            template: TEMPLATE_ID,
            version: VERSION,
            stem,
            prompt: {
              items: picks.map((x) => ({ id: x.id, label: itemLabel(x, named) })),
              targets: picks.map((x) => ({ id: targetId(x), label: reasonLabel(x) })),
            },
            key: {
              pairs: picks.map((x) => ({ itemId: x.id, targetId: targetId(x) })),
              rationales: picks.map((x) =>
                rationale(idx, x.id, true, keyLine(x), [explanationFactId(x.id)]),
              ),
            },
            explanation: picks.map(pairLine).join(' '),
            citationIds: citeFacts(idx, factIds),
            factIds,
            themes: theme === ANY[0] ? [...new Set(picks.flatMap((x) => x.themes))] : [theme],
            eraSlug: null,
            actorSlugs: [...new Set(picks.flatMap((x) => (x.actor ? [x.actor] : [])))],
            features: {
              similarity: 0.3,
              joins: picks.length,
              salience: 0.5,
              optionCount: picks.length,
            },
          }),
        ]);
      }
    }
    return groups;
  },
  /**
   * Re-derives each pair from the KB: the target whose label is the reason of the item's own
   * record (found by the item's id), and only that one.
   */
  requery: (q, idx) => {
    rememberEras(idx);
    const pairs: string[] = [];
    for (const it of q.prompt.items ?? []) {
      const x = idx.explanations.get(it.id);
      if (!x) {
        return { ok: false, reason: `${it.id} is no explanation` };
      }
      const t = (q.prompt.targets ?? []).filter(
        (o) => normalise(o.label) === normalise(reasonLabel(x)),
      );
      if (t.length !== 1 || !t[0]) {
        return { ok: false, reason: `${it.id} has no unique reason among the targets` };
      }
      pairs.push(`${it.id}>${t[0].id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

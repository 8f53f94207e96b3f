/**
 * "Who stood where, and why" (issue 11, positions): stance records filed under one issue (the KB's
 * `issue`, `issueLabel`, `positionPhrase`) compared across actors and across time.
 *
 * - `stance-position`: "Which best describes Iran's position on Syria staying out of the Gaza war?"
 *   Wrong options are positions OTHER actors took on the same issue in an overlapping window, each
 *   refuted for this actor by its own cited stance on the issue that contradicts it.
 * - `stance-match`: three or four actors matched to positions that exclude one another pairwise.
 * - `stance-change`: one actor's stance on an issue reversed between two windows (Syria on Iran
 *   under the Assads and after them), both stances cited in the feedback.
 *
 * Contradiction is narrow on purpose: SUPPORTS against OPPOSES, and NEUTRAL (deliberately staying
 * out) against either. AMBIVALENT, MIXED and CONDITIONAL never refute anything and are never
 * refuted, so a conditional offer ("would consider normalising if …") is never read as support.
 * A KB that is silent about an actor proves nothing (open world).
 */
import { createHash } from 'node:crypto';
import {
  type DateValue,
  type Stance,
  type StancePosition,
  stanceWindow,
  windowsOverlap,
} from '@quiz/prisma/knowledge';
import { dateWords, isStatable } from '../dates';
import { uniq } from '../describe';
import { type KbIndex, stanceFactId } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { attributionFor, baseDraft, citeFacts, claimant, rationale } from './common';

type Window = ReturnType<typeof stanceWindow>;

export type IssueStance = {
  stance: Stance;
  issue: string;
  label: string;
  phrase: string;
  window: Window;
  factId: string;
};

/** Whether holding `a` proves an actor did not hold `b` (and the reverse) in a shared window. */
export const contradicts = (a: StancePosition, b: StancePosition): boolean =>
  (a === 'SUPPORTS' && b === 'OPPOSES') ||
  (a === 'OPPOSES' && b === 'SUPPORTS') ||
  (a === 'NEUTRAL' && (b === 'SUPPORTS' || b === 'OPPOSES')) ||
  (b === 'NEUTRAL' && (a === 'SUPPORTS' || a === 'OPPOSES'));

/** Stances filed under an issue that a stem may state (FACT, or attributable). */
export const issueStances = (idx: KbIndex): IssueStance[] =>
  idx.kb.stances.flatMap((st) =>
    st.issue &&
    st.issueLabel &&
    st.positionPhrase &&
    attributionFor(idx.facts.get(stanceFactId(st.id))) !== null
      ? [
          {
            stance: st,
            issue: st.issue,
            label: st.issueLabel,
            phrase: st.positionPhrase,
            window: stanceWindow(st, idx.kb.eras),
            factId: stanceFactId(st.id),
          },
        ]
      : [],
  );

export const byIssue = (all: readonly IssueStance[]): Map<string, IssueStance[]> => {
  const out = new Map<string, IssueStance[]>();
  for (const s of all) {
    out.set(s.issue, [...(out.get(s.issue) ?? []), s]);
  }
  return out;
};

/**
 * The actor's own stance on the issue that proves it did not take `option`: a contradicting
 * position whose window meets both the option's window and the stem's window. Null when the KB
 * cannot prove it.
 */
export const refuterFor = (
  all: readonly IssueStance[],
  actor: string,
  option: IssueStance,
  stemWindow: Window,
): IssueStance | null =>
  all.find(
    (s) =>
      s.issue === option.issue &&
      s.stance.actor === actor &&
      contradicts(s.stance.position, option.stance.position) &&
      windowsOverlap(s.window, option.window) &&
      windowsOverlap(s.window, stemWindow),
  ) ?? null;

const yearOf = (d: DateValue): number => Number(d.value.slice(0, 4));

/** A date a stem may carry: its words when exact, else only its year ("2023" for "after October 2023"). */
const dateInStem = (d: DateValue): string => (isStatable(d) ? dateWords(d) : String(yearOf(d)));

/**
 * "since 7 October" for a stance that began with its context event when the sources give that
 * event's day: the window as the sources word it, not "from 2023" (audit 17, item 18: MENA says
 * "since October 7", Alrumaihi "last October"). An inferred year is left out, as the sources do.
 */
export const eventStartWords = (idx: KbIndex, st: Stance): string | null => {
  const start = st.context ? idx.events.get(st.context)?.start : undefined;
  if (
    !start ||
    !st.from ||
    st.to ||
    st.from.certainty !== 'AFTER' ||
    start.precision !== 'DAY' ||
    start.value.slice(0, 7) !== st.from.value.slice(0, 7)
  ) {
    return null;
  }
  const words = dateWords({ ...start, label: undefined });
  return `since ${start.certainty === 'INFERRED' ? words.replace(/\s\d{4}$/, '') : words}`;
};

/** The period a stance held, in words: "since 7 October", "from 2023", "before spring 2022", "in 1990". */
export const windowWords = (st: Stance, idx?: KbIndex): string | null => {
  const since = idx ? eventStartWords(idx, st) : null;
  if (since) {
    return since;
  }
  const { from, to } = st;
  if (from && to) {
    const a = dateInStem(from);
    const b = to.certainty === 'BEFORE' ? `before ${dateWords(to)}` : dateInStem(to);
    return a === b ? `in ${a}` : `from ${a} to ${b}`;
  }
  if (from) {
    return `from ${dateInStem(from)}`;
  }
  if (to?.certainty === 'BEFORE') {
    return `before ${dateWords(to)}`;
  }
  return null;
};

/** "the United States'" / "Iran's". */
const possessive = (name: string): string => (/s$/.test(name) ? `${name}'` : `${name}'s`);

/** The actor as running text ("the United States", "Hassan Nasrallah"). */
const nameOf = (idx: KbIndex, slug: string): string => {
  const a = idx.actors.get(slug);
  if (!a) {
    return slug;
  }
  const label = a.kind === 'PERSON' ? a.name : (a.shortName ?? a.name);
  return a.kind === 'STATE' && /^(United|UAE)/.test(label) ? `the ${label}` : label;
};

/** Who gives a non-FACT stance: "Mohammad Alrumaihi"; "" for a FACT. */
const sayer = (idx: KbIndex, s: IssueStance): string =>
  s.stance.status === 'FACT' ? '' : claimant(idx, s.stance.accordingTo);

/**
 * "According to X, " when the key rests on one source's account, else "". When any stance needs
 * it, every source is named, so a FACT's outlet is not folded into another's claim ("According to
 * Wikipedia and Ahmed al-Sharaa", not "According to Ahmed al-Sharaa" for the whole change).
 */
const attributionOf = (idx: KbIndex, keys: readonly IssueStance[]): string => {
  if (keys.every((k) => k.stance.status === 'FACT')) {
    return '';
  }
  const names = uniq(
    keys.map((k) =>
      k.stance.status === 'FACT'
        ? (k.stance.accordingTo.split(/ and |, /)[0] ?? k.stance.accordingTo).trim()
        : sayer(idx, k),
    ),
  );
  return `According to ${names.join(' and ')}, `;
};

/** A sentence that starts with the record's statement, attributed when it is not a FACT. */
const statementOf = (idx: KbIndex, s: IssueStance): string => {
  const text = stripFinalPeriod(s.stance.statement);
  const who = sayer(idx, s);
  const surname = (who.split(' ').at(-1) ?? who).toLowerCase();
  // "Alrumaihi says …" and "Al-Sharaa said …" attribute themselves already.
  return who === '' || /^According to\b/.test(text) || text.toLowerCase().includes(surname)
    ? `${text}.`
    : `According to ${who}, ${text}.`;
};

/** An option id that does not spell out the stance behind it (an id naming "iran" would give the key away). */
const optionId = (prefix: string, id: string): string =>
  `${prefix}${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;

// ---------------------------------------------------------------------------------------------
// stance-position
// ---------------------------------------------------------------------------------------------

/** Wrong options for `key`: other actors' phrases on the issue, each refuted for the key's actor. */
export const positionDistractors = (
  all: readonly IssueStance[],
  key: IssueStance,
): { phrase: string; holders: IssueStance[]; refuter: IssueStance }[] => {
  const byPhrase = new Map<string, { holders: IssueStance[]; refuter: IssueStance }>();
  for (const o of all) {
    if (
      o.issue !== key.issue ||
      o.stance.actor === key.stance.actor ||
      o.phrase === key.phrase ||
      !windowsOverlap(o.window, key.window)
    ) {
      continue;
    }
    const refuter = refuterFor(all, key.stance.actor, o, key.window);
    if (!refuter) {
      continue;
    }
    const seen = byPhrase.get(o.phrase);
    byPhrase.set(o.phrase, { holders: [...(seen?.holders ?? []), o], refuter });
  }
  return [...byPhrase.entries()]
    .map(([phrase, v]) => ({ phrase, ...v }))
    .sort((a, b) => (a.phrase < b.phrase ? -1 : 1));
};

const POSITION_PREFIX = 'pos-';
const KEYABLE: ReadonlySet<StancePosition> = new Set(['SUPPORTS', 'OPPOSES', 'NEUTRAL']);

/**
 * Keys whose wrong options could only be the other side's positions, and whose side every student
 * knows: the United States backing Assad's government (audit 10, item 51: "an adversary offered as
 * an ally"). Their stances stay asked by stance-who and the true/false families.
 */
const OBVIOUS_SIDE = new Set(['us-says-assads-days-numbered']);

export const stancePositionTemplate: Template = {
  id: 'stance-position',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: true,
  generate: (idx) => {
    const all = issueStances(idx);
    // AMBIVALENT, MIXED and CONDITIONAL keys have no contradicting options to draw on.
    return all
      .filter((k) => KEYABLE.has(k.stance.position) && !OBVIOUS_SIDE.has(k.stance.id))
      .flatMap((key): Draft[][] => {
        const when = windowWords(key.stance, idx);
        const wrong = positionDistractors(all, key);
        if (!when || wrong.length < 2) {
          return [];
        }
        const rng = contentRng(`stance-position:${key.stance.id}`);
        const chosen = wrong
          .map((w) => ({ w, r: rng.next() }))
          .sort((a, b) => a.r - b.r)
          .slice(0, 3)
          .map((x) => x.w);
        const actor = nameOf(idx, key.stance.actor);
        const explanation = statementOf(idx, key);
        const factIds = [key.factId];
        return [
          [
            baseDraft({
              type: 'SINGLE_CHOICE',
              template: 'stance-position',
              version: 1,
              stem: `${attributionOf(idx, [key])}which best describes ${possessive(actor)} position on ${key.label} (${when})?`.replace(
                /^which/,
                'Which',
              ),
              prompt: {
                options: [
                  {
                    id: optionId(POSITION_PREFIX, key.stance.id),
                    label: capitalise(`It ${key.phrase}`),
                  },
                  ...chosen.map((c) => ({
                    id: optionId(POSITION_PREFIX, c.holders[0]?.stance.id ?? c.phrase),
                    label: capitalise(`It ${c.phrase}`),
                  })),
                ],
              },
              key: {
                optionIds: [optionId(POSITION_PREFIX, key.stance.id)],
                rationales: [
                  rationale(
                    idx,
                    optionId(POSITION_PREFIX, key.stance.id),
                    true,
                    explanation,
                    factIds,
                  ),
                  ...chosen.map((c) =>
                    rationale(
                      idx,
                      optionId(POSITION_PREFIX, c.holders[0]?.stance.id ?? c.phrase),
                      false,
                      `${uniq(c.holders.map((h) => statementOf(idx, h))).join(' ')} ${capitalise(possessive(actor))} own position on ${key.label} was the opposite.`,
                      [...c.holders.map((h) => h.factId), c.refuter.factId],
                    ),
                  ),
                ],
              },
              explanation,
              citationIds: citeFacts(idx, factIds),
              factIds,
              eraSlug: key.stance.eras.length === 1 ? (key.stance.eras[0] ?? null) : null,
              themes: key.stance.themes,
              actorSlugs: [key.stance.actor],
              features: {
                similarity: 0.6,
                joins: 2,
                salience: 0.5,
                optionCount: chosen.length + 1,
              },
            }),
          ],
        ];
      });
  },
  requery: (q, idx) => {
    // Independently of the generator: the option whose phrase belongs to a stance of the stem's
    // actor on the issue whose label the stem carries, and which no other option's holder shares.
    const all = issueStances(idx);
    const keyFact = q.factIds[0]?.replace(/^stance:/, '') ?? '';
    const key = all.find((s) => s.stance.id === keyFact);
    if (!key || !q.stem.includes(key.label)) {
      return { ok: false, reason: 'no issue stance for the key' };
    }
    const own = all.filter((s) => s.issue === key.issue && s.stance.actor === key.stance.actor);
    const matches = (q.prompt.options ?? []).filter((o) =>
      own.some((s) => o.label === capitalise(`It ${s.phrase}`)),
    );
    return matches.length === 1
      ? { ok: true, key: matches.map((o) => o.id) }
      : { ok: false, reason: `${matches.length} options are the actor's own positions` };
  },
};

// ---------------------------------------------------------------------------------------------
// stance-match
// ---------------------------------------------------------------------------------------------

/**
 * Sets of 3–4 stances on one issue, one per actor, windows meeting pairwise, distinct phrases, and
 * every actor refuted for every other actor's phrase (no pair a student could swap and be right).
 */
export const exclusiveSets = (all: readonly IssueStance[]): IssueStance[][] => {
  const out: IssueStance[][] = [];
  for (const [, group] of byIssue(all)) {
    const pick = (start: number, acc: IssueStance[]) => {
      if (acc.length >= 3) {
        out.push(acc);
      }
      if (acc.length === 4) {
        return;
      }
      for (let i = start; i < group.length; i++) {
        const c = group[i] as IssueStance;
        const fits = acc.every(
          (a) =>
            a.stance.actor !== c.stance.actor &&
            a.phrase !== c.phrase &&
            windowsOverlap(a.window, c.window) &&
            refuterFor(all, a.stance.actor, c, a.window) !== null &&
            refuterFor(all, c.stance.actor, a, c.window) !== null,
        );
        if (fits) {
          pick(i + 1, [...acc, c]);
        }
      }
    };
    pick(0, []);
  }
  // The largest set per issue first; one item per issue is enough to teach it.
  const best = new Map<string, IssueStance[]>();
  for (const s of out) {
    const k = s[0]?.issue ?? '';
    if ((best.get(k)?.length ?? 0) < s.length) {
      best.set(k, s);
    }
  }
  return [...best.values()];
};

/** The overlap of all windows in a set, in words for the stem ("from 2023"). */
const commonWindowWords = (idx: KbIndex, set: readonly IssueStance[]): string | null => {
  const latestStart = [...set]
    .filter((s) => s.stance.from)
    .sort((a, b) =>
      (a.window.from?.getTime() ?? 0) < (b.window.from?.getTime() ?? 0) ? 1 : -1,
    )[0];
  return latestStart ? windowWords({ ...latestStart.stance, to: undefined }, idx) : null;
};

export const stanceMatchTemplate: Template = {
  id: 'stance-match',
  version: 1,
  type: 'MATCHING',
  timeVarying: true,
  generate: (idx) => {
    const all = issueStances(idx);
    return exclusiveSets(all).flatMap((set): Draft[][] => {
      const when = commonWindowWords(idx, set);
      const first = set[0];
      if (!when || !first) {
        return [];
      }
      const factIds = set.map((s) => s.factId);
      const lines = set.map((s) => statementOf(idx, s));
      return [
        [
          baseDraft({
            type: 'MATCHING',
            template: 'stance-match',
            version: 1,
            stem: `${attributionOf(idx, set)}match each actor to its position on ${first.label} (${when}).`.replace(
              /^match/,
              'Match',
            ),
            prompt: {
              items: set.map((s) => ({
                id: s.stance.actor,
                label: capitalise(nameOf(idx, s.stance.actor)),
              })),
              targets: set.map((s) => ({
                id: optionId(POSITION_PREFIX, s.stance.id),
                label: capitalise(s.phrase),
              })),
            },
            key: {
              pairs: set.map((s) => ({
                itemId: s.stance.actor,
                targetId: optionId(POSITION_PREFIX, s.stance.id),
              })),
              rationales: set.map((s) =>
                rationale(idx, s.stance.actor, true, statementOf(idx, s), [
                  s.factId,
                  // The stances that rule out every other pairing for this actor.
                  ...set
                    .filter((o) => o !== s)
                    .map((o) => refuterFor(all, s.stance.actor, o, s.window)?.factId ?? s.factId),
                ]),
              ),
            },
            explanation: lines.join(' '),
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: null,
            themes: uniq(set.flatMap((s) => s.stance.themes)),
            actorSlugs: set.map((s) => s.stance.actor),
            ordering: 'shuffle',
            features: {
              similarity: 0.6,
              joins: set.length,
              salience: 0.5,
              optionCount: set.length,
            },
          }),
        ],
      ];
    });
  },
  requery: (q, idx) => {
    const all = issueStances(idx);
    const pairs: string[] = [];
    for (const item of q.prompt.items ?? []) {
      const own = all.filter((s) => s.stance.actor === item.id && q.factIds.includes(s.factId));
      const target = (q.prompt.targets ?? []).find((t) =>
        own.some((s) => t.label === capitalise(s.phrase)),
      );
      if (!target) {
        return { ok: false, reason: `no position of ${item.id} among the targets` };
      }
      pairs.push(`${item.id}>${target.id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

// ---------------------------------------------------------------------------------------------
// stance-change
// ---------------------------------------------------------------------------------------------

/** An actor's stances on one issue that contradict each other in windows that do not meet, earlier first. */
export const reversals = (all: readonly IssueStance[]): [IssueStance, IssueStance][] => {
  const out: [IssueStance, IssueStance][] = [];
  for (const a of all) {
    for (const b of all) {
      if (
        a.issue === b.issue &&
        a.stance.actor === b.stance.actor &&
        a !== b &&
        (a.stance.position === 'SUPPORTS' || a.stance.position === 'OPPOSES') &&
        contradicts(a.stance.position, b.stance.position) &&
        a.window.until !== null &&
        b.window.from !== null &&
        a.window.until < b.window.from &&
        a.stance.from &&
        b.stance.from
      ) {
        out.push([a, b]);
      }
    }
  }
  // Consecutive pairs only: 1990→2006 and 2006→2025, not 1990→2025 (no change between them).
  return out.filter(
    ([a, b]) =>
      !all.some(
        (m) =>
          m.issue === a.issue &&
          m.stance.actor === a.stance.actor &&
          m !== a &&
          m !== b &&
          m.window.from !== null &&
          a.window.until !== null &&
          b.window.from !== null &&
          m.window.from > a.window.until &&
          m.window.from < b.window.from,
      ),
  );
};

/**
 * The last year the earlier stance held throughout: "allied with Iran until 8 December 2024" is
 * asked as 2023, so "it said it had expelled Iranian forces in <that year>" is refuted for the
 * whole year (the weeks after 8 December 2024 are not covered). A stance held on one day or within
 * one year keeps that year.
 */
const lastYear = (s: IssueStance): number => {
  const from = s.stance.from as DateValue;
  const to = s.stance.to;
  if (!to || yearOf(to) === yearOf(from) || to.precision === 'YEAR') {
    return yearOf(to ?? from);
  }
  return yearOf(to) - 1;
};
const firstYear = (s: IssueStance): number => yearOf(s.stance.from as DateValue);

/**
 * Wrong changes for the reversal a → b, each a pair of the actor's own positions on the issue (so
 * every option reads as a change, and none is ruled out by the stem saying the position changed)
 * of which at least one half is refuted by a or b, the stance that held in that year: the mirror
 * first, then pairs with one true half (harder), then the rest; at most three.
 */
export const changeDistractors = (
  all: readonly IssueStance[],
  a: IssueStance,
  b: IssueStance,
): [IssueStance, IssueStance][] => {
  const own = all.filter((s) => s.issue === a.issue && s.stance.actor === a.stance.actor);
  const out: [IssueStance, IssueStance, number][] = [];
  for (const p of own) {
    for (const q of own) {
      if (p.phrase === q.phrase || (p.phrase === a.phrase && q.phrase === b.phrase)) {
        continue;
      }
      const pWrong = p.phrase !== a.phrase && contradicts(p.stance.position, a.stance.position);
      const qWrong = q.phrase !== b.phrase && contradicts(q.stance.position, b.stance.position);
      if (!pWrong && !qWrong) {
        continue;
      }
      const rank = p === b && q === a ? 0 : p.phrase === a.phrase || q.phrase === b.phrase ? 1 : 2;
      out.push([p, q, rank]);
    }
  }
  return out
    .sort((x, y) => x[2] - y[2])
    .slice(0, 3)
    .map(([p, q]) => [p, q]);
};

export const stanceChangeTemplate: Template = {
  id: 'stance-change',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: true,
  generate: (idx) => {
    const all = issueStances(idx);
    return reversals(all).flatMap(([a, b]): Draft[][] => {
      const ya = lastYear(a);
      const yb = firstYear(b);
      if (ya >= yb) {
        return [];
      }
      const actor = nameOf(idx, a.stance.actor);
      const id = (k: string) => optionId('chg-', `${k}:${a.stance.id}>${b.stance.id}`);
      const wrong = changeDistractors(all, a, b);
      // Key, mirror and at least two more provably wrong changes, or no item: "In X and in Y alike"
      // was ruled out by a stem that says the position changed, leaving a 50/50 (audit 17, items
      // 16, 49, 83).
      if (wrong.length < 3) {
        return [];
      }
      const changeLabel = (p: IssueStance, q: IssueStance) =>
        `In ${ya} it ${p.phrase}; in ${yb} it ${q.phrase}`;
      // Years first in every option, so no option reads as the odd one out.
      const options = [
        { id: id('key'), label: changeLabel(a, b) },
        ...wrong.map(([p, q]) => ({
          id: id(`${p.stance.id}>${q.stance.id}`),
          label: changeLabel(p, q),
        })),
      ];
      const sa = statementOf(idx, a);
      const sb = statementOf(idx, b);
      // What is true of a wrong half: when the actor did take that position, then the year's own
      // (audit 28, items 20 and 90: "Not so in 2006: <the key's sentence>" only repeated the key).
      const wrongHalf = (w: IssueStance, y: number, truth: IssueStance, said: string): string => {
        const from = firstYear(w);
        const to = lastYear(w);
        if (!Number.isFinite(from) || !Number.isFinite(to)) {
          return `Not so in ${y}: ${said}`;
        }
        const when = from === to ? `in ${from}` : `from ${from} to ${to}`;
        return `${capitalise(actor)} ${w.phrase} ${when}, not in ${y}; in ${y} it ${truth.phrase}.`;
      };
      // "changed", not "reversed": joining a US-led coalition against Iraq in 1990 was no pro-US
      // stance as such (audit 23, item 17).
      const explanation = `${capitalise(possessive(actor))} position on ${a.label} changed between ${ya} and ${yb}. ${sa} ${sb}`;
      const factIds = [a.factId, b.factId];
      return [
        [
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'stance-change',
            version: 1,
            stem: `${attributionOf(idx, [a, b])}how did ${possessive(actor)} position on ${a.label} change from ${ya} to ${yb}?`.replace(
              /^how/,
              'How',
            ),
            prompt: { options },
            key: {
              optionIds: [id('key')],
              rationales: [
                rationale(idx, id('key'), true, explanation, factIds),
                ...wrong.map(([p, q]) =>
                  rationale(
                    idx,
                    id(`${p.stance.id}>${q.stance.id}`),
                    false,
                    p === b && q === a
                      ? `The order is the other way round. In ${ya}: ${sa} In ${yb}: ${sb}`
                      : [
                          p !== a && contradicts(p.stance.position, a.stance.position)
                            ? wrongHalf(p, ya, a, sa)
                            : '',
                          q !== b && contradicts(q.stance.position, b.stance.position)
                            ? wrongHalf(q, yb, b, sb)
                            : '',
                        ]
                          .filter((t) => t !== '')
                          .join(' '),
                    uniq([...factIds, p.factId, q.factId]),
                  ),
                ),
              ],
            },
            explanation,
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: null,
            themes: uniq([...a.stance.themes, ...b.stance.themes]),
            actorSlugs: [a.stance.actor],
            features: { similarity: 0.7, joins: 2, salience: 0.5, optionCount: 4 },
          }),
        ],
      ];
    });
  },
  requery: (q, idx) => {
    // The option naming the earlier stance's phrase first and the later one's second, where the
    // KB dates the first stance before the second.
    const all = issueStances(idx);
    const [fa, fb] = q.factIds;
    const a = all.find((s) => s.factId === fa);
    const b = all.find((s) => s.factId === fb);
    if (!a || !b || a.window.until === null || b.window.from === null) {
      return { ok: false, reason: 'stances missing or undated' };
    }
    const [early, late] = a.window.until < b.window.from ? [a, b] : [b, a];
    const hit = (q.prompt.options ?? []).filter((o) => {
      const i = o.label.indexOf(early.phrase);
      const j = o.label.lastIndexOf(late.phrase);
      return i >= 0 && j > i && o.label.startsWith(`In ${lastYear(early)} it `);
    });
    return hit.length === 1
      ? { ok: true, key: hit.map((o) => o.id) }
      : { ok: false, reason: `${hit.length} options read as the change` };
  },
};

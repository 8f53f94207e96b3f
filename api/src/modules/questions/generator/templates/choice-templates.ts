/**
 * SINGLE_CHOICE and MULTI_SELECT from the stance graph and the figures.
 * - stance-single: "Which Arab state sided with Iran during the Iran–Iraq War (1980–88)?" Worded
 *   "Which Arab state …" only when a cited passage makes the key exclusive; otherwise "Which of
 *   these …", whose key is unique among options proven wrong.
 * - stance-multi: the exact set of subjects of a relation among options; the rest refuted.
 * - arab-states: which states are Arab states (the KB's cited isArabState attribute).
 * - figure-amount: an amount the sources give, against other amounts the KB gives for other things.
 */
import type { Figure } from '@quiz/prisma/knowledge';
import { statedDate, statedPhrase } from '../dates';
import { firstSentence, uniq } from '../describe';
import { pickDiverse, scoreActors } from '../distractors';
import {
  actorLabel,
  attributeFactId,
  figureFactId,
  type KbIndex,
  relationFactId,
} from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, containsPhrase } from '../text';
import type { Draft, Template } from '../types';
import {
  askableFigure,
  attributionFor,
  baseDraft,
  citeFacts,
  claimant,
  optionIds,
  rationale,
} from './common';
import {
  contextPhrase,
  exceptionLead,
  exceptionSummary,
  exclusiveAmongArabs,
  groupAttribution,
  isArab,
  isExceptionGroup,
  kindNounOf,
  objectLabel,
  refute,
  type StanceGroup,
  sameKind,
  stanceGroups,
  stanceVerb,
} from './stance';

export const candidatesFor = (idx: KbIndex, g: StanceGroup, key: string): string[] =>
  idx.kb.actors
    .map((a) => a.slug)
    .filter((s) => s !== key && s !== g.object && sameKind(idx, s, key) && !g.subjects.has(s))
    // A state the war is named after is no plausible ally (Iraq in the Iran–Iraq War): S4.
    .filter(
      (s) =>
        !(idx.names.get(s) ?? []).some((n) => n.length > 3 && containsPhrase(g.context.title, n)),
    )
    .filter((s) => refute(idx, g, s) !== null)
    // Libya "sold weapons to Iran during the war": a state that armed, funded or backed the object
    // in any way is no wrong answer to "which state sided with / supported it" (audit 1, item 16).
    .filter(
      (s) =>
        !SIDING.has(g.type) ||
        !idx.kb.relations.some(
          (r) => r.subject === s && r.object === g.object && SIDING.has(r.type),
        ),
    );

const SIDING = new Set(['SIDED_WITH', 'SUPPORTED', 'ALLIED', 'ARMED', 'FUNDED', 'TRAINED']);

const keyText = (_idx: KbIndex, g: StanceGroup, subject: string): string =>
  uniq((g.subjects.get(subject) ?? []).map((r) => firstSentence(r.summary))).join(' ');

const keyFacts = (g: StanceGroup, subject: string): string[] =>
  (g.subjects.get(subject) ?? []).map((r) => relationFactId(r.id));

/** The group a stance question was built from, recovered from its first fact (a key relation). */
const groupOf = (idx: KbIndex, factId: string | undefined): StanceGroup | undefined => {
  const r = idx.relations.get(factId?.replace(/^relation:/, '') ?? '');
  return stanceGroups(idx).find(
    (g) => r && g.type === r.type && g.object === r.object && g.context.slug === r.context,
  );
};

export const stanceSingleTemplate: Template = {
  id: 'stance-single',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: true,
  generate: (idx) =>
    stanceGroups(idx).flatMap((g) => {
      // One key per kind: the question is only fair if no other option of that kind qualifies.
      return [...g.subjects.keys()].flatMap((key) => {
        const rivals = [...g.subjects.keys()].filter((s) => s !== key && sameKind(idx, s, key));
        const attribution = groupAttribution(idx, g.subjects.get(key) ?? []);
        if (rivals.length > 0 || attribution === null) {
          return [];
        }
        const cands = candidatesFor(idx, g, key);
        const rng = contentRng(`stance-single:${g.type}:${g.object}:${g.context.slug}:${key}`);
        const scored = scoreActors(idx, cands, {
          key,
          anchors: [g.object, key],
          sameSubtype: (s) => sameKind(idx, s, key),
          rng,
        });
        // The near miss first: a state that kept its ties with the key in the same war (Algeria,
        // Lebanon, Sudan, Oman kept theirs with Syria) but did not side with the object. A state
        // that isolated the key is an opponent offered as an ally, which the stem rules out by
        // itself (audit 18, item 19: Saudi Arabia and the UAE beside Syria).
        const keptTies = (s: string): boolean =>
          idx.kb.relations.some(
            (r) =>
              r.type === 'KEPT_TIES' &&
              r.subject === s &&
              r.object === key &&
              r.context === g.context.slug,
          );
        const near = scored.filter((c) => keptTies(c.item));
        const ranked = near.length >= 3 ? near : scored;
        const exclusive =
          isArab(idx.actors.get(key)) &&
          exclusiveAmongArabs(idx, g.subjects.get(key) ?? []).length > 0;
        const noun = kindNounOf(idx, key);
        const which = exclusive ? `Which ${noun}` : `Which of these ${noun}s`;
        const stem = `${attribution}${attribution ? which.charAt(0).toLowerCase() + which.slice(1) : which} ${stanceVerb(g.type, false)} ${objectLabel(idx, g)} ${contextPhrase(idx, g)}?`;
        const drafts: Draft[] = [];
        for (const k of [3, 2]) {
          const chosen = pickDiverse(ranked, k, (s) => actorLabel(idx, s));
          if (chosen.length < k) {
            continue;
          }
          const factIds = keyFacts(g, key);
          const rationales = [
            rationale(idx, key, true, keyText(idx, g, key), factIds),
            ...chosen.map(({ item }) => {
              const r = refute(idx, g, item);
              return rationale(idx, item, false, r?.text ?? '', r?.factIds ?? []);
            }),
          ];
          drafts.push(
            baseDraft({
              type: 'SINGLE_CHOICE',
              template: 'stance-single',
              version: 1,
              stem,
              prompt: {
                options: [key, ...chosen.map((c) => c.item)].map((s) => ({
                  id: s,
                  label: actorLabel(idx, s),
                })),
              },
              key: { optionIds: [key], rationales },
              explanation: keyText(idx, g, key),
              citationIds: citeFacts(idx, factIds),
              factIds,
              eraSlug: g.context.era,
              themes: g.context.themes,
              actorSlugs: [key, g.object, ...chosen.map((c) => c.item)],
              features: {
                similarity: chosen.reduce((s, c) => s + c.similarity, 0) / chosen.length,
                joins: 1 + chosen.length,
                salience: Math.min(1, (idx.salience.get(key) ?? 0) / 10),
                optionCount: k + 1,
              },
            }),
          );
        }
        return drafts.length > 0 ? [drafts] : [];
      });
    }),
  requery: (q, idx) => {
    const g = groupOf(idx, q.factIds[0]);
    if (!g) {
      return { ok: false, reason: 'no stance group' };
    }
    const ids = optionIds(q);
    for (const id of ids) {
      if (!g.subjects.has(id) && refute(idx, g, id) === null) {
        return { ok: false, reason: `${id} is neither proven nor refuted` };
      }
    }
    const key = ids.filter((id) => g.subjects.has(id));
    // "Which Arab state …" (no "of these") claims uniqueness beyond the options.
    if (!/of these/.test(q.stem)) {
      const kind = [...g.subjects.keys()].filter((s) => key[0] && sameKind(idx, s, key[0]));
      if (
        kind.length !== 1 ||
        exclusiveAmongArabs(idx, g.subjects.get(kind[0] ?? '') ?? []).length === 0
      ) {
        return { ok: false, reason: 'stem claims a unique key the KB does not prove' };
      }
    }
    return { ok: true, key };
  },
};

export const stanceMultiTemplate: Template = {
  id: 'stance-multi',
  version: 1,
  type: 'MULTI_SELECT',
  timeVarying: true,
  generate: (idx) =>
    stanceGroups(idx).flatMap((g) => {
      const subjects = [...g.subjects.keys()].sort();
      // Keys must share a kind, so options stay homogeneous.
      const kinds = new Map<string, string[]>();
      for (const s of subjects) {
        const k = kindNounOf(idx, s);
        kinds.set(k, [...(kinds.get(k) ?? []), s]);
      }
      return [...kinds.entries()].flatMap(([noun, keys]) => {
        if (
          keys.length < 2 ||
          keys.some((k) => groupAttribution(idx, g.subjects.get(k) ?? []) !== '')
        ) {
          return [];
        }
        const first = keys[0] ?? '';
        const distractors = candidatesFor(idx, g, first).filter((c) =>
          keys.every((k) => sameKind(idx, c, k)),
        );
        if (distractors.length === 0) {
          return [];
        }
        const rng = contentRng(`stance-multi:${g.type}:${g.object}:${g.context.slug}:${noun}`);
        const groups: Draft[][] = [];
        const seen = new Set<string>();
        for (let v = 0; v < 10; v += 1) {
          const nKeys = Math.min(keys.length, 2 + rng.int(2));
          const nWrong = Math.min(
            distractors.length,
            Math.max(1, (nKeys === 3 ? 4 : 3 + rng.int(2)) - nKeys),
          );
          const ks = [...keys]
            .sort(() => 0)
            .map((k) => ({ k, r: rng.next() }))
            .sort((a, b) => a.r - b.r)
            .slice(0, nKeys)
            .map((x) => x.k)
            .sort();
          const ws = distractors
            .map((k) => ({ k, r: rng.next() }))
            .sort((a, b) => a.r - b.r)
            .slice(0, nWrong)
            .map((x) => x.k)
            .sort();
          const sig = [...ks, '|', ...ws].join(',');
          if (seen.has(sig) || ks.length + ws.length < 3) {
            continue;
          }
          seen.add(sig);
          const factIds = ks.flatMap((k) => keyFacts(g, k));
          const rationales = [
            ...ks.map((k) => rationale(idx, k, true, keyText(idx, g, k), keyFacts(g, k))),
            ...ws.map((w) => {
              const r = refute(idx, g, w);
              return rationale(idx, w, false, r?.text ?? '', r?.factIds ?? []);
            }),
          ];
          groups.push([
            baseDraft({
              type: 'MULTI_SELECT',
              template: 'stance-multi',
              version: 1,
              stem: isExceptionGroup(idx, g)
                ? `${exceptionLead(idx, g)} Which of these ${noun}s does it name as exceptions? Select all that apply.`
                : `Which of these ${noun}s ${stanceVerb(g.type, true)} ${objectLabel(idx, g)} ${contextPhrase(idx, g)}? Select all that apply.`,
              prompt: {
                selectMany: true,
                options: [...ks, ...ws].map((s) => ({ id: s, label: actorLabel(idx, s) })),
              },
              key: { optionIds: ks, rationales },
              explanation: isExceptionGroup(idx, g)
                ? exceptionSummary(idx, g)
                : ks.map((k) => keyText(idx, g, k)).join(' '),
              citationIds: citeFacts(idx, factIds),
              factIds,
              eraSlug: g.context.era,
              themes: g.context.themes,
              actorSlugs: [...ks, ...ws, g.object],
              features: {
                similarity: 0.8,
                joins: ks.length + ws.length,
                salience: 0.4,
                optionCount: ks.length + ws.length,
              },
            }),
          ]);
        }
        return groups;
      });
    }),
  requery: (q, idx) => {
    const g = groupOf(idx, q.factIds[0]);
    if (!g) {
      return { ok: false, reason: 'no stance group' };
    }
    const ids = optionIds(q);
    for (const id of ids) {
      if (!g.subjects.has(id) && refute(idx, g, id) === null) {
        return { ok: false, reason: `${id} is neither proven nor refuted` };
      }
    }
    return { ok: true, key: ids.filter((id) => g.subjects.has(id)).sort() };
  },
};

export const arabStatesTemplate: Template = {
  id: 'arab-states',
  version: 1,
  type: 'MULTI_SELECT',
  timeVarying: false,
  generate: (idx) => {
    const cited = idx.kb.actors.filter(
      (a) => a.kind === 'STATE' && a.isArabState && a.isArabState.citations.length > 0,
    );
    const arab = cited
      .filter((a) => a.isArabState?.value)
      .map((a) => a.slug)
      .sort();
    const other = cited
      .filter((a) => a.isArabState?.value === false)
      .map((a) => a.slug)
      .sort();
    if (arab.length < 1 || other.length < 1) {
      return [];
    }
    const fact = (s: string): string => attributeFactId(s, 'is-arab-state');
    const line = (s: string, yes: boolean): string => {
      const note = idx.actors.get(s)?.isArabState?.note;
      return `${actorLabel(idx, s)} ${yes ? 'is' : 'is not'} an Arab state.${note ? ` ${note}` : ''}`;
    };
    return arab.flatMap((anchor, i) => {
      const rng = contentRng(`arab-states:${anchor}`);
      const rest = arab
        .filter((k) => k !== anchor)
        .map((k) => ({ k, r: rng.next() }))
        .sort((a, b) => a.r - b.r);
      const ks = [anchor, ...rest.slice(0, 1 + (i % 2)).map((x) => x.k)].sort();
      const ws = other
        .map((k) => ({ k, r: rng.next() }))
        .sort((a, b) => a.r - b.r)
        .slice(0, ks.length === 3 ? 1 : 2)
        .map((x) => x.k);
      if (ks.length + ws.length < 3) {
        return [];
      }
      const factIds = [...ks, ...ws].map(fact);
      return [
        [
          baseDraft({
            type: 'MULTI_SELECT',
            template: 'arab-states',
            version: 1,
            stem: 'Which of these states are Arab states? Select all that apply.',
            prompt: {
              selectMany: true,
              options: [...ks, ...ws].map((s) => ({ id: s, label: actorLabel(idx, s) })),
            },
            key: {
              optionIds: ks,
              rationales: [
                ...ks.map((k) => rationale(idx, k, true, line(k, true), [fact(k)])),
                ...ws.map((w) => rationale(idx, w, false, line(w, false), [fact(w)])),
              ],
            },
            explanation: [...ks.map((k) => line(k, true)), ...ws.map((w) => line(w, false))].join(
              ' ',
            ),
            citationIds: citeFacts(idx, factIds),
            factIds,
            actorSlugs: [...ks, ...ws],
            features: {
              similarity: 0.6,
              joins: ks.length + ws.length,
              salience: 0.6,
              optionCount: ks.length + ws.length,
            },
          }),
        ],
      ];
    });
  },
  requery: (q, idx) => {
    const ids = optionIds(q);
    if (ids.some((id) => idx.actors.get(id)?.isArabState === undefined)) {
      return { ok: false, reason: 'an option has no isArabState attribute' };
    }
    return { ok: true, key: ids.filter((id) => isArab(idx.actors.get(id))).sort() };
  },
};

const SCALE: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
];

const formatNumber = (n: number): string => {
  for (const [v, word] of SCALE) {
    if (Math.abs(n) >= v) {
      return `${Number((n / v).toFixed(2))} ${word}`;
    }
  }
  return n.toLocaleString('en-GB');
};

/** "$50 billion", "3,000 people", "20–30 rocket attacks". */
export const formatAmount = (f: Figure): string =>
  // A lower bound is printed as the source gives it, never as an exact amount (audit 5, items 4 and 60).
  `${f.lowerBound ? 'more than ' : ''}${formatExact(f)}`;

const formatExact = (f: Figure): string => {
  const range = f.amountHigh !== undefined && f.amountHigh !== f.amount;
  if (f.unit === 'USD') {
    return range
      ? `$${formatNumber(f.amount)}–${formatNumber(f.amountHigh ?? f.amount)}`
      : `$${formatNumber(f.amount)}`;
  }
  const n = range
    ? `${formatNumber(f.amount)}–${formatNumber(f.amountHigh ?? f.amount)}`
    : formatNumber(f.amount);
  return `${n} ${f.unit}`;
};

const THE_NOUNS = /^(value|number|approximate|total|debt|period|delay|length|amount|size)\b/;

/** Units counted by "the number of …" ("people killed in …" reads as a count, not a label). */
const COUNT_UNIT = (unit: string): boolean =>
  unit !== 'USD' && !/^(weeks|years|months|days|times)$/.test(unit);

/**
 * A figure's whole description as a noun phrase in running text: "the debt Syria owed Iran …",
 * "the number of people killed in …", "Turkey's trade with Syria in 2023 …". Audit 6, item 5: the
 * feedback pasted the description after the amount as a field label ("$244 million: Value of …").
 */
export const figureDescription = (f: Figure): string => {
  // "(the source gives a lower bound: …)" is a note for the KB's reader; formatAmount says "more than".
  const d = f.description.replace(/\s*\(the source gives[^)]*\)/, '').replace(/[.\s]+$/, '');
  const first = d.split(' ')[0] ?? '';
  // Names, possessives and acronyms keep their capital ("Turkey's", "IRGC"); a common noun is lowered.
  if (/^[A-Z][\w-]*['’]s$/.test(first) || /^[A-Z]{2,}/.test(first)) {
    return d;
  }
  const lowered = d.charAt(0).toLowerCase() + d.slice(1);
  if (/^how\b/.test(lowered)) {
    return lowered;
  }
  if (THE_NOUNS.test(lowered)) {
    return `the ${lowered}`;
  }
  return COUNT_UNIT(f.unit) ? `the number of ${lowered}` : `the ${lowered}`;
};

/** "$30 billion is the figure the sources give for the debt Syria owed Iran …." A sentence, never a label. */
export const figureSentence = (f: Figure): string =>
  `${capitalise(formatAmount(f))} is the figure the sources give for ${figureDescription(f)}.`;

/** What a figure counts, as a noun phrase for "what figure is given for …"; null if it will not read well. */
const figureSubject = (idx: KbIndex, description: string): string | null => {
  const head = (
    description.split(/[;:(]| — |, (?:according|per|which|who|as|including|whereas)\b|\. /)[0] ?? ''
  ).trim();
  if (!head || /^(How|What|Which|Why)\b/.test(head)) {
    return null;
  }
  const first = head.split(' ')[0] ?? '';
  const isName = idx.kb.actors.some((a) =>
    [a.name, a.shortName, ...a.aliases].some(
      (n) => n && first.replace(/['’]s$/, '') === n.split(' ')[0],
    ),
  );
  const lowered =
    isName || /^[A-Z]{2,}/.test(first) ? head : head.charAt(0).toLowerCase() + head.slice(1);
  return THE_NOUNS.test(lowered) ? `the ${lowered}` : lowered;
};

const figureOptionId = (f: Figure): string => `amt-${f.id}`.slice(0, 64);

const overlapsAmount = (a: Figure, b: Figure): boolean =>
  a.amount <= (b.amountHigh ?? b.amount) && b.amount <= (a.amountHigh ?? a.amount);

export const figureAmountTemplate: Template = {
  id: 'figure-amount',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: true,
  generate: (idx) =>
    idx.kb.figures.flatMap((f) => {
      const attribution = attributionFor(idx.facts.get(figureFactId(f.id)));
      if (attribution === null || !askableFigure(f)) {
        return [];
      }
      const others = idx.kb.figures
        .filter((o) => o.id !== f.id && o.unit === f.unit && !overlapsAmount(o, f))
        // Same order of magnitude or so: "18 people" is no distractor for 3,000 IRGC members.
        .filter((o) => Math.abs(Math.log10(o.amount / f.amount)) <= 1.7)
        .filter((o, i, all) => all.findIndex((x) => formatAmount(x) === formatAmount(o)) === i)
        .sort(
          (a, b) =>
            Math.abs(Math.log(a.amount / f.amount)) - Math.abs(Math.log(b.amount / f.amount)) ||
            (a.id < b.id ? -1 : 1),
        );
      const chosen = others.slice(0, 3);
      if (chosen.length < 2) {
        return [];
      }
      const desc = figureSubject(idx, f.description);
      if (!desc) {
        return [];
      }
      const when =
        // An inferred date ("In August", year inferred) is never stated as if the source gave it.
        statedDate(f.asOf) && !/\b(1[89]|20)\d\d\b/.test(desc) ? `,${statedPhrase(f.asOf)}` : '';
      const lead = attribution ? `According to ${claimant(idx, f.claimedBy ?? '')}, what` : 'What';
      const stem = `${lead} figure is given for ${desc}${when}?`;
      const fid = figureFactId(f.id);
      const keyLine = figureSentence(f);
      const factIds = [fid];
      return [
        [
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'figure-amount',
            version: 1,
            stem,
            prompt: {
              options: [f, ...chosen].map((x) => ({
                id: figureOptionId(x),
                label: capitalise(formatAmount(x)),
              })),
            },
            key: {
              optionIds: [figureOptionId(f)],
              rationales: [
                rationale(idx, figureOptionId(f), true, keyLine, factIds),
                ...chosen.map((o) =>
                  rationale(
                    idx,
                    figureOptionId(o),
                    false,
                    `The figure given is ${formatAmount(f)}. ${figureSentence(o)}`,
                    [fid, figureFactId(o.id)],
                  ),
                ),
              ],
            },
            explanation: keyLine,
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: idx.facts.get(fid)?.era ?? null,
            actorSlugs: f.actors,
            features: { similarity: 0.5, joins: 1, salience: 0.3, optionCount: chosen.length + 1 },
          }),
        ],
      ];
    }),
  requery: (q, idx) => {
    const f = idx.figures.get(q.factIds[0]?.replace(/^figure:/, '') ?? '');
    if (!f) {
      return { ok: false, reason: 'no figure' };
    }
    const opts = q.prompt.options ?? [];
    return {
      ok: true,
      key: opts.filter((o) => o.label === capitalise(formatAmount(f))).map((o) => o.id),
    };
  },
};

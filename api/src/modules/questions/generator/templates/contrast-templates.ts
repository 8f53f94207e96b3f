/**
 * Why-items whose wrong options are provably wrong (issue 11, after six audit rounds emptied
 * explain-why): a reason the sources give for one Iranian or Syrian step may hold for another, so a
 * wrong option here is never a neighbour of the key. It is the reason for (or the step explained by)
 * a record that is either
 *  - a step taken by a state outside the alliance (Russia, the United States), or
 *  - a step of the alliance in the opposite direction (ties cooling against ties deepening),
 * and whose own words (topic, answer, detail) share no content word with the key's reason, so the
 * key's reason cannot be read into it. Iran and Syria are the quiz's subject: their names do not count.
 * `understanding-sound.test.ts` re-checks every shipped item against these rules and the source text.
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, contentTokens, lowerFirst, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, optionIds, rationale } from './common';
import {
  erasOf,
  explanationKeyed,
  fixAssad,
  GRAND_MOTIVE,
  keyLine,
  lowerCommon,
  optId,
  RELATIONSHIP_TOPIC,
  rememberEras,
  selfContained,
  sourcePhrase,
  targetOf,
  usableAnswer,
  WHY_KINDS,
  whySource,
} from './understanding-templates';

/** Who takes the step a topic describes: the first party it names (a regex per party, in KB words). */
const DECIDERS: ReadonlyArray<readonly [string, RegExp]> = [
  ['russia', /\bRussia/],
  ['united-states', /\b(United States|Trump|US|[Ss]anctions on Iran Air|Kerry)\b/],
  ['pakistan', /\bPakistan/],
  ['germany', /\b(German|Germany|Scholz)\b/],
  ['the-west', /\b(the West|Western states)\b/],
  ['hezbollah', /\b(Hezbollah|Nasrallah)\b/],
  ['syria', /\b(Syria|Syrian|Damascus|Hafez|Bashar|Assad|Ba'athist)\b/],
  [
    'iran',
    /\b(Iran|Iranian|Tehran|IRGC|Khamenei|Soleimani|Islamic Republic|Revolutionary Guards|Quds Force)\b/,
  ],
];

/** The alliance the quiz is about: one of its steps may share any of its standing motives. */
const ALLIANCE = new Set(['iran', 'syria', 'hezbollah']);
const WESTERN = new Set(['united-states', 'germany', 'the-west']);

/** The party whose step a topic describes: the one named first. */
export const deciderOf = (topic: string): string | undefined =>
  DECIDERS.map(([slug, re]) => ({ slug, at: topic.search(re) }))
    .filter((d) => d.at >= 0)
    .sort((a, b) => a.at - b.at)[0]?.slug;

/** Words that name the quiz's subject or say nothing of a reason: shared by nearly every record. */
const SUBJECT = new Set([
  'iran',
  'iranian',
  'iranians',
  'syria',
  'syrian',
  'syrians',
  'tehran',
  'damascus',
  'relations',
  'relationship',
  'between',
  'after',
  'its',
  'had',
  'has',
  'not',
  'but',
  'also',
  'any',
  'one',
]);

/** Content words of a text, possessives folded ("IRGC's" is "IRGC"), the subject's names left out. */
export const ownWords = (text: string): Set<string> =>
  new Set(contentTokens(text.replace(/['’]s\b/g, '')).filter((t) => !SUBJECT.has(t)));

/** Steps that bring the two states closer, and steps that set them apart (audit-proof by wording). */
const WARMING =
  /\b(allied|alliance|closer|deepen|valued|stepped up|pushed|backed|set up|trained|signed|would not let|held|prioriti[sz]ed|presented|insisted|stressed)\b/i;
const COOLING = /\b(cooled|stayed low|avoided|restricted|evacuat|distanc|withdr|fell apart)/i;
const direction = (topic: string): number =>
  COOLING.test(topic) && !WARMING.test(topic)
    ? -1
    : WARMING.test(topic) && !COOLING.test(topic)
      ? 1
      : 0;

/**
 * Reasons so broad they could be said of almost any step ("practical geopolitical reasons",
 * "religious and ideological ties"): a reviewer can defend them anywhere, so never a wrong option,
 * and a key stating one has no provably wrong step beside it.
 */
export const GENERIC_REASON = /\b(geopolitic|strategic|interests?|ideolog|religio|shared history)/i;

/** The wars a record is about: two records of the same war are one story (audit 4's neighbours). */
const WARS = new Set(['iran-iraq-war', 'syrian-civil-war', 'gaza-war']);
const sameWar = (x: Explanation, o: Explanation): boolean =>
  x.themes.some((t) => WARS.has(t) && o.themes.includes(t));

const known = (eras: readonly string[]): boolean => eras.length > 0;

const yearOf = (d: { value: string } | undefined): number | undefined =>
  d ? Number(d.value.slice(0, 4)) : undefined;

/**
 * The eras of the step a record explains, from the KB's own dated records: its eras, else its
 * event's era, its stance's eras or context, or every era its relation's span meets (a span of
 * decades meets many eras, so it is never "another time" than anything).
 */
export const stepEras = (idx: KbIndex, x: Explanation): readonly string[] => {
  const own = erasOf(x);
  if (own.length > 0) {
    return own;
  }
  const st = x.stance ? idx.stances.get(x.stance) : undefined;
  if (st) {
    const ctx = st.context ? idx.events.get(st.context)?.era : undefined;
    return st.eras.length > 0 ? st.eras : ctx ? [ctx] : [];
  }
  const rel = x.relation ? idx.relations.get(x.relation) : undefined;
  const from = yearOf(rel?.from);
  if (rel && from !== undefined) {
    const to = yearOf(rel.to) ?? 2025;
    return idx.kb.eras
      .filter((e) => (yearOf(e.start) ?? 0) <= to && (yearOf(e.end) ?? 2025) >= from)
      .map((e) => e.slug);
  }
  return [];
};

/** Content words the key's reason shares with another record's own words (topic, answer, detail). */
export const sharedReasonWords = (x: Explanation, o: Explanation): string[] => {
  const theirs = ownWords(`${o.topic} ${o.answer} ${o.detail}`);
  return [...ownWords(x.answer)].filter((t) => theirs.has(t));
};

/**
 * Why `o` provably is not `x`'s reason (or step): null when it is a sound contrast, else the rule it
 * breaks. Exported for the soundness test.
 */
export const contrastFault = (idx: KbIndex, x: Explanation, o: Explanation): string | null => {
  if (o.id === x.id || !WHY_KINDS.has(o.kind) || !WHY_KINDS.has(x.kind)) {
    return 'not a why-record';
  }
  if (targetOf(o) === targetOf(x) || o.topic === x.topic) {
    return 'same target';
  }
  const dx = deciderOf(x.topic);
  const dO = deciderOf(o.topic);
  if (!dx || !dO) {
    return 'no decider';
  }
  if (sameWar(x, o)) {
    return 'same war';
  }
  // A step of a state outside the alliance (Russia, the United States) beside one of the alliance,
  // or of two such states: each has its own reason the other's does not share.
  const outside = dx !== dO && (!ALLIANCE.has(dx) || !ALLIANCE.has(dO));
  // Two alliance steps in opposite directions (ties deepening, ties cooling) in eras that do not meet.
  const xe = stepEras(idx, x);
  const oe = stepEras(idx, o);
  const contrary =
    ALLIANCE.has(dx) &&
    ALLIANCE.has(dO) &&
    direction(x.topic) * direction(o.topic) === -1 &&
    known(xe) &&
    known(oe) &&
    !xe.some((e) => oe.includes(e));
  if (!outside && !contrary) {
    return 'same side, same direction or same time';
  }
  // Two topics about the bond as a whole are near-synonyms unless they run opposite ways in eras
  // that do not meet (the 2006 war drew the states closer; Gaza-war neutrality cooled them).
  if (RELATIONSHIP_TOPIC.test(x.topic) && RELATIONSHIP_TOPIC.test(o.topic) && !contrary) {
    return 'both about the bond as a whole';
  }
  if (sharedReasonWords(x, o).length > 0 || sharedReasonWords(o, x).length > 0) {
    return 'shares words with the reason';
  }
  return null;
};

const label = (o: Explanation): string =>
  fixAssad(capitalise(stripFinalPeriod(o.topic)), erasOf(o));

/** Steps that can be wrong options for `x`, nearest in length first, one per topic. */
const contrastCandidates = (
  idx: KbIndex,
  x: Explanation,
  salt: string,
  ok: (o: Explanation) => boolean,
  shown: (o: Explanation) => string,
  stemText: (o: Explanation) => string,
): Explanation[] => {
  const rng = contentRng(`${salt}:${x.id}`);
  const seen = new Set<string>();
  // Words the stem and the key share ("Syria", "Iran"): a wrong option that has them too keeps
  // the key from being the only option that echoes the stem (A6's clang).
  const echo = new Set(
    contentTokens(stemText(x)).filter((t) => contentTokens(shown(x)).includes(t)),
  );
  return idx.kb.explanations
    .filter((o) => contrastFault(idx, x, o) === null && ok(o))
    .map((o) => ({
      o,
      d:
        Math.abs(shown(o).length - shown(x).length) +
        rng.next() * 40 -
        (contentTokens(shown(o)).some((t) => echo.has(t)) ? 50 : 0),
    }))
    .sort((a, b) => a.d - b.d)
    .map((c) => c.o)
    .filter((o) => {
      const k = `${o.topic}|${o.answer}`;
      if (seen.has(o.topic) || seen.has(o.answer) || seen.has(k)) {
        return false;
      }
      seen.add(o.topic);
      seen.add(o.answer);
      return true;
    });
};

/** No two wrong options about the same step, nor two sharing a word (one would explain the other). */
const pickApart = (cands: Explanation[], n: number, text: (o: Explanation) => string) => {
  const out: Explanation[] = [];
  for (const c of cands) {
    if (out.length >= n) {
      break;
    }
    const words = ownWords(text(c));
    if (!out.some((o) => [...ownWords(text(o))].some((t) => words.has(t)))) {
      out.push(c);
    }
  }
  return out;
};

/**
 * Alternative option sets, tried in order until one passes the gate (a length cue, C5, on the
 * first): three wrong options where the KB has them, else two.
 */
const variants = (cands: Explanation[], text: (o: Explanation) => string): Explanation[][] => {
  const seen = new Set<string>();
  return [0, 1, 2, 3]
    .map((skip) => pickApart(cands.slice(skip), 3, text))
    .filter((c) => {
      const k = c.map((o) => o.id).join('|');
      if (c.length < 2 || seen.has(k)) {
        return false;
      }
      seen.add(k);
      return true;
    });
};

const features = (n: number) => ({ similarity: 0.5, joins: 2, salience: 0.5, optionCount: n });

/**
 * "According to Wikipedia, which of these had this aim: to find a new counterweight to Israel and
 * Iraq, Syria's regional foes?" Options are steps; the wrong ones are steps of Russia or the United
 * States, or alliance steps the other way, each with the reason its own source gives.
 */
export const explainStepTemplate: Template = {
  id: 'explain-step',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    return idx.kb.explanations
      .filter(
        (x) =>
          WHY_KINDS.has(x.kind) &&
          usableAnswer(x) &&
          selfContained(x) &&
          // The stem shows the reason without its topic: no "its"/"their" pointing into it.
          !/\b(its|their)\b|^for\b/i.test(x.answer) &&
          !GENERIC_REASON.test(x.answer) &&
          // "the IRGC's actions in Syria and Iraq" could be read as the reason for many steps.
          ownWords(x.answer).size >= 4 &&
          x.status !== 'DISPUTED',
      )
      .map((x) => {
        const keyWords = ownWords(x.topic);
        const cands = contrastCandidates(
          idx,
          x,
          'step',
          (o) =>
            !/(?<!al-)\bAssad\b/.test(label(o)) &&
            !/\bnot\b/.test(o.topic) &&
            // No wrong step sharing a word with the key step: the odd one out would be the key.
            ![...ownWords(o.topic)].some((t) => keyWords.has(t)),
          (o) => o.topic,
          (o) => o.answer,
        );
        const factIds = [explanationFactId(x.id)];
        const reason = fixAssad(stripFinalPeriod(x.answer), erasOf(x));
        // "had this aim: to …" reads; "had this aim: Syria was a corridor …" does not.
        const ask =
          x.kind === 'PURPOSE' && /^to\b/i.test(x.answer)
            ? 'had this aim'
            : x.kind === 'PURPOSE'
              ? 'does this aim explain'
              : 'happened for this reason';
        const build = (chosen: Explanation[]): Draft =>
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'explain-step',
            version: 1,
            stem: `According to ${sourcePhrase(x.accordingTo)}, which of these ${ask}: ${lowerCommon(idx, reason)}?`,
            prompt: {
              options: [x, ...chosen].map((o) => ({ id: optId('what-', o.id), label: label(o) })),
            },
            key: {
              optionIds: [optId('what-', x.id)],
              rationales: [
                rationale(idx, optId('what-', x.id), true, keyLine(x), factIds),
                ...chosen.map((o) =>
                  rationale(
                    idx,
                    optId('what-', o.id),
                    false,
                    fixAssad(
                      `According to ${sourcePhrase(o.accordingTo)}, the ${o.kind === 'PURPOSE' ? 'aim' : 'reason'} behind this step was another: ${lowerFirst(stripFinalPeriod(o.answer))}.`,
                      erasOf(o),
                    ),
                    [explanationFactId(o.id)],
                  ),
                ),
              ],
            },
            ...explanationKeyed(idx, x, factIds),
            features: features(chosen.length + 1),
          });
        return variants(cands, (o) => o.topic).map(build);
      })
      .filter((g) => g.length > 0);
  },
  requery: (q, idx) => {
    const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
    if (!x) {
      return { ok: false, reason: 'no explanation' };
    }
    // Any option whose record gives the same reason for its step would be right too.
    const key = optionIds(q).filter((id) => {
      const o = idx.kb.explanations.find((e) => optId('what-', e.id) === id);
      return o !== undefined && (o.topic === x.topic || o.answer === x.answer);
    });
    return { ok: true, key };
  },
};

/**
 * "Iran stepped up its intervention in Syria about four years into the war. According to IranWire,
 * why?" The wrong options are reasons the sources give for Russia's or the United States' steps, or
 * for an alliance step the other way; none shares a word with the key.
 */
export const whyContrastTemplate: Template = {
  id: 'why-contrast',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    return idx.kb.explanations
      .filter((x) => WHY_KINDS.has(x.kind) && usableAnswer(x) && x.status !== 'DISPUTED')
      .map((x) => {
        const answer = (o: Explanation) =>
          fixAssad(capitalise(stripFinalPeriod(o.answer)), erasOf(o));
        // "To …" against "Their …" would give the key away by its grammar.
        const infinitive = (o: Explanation) => /^to\b/i.test(o.answer);
        const cands = contrastCandidates(
          idx,
          x,
          'whyc',
          (o) =>
            usableAnswer(o) &&
            selfContained(o) &&
            infinitive(o) === infinitive(x) &&
            !GENERIC_REASON.test(o.answer) &&
            // Iran's standing aims could lie behind any Iranian or Syrian step (audit 4, item 67).
            !(ALLIANCE.has(deciderOf(x.topic) ?? '') && GRAND_MOTIVE.test(o.answer)) &&
            // Syria's wish to normalise with "the West" may bear on a Western state's own step.
            !(WESTERN.has(deciderOf(x.topic) ?? '') && /\bWest(ern)?\b/.test(o.answer)) &&
            // A reason of three words or fewer ("the IRGC's actions in Syria and Iraq") fits too much.
            ownWords(o.answer).size >= 4 &&
            !/(?<!al-)\bAssad\b/.test(answer(o)) &&
            ![...ownWords(o.answer)].some((t) => ownWords(x.topic).has(t)),
          (o) => o.answer,
          (o) => o.topic,
        );
        const factIds = [explanationFactId(x.id)];
        const stem = fixAssad(
          `${capitalise(stripFinalPeriod(x.topic))}. According to ${whySource(x)}, why?`,
          erasOf(x),
        );
        const build = (chosen: Explanation[]): Draft =>
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'why-contrast',
            version: 1,
            stem,
            prompt: {
              options: [x, ...chosen].map((o) => ({ id: optId('why-', o.id), label: answer(o) })),
            },
            key: {
              optionIds: [optId('why-', x.id)],
              rationales: [
                rationale(idx, optId('why-', x.id), true, keyLine(x), factIds),
                ...chosen.map((o) =>
                  rationale(
                    idx,
                    optId('why-', o.id),
                    false,
                    fixAssad(
                      `According to ${sourcePhrase(o.accordingTo)}, this was the ${o.kind === 'PURPOSE' ? 'aim' : 'reason'} when ${lowerFirst(stripFinalPeriod(o.topic))}, a different step.`,
                      erasOf(o),
                    ),
                    [explanationFactId(o.id)],
                  ),
                ),
              ],
            },
            ...explanationKeyed(idx, x, factIds),
            features: features(chosen.length + 1),
          });
        return variants(cands, (o) => o.answer).map(build);
      })
      .filter((g) => g.length > 0);
  },
  requery: (q, idx) => {
    const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
    if (!x) {
      return { ok: false, reason: 'no explanation' };
    }
    // Every option that is a reason some record gives for this same step is right.
    const key = optionIds(q).filter((id) => {
      const o = idx.kb.explanations.find((e) => optId('why-', e.id) === id);
      return o !== undefined && (o.topic === x.topic || targetOf(o) === targetOf(x));
    });
    return { ok: true, key };
  },
};

/**
 * "What part did X play in event E?" (issue 11, roles). Open world, "X did not do Y" is rarely
 * provable; within one event it is, where the curator has said so: an event with a `roleSetting`
 * lists each participant's `part` (an act: "sold weapons to Iran"), and its parts exclude one
 * another except the declared `overlapsWith` pairs (Syria "helped the IRGC found Hezbollah", so the
 * IRGC's "set up and trained Hezbollah" is never a wrong option for Syria). The key is the
 * asked participant's own part; each wrong option is another participant's part in the same event,
 * its feedback saying whose it was, cited by the passages naming that participant.
 *
 * Refused: a participant whose part the setting already gives away (`statedBySetting`, or a
 * distinctive word of the part in the setting), or named in the setting; a wrong option naming the
 * asked participant ("isolated Syria" for Syria); disputed events; fewer than two wrong options
 * the setting does not give away (one live rival is a true/false in disguise).
 */
import { createHash } from 'node:crypto';
import type { Event } from '@quiz/prisma/knowledge';
import { citationPublisher, nameInText, uniq } from '../describe';
import { eventFactId, type KbIndex, maxSalience, salienceOf } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, contentTokens, listAnd } from '../text';
import type { Draft, Template } from '../types';
import { attributionFor, baseDraft, citeFacts, claimant, rationale } from './common';

export type Part = {
  actor: string;
  part: string;
  overlapsWith: readonly string[];
  statedBySetting: boolean;
};

/** The event's curated parts, or none when it has no role setting (the curator did not vouch for it). */
export const partsOf = (e: Event): Part[] =>
  e.roleSetting === undefined
    ? []
    : e.participants.flatMap((p) =>
        p.part === undefined
          ? []
          : [
              {
                actor: p.actor,
                part: p.part,
                overlapsWith: p.overlapsWith ?? [],
                statedBySetting: p.statedBySetting === true,
              },
            ],
      );

/** Word forms an actor goes by, each also matching a suffix ("Israel" in "Israeli", "America" in "American"). */
const namePattern = (idx: KbIndex, slug: string): RegExp | null => {
  const a = idx.actors.get(slug);
  if (!a) {
    return null;
  }
  const forms = uniq([a.name, a.shortName, ...a.aliases].filter((n): n is string => Boolean(n)))
    .map((n) => n.replace(/^the /i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .filter((n) => n.length >= 2);
  return forms.length === 0 ? null : new RegExp(`\\b(?:${forms.join('|')})\\w*`, 'i');
};

export const names = (idx: KbIndex, slug: string, text: string): boolean =>
  namePattern(idx, slug)?.test(text) ?? false;

/** Four-letter stems of a text's content words, so "invaded" meets "invasion" (conservative: more giveaways, fewer items). */
const stems = (text: string, skip: (word: string) => boolean = () => false): Set<string> =>
  new Set(
    contentTokens(text)
      .filter((t) => !skip(t))
      .map((t) => t.slice(0, 4)),
  );

/**
 * Whether the setting gives this part away: declared so, or a distinctive word of the part (names
 * of the event's participants aside) stands in the setting ("the Israeli invasion" and "was the
 * country invaded").
 */
export const givenBySetting = (idx: KbIndex, e: Event, p: Part): boolean => {
  if (p.statedBySetting) {
    return true;
  }
  const isName = (w: string) => e.participants.some((q) => names(idx, q.actor, w));
  const settingWords = stems(e.roleSetting ?? '');
  return [...stems(p.part, isName)].some((w) => settingWords.has(w));
};

const overlap = (a: Part, b: Part): boolean =>
  a.overlapsWith.includes(b.actor) || b.overlapsWith.includes(a.actor);

/** The event's passages naming this actor (any of its names), else all of them. */
const passagesNaming = (idx: KbIndex, e: Event, slug: string): string[] => {
  const own = e.citations.filter((c) => names(idx, slug, idx.citations.get(c)?.quote ?? ''));
  return own.length > 0 ? own : e.citations;
};

/** Who the stem and feedback say it is according to: the claimant, or the passages' publishers. */
const accordingTo = (idx: KbIndex, e: Event, citationIds: readonly string[]): string | null => {
  const fact = idx.facts.get(eventFactId(e.slug));
  const attribution = attributionFor(fact);
  if (attribution === null || !fact) {
    return null;
  }
  if (fact.status !== 'FACT' && fact.claimedBy) {
    return claimant(idx, fact.claimedBy);
  }
  const pubs = uniq(citationIds.map((c) => citationPublisher(idx, c)));
  return pubs.length === 0 ? null : listAnd(pubs);
};

/** Whether the event is a party's claim or report (its feedback then says whose). */
const claimed = (idx: KbIndex, e: Event): boolean =>
  idx.facts.get(eventFactId(e.slug))?.status !== 'FACT';

const optionId = (e: Event, p: Part): string =>
  `part-${createHash('sha256').update(`${e.slug}:${p.part}`).digest('hex').slice(0, 12)}`;

/** What an item needs: the key's part and its fair wrong options, or the reason there is none. */
export type RolePlan =
  | { ok: true; key: Part; wrongs: Part[] }
  | { ok: false; reason: 'giveaway' | 'named-in-setting' | 'too-few-wrong' | 'too-few-live' };

export const planFor = (idx: KbIndex, e: Event, asked: Part): RolePlan => {
  if (givenBySetting(idx, e, asked)) {
    return { ok: false, reason: 'giveaway' };
  }
  if (names(idx, asked.actor, e.roleSetting ?? '')) {
    return { ok: false, reason: 'named-in-setting' };
  }
  const norm = (t: string) => t.trim().toLowerCase();
  const wrongs = partsOf(e).filter(
    (o) =>
      o.actor !== asked.actor &&
      !overlap(asked, o) &&
      norm(o.part) !== norm(asked.part) &&
      !names(idx, asked.actor, o.part),
  );
  if (wrongs.length < 2) {
    return { ok: false, reason: 'too-few-wrong' };
  }
  // At least two live wrong options: one the setting gives away ("attacked Iran" in the Iran–Iraq
  // War) is filler, and an item with one live rival is a true/false in disguise. Live means not
  // declared given by the setting: a shared word ("invasion") does not tell whose part it was.
  if (wrongs.filter((o) => !o.statedBySetting).length < 2) {
    return { ok: false, reason: 'too-few-live' };
  }
  return { ok: true, key: asked, wrongs };
};

/**
 * Wrong-option sets to try in order (the gate keeps the first that passes): up to three, the parts
 * the setting does not give away first; then each pair of those.
 */
const wrongSets = (e: Event, wrongs: Part[]): Part[][] => {
  const rng = contentRng(`event-role:${e.slug}`);
  const shuffled = wrongs
    .map((w) => ({ w, r: rng.next() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.w);
  const live = shuffled.filter((w) => !w.statedBySetting);
  const stated = shuffled.filter((w) => w.statedBySetting);
  const ordered = [...live, ...stated];
  const sets: Part[][] = [ordered.slice(0, 3)];
  for (let i = 0; i < ordered.length; i += 1) {
    for (let j = i + 1; j < ordered.length; j += 1) {
      const pair = [ordered[i], ordered[j]] as Part[];
      if (pair.every((w) => !w.statedBySetting)) {
        sets.push(pair);
      }
    }
  }
  return sets;
};

const draftFor = (idx: KbIndex, e: Event, key: Part, wrongs: Part[]): Draft | null => {
  const keyCites = passagesNaming(idx, e, key.actor);
  const source = accordingTo(idx, e, keyCites);
  if (source === null) {
    return null;
  }
  const fact = eventFactId(e.slug);
  // The validator has every setting open with a preposition ("During", "In"), so it reads mid-sentence.
  const setting = (e.roleSetting ?? '').replace(/^[A-Z]/, (c) => c.toLowerCase());
  const name = nameInText(idx, key.actor);
  const options = [key, ...wrongs].map((p) => ({ id: optionId(e, p), label: capitalise(p.part) }));
  const rationales = [
    {
      ...rationale(
        idx,
        optionId(e, key),
        true,
        `According to ${source}, ${name} ${key.part} ${setting}.`,
        [fact],
      ),
      citationIds: keyCites,
    },
    ...wrongs.map((w) => {
      const cites = passagesNaming(idx, e, w.actor);
      const other = nameInText(idx, w.actor);
      // A claim says whose it is; a FACT event's feedback names no outlet, since a passage naming
      // the party need not be the one stating its part (the IDF snippet names Iran, not the attack).
      const says = claimed(idx, e) ? `according to ${source}, ` : '';
      return {
        ...rationale(idx, optionId(e, w), false, `That was ${other}: ${says}${other} ${w.part}.`, [
          fact,
        ]),
        citationIds: cites,
      };
    }),
  ];
  return baseDraft({
    type: 'SINGLE_CHOICE',
    template: 'event-role',
    version: 1,
    // Audit 30 (item 4) and 31 (item 5): "what part did Saudi Arabia play during the war?" keyed
    // "Isolated Syria" asked for a part in the war and answered with a stand toward Syria.
    stem: `According to ${source}, which of these is true of ${name} ${setting}?`,
    prompt: { options },
    key: { optionIds: [optionId(e, key)], rationales },
    explanation: `${capitalise(name)} ${key.part} ${setting}. ${e.summary}`,
    citationIds: uniq([...keyCites, ...citeFacts(idx, [fact])]),
    factIds: [fact],
    slots: [`actor:${key.actor}`],
    eraSlug: e.era,
    themes: e.themes,
    actorSlugs: [key.actor, ...wrongs.map((w) => w.actor)],
    features: {
      similarity: 0.6,
      joins: 1,
      salience: salienceOf(idx, key.actor) / maxSalience(idx),
      optionCount: options.length,
    },
  });
};

export const eventRoleTemplate: Template = {
  id: 'event-role',
  version: 1,
  type: 'SINGLE_CHOICE',
  // The setting carries the event's date or span.
  timeVarying: false,
  generate: (idx) => {
    const out: Draft[][] = [];
    for (const e of idx.kb.events) {
      for (const asked of partsOf(e)) {
        const plan = planFor(idx, e, asked);
        if (!plan.ok) {
          continue;
        }
        const drafts = wrongSets(e, plan.wrongs)
          .map((ws) => draftFor(idx, e, plan.key, ws))
          .filter((d): d is Draft => d !== null);
        if (drafts.length > 0) {
          out.push(drafts);
        }
      }
    }
    return out;
  },
  requery: (q, idx) => {
    // Independent path: the event from the key fact, the asked participant from the stem's
    // "which of these is true of X during/in …", and the key as the option reading as that
    // participant's part.
    const e = idx.kb.events.find((x) => eventFactId(x.slug) === q.factIds[0]);
    const m = /which of these is true of (.+?) (?:during|in) /.exec(q.stem);
    if (!e || !m) {
      return { ok: false, reason: 'no event or no asked participant' };
    }
    const asked = e.participants.filter(
      (p) => p.part !== undefined && nameInText(idx, p.actor).toLowerCase() === m[1]?.toLowerCase(),
    );
    if (asked.length !== 1) {
      return { ok: false, reason: `asked participant "${m[1]}" not found once` };
    }
    const part = (asked[0]?.part ?? '').toLowerCase();
    return {
      ok: true,
      key: (q.prompt.options ?? []).filter((o) => o.label.toLowerCase() === part).map((o) => o.id),
    };
  },
};

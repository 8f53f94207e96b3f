/**
 * Who an actor was (issue 11, actor identification): the question a history teacher asks first
 * ("Who was Mohsen Chizari?", "What was the Fatemiyoun Brigade?"). Both families read the actor's
 * `role` line (actors.json): one short line in our own words, cited, whose `anchors` (a date, a
 * place, a counterpart, an office) make it true of that actor only.
 *
 * - `actor-who` (SHORT_ANSWER): the line is the clue, the actor's name is typed. The line never
 *   names the actor; the grader accepts every KB name of it.
 * - `actor-role` (SINGLE_CHOICE): the name is in the stem, the options are the role lines of four
 *   actors of one group (Iranian officials, Syrian officials, other states' officials, armed
 *   groups), so the stem rules none out; each wrong line is what *is* true of another actor.
 *
 * A line is asked only if no other actor of the same kind fits its anchors (`othersFitting`), and
 * only of actors that act in the history, not of the outlets, think tanks and authors that are
 * there as sources (`mattersToHistory`).
 */
import type { Actor, ActorRole } from '@quiz/prisma/knowledge';
import { collidingRejects } from '../../short-answer';
import { actorFactId, actorLabel, type KbIndex } from '../kb-index';
import { contentRng, shuffle } from '../rng';
import { capitalise, containsPhrase, lowerFirst, normalise } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, optionIds, rationale } from './common';
import {
  acceptedNames,
  confusable,
  fixAssad,
  HINT,
  nameForms,
  QUIZ_SUBJECTS,
} from './understanding-templates';

/** Organisations that are in the KB only as the place a claim was published. */
const SOURCE_ORG_TYPES = new Set(['MEDIA', 'RESEARCH']);

/** A person in the KB as an analyst or author, not as an actor in the history. */
const COMMENTATOR = /^(Author|Analyst|Researcher|[A-Z][a-z]+ researcher)\b/;

/** How an anchor is looked up: lower case, no diacritics, straight apostrophes. */
const plain = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase();

/**
 * Whether an actor plays a part in Iran–Syria relations: it takes part in an event, a relation, a
 * stance or a quote, or holds an office; and it is neither one of the quiz's two states (which the
 * topic gives away) nor an outlet, think tank or author ("bookkeeping", audits 5 and 13).
 */
export const mattersToHistory = (idx: KbIndex, slug: string): boolean => {
  const a = idx.actors.get(slug);
  if (!a || QUIZ_SUBJECTS.has(slug)) {
    return false;
  }
  if (a.kind === 'ORGANISATION' && a.orgType && SOURCE_ORG_TYPES.has(a.orgType)) {
    return false;
  }
  const names = [a.name, a.shortName, ...a.aliases].filter((n): n is string => Boolean(n));
  const authors = idx.kb.sources.flatMap((s) => [s.author ?? '', s.publisher]);
  if (names.some((n) => authors.some((au) => au && normalise(au) === normalise(n)))) {
    return false;
  }
  if (a.kind === 'PERSON' && COMMENTATOR.test(a.description)) {
    return false;
  }
  return (
    a.offices.length > 0 ||
    idx.kb.events.some((e) => e.participants.some((p) => p.actor === slug)) ||
    idx.kb.relations.some((r) => r.subject === slug || r.object === slug) ||
    idx.kb.stances.some((s) => s.actor === slug) ||
    idx.kb.quotes.some((q) => q.speaker === slug)
  );
};

/** Whether a text names an actor by any of its names ("Zahedi", "the IRGC"). */
export const namesActor = (idx: KbIndex, text: string, slug: string): boolean => {
  const a = idx.actors.get(slug);
  if (!a) {
    return false;
  }
  if (nameForms(idx, slug).some((f) => containsPhrase(text, f))) {
    return true;
  }
  // "Pakistani" gives Pakistan away as surely as its name does.
  return a.kind === 'STATE' && plain(text).includes(plain(a.name).slice(0, 5));
};

/** The sentences and clauses of a text. */
const clauses = (text: string): string[] =>
  text
    .split(/(?<=[.;])\s+|\s+[—–]\s+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * Other actors of the same kind whose own record fits every anchor of the line: their role line
 * and description, leaving out any clause that names the asked actor (there it is the asked actor
 * that is described, as Khamis in Jahangiri's record). Non-empty means the clue is not unique.
 */
export const othersFitting = (idx: KbIndex, slug: string, anchors: readonly string[]): string[] => {
  const a = idx.actors.get(slug);
  if (!a || anchors.length === 0) {
    return [];
  }
  return idx.kb.actors
    .filter((o) => o.slug !== slug && o.kind === a.kind)
    .filter((o) => {
      const own = [...(o.role ? [o.role.text] : []), ...clauses(o.description)]
        .filter((c) => !namesActor(idx, c, slug))
        .map(plain)
        .join(' \n ');
      return anchors.every((x) => own.includes(plain(x)));
    })
    .map((o) => o.slug);
};

/** Why a role line cannot be asked, or null when it can. */
export const roleFault = (idx: KbIndex, a: Actor): string | null => {
  const role = a.role;
  if (!role) {
    return 'no role line';
  }
  if (!mattersToHistory(idx, a.slug)) {
    return 'not an actor in the history';
  }
  if (namesActor(idx, role.text, a.slug)) {
    return 'the line names the actor';
  }
  const passages = plain(role.citations.map((c) => idx.citations.get(c)?.quote ?? '').join(' '));
  const missing = role.anchors.filter(
    (x) => !plain(role.text).includes(plain(x)) || !passages.includes(plain(x)),
  );
  if (missing.length > 0) {
    return `anchors not in the line and its passages: ${missing.join(', ')}`;
  }
  const others = othersFitting(idx, a.slug, role.anchors);
  return others.length > 0 ? `the clue also fits ${others.join(', ')}` : null;
};

/** Actors whose role line may be asked by `form` (or shown as another actor's wrong option). */
const askable = (idx: KbIndex, form?: ActorRole['ask'][number]): Actor[] =>
  idx.kb.actors.filter(
    (a) => a.role && (!form || a.role.ask.includes(form)) && roleFault(idx, a) === null,
  );

/**
 * The line as shown: a bare "Assad" made "Bashar al-Assad" or "Hafez al-Assad" by the era the
 * actor's dated records fall in (B6), else left for the gate to block.
 */
export const roleLine = (idx: KbIndex, a: Actor): string => {
  const era = idx.facts.get(actorFactId(a.slug))?.era;
  return fixAssad(a.role?.text ?? '', era ? [era] : []);
};

/**
 * An actor named in running text: a person in full, an organisation by its full name with "the"
 * unless it is one word ("the Fatemiyoun Brigade", "the Islamic State", "Hezbollah"), a state by
 * its label.
 */
/**
 * Organisations named like a brand or in Arabic take no article (audit 30, item 65: "The Iran Air
 * was …"); the rest are "the Quds Force", "the Arab League".
 */
const BARE_NAME =
  /^(?:Iran Air|Iran International|Responsible Statecraft|Al[ -]|Asharq |Sout |Jabhat )/;

export const actorInText = (idx: KbIndex, a: Actor): string => {
  if (a.kind !== 'ORGANISATION') {
    return actorLabel(idx, a.slug);
  }
  return /^the /i.test(a.name) || !/\s/.test(a.name) || BARE_NAME.test(a.name)
    ? a.name
    : `the ${a.name}`;
};

const roleSentence = (idx: KbIndex, a: Actor): string =>
  `${capitalise(actorInText(idx, a))} was ${lowerFirst(roleLine(idx, a))}.`;

/** Feedback cites the passages that carry the line, not every passage of the actor's record. */
const roleRationale = (idx: KbIndex, ref: string, correct: boolean, text: string, a: Actor) => ({
  ...rationale(idx, ref, correct, text, [actorFactId(a.slug)]),
  citationIds: (a.role?.citations ?? []).filter((c) => idx.citations.has(c)),
});

const features = (idx: KbIndex, slug: string, optionCount: number): Draft['features'] => ({
  similarity: 0.6,
  joins: 1,
  salience: Math.min(1, (idx.salience.get(slug) ?? 0) / 10),
  optionCount,
});

/** The clue as the stem gives it: "… describe as the one whose …", not "as the state whose …". */
const clue = (idx: KbIndex, a: Actor): string =>
  lowerFirst(roleLine(idx, a)).replace(/^the state /, 'the one ');

const whoStem = (idx: KbIndex, a: Actor): string => {
  const text = clue(idx, a);
  return a.kind === 'PERSON'
    ? `Who do the sources describe as ${text}? Type the name.`
    : `Which ${a.kind === 'STATE' ? 'state' : 'organisation'} do the sources describe as ${text}? Type the name.`;
};

/** Typed answer: "Which organisation do the sources describe as a brigade of Afghan Shias …?" */
export const actorWhoTemplate: Template = {
  id: 'actor-who',
  version: 1,
  type: 'SHORT_ANSWER',
  timeVarying: false,
  generate: (idx) =>
    askable(idx, 'who').flatMap((a) => {
      const fid = actorFactId(a.slug);
      const answers = acceptedNames(idx, a.slug);
      const rejects = confusable(idx, a.slug, answers);
      // Another actor's name within the typo budget (Khomeini for Khamenei) cannot be graded
      // fairly: a student's slip and the wrong person read alike. The editor refuses such a
      // near miss, so the generator does not type it either; actor-role may still ask.
      if (collidingRejects(answers, rejects).length > 0) {
        return [];
      }
      const line = roleSentence(idx, a);
      return [
        [
          baseDraft({
            type: 'SHORT_ANSWER',
            template: 'actor-who',
            version: 1,
            stem: whoStem(idx, a),
            prompt: { answerHint: HINT[a.kind] ?? 'a name' },
            key: {
              answers,
              ...(rejects.length > 0 ? { rejects } : {}),
              rationales: [roleRationale(idx, 'answer', true, line, a)],
            },
            explanation: line,
            citationIds: citeFacts(idx, [fid]),
            factIds: [fid],
            eraSlug: idx.facts.get(fid)?.era ?? null,
            actorSlugs: [a.slug],
            ordering: 'fixed',
            features: features(idx, a.slug, 0),
          }),
        ],
      ];
    }),
  requery: (q, idx) => {
    // From the stem alone: the one actor whose role line it quotes, and that line fits no other.
    const hits = idx.kb.actors.filter(
      (a) => a.role?.ask.includes('who') && q.stem.includes(` ${clue(idx, a)}?`),
    );
    const [a] = hits;
    if (hits.length !== 1 || !a?.role) {
      return { ok: false, reason: `${hits.length} actors fit the clue` };
    }
    return othersFitting(idx, a.slug, a.role.anchors).length === 0
      ? { ok: true, key: [actorLabel(idx, a.slug)] }
      : { ok: false, reason: 'the clue fits several actors' };
  },
};

const roleOptionId = (slug: string): string => `role-${slug}`.slice(0, 64);

/**
 * Wrong lines for `a`: other actors of its group whose line fits only them, names no form of `a`
 * and cites none of `a`'s passages (Jahangiri's line is never a wrong option for Khamis: one
 * passage, one signing, and the stem's name would be the only thing between them).
 */
const roleRivals = (idx: KbIndex, a: Actor, pool: readonly Actor[]): Actor[] => {
  const own = new Set(a.role?.citations ?? []);
  return pool.filter(
    (o) =>
      o.slug !== a.slug &&
      o.role?.group === a.role?.group &&
      !namesActor(idx, o.role?.text ?? '', a.slug) &&
      !namesActor(idx, a.role?.text ?? '', o.slug) &&
      !(o.role?.citations ?? []).some((c) => own.has(c)),
  );
};

/** Up to three sets of three rivals, seeded by the actor, lines of comparable length first. */
const rivalSets = (a: Actor, rivals: readonly Actor[]): Actor[][] => {
  const rng = contentRng(`actor-role:${a.slug}`);
  const len = (x: Actor): number => x.role?.text.length ?? 0;
  const shuffled = shuffle(rivals, rng);
  const near = shuffled.filter((r) => Math.abs(len(r) - len(a)) <= 0.35 * len(a));
  const rest = shuffled.filter((r) => !near.includes(r));
  const ordered = [...near, ...rest];
  const sets: Actor[][] = [];
  for (let i = 0; i + 3 <= ordered.length && sets.length < 3; i += 3) {
    sets.push(ordered.slice(i, i + 3));
  }
  return sets;
};

/** The nationality a role line opens with ("The German chancellor …"), if any. */
const DEMONYM =
  /^The (US|American|German|Israeli|Russian|Turkish|Jordanian|Iraqi|Lebanese|Saudi|Emirati|Qatari|British|French|Iranian|Syrian|Afghan|Pakistani)\b/;
const demonymOf = (a: Actor): string | null => DEMONYM.exec(a.role?.text ?? '')?.[1] ?? null;

/**
 * A set of rivals in which the key alone is of its nationality is answered by knowing where the
 * person is from: "Who was Olaf Scholz?" with the one German line among US and Israeli ones
 * (audit 37, item 39). Such a set is dropped unless a rival shares the key's nationality.
 */
const sharesNationality = (a: Actor, others: readonly Actor[]): boolean => {
  const own = demonymOf(a);
  return own === null || others.some((o) => demonymOf(o) === own);
};

/** "Who was Mohsen Chizari, according to the sources?" with four role lines. */
export const actorRoleTemplate: Template = {
  id: 'actor-role',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) => {
    // A line too well known to ask (Putin's, Hamas's: `ask: []`) is too well known to be a wrong
    // option too: "the Russian president" was ruled out at sight for a US or Israeli official
    // (audit 26).
    const pool = askable(idx).filter((a) => (a.role?.ask.length ?? 0) > 0);
    return askable(idx, 'role').flatMap((a) => {
      const fid = actorFactId(a.slug);
      const stem =
        a.kind === 'PERSON'
          ? `Who was ${actorLabel(idx, a.slug)}, according to the sources?`
          : `What was ${actorInText(idx, a)}, according to the sources?`;
      const line = roleSentence(idx, a);
      const drafts = rivalSets(a, roleRivals(idx, a, pool))
        .filter((others) => sharesNationality(a, others))
        .map((others) =>
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'actor-role',
            version: 1,
            stem: capitalise(stem),
            prompt: {
              options: [a, ...others].map((x) => ({
                id: roleOptionId(x.slug),
                label: roleLine(idx, x),
              })),
            },
            key: {
              optionIds: [roleOptionId(a.slug)],
              rationales: [
                roleRationale(idx, roleOptionId(a.slug), true, line, a),
                ...others.map((o) =>
                  roleRationale(
                    idx,
                    roleOptionId(o.slug),
                    false,
                    `That was ${actorInText(idx, o)}: ${lowerFirst(roleLine(idx, o))}.`,
                    o,
                  ),
                ),
              ],
            },
            explanation: line,
            citationIds: citeFacts(idx, [fid]),
            factIds: [fid],
            eraSlug: idx.facts.get(fid)?.era ?? null,
            actorSlugs: [a.slug],
            features: features(idx, a.slug, others.length + 1),
          }),
        );
      return drafts.length > 0 ? [drafts] : [];
    });
  },
  requery: (q, idx) => {
    // The actor the stem names; the key is the option carrying that actor's own line, and every
    // other option must be a line whose anchors do not fit the asked actor.
    const named = idx.kb.actors.filter(
      (a) => a.role && q.stem.includes(`was ${actorInText(idx, a)},`),
    );
    const [a] = named;
    if (named.length !== 1 || !a?.role) {
      return { ok: false, reason: `${named.length} actors named in the stem` };
    }
    const options = q.prompt.options ?? [];
    const own = roleLine(idx, a);
    const key = options.filter((o) => o.label === own).map((o) => o.id);
    const wrongFits = options
      .filter((o) => o.label !== own)
      .some((o) => {
        const owner = idx.kb.actors.find((x) => x.role && roleLine(idx, x) === o.label);
        return !owner?.role || othersFitting(idx, owner.slug, owner.role.anchors).includes(a.slug);
      });
    if (wrongFits) {
      return { ok: false, reason: 'a wrong line also fits the asked actor' };
    }
    return key.length === 1 && optionIds(q).includes(key[0] as string)
      ? { ok: true, key }
      : { ok: false, reason: 'no option carries the actor’s line' };
  },
};

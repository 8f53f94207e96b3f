/**
 * Relation roles (issue 11, task "relations"): who did what to whom in one war, asked as a
 * select-all over statements. "Which of these happened during the Iran–Iraq War (1980–88)? Select
 * all that apply." Keys are the war's cited FACT relations stated as sentences ("Saudi Arabia
 * isolated Syria"); each wrong statement puts a party into a stance the KB proves it did not take
 * in that war (`refute` in stance.ts: the opposite relation in the same context, or a cited
 * exclusivity passage such as "the only Arab country that explicitly stood by Iran"), and its
 * feedback says what that party *did* do. Open world: a party the KB says nothing about is never
 * a wrong statement.
 */
import type { Event, Relation, RelationType } from '@quiz/prisma/knowledge';
import { duringEvent, firstSentence, nameInText } from '../describe';
import { actorLabel, type KbIndex, relationFactId } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { candidatesFor } from './choice-templates';
import { baseDraft, citeFacts, hasExactDates, rationale } from './common';
import {
  isExceptionGroup,
  refute as refuteText,
  type StanceGroup,
  stanceGroups,
  stanceVerb,
} from './stance';

/**
 * Relation kinds a true statement may state, in words a student reads as the act. KEPT_TIES is
 * left out: the sources record those states as exceptions to an isolation, not as keeping ties
 * (audit 3), and LED (a party ruling a state) is no act between two parties of the war.
 */
const SAID: Partial<Record<RelationType, string>> = {
  SIDED_WITH: 'sided with',
  ISOLATED: 'isolated',
  ATTACKED: 'attacked',
  ARMED: 'sold weapons to',
  TRAINED: 'trained',
  FUNDED: 'funded',
  SUPPORTED: 'supported',
  DEPLOYED_TO: 'deployed forces to',
};

/** Stance kinds whose refuted candidates make wrong statements (not KEPT_TIES: see SAID). */
const WRONG_KINDS = new Set<RelationType>(['SIDED_WITH', 'ISOLATED', 'SUPPORTED', 'ALLIED']);

export type RoleStatement = {
  id: string;
  label: string;
  correct: boolean;
  /** The relation kind stated, so one item can mix kinds. */
  kind: RelationType;
  text: string;
  factIds: string[];
};

const subjectName = (idx: KbIndex, slug: string): string => capitalise(nameInText(idx, slug));

/** Option ids a teacher's edit accepts (letters, digits, _ and -; question-input.ts), ≤ 64 chars. */
const roleId = (raw: string): string =>
  raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 64);

/** A cited FACT relation of the war as a sentence: "Saudi Arabia isolated Syria". */
const trueStatement = (idx: KbIndex, r: Relation): RoleStatement | null => {
  const verb = SAID[r.type];
  if (!verb || r.status !== 'FACT' || r.subject === r.object) {
    return null;
  }
  const line = stripFinalPeriod(firstSentence(r.summary));
  return {
    id: roleId(`role-t-${r.id}`),
    label: `${subjectName(idx, r.subject)} ${verb} ${nameInText(idx, r.object)}`,
    correct: true,
    kind: r.type,
    text: `${line}.`,
    factIds: [relationFactId(r.id)],
  };
};

/** Wrong statements of a stance group: each refuted candidate in that stance, with what is true of it. */
const wrongStatements = (idx: KbIndex, g: StanceGroup): RoleStatement[] => {
  if (!WRONG_KINDS.has(g.type) || isExceptionGroup(idx, g)) {
    return [];
  }
  const key = [...g.subjects.keys()].sort()[0];
  if (!key) {
    return [];
  }
  return candidatesFor(idx, g, key).flatMap((c) => {
    const r = refuteText(idx, g, c);
    return r
      ? [
          {
            id: roleId(`role-f-${g.type}-${c}-${g.object}`),
            label: `${subjectName(idx, c)} ${stanceVerb(g.type, false)} ${nameInText(idx, g.object)}`,
            correct: false,
            kind: g.type,
            text: r.text,
            factIds: r.factIds,
          },
        ]
      : [];
  });
};

/** The war's true and wrong statements, or null when the war has no exact dates to name it by. */
export const roleStatements = (
  idx: KbIndex,
  ctx: Event,
): { trues: RoleStatement[]; wrongs: RoleStatement[] } | null => {
  if (!hasExactDates(ctx)) {
    return null;
  }
  const trues = idx.kb.relations
    // The war's own attack is no test: a stem naming "the Iran–Iraq War" gives away "Saddam Hussein
    // attacked Iran" (audit 12).
    .filter((r) => r.context === ctx.slug && r.type !== 'ATTACKED')
    .map((r) => trueStatement(idx, r))
    .filter((s): s is RoleStatement => s !== null);
  const trueLabels = new Set(trues.map((t) => t.label));
  const wrongs = stanceGroups(idx)
    .filter((g) => g.context.slug === ctx.slug)
    .flatMap((g) => wrongStatements(idx, g))
    // A wrong statement that reads like a true one (a party in two stances) is never offered.
    .filter((w) => !trueLabels.has(w.label));
  return { trues, wrongs };
};

/** One wording per item of a war: the bank keeps no non-drill stem twice. */
const STEMS: ReadonlyArray<(during: string) => string> = [
  (d) => `Which of these happened ${d}? Select all that apply.`,
  (d) => `Who did what ${d}? Select every statement that is true.`,
  (d) => `Which of these describe what states and leaders did ${d}? Select all that apply.`,
];

/** Two true and two wrong statements per item; each statement in at most one item per war. */
const PER_ITEM_TRUE = 2;
const PER_ITEM_WRONG = 2;

export const relationRoleTemplate: Template = {
  id: 'relation-role',
  version: 1,
  type: 'MULTI_SELECT',
  timeVarying: true,
  generate: (idx) => {
    const out: Draft[][] = [];
    for (const ctx of idx.kb.events) {
      const st = roleStatements(idx, ctx);
      if (!st || st.trues.length < PER_ITEM_TRUE || st.wrongs.length < PER_ITEM_WRONG) {
        continue;
      }
      const rng = contentRng(`relation-role:${ctx.slug}`);
      const order = <T>(xs: T[]): T[] =>
        xs
          .map((x) => ({ x, r: rng.next() }))
          .sort((a, b) => a.r - b.r)
          .map((p) => p.x);
      const trues = order(st.trues);
      // One wrong statement per party: "Oman isolated Syria" and "Oman sided with Iran" never meet.
      const wrongs = order(st.wrongs);
      const during = duringEvent(idx, ctx);
      for (let i = 0; ; i += 1) {
        const ts = trues.slice(i * PER_ITEM_TRUE, (i + 1) * PER_ITEM_TRUE);
        const used = new Set<string>();
        const ws: RoleStatement[] = [];
        // Wrong statements of different kinds first ("sided with" and "isolated"): two of one kind
        // beside keys of the other let the wording pick the keys (audit 12: gate A6).
        const pool = wrongs.slice(i * PER_ITEM_WRONG * 2);
        for (const newKindOnly of [true, false]) {
          for (const w of pool) {
            const party = w.label.split(' ')[0] ?? '';
            if (
              ws.length < PER_ITEM_WRONG &&
              !used.has(party) &&
              ts.every((t) => !t.label.startsWith(`${party} `)) &&
              !(newKindOnly && ws.some((x) => x.kind === w.kind))
            ) {
              used.add(party);
              ws.push(w);
            }
          }
        }
        if (ts.length < PER_ITEM_TRUE || ws.length < PER_ITEM_WRONG) {
          break;
        }
        const all = [...ts, ...ws];
        const factIds = ts.flatMap((t) => t.factIds);
        out.push([
          baseDraft({
            type: 'MULTI_SELECT',
            template: 'relation-role',
            version: 1,
            stem: (STEMS[i % STEMS.length] as (d: string) => string)(during),
            prompt: {
              selectMany: true,
              options: all.map((s) => ({ id: s.id, label: s.label })),
            },
            key: {
              optionIds: ts.map((t) => t.id),
              rationales: all.map((s) => rationale(idx, s.id, s.correct, s.text, s.factIds)),
            },
            explanation: ts.map((t) => t.text).join(' '),
            citationIds: citeFacts(idx, [...factIds, ...ws.flatMap((w) => w.factIds)]),
            factIds,
            eraSlug: ctx.era,
            themes: ctx.themes,
            actorSlugs: [
              ...new Set(
                all.flatMap((s) =>
                  s.factIds.flatMap((f) => {
                    const r = idx.relations.get(f.replace(/^relation:/, ''));
                    return r ? [r.subject, r.object] : [];
                  }),
                ),
              ),
            ],
            features: { similarity: 0.7, joins: all.length, salience: 0.5, optionCount: 4 },
          }),
        ]);
      }
    }
    return out;
  },
  requery: (q, idx) => {
    // Independent path: an option is a key iff some FACT relation of the war, stated in SAID's
    // words with the actors' labels, reads exactly as the option.
    const first = idx.relations.get(q.factIds[0]?.replace(/^relation:/, '') ?? '');
    const ctx = first?.context;
    if (!ctx) {
      return { ok: false, reason: 'no context' };
    }
    const said = new Set(
      idx.kb.relations
        .filter((r) => r.context === ctx && r.status === 'FACT' && SAID[r.type])
        .map((r) =>
          `${actorLabel(idx, r.subject)} ${SAID[r.type]} ${actorLabel(idx, r.object)}`
            .replace(/^the /i, '')
            .toLowerCase(),
        ),
    );
    const norm = (s: string): string =>
      s.replace(/^the /i, '').replace(/ the /g, ' ').toLowerCase();
    const saidNorm = new Set([...said].map(norm));
    return {
      ok: true,
      key: (q.prompt.options ?? []).filter((o) => saidNorm.has(norm(o.label))).map((o) => o.id),
    };
  },
};

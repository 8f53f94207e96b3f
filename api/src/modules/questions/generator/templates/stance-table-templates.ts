/**
 * Who stood where, from a reviewed table (grow10, issue 11 positions). The bank asked 15 of the 50
 * stance records: `stance-match` finds no three actors on one filed issue whose positions exclude
 * one another (every issue has two camps), and `stance-position` needs two other-camp phrases
 * against the asked actor. A reader of the sources can still tell the parties apart where each
 * did something the others did not, so three families ask from a curated table, as claim-who and
 * why-rival do:
 *
 *  - `position-match` (MATCHING): "Match each party to its stance on <issue> in <era>": every pair
 *    is one stance record with its passages; no two targets in one item that a reader could swap
 *    (the era is in the stem, and every target says something of its own party only);
 *  - `position-multi` (MULTI_SELECT): "Which of these did <actor> do or say in <period>?": keys are
 *    the actor's own stances in the period; each wrong option is another party's act (its own
 *    record says whose) *and* is refuted for the asked actor by a cited record of the asked actor
 *    (the opposite stance in a window meeting it, an exclusivity passage, or a date outside the
 *    period): never merely "not mentioned";
 *  - `position-who` (SHORT_ANSWER): "Which state …?" where the cited passage names one state only.
 *
 * Left out on purpose, each a pair a reader could swap or an option a reader could defend:
 *  - Russia beside Hassan Nasrallah or the UAE on Syria's keeping out of the Gaza war ("urged
 *    Damascus to stay out" and "publicly defended its non-involvement" fit either; Russia and the
 *    UAE urged it together);
 *  - Turkey beside the United States on Bashar al-Assad (backing his opponents and saying his days
 *    were numbered fit either);
 *  - Lebanon, Algeria, Sudan and Oman in the Iran–Iraq War matching (each "did not isolate Syria",
 *    which is Libya's too);
 *  - "named Israel and the United States common threats" as Syria's wrong act in the 1980s (the
 *    allies coordinated against both from 1980; only the 2006 agreement is dated);
 *  - a second wrong option for Syria's keeping out of the Gaza war (Israel's warning also urged it
 *    to stay out; only Iran took the other side).
 */
import { createHash } from 'node:crypto';
import type { Stance } from '@quiz/prisma/knowledge';
import { actorLabel, type KbIndex, stanceFactId } from '../kb-index';
import { normalise } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, keyedExplanation, rationale } from './common';
import { acceptedNames, confusable, HINT } from './understanding-templates';

/** An id that does not spell out the stance behind it (an actor's name in an id gives the key away). */
const hid = (prefix: string, id: string): string =>
  `${prefix}${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;

export const targetId = (stance: string): string => hid('tgt-', stance);
/** Multi-select options are statements (gate C4 class `role-`). */
export const statementId = (stance: string): string => hid('role-', `position:${stance}`);

const stance = (idx: KbIndex, id: string): Stance => {
  const s = idx.stances.get(id);
  if (!s) {
    throw new Error(`no stance ${id}`);
  }
  return s;
};

const yearOf = (v: string | undefined): number | null => (v ? Number(v.slice(0, 4)) : null);

/** Whether a stance's window meets the years [from, to] (an open end meets everything that side). */
export const meetsPeriod = (s: Stance, from: number, to: number): boolean => {
  const lo = yearOf(s.from?.value) ?? Number.NEGATIVE_INFINITY;
  const hi = yearOf(s.to?.value) ?? Number.POSITIVE_INFINITY;
  return lo <= to && hi >= from;
};

/** A stance's own window lies inside the years [from, to] (its start is dated and in the period). */
export const insidePeriod = (s: Stance, from: number, to: number): boolean => {
  const lo = yearOf(s.from?.value);
  return lo !== null && lo >= from && lo <= to;
};

// ---------------------------------------------------------------------------------------------
// position-match
// ---------------------------------------------------------------------------------------------

export interface MatchPair {
  /** The stance record the pair rests on. */
  fact: string;
  /** The item: an actor slug (the stance's actor, or its `towardActor` when `by` says so). */
  actor: string;
  /** How the item is shown ("US senators and policymakers"); the actor's label by default. */
  label?: string;
  /** The target: what this party did or said, worded from its record alone. */
  target: string;
  /** Feedback for the pair: what the record says, with whose account it is. */
  says: string;
}

export interface MatchItem {
  stem: string;
  /** Items are the stances' actors, or (Syria's words about three states) their `towardActor`. */
  by: 'actor' | 'toward';
  eraSlug: string | null;
  pairs: readonly MatchPair[];
}

export const POSITION_MATCHES: readonly MatchItem[] = [
  {
    stem: 'According to Wikipedia and IranWire, what did each of these Arab states do during the Iran–Iraq War (1980–88)? Match each state to its stance.',
    by: 'actor',
    eraSlug: 'revolution-and-war',
    pairs: [
      {
        fact: 'syria-backs-iran-in-iran-iraq-war',
        actor: 'syria',
        target:
          "Sided with Iran, alone among Arab states in refusing to support Saddam Hussein's attack",
        says: "Syria sided with non-Arab Iran against Iraq; IranWire says it stood alone among Arab states in refusing to support Saddam Hussein's attack on Iran.",
      },
      {
        fact: 'saudi-arabia-isolates-syria-for-siding-with-iran',
        actor: 'saudi-arabia',
        target: 'Isolated Syria, with some other Arab countries, for siding with Iran',
        says: 'Wikipedia says Syria was isolated by Saudi Arabia and some of the Arab countries for siding with Iran.',
      },
      {
        fact: 'libya-plays-both-sides-in-iran-iraq-war',
        actor: 'libya',
        target: 'Sold weapons to Iran, yet kept its relations with Saddam Hussein',
        says: 'IranWire says Libya sold weapons to Iran during the war, yet kept its relations with Saddam Hussein and voted alongside Iraq in Arab League sessions.',
      },
    ],
  },
  {
    stem: "What did each of these states do about Bashar al-Assad's government during the Syrian civil war (2011–2024), according to the sources? Match each state to its stance.",
    by: 'actor',
    eraSlug: null,
    pairs: [
      {
        fact: 'iran-backs-assad-government-through-the-war',
        actor: 'iran',
        target:
          'Backed it politically, militarily and economically from the uprising of March 2011 to its fall',
        says: "Iran backed Bashar al-Assad's government with political, military and economic support from the eruption of the Syrian crisis in March 2011 until the regime fell on 8 December 2024 (the Wilson Center, Mohammad Alrumaihi and Wikipedia).",
      },
      {
        fact: 'russia-backs-assad-from-2015',
        actor: 'russia',
        target: 'Intervened militarily from late September 2015 and shifted the tide in its favour',
        says: "Mohammad Alrumaihi says Russia's military intervention in late September 2015 shifted the tide in favour of the Syrian government.",
      },
      {
        fact: 'us-says-assads-days-numbered',
        actor: 'united-states',
        target: "Asserted that the Syrian president's days were numbered",
        says: "The MENA Research Center says the United States had asserted that Bashar al-Assad's days were numbered, before its spring 2022 remarks on possible normalisation.",
      },
      {
        fact: 'uae-resumes-relations-with-damascus-2018',
        actor: 'united-arab-emirates',
        label: 'United Arab Emirates',
        target: 'Resumed diplomatic relations with Damascus in 2018',
        says: 'The MENA Research Center says the UAE resumed diplomatic relations with Damascus in 2018, as Syria began regaining its relations with Gulf countries.',
      },
    ],
  },
  {
    stem: "According to the MENA Research Center and Mohammad Alrumaihi (2024), and the reports they cite, where did each of these parties stand on Syria's keeping out of the Gaza war that began on 7 October? Match each party to its stance.",
    by: 'actor',
    eraSlug: 'strain-and-gaza',
    pairs: [
      {
        fact: 'syria-stays-out-of-gaza-war',
        actor: 'syria',
        target: 'Took a "neutral" stance of "dissociation" and did not open the Golan front',
        says: 'Syria took a "neutral" stance of "dissociation" and did not open the Golan front, while Iran\'s allies in Lebanon, Iraq and Yemen opened fronts against Israel (Mohammad Alrumaihi and the MENA Research Center).',
      },
      {
        fact: 'iran-irked-by-syrian-dissociation',
        actor: 'iran',
        target: 'Was irked and disappointed that Damascus would not open the Golan front',
        says: 'Mohammad Alrumaihi says Damascus\'s refusal to open the Golan front "irked and disappointed Iran", and that sources in Damascus said the Iranians would not accept Syria\'s decision to stay neutral.',
      },
      {
        fact: 'israel-warns-assad-to-stay-out',
        actor: 'israel',
        target: 'Warned that it would destroy the regime if Syria were used against it',
        says: 'According to an Israeli report the MENA Research Center cites, Israel warned Bashar al-Assad that it would destroy his regime if Syria were used against it.',
      },
      {
        fact: 'russia-urges-assad-to-stay-out-of-gaza-war',
        actor: 'russia',
        target: 'Urged Bashar al-Assad to stay out of the conflict',
        says: 'Andrew Tabler, a Washington Institute analyst the MENA Research Center cites, noted that Russia and the UAE urged Bashar al-Assad to stay out of the conflict between Hamas and Israel.',
      },
    ],
  },
  {
    stem: 'According to IranWire, how did each of these respond to the Iran nuclear deal of 2015 and the funds it would release to Iran? Match each to its response.',
    by: 'actor',
    eraSlug: 'civil-war',
    pairs: [
      {
        fact: 'nasrallah-welcomed-nuclear-deal',
        actor: 'hassan-nasrallah',
        target: 'Welcomed the deal, saying groups like his would benefit whenever Iran had funds',
        says: 'IranWire says Hassan Nasrallah, the leader of Hezbollah, welcomed the deal, saying that whenever Iran had funds, groups like his would benefit.',
      },
      {
        fact: 'khamenei-vowed-to-keep-funding-allied-groups',
        actor: 'ali-khamenei',
        target:
          'Declared after the deal that Iran would keep supporting its allied groups financially',
        says: 'IranWire says that after the agreement was finalised, Ali Khamenei declared that Iran would not stop supporting the groups it backed financially, the groups the US senators feared the released funds would strengthen.',
      },
      {
        fact: 'us-senators-warned-deal-funds-would-strengthen-militias',
        actor: 'united-states',
        label: 'US senators and policymakers',
        target:
          'Warned during the talks that the funds would strengthen militias and destabilise the region',
        says: 'IranWire says that during the negotiations, US senators and policymakers warned that the funds released to Iran would be used to strengthen militias and destabilise the region.',
      },
    ],
  },
  {
    stem: "According to the sources, what did Syria's new government say in November 2025 about its relations with each of these states? Match each state to what was said.",
    by: 'toward',
    eraSlug: 'after-assad',
    pairs: [
      {
        fact: 'sharaa-says-iranian-forces-expelled',
        actor: 'iran',
        target: "That it had expelled this state's forces, and Hezbollah's, from Syria",
        says: 'Iran International reports that President Ahmed al-Sharaa told the Washington Post his government had expelled Iranian and Hezbollah forces from Syria.',
      },
      {
        fact: 'sharaa-seeks-new-phase-with-united-states',
        actor: 'united-states',
        target:
          'That it was ready for a new phase of ties, after a poor relationship over the past 100 years',
        says: 'Iran International reports that Ahmed al-Sharaa told the Washington Post Syria was ready for a new phase of ties with the United States, calling that relationship the most important objective after a poor one over the past 100 years.',
      },
      {
        fact: 'syria-rebuilds-ties-with-russia-2025',
        actor: 'russia',
        target:
          'That Syria was rebuilding the relationship, with no finalised agreement yet on basing rights',
        says: 'The Institute for the Study of War reports that Foreign Minister Asaad al-Shaibani said Syria was rebuilding its relationship with Russia, with still "no finalized agreement" on Russian basing rights.',
      },
    ],
  },
  // Audit 35 (N11, reader A): Khamenei, Syria and Germany on Syria's Arab and Western ties was
  // dropped: "chancellor" and "Gulf funding for reconstruction" named two rows' parties, which left
  // the third by elimination.
];

const pairActor = (s: Stance, by: MatchItem['by']): string | undefined =>
  by === 'actor' ? s.actor : s.towardActor;

export const positionMatchTemplate: Template = {
  id: 'position-match',
  version: 1,
  type: 'MATCHING',
  timeVarying: true,
  generate: (idx) =>
    POSITION_MATCHES.filter((it) =>
      it.pairs.every((p) => {
        const s = idx.stances.get(p.fact);
        return s !== undefined && pairActor(s, it.by) === p.actor && idx.actors.has(p.actor);
      }),
    ).map((it) => {
      const factIds = it.pairs.map((p) => stanceFactId(p.fact));
      const records = it.pairs.map((p) => stance(idx, p.fact));
      return [
        baseDraft({
          type: 'MATCHING',
          template: 'position-match',
          version: 1,
          stem: it.stem,
          prompt: {
            items: it.pairs.map((p) => ({
              id: p.actor,
              label: p.label ?? actorLabel(idx, p.actor),
            })),
            targets: it.pairs.map((p) => ({ id: targetId(p.fact), label: p.target })),
          },
          key: {
            pairs: it.pairs.map((p) => ({ itemId: p.actor, targetId: targetId(p.fact) })),
            rationales: it.pairs.map((p) =>
              rationale(idx, p.actor, true, p.says, [stanceFactId(p.fact)]),
            ),
          },
          explanation: it.pairs.map((p) => p.says).join(' '),
          citationIds: citeFacts(idx, factIds),
          factIds,
          eraSlug: it.eraSlug,
          themes: [...new Set(records.flatMap((s) => s.themes))],
          actorSlugs: it.pairs.map((p) => p.actor),
          features: {
            similarity: 0.5,
            joins: it.pairs.length,
            salience: 0.5,
            optionCount: it.pairs.length,
          },
        }),
      ];
    }),
  /**
   * Each item's target re-derived from the KB: the one target whose stance (found by its hashed id
   * among all stances) has this item as its actor (or, for Syria's words, as the party it speaks of).
   */
  requery: (q, idx) => {
    const it = POSITION_MATCHES.find((m) => m.stem === q.stem);
    if (!it) {
      return { ok: false, reason: 'no curated item' };
    }
    const byTarget = new Map(idx.kb.stances.map((s) => [targetId(s.id), s]));
    const pairs: string[] = [];
    for (const item of q.prompt.items ?? []) {
      const t = (q.prompt.targets ?? []).filter((o) => {
        const s = byTarget.get(o.id);
        return s !== undefined && pairActor(s, it.by) === item.id;
      });
      if (t.length !== 1 || !t[0]) {
        return { ok: false, reason: `${item.id} has no unique stance among the targets` };
      }
      pairs.push(`${item.id}>${t[0].id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

// ---------------------------------------------------------------------------------------------
// position-multi
// ---------------------------------------------------------------------------------------------

export interface MultiOption {
  /** The stance whose act the option states (the asked actor's for a key, another party's else). */
  fact: string;
  label: string;
  /** Feedback: for a key what the record says; for a wrong option whose act it is and why not the asked actor's. */
  says: string;
  /** Wrong options: the asked actor's own record that refutes the option for it in the period. */
  refutedBy?: string;
}

export interface MultiItem {
  stem: string;
  actor: string;
  /** The period the stem names, in years: a key's stance starts in it, a wrong one is not the actor's there. */
  from: number;
  to: number;
  eraSlug: string | null;
  options: readonly MultiOption[];
}

export const POSITION_MULTIS: readonly MultiItem[] = [
  {
    stem: 'Which of these did Syria do during the Iran–Iraq War (1980–88), according to the sources? Select all that apply.',
    actor: 'syria',
    from: 1980,
    to: 1988,
    eraSlug: 'revolution-and-war',
    options: [
      {
        fact: 'syria-backs-iran-in-iran-iraq-war',
        label: "Refused, alone among Arab states, to support Saddam Hussein's attack on Iran",
        says: "Yes: IranWire says Syria stood alone among Arab states in refusing to support Saddam Hussein's attack on Iran, and Wikipedia that it sided with non-Arab Iran against Iraq.",
      },
      {
        fact: 'syria-helps-found-hezbollah',
        // Audit 35 (N10, reader B): the sources date the founding only by its aim, the 1982
        // invasion; the label says so, so the 1980–88 window is the source's, not our inference.
        label:
          "Helped Iran's Revolutionary Guards set up and train Hezbollah to repel the 1982 Israeli invasion of Lebanon",
        says: "Yes: Syria assisted Iran's Islamic Revolutionary Guard Corps in establishing and training Hezbollah, set up to repel the 1982 Israeli invasion of southern Lebanon.",
      },
      {
        fact: 'libya-plays-both-sides-in-iran-iraq-war',
        label: 'Voted alongside Iraq in Arab League sessions while selling weapons to Iran',
        says: "No, that was Libya: IranWire says Libya sold weapons to Iran yet kept its relations with Saddam Hussein and voted alongside Iraq in Arab League sessions. Syria, it says, stood alone among Arab states in refusing to support Saddam Hussein's attack.",
        refutedBy: 'syria-backs-iran-in-iran-iraq-war',
      },
      {
        fact: 'syria-joins-us-led-coalition-1990',
        label: "Joined an American-led coalition against Saddam Hussein's invasion of Kuwait",
        says: "Not during the Iran–Iraq War: Syria joined the coalition against Saddam Hussein's invasion of Kuwait in 1990, two years after the war ended (Wikipedia and Mohammad Alrumaihi).",
        refutedBy: 'syria-joins-us-led-coalition-1990',
      },
    ],
  },
  // Audit 35 (N2, N12, N13, reader A): the United States, Russia and Iran in 2011–2024 were
  // dropped. Their wrong options were the other side's acts ("asserted that the Syrian president's
  // days were numbered" offered for Iran beside "backed the Syrian government"), which a student
  // rules out from the key alone; a same-side act that a record proves false was not to be had
  // (the sources do not say what Iran or Russia did not do).
];

/**
 * Whether an option states something the asked actor did in the period, from the KB alone: the
 * stance behind the option is the actor's own and starts inside the period.
 */
const isActorsAct = (s: Stance, it: Pick<MultiItem, 'actor' | 'from' | 'to'>): boolean =>
  s.actor === it.actor &&
  (insidePeriod(s, it.from, it.to) || (s.from === undefined && meetsPeriod(s, it.from, it.to)));

export const positionMultiTemplate: Template = {
  id: 'position-multi',
  version: 1,
  type: 'MULTI_SELECT',
  timeVarying: true,
  generate: (idx) =>
    POSITION_MULTIS.filter((it) =>
      it.options.every((o) => {
        const s = idx.stances.get(o.fact);
        const r = o.refutedBy ? idx.stances.get(o.refutedBy) : undefined;
        // A key is the actor's act in the period; a wrong option is not, and its refuting record
        // is the asked actor's own.
        return (
          s !== undefined &&
          (o.refutedBy === undefined
            ? isActorsAct(s, it)
            : !isActorsAct(s, it) && r !== undefined && r.actor === it.actor)
        );
      }),
    ).map((it) => {
      const keys = it.options.filter((o) => o.refutedBy === undefined);
      const factIds = keys.map((o) => stanceFactId(o.fact));
      const records = keys.map((o) => stance(idx, o.fact));
      return [
        baseDraft({
          type: 'MULTI_SELECT',
          template: 'position-multi',
          version: 1,
          stem: it.stem,
          prompt: {
            options: it.options.map((o) => ({ id: statementId(o.fact), label: o.label })),
            selectMany: true,
          },
          key: {
            optionIds: keys.map((o) => statementId(o.fact)),
            rationales: it.options.map((o) =>
              rationale(
                idx,
                statementId(o.fact),
                o.refutedBy === undefined,
                o.says,
                o.refutedBy === undefined
                  ? [stanceFactId(o.fact)]
                  : [stanceFactId(o.fact), stanceFactId(o.refutedBy)],
              ),
            ),
          },
          explanation: keyedExplanation(keys),
          citationIds: citeFacts(idx, factIds),
          factIds,
          eraSlug: it.eraSlug,
          themes: [...new Set(records.flatMap((s) => s.themes))],
          actorSlugs: [it.actor],
          features: {
            similarity: 0.6,
            joins: it.options.length,
            salience: 0.5,
            optionCount: it.options.length,
          },
        }),
      ];
    }),
  /** Keys re-derived from the KB: the options whose stance (by hashed id) is the actor's own in the period. */
  requery: (q, idx) => {
    const it = POSITION_MULTIS.find((m) => m.stem === q.stem);
    if (!it) {
      return { ok: false, reason: 'no curated item' };
    }
    const byOption = new Map(idx.kb.stances.map((s) => [statementId(s.id), s]));
    const key = (q.prompt.options ?? [])
      .filter((o) => {
        const s = byOption.get(o.id);
        return s !== undefined && isActorsAct(s, it);
      })
      .map((o) => o.id);
    return { ok: true, key };
  },
};

// ---------------------------------------------------------------------------------------------
// position-who
// ---------------------------------------------------------------------------------------------

export interface WhoItem {
  stem: string;
  /** The stance whose passage names the answer. */
  fact: string;
  /** The state the passage names. */
  answer: string;
  /** Words of the cited passage that name the answer in this role (the key stands while they do). */
  anchor: string;
  says: string;
  eraSlug: string | null;
}

export const POSITION_WHOS: readonly WhoItem[] = [
  {
    stem: "In IranWire's account of the Iran–Iraq War (1980–88), which Arab state sold weapons to Iran, yet kept its relations with Saddam Hussein and voted alongside Iraq in Arab League sessions? Type the name.",
    fact: 'libya-plays-both-sides-in-iran-iraq-war',
    answer: 'libya',
    anchor:
      'Even Libya, which sold weapons to Iran during the war, maintained its relations with Saddam Hussein',
    says: 'Libya: IranWire says "even Libya, which sold weapons to Iran during the war, maintained its relations with Saddam Hussein and voted alongside Iraq during Arab League sessions", while Syria stood alone in refusing to support the attack on Iran.',
    eraSlug: 'revolution-and-war',
  },
  {
    stem: 'According to Andrew Tabler, a Washington Institute analyst cited by the MENA Research Center, which state joined Russia in urging Bashar al-Assad to stay out of the Gaza war, having resumed diplomatic relations with Damascus in 2018? Type the name.',
    fact: 'united-arab-emirates-urges-assad-to-stay-out-of-gaza-war',
    answer: 'united-arab-emirates',
    anchor:
      'both Russia and the UAE, which resumed diplomatic relations with Damascus in 2018, urged Assad to stay out',
    says: 'The United Arab Emirates: Andrew Tabler noted that "both Russia and the UAE, which resumed diplomatic relations with Damascus in 2018, urged Assad to stay out" of the conflict between Hamas and Israel.',
    eraSlug: 'strain-and-gaza',
  },
  {
    stem: 'Syria joined the coalition against Saddam Hussein in 1990, Mohammad Alrumaihi writes, while according to Wikipedia Iran was deeply ambivalent about the intervention to remove him from Kuwait. Which state led that intervention? Type the name.',
    fact: 'iran-ambivalent-about-kuwait-intervention',
    answer: 'united-states',
    anchor: 'American-led intervention to remove Saddam Hussein from Kuwait',
    says: 'The United States: Wikipedia says Iran "was deeply ambivalent about the American-led intervention to remove Saddam Hussein from Kuwait", while Syria took part in the coalition.',
    eraSlug: 'between-wars',
  },
  {
    stem: "According to the Institute for the Study of War, Syria's foreign minister said in November 2025 that Syria was rebuilding its relationship with which state, with no finalised agreement yet on its basing rights in Syria? Type the name.",
    fact: 'syria-rebuilds-ties-with-russia-2025',
    answer: 'russia',
    anchor: 'no finalized agreement” on Russian basing rights in Syria',
    says: 'Russia: the Institute for the Study of War reports that Foreign Minister Asaad al-Shaibani said there was still "no finalized agreement" on Russian basing rights in Syria as Syria rebuilt its relationship with Russia.',
    eraSlug: 'after-assad',
  },
];

const passageOf = (idx: KbIndex, factId: string): string =>
  normalise(
    (idx.facts.get(factId)?.citations ?? [])
      .map((c) => idx.citations.get(c)?.quote ?? '')
      .join(' '),
  );

export const positionWhoTemplate: Template = {
  id: 'position-who',
  version: 1,
  type: 'SHORT_ANSWER',
  timeVarying: true,
  generate: (idx) =>
    POSITION_WHOS.filter(
      (it) =>
        idx.actors.has(it.answer) &&
        passageOf(idx, stanceFactId(it.fact)).includes(normalise(it.anchor)),
    ).map((it): Draft[] => {
      const fid = stanceFactId(it.fact);
      const s = stance(idx, it.fact);
      const answers = acceptedNames(idx, it.answer);
      const rejects = confusable(idx, it.answer, answers);
      const kind = idx.actors.get(it.answer)?.kind ?? 'STATE';
      return [
        baseDraft({
          type: 'SHORT_ANSWER',
          template: 'position-who',
          version: 1,
          stem: it.stem,
          prompt: { answerHint: HINT[kind] ?? 'a name' },
          key: {
            answers,
            ...(rejects.length > 0 ? { rejects } : {}),
            rationales: [rationale(idx, 'answer', true, it.says, [fid])],
          },
          explanation: it.says,
          citationIds: citeFacts(idx, [fid]),
          factIds: [fid],
          eraSlug: it.eraSlug,
          themes: s.themes,
          actorSlugs: [it.answer],
          ordering: 'fixed',
          features: { similarity: 0.5, joins: 1, salience: 0.5, optionCount: 0 },
        }),
      ];
    }),
  /** The key stands while the cited passage still names the state in this role (`anchor`). */
  requery: (q, idx) => {
    const it = POSITION_WHOS.find((w) => w.stem === q.stem);
    if (!it) {
      return { ok: false, reason: 'no curated item' };
    }
    return passageOf(idx, q.factIds[0] ?? '').includes(normalise(it.anchor))
      ? { ok: true, key: [actorLabel(idx, it.answer)] }
      : { ok: false, reason: 'the passage no longer names the state' };
  },
};

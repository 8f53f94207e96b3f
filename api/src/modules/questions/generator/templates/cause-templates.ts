/**
 * Causes, motives, consequences and costs asked as multi-select and matching (grow11, issue 11).
 * Explanation records were asked mostly as single choice and true/false, both at their 25% caps, and
 * many by one item or none. These two curated tables ask them in other forms:
 *
 *  - `cause-multi` (MULTI_SELECT): "According to IranWire, which of these did Iran's intervention for
 *    Bashar al-Assad bring about?" Every key is an option a record of the named source gives for the
 *    development asked (one record may give several: Wikipedia's three wars after 2000); every wrong
 *    option is *refuted* by a cited record, not merely unmentioned: the opposite is recorded (trade
 *    stayed low, Iran was excluded from reconstruction, the Kuwait disagreement never threatened the
 *    relationship, Ba'athism was at odds with Iran's system), or it is another party's or another
 *    development's, said so in its feedback.
 *  - `cause-match` (MATCHING): "Match each development to the reason IranWire gives for it." All
 *    pairs from one source and, where possible, one period, so the era does not give a pair away
 *    (audit 26 withheld match-reasons, whose pairs an era apart matched by topic alone); reasons
 *    reviewed so that none could be said of another development in the same item, and no reason
 *    repeats a distinctive word of its own development.
 *
 * Left out on purpose (each a reason or rival a reader could defend):
 *  - Iran's and Hezbollah's "corridor" side by side (IranWire's corridor to Hezbollah is Iran's
 *    motive, Alrumaihi's arms corridor Hezbollah's): swappable in a matching;
 *  - Syria's Gaza neutrality beside the quiet Golan front, and Syria's hope of Western normalisation
 *    beside either (Alrumaihi and the MENA paper join them: the neutrality was seen as a path to
 *    rewards);
 *  - the suspected Syrian leaks beside the IRGC's evacuation (audit 4: the leaks "resulting in their
 *    elimination" make them a defensible cause);
 *  - Khamenei's several 2024 aims together (keeping Syria in the Axis, its "resistance identity",
 *    dispelling rumours of a rift, the reminder that the Americans reneged: each fits the others);
 *  - expanded sanctions on Iran Air or the Boeing deal's cancellation as something the IRGC's role in
 *    Syria did *not* lead to (IranWire lists Iran Air's designation among the costs of backing
 *    Assad, and the Boeing deal fell with the nuclear deal the IRGC's role helped end);
 *  - New Lines' "shared hostility toward Iraq and Israel" as a wrong reason why Assad kept the
 *    alliance (the MENA paper's "shared threats");
 *  - a matching of the civil-war steps Wikipedia explains (Chizari's visit, the June 2017 missiles,
 *    the January 2019 agreements): sound, but why-rival already asks them against one another
 *    (audit 28: "each item's key is another's wrong option"), and a third item on them adds repetition.
 * `understanding-sound.test.ts` re-reads every key and wrong option against the five source texts.
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex } from '../kb-index';
import { normalise, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, optionIds, rationale } from './common';
import { erasOf, fixAssad, keyLine, rememberEras } from './understanding-templates';

/** One option of a multi-select: the record that makes it true (key) or refutes it (wrong). */
export interface CauseOption {
  /** The explanation record that gives the option (key) or refutes it (wrong option). */
  record: string;
  /** Distinguishes several options worded from one record (Wikipedia's three wars). */
  part?: number;
  label: string;
  /** Wrong options only: what *is* true of it, and whose account that is. */
  refuted?: string;
  /** Keys only: the feedback, when the record's own detail carries an editor's note (gate S7). */
  said?: string;
  /**
   * Wrong options only: another KB fact the feedback also relies on ("stance:…"), when a source
   * states the option of another party (Putin's efforts to keep Syria neutral).
   */
  alsoOf?: string;
}

export interface CauseMulti {
  /** Stable name of the item (tests, docs). */
  name: string;
  stem: string;
  /** The development asked: a key is a record with one of these topics from `sources`. */
  topics: readonly string[];
  /** Whose account the keys are: a key record's `accordingTo` starts with one of these. */
  sources: readonly string[];
  keys: readonly CauseOption[];
  wrong: readonly CauseOption[];
  explanation: string;
}

/** The gate's C4 reads 'why-' as an option that is an explanation record. */
const optionId = (o: Pick<CauseOption, 'record' | 'part'>): string =>
  `why-${o.record}${o.part === undefined ? '' : `-${o.part}`}`.slice(0, 64);

export const CAUSE_MULTIS: readonly CauseMulti[] = [
  {
    name: 'iranwire-intervention-achieved',
    stem: "According to IranWire, which of these did Iran's intervention for Bashar al-Assad in the civil war bring about? Select all that apply.",
    topics: [
      "what Iran's support achieved for Assad in the civil war",
      "what Iran's stepped-up intervention brought on the battlefield",
    ],
    sources: ['IranWire'],
    keys: [
      {
        record: 'iran-support-prevented-assad-collapse',
        label: 'It prevented the collapse of the government in Damascus',
      },
      {
        record: 'shia-fighters-led-gains-including-aleppo',
        label: 'Territorial gains against the opposition, among them the capture of Aleppo',
      },
    ],
    // Outcomes a reader might expect, each recorded the other way by the MENA paper.
    wrong: [
      {
        record: 'exclusion-and-unpaid-debt-frustrated-iran',
        label: "A leading share for Iran in Syria's reconstruction and business",
        refuted:
          "Not so: the MENA Research Center reports that Iran was excluded from Syria's reconstruction plans and commercial opportunities, which frustrated Tehran.",
      },
      {
        record: 'why-iran-syria-trade-stayed-low',
        label: 'A boom in trade between Iran and Syria',
        refuted:
          'Not so: researchers and Mohammad Al-Abdullah, cited by the MENA Research Center, explain why trade between Iran and Syria stayed low (informal channels for big deals, unofficial taxes, the Syrian market’s problems and Syrian merchants’ distrust of Iranian goods).',
      },
    ],
    explanation:
      "IranWire says Iran's military and diplomatic support prevented the collapse of Bashar al-Assad's government, and that Shia fighters formed the backbone of battles that won significant territory from the opposition, including the capture of Aleppo.",
  },
  {
    name: 'iran-iraq-war-stand-consequences',
    stem: "During the Iran–Iraq War, Syria refused to back Saddam Hussein's attack on Iran. According to Wikipedia and IranWire, which of these followed for Syria? Select all that apply.",
    topics: [
      'what siding with Iran in the Iran–Iraq War cost Syria among Arab states',
      "what Syria's refusal to back Saddam Hussein's attack on Iran led to",
      'how Iran repaid Syria for its stand in the Iran–Iraq War',
    ],
    sources: ['Wikipedia', 'IranWire'],
    keys: [
      {
        record: 'siding-with-iran-isolated-syria-among-arabs',
        label: 'Saudi Arabia and some other Arab states isolated it',
      },
      {
        record: 'stance-in-iran-iraq-war-laid-groundwork',
        label: 'It laid the groundwork for a strategic partnership with Iran',
        said: "IranWire says Syria stood alone among Arab states in refusing to support Saddam Hussein's attack on Iran during the Iran–Iraq War, a decision that laid the groundwork for a strategic partnership that would reshape Middle Eastern politics.",
      },
      {
        record: 'iran-repaid-syria-with-oil',
        label: 'Iran repaid it by supplying it with oil',
        // Audit 34 (N3, reader B): IranWire's sentence names neither Hafez nor the war; the link
        // is where it stands, so the feedback quotes it and says so.
        said: 'IranWire writes "Iran repaid Assad\'s favor by supplying Syria with oil", in its passage on Syria\'s stand in the Iran–Iraq War.',
      },
    ],
    wrong: [
      {
        record: 'disagreement-over-kuwait-did-not-derail',
        label: 'A break with Iran when Syria joined the coalition against Iraq over Kuwait',
        refuted:
          'Not so: Wikipedia says that although Iran was deeply ambivalent about the American-led intervention to remove Saddam Hussein from Kuwait, in which Syria took part, these disagreements never threatened to derail the relationship.',
      },
    ],
    explanation:
      'Wikipedia says that when Syria sided with Iran against Iraq it was isolated by Saudi Arabia and some of the Arab countries; IranWire says the decision laid the groundwork for a strategic partnership and, in the same passage, that "Iran repaid Assad\'s favor by supplying Syria with oil".',
  },
  {
    name: 'wikipedia-closer-after-2000',
    stem: 'According to Wikipedia, which of these events brought Iran and Syria closer together after 2000? Select all that apply.',
    topics: ['Iran and Syria drew closer after 2000'],
    sources: ['Wikipedia'],
    keys: [
      { record: 'regional-wars-drew-allies-closer', part: 1, label: 'The Iraq War' },
      // The "Cedar Revolution" is left out: four options at most (gate C1), and the two wars are
      // the ones a student can place.
      { record: 'regional-wars-drew-allies-closer', part: 3, label: 'The 2006 Lebanon War' },
    ],
    // Later events that strained the ties instead, in Alrumaihi's account.
    wrong: [
      {
        record: 'gaza-neutrality-drove-decline',
        label: 'The Gaza war that began on 7 October',
        refuted:
          'Not so: Mohammad Alrumaihi writes that the Gaza war strained relations: Damascus\'s "neutral" stance led to a noticeable decline in its ties with Iran.',
      },
      {
        record: 'arab-rapprochement-worried-tehran',
        label: "Syria's rapprochement with the Arab states",
        refuted:
          "Not so: Mohammad Alrumaihi writes that Tehran was concerned about Syria's response to signs of Arab rapprochement and its growing Arab engagement, one of his reasons why relations cooled.",
      },
    ],
    explanation:
      'Wikipedia says the alliance deepened in 2000 when Bashar al-Assad took over, and that subsequent events like the Iraq War, the "Cedar Revolution" and the 2006 Lebanon War brought the two countries closer together.',
  },
  {
    name: 'iranwire-alliance-basis',
    stem: 'According to IranWire, which of these was the alliance between Syria and Iran based on or reinforced by? Select all that apply.',
    topics: [
      "Ba'athist Syria allied with revolutionary Iran",
      'the alliance between secular-claiming Syria and Iran held',
    ],
    sources: ['IranWire'],
    keys: [
      {
        record: 'practical-geopolitics-not-ideology-behind-alliance',
        label: 'Practical geopolitical reasons that defied regional expectations',
      },
      {
        record: 'religious-affinity-reinforced-alliance',
        label: 'Religious ties, among them the Shia pilgrimage sites in Damascus',
      },
    ],
    wrong: [
      {
        record: 'practical-geopolitics-not-ideology-behind-alliance',
        part: 2,
        label: "A kinship between Ba'athism and Iran's revolutionary Islamic system",
        refuted:
          "Not so: IranWire calls the alignment remarkable because Ba'athism, the ideology of the regimes in both Syria and Iraq, was technically opposed to Iran's revolutionary Islamic system.",
      },
      {
        record: 'iran-repaid-syria-with-oil',
        label: 'Oil that Syria supplied to Iran during the Iran–Iraq War',
        refuted:
          "Not so: IranWire has it the other way round: Iran repaid Syria's stand in the Iran–Iraq War by supplying Syria with oil.",
      },
    ],
    explanation:
      "IranWire says the alliance was based on practical geopolitical reasons that defied regional expectations, Ba'athism being technically opposed to Iran's revolutionary Islamic system, and that although the Syrian government claims to be secular, the alliance has been reinforced by religious and ideological ties; several Shia pilgrimage sites are in Damascus.",
  },
  {
    name: 'iranwire-iran-sought',
    stem: 'According to IranWire, which of these did Iran want in Syria during the civil war? Select all that apply.',
    topics: [
      'Iran sent arms, economic aid and military advisers to Syria early in the civil war',
      'Iran deepened its presence in Syria during the civil war',
      'Iran valued its alliance with Syria during the civil war',
    ],
    sources: ['IranWire'],
    keys: [
      {
        record: 'iran-early-support-to-prevent-assads-fall',
        label: 'To halt the loss of Damascus and strategic northern cities to the rebels',
      },
      {
        record: 'syria-a-corridor-to-hezbollah-and-israels-borders',
        label: "To keep a corridor for supplying Hezbollah and a presence on Israel's borders",
      },
    ],
    wrong: [
      {
        record: 'gaza-neutrality-drove-decline',
        label: 'To keep Syria out of the Gaza war',
        refuted:
          "Not Iran's aim: Mohammad Alrumaihi writes that Russia's President Vladimir Putin worked to keep the Syrian regime neutral in the Gaza conflict, while the Iranians were unwilling to accept Syria's decision to stay neutral, and its refusal to open the Golan front irked and disappointed Iran.",
        alsoOf: 'stance:putin-works-to-keep-syria-neutral',
      },
      {
        record: 'russian-golan-centre-purpose',
        label: 'To monitor the ceasefire between Israeli forces and the Syrian army in the Golan',
        refuted:
          "Not Iran's aim: the MENA Research Center reports that Russia's Ministry of Defence announced a new monitoring centre in the Syrian Golan in June 2024 to observe ceasefire agreements and provocations between Israeli forces and the Syrian army. Iran, by Mohammad Alrumaihi's account, wanted Damascus to open the Golan front.",
      },
    ],
    explanation:
      "IranWire says Iran initially sought to prevent Bashar al-Assad's fall by halting the loss of Damascus and strategic northern cities to rebels; and that Syria became a crucial corridor for supporting Hezbollah and keeping a presence on Israel's borders.",
  },
  {
    name: 'mena-assad-kept-iran',
    // Audit 34 (N8, reader B): "which of these reasons" read as reasons for the cooling.
    stem: "Relations between Iran and Syria cooled in Bashar al-Assad's last years in power, yet he kept his alliance with Iran. According to the MENA Research Center, why did he keep it? Select all that apply.",
    topics: ['Assad did not break with Iran despite the cooling'],
    sources: ['MENA Research Center'],
    keys: [
      {
        record: 'why-assad-would-not-break-with-iran',
        part: 1,
        label: 'Tehran imposed no unwanted political changes on him',
      },
      {
        record: 'why-assad-would-not-break-with-iran',
        part: 2,
        label: 'Western and Arab offers came with hefty costs, often concessions on sovereignty',
      },
    ],
    // Reasons a reader might expect, each recorded the other way in the same paper.
    wrong: [
      {
        record: 'exclusion-and-unpaid-debt-frustrated-iran',
        label: 'Iran had written off what Syria owed it',
        refuted:
          "Not so: the MENA Research Center reports Heshmatollah Falahatpisheh's complaint that Syria had done nothing to repay the $30 billion it owed Iran.",
      },
      {
        record: 'arab-rapprochement-worried-tehran',
        label: "Tehran welcomed Syria's opening to the Arab states and the West",
        refuted:
          "Not so: Mohammad Alrumaihi writes that Tehran was concerned about Syria's response to signs of Arab rapprochement and its wish to normalise relations with the West, and the MENA Research Center that Iran feared normalisation could lead Syria to change its alliances.",
      },
    ],
    explanation:
      'The MENA Research Center says it was difficult for Bashar al-Assad to sever ties with Iran: Tehran does not impose unwanted political changes or transformations, Western and Arab initiatives come with hefty costs, often requiring concessions on sovereignty, and the alliance is rooted in shared history, mutual threats and common interests.',
  },
];

/** One pair of a matching: a development (left) and the reason or effect its record gives (right). */
export interface CausePair {
  record: string;
  /** The development as shown, in our words, without the reason's distinctive words. */
  item: string;
  /** The reason, aim or effect as shown. */
  target: string;
  /** The feedback, when the record's own detail would confuse here (The Atlantic's "the war"). */
  said?: string;
}

export interface CauseMatch {
  name: string;
  stem: string;
  pairs: readonly CausePair[];
}

export const CAUSE_MATCHES: readonly CauseMatch[] = [
  {
    name: 'iranwire-reasons',
    stem: 'According to IranWire, why did each of these happen? Match each development to the reason IranWire gives for it.',
    pairs: [
      {
        record: 'nasrallah-welcomed-deal-for-iranian-funds',
        item: 'Hassan Nasrallah welcomed the 2015 nuclear deal',
        target: 'Whenever Iran had funds, groups like Hezbollah would benefit, he said',
      },
      {
        record: 'irgc-syria-role-led-to-terror-designation',
        item: 'The Trump administration designated the IRGC a foreign terrorist organisation',
        target: 'Its actions in Syria and Iraq',
      },
      {
        record: 'defence-of-the-shrine',
        item: 'The Islamic Republic called its military presence in Syria "defense of the shrine"',
        target: 'Several Shia pilgrimage sites are in Damascus',
      },
      {
        record: 'assad-survival-a-strategic-imperative',
        item: 'Iran stepped up its intervention about four years into the war',
        target:
          "Rebel gains raised doubts about Bashar al-Assad's ability to survive, and Iran saw his survival as a strategic imperative",
      },
    ],
  },
  {
    name: 'iranwire-consequences',
    stem: 'According to IranWire, what did each of these lead to? Match each development to its consequence.',
    pairs: [
      {
        record: 'withdrawal-cancelled-boeing-deal',
        item: "Donald Trump's withdrawal from the nuclear deal",
        target: "The cancellation of Iran Air's $16 billion agreement with Boeing",
      },
      {
        record: 'axis-militias-gave-deniability',
        item: "The IRGC's complete control of seemingly independent militias",
        target:
          'Iran could direct attacks against the US and Israel without bearing direct responsibility',
      },
      {
        record: 'quds-force-paved-way-for-russia',
        item: "The Quds Force's central role in Bashar al-Assad's regime",
        target: "It paved the way for Russia's involvement",
      },
    ],
  },
  {
    name: 'mena-aims-2024',
    stem: 'According to the MENA Research Center (2024) and those it reports, what was each of these for? Match each step to its aim.',
    pairs: [
      {
        record: 'khamenei-reminded-assad-americans-reneged',
        item: "Ali Khamenei told Bashar al-Assad of Iran's own experience of negotiating",
        target:
          'To remind him, after he had spoken of engaging with the United States, that the Americans quickly reneged on agreements',
      },
      {
        record: 'russian-golan-centre-purpose',
        item: 'Russia announced an additional monitoring centre in the Syrian Golan on 4 June 2024',
        target:
          'To observe ceasefire agreements, de-escalation and possible provocations between Israeli forces and the Syrian army',
      },
      {
        record: 'umayyad-restrictions-an-arab-message',
        item: 'Syria restricted foreign Shia visitors to the Umayyad Mosque (analysts cited by the MENA Research Center)',
        target:
          'A message with an Arab dimension, as Syria distanced itself from Iranian guardianship',
      },
      {
        record: 'iran-seeks-to-recover-war-costs',
        item: "Iran pushed into Syria's economy",
        target:
          'To recover part of what it had spent in Syria, for example by controlling the housing sector',
      },
    ],
  },
  {
    name: 'alrumaihi-gaza-years',
    stem: 'According to Mohammad Alrumaihi (2024) and the sources he cites, why did each of these happen? Match each development to its reason.',
    pairs: [
      {
        record: 'israeli-strikes-forced-irgc-pullback',
        item: 'Iran planned to evacuate IRGC members and move its headquarters from rural Damascus toward Lebanon (according to militia sources)',
        target:
          'Israeli air strikes that killed numerous senior commanders after the Gaza war began',
      },
      {
        record: 'golan-front-quiet-as-syria-kept-out',
        item: 'The Golan Heights front between Syria and Israel stayed relatively quiet',
        target:
          "Syria's authorities were careful not to be dragged into the war, unlike Iran's allies in Lebanon, Iraq and Yemen",
      },
      {
        record: 'russia-feared-us-iran-deal-so-bolstered-presence',
        item: 'Russia bolstered its military and political presence in Syria after the "Al Aqsa flood" (according to a political expert quoted by Asharq Al Awsat)',
        target: 'Concern about a potential US–Iranian agreement in the region',
      },
      {
        record: 'hezbollah-needs-syria-for-depth-and-arms',
        item: 'Hezbollah valued its alliance with Syria',
        target:
          'Strategic depth, an arms corridor, and help in weathering any major Israeli conflict in southern Lebanon',
      },
    ],
  },
  {
    name: 'meant-for-iran',
    stem: 'According to the source named with each, what did each of these mean for Iran? Match each development to its consequence.',
    pairs: [
      {
        record: 'fall-of-assad-a-blow-to-khamenei',
        item: "The fall of Bashar al-Assad's regime (according to The Atlantic, December 2025)",
        // The Atlantic's "harsh blow" is the 2025 war's; the fall is one of the losses of two years.
        target:
          'The loss of an ally, in two years that also saw Israel batter two others, Hamas and Hezbollah',
        said: "The Atlantic (December 2025) counts it among Khamenei's setbacks: the past two years had seen the fall of one Iranian ally in the region, Bashar al-Assad's regime in Syria, and Israel's battering of two others, Hamas and Hezbollah.",
      },
      {
        record: 'russian-intervention-brought-rivalry-with-iran',
        item: "Russia's military intervention in Syria from September 2015 (according to Mohammad Alrumaihi)",
        target:
          'Heightened competition with Tehran over influence, economics, culture and language',
      },
      {
        record: 'syria-a-battleground-against-israel',
        item: "Syria's civil war (according to IranWire)",
        target:
          "Syria became a primary battleground for Iran's regional ambitions, above all its confrontation with Israel",
      },
    ],
  },
];

const TARGET = 'cm-';
const targetId = (record: string): string => `${TARGET}${record}`.slice(0, 64);

const record = (idx: KbIndex, id: string): Explanation => {
  const x = idx.explanations.get(id);
  if (!x) {
    throw new Error(`no explanation ${id}`);
  }
  return x;
};

const allRecords = (ids: readonly string[], idx: KbIndex): boolean =>
  ids.every((id) => idx.explanations.has(id));

/** The keys of a multi, re-derived from the KB: options whose record gives the asked development. */
const isKeyRecord = (m: CauseMulti, x: Explanation): boolean =>
  m.topics.includes(x.topic) && m.sources.some((s) => x.accordingTo.startsWith(s));

/** Unasked records first: the bank's per-fact caps count an item against its first fact. */
const factOrder = (ids: readonly string[]): string[] => [...new Set(ids)].map(explanationFactId);

export const causeMultiTemplate: Template = {
  id: 'cause-multi',
  version: 1,
  type: 'MULTI_SELECT',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    return CAUSE_MULTIS.filter((m) =>
      allRecords(
        [...m.keys, ...m.wrong].map((o) => o.record),
        idx,
      ),
    ).map((m) => {
      const keys = m.keys.map((o) => ({ o, x: record(idx, o.record) }));
      const factIds = factOrder([...m.keys, ...m.wrong].map((o) => o.record));
      const first = keys[0]?.x as Explanation;
      return [
        baseDraft({
          type: 'MULTI_SELECT',
          template: 'cause-multi',
          version: 1,
          stem: m.stem,
          prompt: {
            selectMany: true,
            options: [...m.keys, ...m.wrong].map((o) => ({
              id: optionId(o),
              label: fixAssad(o.label, erasOf(record(idx, o.record))),
            })),
          },
          key: {
            optionIds: m.keys.map(optionId),
            rationales: [
              ...keys.map(({ o, x }) =>
                rationale(idx, optionId(o), true, o.said ?? keyLine(x), [explanationFactId(x.id)]),
              ),
              ...m.wrong.map((o) =>
                rationale(idx, optionId(o), false, o.refuted ?? '', [
                  explanationFactId(o.record),
                  ...(o.alsoOf ? [o.alsoOf] : []),
                ]),
              ),
            ],
          },
          explanation: m.explanation,
          citationIds: citeFacts(idx, factIds),
          factIds,
          eraSlug: first.eras.length === 1 ? (first.eras[0] ?? null) : null,
          themes: [...new Set(keys.flatMap(({ x }) => x.themes))],
          actorSlugs: [...new Set(keys.flatMap(({ x }) => (x.actor ? [x.actor] : [])))],
          features: {
            similarity: 0.6,
            joins: keys.length,
            salience: 0.5,
            optionCount: m.keys.length + m.wrong.length,
          },
        }),
      ];
    });
  },
  requery: (q, idx) => {
    const m = CAUSE_MULTIS.find((c) => c.stem === q.stem);
    if (!m) {
      return { ok: false, reason: 'no curated item for this stem' };
    }
    // Re-derived from the KB: an option is right when the record it is worded from gives the asked
    // development (topic) in the named source's account; a wrong option's record never does.
    const byId = new Map([...m.keys, ...m.wrong].map((o) => [optionId(o), o]));
    const key = optionIds(q).filter((id) => {
      const o = byId.get(id);
      const x = o ? idx.explanations.get(o.record) : undefined;
      return o !== undefined && o.refuted === undefined && x !== undefined && isKeyRecord(m, x);
    });
    return { ok: true, key };
  },
};

export const causeMatchTemplate: Template = {
  id: 'cause-match',
  version: 1,
  type: 'MATCHING',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    const groups: Draft[][] = [];
    for (const m of CAUSE_MATCHES) {
      if (
        !allRecords(
          m.pairs.map((p) => p.record),
          idx,
        )
      ) {
        continue;
      }
      const xs = m.pairs.map((p) => ({ p, x: record(idx, p.record) }));
      const factIds = factOrder(m.pairs.map((p) => p.record));
      groups.push([
        baseDraft({
          type: 'MATCHING',
          template: 'cause-match',
          version: 1,
          stem: m.stem,
          prompt: {
            items: xs.map(({ p, x }) => ({ id: x.id, label: fixAssad(p.item, erasOf(x)) })),
            targets: xs.map(({ p, x }) => ({
              id: targetId(x.id),
              label: fixAssad(p.target, erasOf(x)),
            })),
          },
          key: {
            pairs: xs.map(({ x }) => ({ itemId: x.id, targetId: targetId(x.id) })),
            rationales: xs.map(({ p, x }) =>
              rationale(idx, x.id, true, p.said ?? keyLine(x), [explanationFactId(x.id)]),
            ),
          },
          explanation: xs
            .map(
              ({ p, x }) =>
                `${stripFinalPeriod(fixAssad(p.item, erasOf(x)))}: ${p.said ?? keyLine(x)}`,
            )
            .join(' '),
          citationIds: citeFacts(idx, factIds),
          factIds,
          themes: [...new Set(xs.flatMap(({ x }) => x.themes))],
          eraSlug: null,
          actorSlugs: [...new Set(xs.flatMap(({ x }) => (x.actor ? [x.actor] : [])))],
          features: {
            similarity: 0.5,
            joins: xs.length,
            salience: 0.5,
            optionCount: xs.length,
          },
        }),
      ]);
    }
    return groups;
  },
  /**
   * Re-derives each pair: the item's own record (its id), and the one target worded as that record's
   * reason in the table; refused when a target's wording matches no record or two.
   */
  requery: (q, idx) => {
    const m = CAUSE_MATCHES.find((c) => c.stem === q.stem);
    if (!m) {
      return { ok: false, reason: 'no curated item for this stem' };
    }
    const pairs: string[] = [];
    for (const it of q.prompt.items ?? []) {
      const x = idx.explanations.get(it.id);
      const p = m.pairs.find((c) => c.record === it.id);
      if (!x || !p) {
        return { ok: false, reason: `${it.id} is no curated explanation` };
      }
      const t = (q.prompt.targets ?? []).filter(
        (o) => normalise(o.label) === normalise(fixAssad(p.target, erasOf(x))),
      );
      if (t.length !== 1 || !t[0]) {
        return { ok: false, reason: `${it.id} has no unique reason among the targets` };
      }
      pairs.push(`${it.id}>${t[0].id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

/**
 * Who gives this reason? (why8, issue 11: "why things happened and what they cost", and claims as
 * claims). Several developments of 2023–24 have one reason per claimant inside one paper: Syria
 * kept out of the Gaza war after an Israeli warning (an Israeli report), in hope of Arab and
 * Western rewards (diplomatic sources), at Russia's and the UAE's urging (Andrew Tabler); the ties
 * cooled over Iran's unkept promises (a Syrian official) and over Syria's unpaid debt
 * (Falahatpisheh). A single-choice "According to X, why?" cannot ask these: every other
 * claimant's reason is defensible for the same development. Asking *whose* reason it is can: the
 * wrong options are people and papers the same sources quote on the same or a neighbouring
 * matter, each refuted by its own cited record, which gives another account; feedback says what
 * that claimant does say.
 *
 * A curated table, like why-rival's (a rule over the whole KB cannot tell who a reader could take
 * for the claimant). Left out on purpose, each a claimant a reader could defend:
 *  - the MENA Research Center itself for the Israeli warning (it says "especially after a warning
 *    from Tel Aviv" in its own voice) and Mohammad Alrumaihi for Assad's hoped-for rewards (he
 *    has the regime viewing its dissociation "as potential rewards");
 *  - Ali Khamenei for the unkept promises (he spoke of Western "promises they will never
 *    fulfill"), and Mohammad Al-Abdullah for the unpaid debt (he says the regime "is incapable
 *    of covering these high costs" Iran seeks to recover);
 *  - Vladimir Putin or Russia for the rewards ("a stance encouraged by Russia");
 *  - IranWire for the calls to scale back the support (it reports Ahmadinejad opposing the IRGC's
 *    role in Syria);
 *  - Alrumaihi's own reasons for the cooling (Gaza neutrality, advisers) beside his signs of it;
 *  - Amer al-Sabaileh for why Assad would not break with Iran (the KB record joins his words to
 *    the MENA paper's): that item asks the MENA paper's own reasons against other papers.
 * Not asked: records whose development names the claimant ("An Iranian official urged …"), and
 * so the Israeli warning itself (audit 36, #82: "a warning from Tel Aviv" beside "an Israeli
 * report" answered itself); the report stays a wrong option of its neighbours.
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex } from '../kb-index';
import { contentTokens, normalise } from '../text';
import type { Template } from '../types';
import { baseDraft, citeFacts, optionIds, rationale } from './common';
import { explanationKeyed, keyLine, rememberEras } from './understanding-templates';

/** A wrong claimant: who, and what the sources have them say instead. */
export interface Claimant {
  /** The option: who, as the sources name them (with the paper that cites them). */
  label: string;
  /** The KB record of what this claimant does say (its citations back the feedback). */
  fact: string;
  /** Feedback: what this claimant does say, and where. */
  says: string;
}

export interface ClaimItem {
  /** The explanation record asked about. */
  key: string;
  /** The stem in full: the development and the reason or account, asked as "Who gives …?". */
  stem: string;
  /** The record's claimant as an option. */
  label: string;
  rivals: readonly Claimant[];
}

const ISRAELI_REPORT = 'An Israeli report cited by the MENA Research Center';
const DIPLOMATS = 'Diplomatic sources cited by the MENA Research Center';
const TABLER = 'Andrew Tabler, a Washington Institute analyst cited by the MENA Research Center';
const NASRALLAH = "Hassan Nasrallah, Hezbollah's leader, as Mohammad Alrumaihi reports";
const SYRIAN_OFFICIAL = 'A Syrian official quoted by Mohammad Alrumaihi';
const FALAHATPISHEH = 'Heshmatollah Falahatpisheh, a former Iranian parliamentary committee head';
const SABAILEH = 'Amer al-Sabaileh, a Jordanian researcher cited by the MENA Research Center';
const AL_ABDULLAH = 'Mohammad Al-Abdullah, a Syrian researcher cited by the MENA Research Center';
const GENERAL = 'An Iranian general quoted by Mohammad Alrumaihi';

/** What each claimant does say (feedback for a wrong option), by option label. */
const SAYS: Readonly<Record<string, Omit<Claimant, 'label'>>> = {
  [ISRAELI_REPORT]: {
    fact: 'explanation:israeli-warning-kept-syria-out',
    says: 'Not the Israeli report: as the MENA Research Center cites it, it says Bashar al-Assad received a clear warning that Israel would destroy his regime if Syria were used against it.',
  },
  [DIPLOMATS]: {
    fact: 'explanation:assad-restraint-for-rewards',
    says: 'Not the diplomatic sources: as the MENA Research Center cites them, they say Bashar al-Assad hoped Arab and Western nations would reward his restraint.',
  },
  [TABLER]: {
    fact: 'stance:russia-urges-assad-to-stay-out-of-gaza-war',
    says: 'Not Andrew Tabler: as the MENA Research Center cites him, he noted that Russia and the UAE urged Bashar al-Assad to stay out of the conflict between Hamas and Israel.',
  },
  [NASRALLAH]: {
    fact: 'stance:nasrallah-defends-syrian-neutrality',
    says: "Not Hassan Nasrallah: Mohammad Alrumaihi says he publicly defended Syria's non-involvement in the Gaza war, and gives no reason of his.",
  },
  [SYRIAN_OFFICIAL]: {
    fact: 'explanation:unkept-iranian-promises',
    says: 'Not the Syrian official: as Mohammad Alrumaihi quotes him, he said Syria had aligned itself with the Iranians but many of their promises went unfulfilled.',
  },
  [FALAHATPISHEH]: {
    fact: 'explanation:exclusion-and-unpaid-debt-frustrated-iran',
    says: 'Not Heshmatollah Falahatpisheh: as the MENA Research Center reports, he said Syria had done nothing to repay the $30 billion it owed Iran while it settled its debts with Russia.',
  },
  [SABAILEH]: {
    fact: 'relation:sabaileh-assad-cannot-break-with-iran',
    says: "Not Amer al-Sabaileh: as the MENA Research Center cites him, he judged that Bashar al-Assad could not easily break away from Iran, knowing Iran could not end Syria's isolation.",
  },
  [AL_ABDULLAH]: {
    fact: 'explanation:why-iran-syria-trade-stayed-low',
    says: 'Not Mohammad Al-Abdullah: as the MENA Research Center cites him, he blamed the weak trade between Iran and Syria on Syrian merchants wary of low-quality Iranian goods.',
  },
  [GENERAL]: {
    fact: 'explanation:iranian-advisers-a-point-of-contention',
    says: 'Not the Iranian general: as Mohammad Alrumaihi reports, he was quoted lamenting that Iranian advisers counted for little in Syria compared with their status in Iran.',
  },
};

const rival = (label: string): Claimant => {
  const s = SAYS[label];
  if (!s) {
    throw new Error(`no record of what ${label} says`);
  }
  return { label, ...s };
};

/**
 * The items. Each wrong claimant is quoted by the same papers on the same development or a
 * neighbouring one, and `understanding-sound.test.ts` checks that none of the paragraphs naming
 * them carries the stem's reason or account.
 */
export const CLAIM_ITEMS: readonly ClaimItem[] = [
  {
    key: 'assad-restraint-for-rewards',
    stem: 'Bashar al-Assad stayed out of the confrontation between Iran and Israel during the Gaza war. Who gives this reason for it: he hoped Arab and Western states would reward his restraint?',
    label: DIPLOMATS,
    rivals: [ISRAELI_REPORT, TABLER, NASRALLAH].map(rival),
  },
  {
    key: 'unkept-iranian-promises',
    stem: "Relations between Iran and Syria cooled in Bashar al-Assad's last years in power. Who gives this reason for it: many Iranian promises to Syria went unfulfilled?",
    label: SYRIAN_OFFICIAL,
    rivals: [FALAHATPISHEH, SABAILEH, AL_ABDULLAH].map(rival),
  },
  {
    key: 'exclusion-and-unpaid-debt-frustrated-iran',
    stem: "Relations between Iran and Syria cooled in Bashar al-Assad's last years in power. Who gives this reason for it: Syria left the $30 billion it owed Iran unpaid while it steadily settled its debts with Russia?",
    label: FALAHATPISHEH,
    rivals: [SYRIAN_OFFICIAL, GENERAL, SABAILEH].map(rival),
  },
  {
    key: 'leak-puts-iran-war-cost-at-50bn',
    stem: "Who gives this account of what Iran's war effort in Syria cost it: $50 billion over a decade?",
    label: 'A leaked Iranian presidency document, as Mohammad Alrumaihi reports',
    rivals: [
      {
        ...rival(FALAHATPISHEH),
        says: 'Not Heshmatollah Falahatpisheh: his figure, as the MENA Research Center reports, is the $30 billion Syria owed Iran and had done nothing to repay, another sum.',
      },
      {
        label: 'Abdul Amir Rabihaoui, an Iranian trade official quoted by Iranian media',
        fact: 'figure:iran-exports-to-syria-2023',
        says: 'Not Abdul Amir Rabihaoui: his figure, as the MENA Research Center reports from Iranian media, is the $244 million of goods Iran exported to Syria in the previous year.',
      },
      {
        ...rival(AL_ABDULLAH),
        says: 'Not Mohammad Al-Abdullah: as the MENA Research Center cites him, he says Iran was trying to recover part of its costs, for example by controlling the housing sector, and gives no sum.',
      },
    ],
  },
  {
    // MENA's own reasons (paragraph 34); Amer al-Sabaileh, whom the record joins to them, is not
    // offered (see above).
    key: 'why-assad-would-not-break-with-iran',
    stem: 'Bashar al-Assad kept his alliance with Iran despite the cooling. Who gives this reason for it: Tehran imposed no unwanted political changes, while Western and Arab offers demanded concessions on sovereignty?',
    label: 'The MENA Research Center (2024)',
    rivals: [
      {
        label: 'Mohammad Alrumaihi (2024)',
        fact: 'explanation:gaza-neutrality-drove-decline',
        says: 'Not Mohammad Alrumaihi: he writes of a once-strong relationship faltering, with Damascus\'s "neutral" stance in the Gaza war driving the decline.',
      },
      {
        label: 'IranWire',
        fact: 'explanation:practical-geopolitics-not-ideology-behind-alliance',
        says: "Not IranWire: it roots the alliance in practical geopolitical reasons that defied regional expectations, although Ba'athism was at odds with Iran's Islamic system.",
      },
      {
        label: "Wikipedia's article on Iran–Syria relations",
        fact: 'explanation:regional-wars-drew-allies-closer',
        says: 'Not Wikipedia: it says the Iraq War, the "Cedar Revolution" and the 2006 Lebanon War brought the two countries closer after 2000.',
      },
    ],
  },
  {
    // why9: the signs Alrumaihi reads, against the signs and verdicts the other papers give of
    // the same years. No other source mentions the greetings or the Quds Day event.
    key: 'omitted-greetings-and-quds-day-absence',
    stem: 'Who gives this account of the signs of a downturn in Syrian–Iranian relations: Syrian and Iranian official media omitted news of the greetings between Bashar al-Assad and Ebrahim Raisi for Ramadan and Eid al-Fitr, and Iran was absent from the Quds Day event in the Yarmouk camp?',
    label: 'Mohammad Alrumaihi (2024)',
    rivals: [
      {
        label: 'The MENA Research Center (2024)',
        fact: 'explanation:late-condolences-sign-of-rift',
        says: 'Not the MENA Research Center: it reads a different sign, that when the Iranian president died, Assad, Iran\'s "most prominent ally", was among the last to offer condolences.',
      },
      {
        label: 'IranWire',
        fact: 'explanation:iran-left-without-means-to-save-assad-again',
        says: "Not IranWire: it writes that Soleimani's so-called successes in securing Syrian cities were quickly collapsing, and that Iran no longer had the economic capacity, robust proxy forces or seasoned commanders like Soleimani to deploy to Syria.",
      },
      {
        label: 'The Atlantic (December 2025)',
        fact: 'explanation:fall-of-assad-a-blow-to-khamenei',
        says: "Not The Atlantic: it counts the fall of the Assad regime among Khamenei's losses of the past two years, beside Israel's battering of Hamas and Hezbollah.",
      },
    ],
  },
  {
    key: 'calls-in-iran-to-scale-back-support',
    // Audit 32, item N3: "what the cost of supporting Syria led to" was our link; MENA only
    // reports the calls (and gives suspected intelligence leaks beside them).
    stem: 'Which source reports that a growing number of politicians in Iran were calling for scaling back its extensive support for Syria?',
    label: 'The MENA Research Center (2024)',
    rivals: [
      {
        label: 'Mohammad Alrumaihi (2024)',
        fact: 'explanation:russian-intervention-brought-rivalry-with-iran',
        says: "Not Mohammad Alrumaihi: he writes that Russia's intervention brought Tehran heightened competition in Syria, and reports no calls within Iran to scale back the support.",
      },
      {
        label: "Wikipedia's article on Iran–Syria relations",
        fact: 'explanation:agreements-2019-for-economic-cooperation',
        says: "Not Wikipedia: its article describes Iran's support and agreements, such as the 11 agreements of January 2019 to bolster economic cooperation, and no Iranian calls to scale back.",
      },
      {
        label: 'The Atlantic (December 2025)',
        fact: 'explanation:fall-of-assad-a-blow-to-khamenei',
        says: "Not The Atlantic: it counts the fall of the Assad regime among Khamenei's losses of the past two years, beside Israel's battering of Hamas and Hezbollah.",
      },
    ],
  },
];

/** The option id of a claimant: stable, and of the gate's "claimant" class (C4). */
export const claimantId = (label: string): string =>
  `who-${normalise(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`.slice(0, 64);

/**
 * The claimant an option names, as the record's `accordingTo` would spell it: the label up to its
 * first description (", a …", " cited by", " quoted by", ", as …"), without its article or year.
 */
export const claimantHead = (label: string): string =>
  normalise((label.split(/,| cited by | quoted by /)[0] ?? '').replace(/\(\d{4}\)/, ''))
    .replace(/^(?:an?|the) /, '')
    .trim();

const record = (idx: KbIndex, id: string): Explanation => {
  const x = idx.explanations.get(id);
  if (!x) {
    throw new Error(`no explanation ${id}`);
  }
  return x;
};

export const claimWhoTemplate: Template = {
  id: 'claim-who',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    return CLAIM_ITEMS.filter(
      (it) => idx.explanations.has(it.key) && it.rivals.every((r) => idx.facts.has(r.fact)),
    ).map((it) => {
      const x = record(idx, it.key);
      const factIds = [explanationFactId(x.id)];
      const keyId = claimantId(it.label);
      return [
        baseDraft({
          type: 'SINGLE_CHOICE',
          template: 'claim-who',
          version: 1,
          stem: it.stem,
          prompt: {
            options: [
              { id: keyId, label: it.label },
              ...it.rivals.map((r) => ({ id: claimantId(r.label), label: r.label })),
            ],
          },
          key: {
            optionIds: [keyId],
            rationales: [
              rationale(idx, keyId, true, keyLine(x), factIds),
              ...it.rivals.map((r) => rationale(idx, claimantId(r.label), false, r.says, [r.fact])),
            ],
          },
          ...explanationKeyed(idx, x, factIds),
          features: { similarity: 0.6, joins: 2, salience: 0.5, optionCount: it.rivals.length + 1 },
        }),
      ];
    });
  },
  requery: (q, idx) => {
    const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
    if (!x) {
      return { ok: false, reason: 'no explanation' };
    }
    // Re-derived from the record, not the table: the option naming the record's claimant.
    const who = normalise(x.accordingTo);
    const key = optionIds(q).filter((id) => {
      const label = q.prompt.options?.find((o) => o.id === id)?.label ?? '';
      const head = claimantHead(label);
      return contentTokens(head).length > 0 && ` ${who} `.includes(` ${head} `);
    });
    return { ok: true, key };
  },
};

/**
 * In whose account, who or what (why9, audits 30–31: readers asked for more items that test
 * understanding). One passage names several parties, or says what a remark was for; the item asks
 * which party did the asked thing, or what the remark meant, in that account. Each wrong option is
 * a party or point of the same or a neighbouring passage, refuted by its own cited record, and its
 * feedback says what that party did or whose point it is. A curated table like claim-who's: only
 * a reader of the passage can tell which parties are wrong for the stem and not for another.
 * Left out on purpose: Iranian officials as the mediator between Syria and Iran (a party, which the
 * stem would rule out by itself); Falahatpisheh's own $30 billion complaint and Iran's exclusion
 * from Syria's business as what his trade comparison illustrated (same paragraph, a reader could
 * read the comparison as part of that complaint), and the unnamed official's fear of competitors
 * (Turkey is one); the United States beside Israel is offered for Velayati's counterweight only
 * because the question asks Wikipedia's bracket, which names Israel alone.
 */
export interface AccountItem {
  /** The record whose passage names the key (its citations must carry `anchor`). */
  fact: string;
  /** Words of the key record's cited passage that make the key true; requery checks them. */
  anchor: string;
  stem: string;
  /** The key option: its id (an actor slug, or `who-…`/`what-…`) and label. */
  key: { id: string; label: string };
  /** Feedback for the key. */
  keySays: string;
  rivals: readonly (Claimant & { id: string; citations?: readonly string[] })[];
}

export const ACCOUNT_ITEMS: readonly AccountItem[] = [
  {
    fact: 'explanation:iran-air-flights-for-weapons',
    anchor:
      'the head of IranAir, who revealed that Soleimani had personally requested the increased flights',
    stem: "According to Mohammad Javad Zarif's leaked account, as IranWire reports it, Iran Air flights to Damascus increased and carried weapons aboard passenger planes. Who, in that account, had personally requested the increased flights?",
    key: { id: 'who-qassem-soleimani', label: 'Qassem Soleimani, the Quds Force commander' },
    keySays:
      "In Zarif's account, as IranWire reports it, the head of Iran Air revealed that Soleimani had personally requested the increased flights; when Zarif protested, Soleimani reportedly said Iran Air was the safest option for moving weapons to Syria.",
    rivals: [
      {
        id: 'who-minister-of-roads',
        label: "Iran's Minister of Roads and Urban Development",
        fact: 'explanation:iran-air-flights-for-weapons',
        citations: ['iranwire-minister-denied'],
        says: "Not the Minister of Roads and Urban Development: in Zarif's account, as IranWire reports it, Zarif queried him and he denied knowledge of the flights.",
      },
      {
        id: 'who-head-of-iran-air',
        label: 'The head of Iran Air',
        fact: 'explanation:iran-air-flights-for-weapons',
        citations: ['iranwire-soleimani-requested'],
        says: "Not the head of Iran Air: in Zarif's account, as IranWire reports it, he is the one who revealed to Zarif that Soleimani had personally requested the flights.",
      },
      {
        id: 'who-john-kerry',
        label: 'John Kerry, the US Secretary of State',
        fact: 'explanation:kerry-confronted-zarif-over-weapons-flights',
        says: "Not John Kerry: in Zarif's account, as IranWire reports it, Kerry confronted Zarif about the surge in Iran Air flights carrying weapons to Damascus.",
      },
    ],
  },
  {
    fact: 'relation:nasrallah-mediated-syria-iran-disputes',
    anchor:
      'Hezbollah Secretary-General Hassan Nasrallah has utilised his influence with Syrian President Bashar Al Assad to mediate',
    stem: "A senior Syrian official, cited in Mohammad Alrumaihi's 2024 article, says one figure used his influence with Bashar al-Assad to mediate and resolve disputes, particularly when tension ran high in Syrian–Iranian relations. Who, according to that official?",
    key: { id: 'hassan-nasrallah', label: 'Hassan Nasrallah' },
    keySays:
      "A senior Syrian official, cited by a source close to the Syrian government in Alrumaihi's article, said Hezbollah Secretary-General Hassan Nasrallah used his influence with Bashar al-Assad to mediate and resolve disputes, particularly when Syrian–Iranian relations were tense.",
    rivals: [
      {
        id: 'vladimir-putin',
        label: 'Vladimir Putin',
        fact: 'stance:putin-works-to-keep-syria-neutral',
        says: 'Not Vladimir Putin: Alrumaihi says the Russian president played a direct role in keeping the Syrian regime neutral in the Gaza conflict, through contacts with key Arab nations and Israel.',
      },
      // Not Musa al-Sadr (audit 32, item N2, both readers): a 1970s figure the stem's Bashar
      // al-Assad rules out. No Iranian or Syrian either: a party to the disputes.
      {
        id: 'ismail-haniyeh',
        label: 'Ismail Haniyeh',
        fact: 'event:haniyeh-assassinated-in-iran',
        // Audit 33 (N12, both readers): MENA, the only source to name him, writes "Hassan Haniyeh"
        // and gives no year for the killing.
        says: 'Not Ismail Haniyeh: the one source to name him, the MENA Research Center, mentions only his assassination within Iranian territory, after which Iran threatened war or retaliatory strikes against Israel (the source calls him "Hassan Haniyeh").',
      },
    ],
  },
  {
    fact: 'explanation:velayati-golden-counterweight-to-israel',
    anchor: 'golden counterweight [to Israel]',
    // Audit 33 (N3, reader A): "as Wikipedia's bracketed insertion says" asked about the text, not
    // the history; the stem now says the words stand in the article on Syria's ties (Wikipedia's
    // sentence itself does not name Syria, so neither do we) and the feedback keeps the bracket.
    stem: "Wikipedia's article on Iran–Syria relations quotes Ali Akbar Velayati, Iran's senior foreign-policy adviser: Iran was unprepared to lose “this golden counterweight”. According to Wikipedia, a counterweight to which state?",
    key: { id: 'israel', label: 'Israel' },
    keySays:
      'Wikipedia quotes Velayati: "Iran is not prepared to lose this golden counterweight [to Israel]"; the bracketed words, naming Israel, are Wikipedia\'s.',
    rivals: [
      {
        id: 'iraq',
        label: 'Iraq',
        fact: 'explanation:hafez-sought-counterweight-to-israel-and-iraq',
        says: "Not Iraq: the bracket names Israel alone. Iraq belongs to another counterweight in Wikipedia: after Iran's revolution, Hafez al-Assad found in Iran a new counterweight to Israel and Iraq.",
      },
      {
        id: 'united-states',
        label: 'United States',
        fact: 'explanation:military-pact-against-common-threats',
        says: 'Not the United States: the bracket names Israel alone. Wikipedia does say the two countries\' June 2006 military cooperation agreement was against what they called the "common threats" of Israel and the United States.',
      },
      {
        id: 'turkey',
        label: 'Turkey',
        fact: 'stance:turkey-backs-assads-opponents',
        says: "Not Turkey: the bracket names Israel alone. Turkey appears in the MENA Research Center's paper, where Falahatpisheh describes it as having supported Assad's opponents.",
      },
    ],
  },
  {
    fact: 'explanation:falahatpisheh-turkey-trade-no-permanent-friends',
    anchor:
      'To illustrate the saying that nations have no permanent friends, only permanent interests',
    stem: "As the MENA Research Center reports, Heshmatollah Falahatpisheh pointed out that Turkey, which supported Assad's opponents, still traded more than $2 billion with Syria in 2023, 20 times Iran's exchanges with its supposed ally. What did he mean this to illustrate?",
    key: {
      id: 'what-no-permanent-friends',
      label: 'The saying that nations have no permanent friends, only permanent interests',
    },
    keySays:
      "MENA reports that, to illustrate the saying that nations have no permanent friends, only permanent interests, Falahatpisheh pointed out that Turkey, which supported Assad's opponents, still traded more than $2 billion with Syria in 2023, 20 times more than Iran.",
    rivals: [
      {
        id: 'what-merchants-distrust-iranian-goods',
        label: 'That Syrian merchants feared Iran would flood their markets with low-quality goods',
        fact: 'explanation:why-iran-syria-trade-stayed-low',
        says: "Not this: it is Mohammad Al-Abdullah's account, as MENA cites him, of why most of Syria's chambers of commerce would not deal with the Iranian side; Falahatpisheh's comparison illustrated a saying about friends and interests.",
      },
      {
        id: 'what-war-spending-a-debt',
        label: 'That the $50 billion Iran spent on the war in Syria was a debt for Syria to repay',
        fact: 'explanation:leak-puts-iran-war-cost-at-50bn',
        says: "Not this: it is the account of a leaked Iranian presidency document, as Mohammad Alrumaihi reports it; Falahatpisheh's comparison illustrated a saying about friends and interests.",
      },
      {
        id: 'what-no-unwanted-changes',
        label:
          'That Tehran, unlike Western and Arab initiatives, imposed no unwanted political changes on Damascus',
        fact: 'explanation:why-assad-would-not-break-with-iran',
        says: "Not this: it is the MENA Research Center's own reason why Bashar al-Assad kept his alliance with Iran, whose Western and Arab alternatives required concessions on sovereignty; Falahatpisheh's comparison illustrated a saying about friends and interests.",
      },
    ],
  },
];

const passageOf = (idx: KbIndex, factId: string): string =>
  normalise(
    (idx.facts.get(factId)?.citations ?? [])
      .map((c) => idx.citations.get(c)?.quote ?? '')
      .join(' '),
  );

export const inAccountTemplate: Template = {
  id: 'in-account',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) => {
    rememberEras(idx);
    return ACCOUNT_ITEMS.filter(
      (it) =>
        passageOf(idx, it.fact).includes(normalise(it.anchor)) &&
        it.rivals.every((r) => idx.facts.has(r.fact)),
    ).map((it) => {
      const f = idx.facts.get(it.fact);
      const factIds = [it.fact];
      return [
        baseDraft({
          type: 'SINGLE_CHOICE',
          template: 'in-account',
          version: 1,
          stem: it.stem,
          prompt: {
            options: [it.key, ...it.rivals].map((o) => ({ id: o.id, label: o.label })),
          },
          key: {
            optionIds: [it.key.id],
            rationales: [
              rationale(idx, it.key.id, true, it.keySays, factIds),
              ...it.rivals.map((r) => {
                const base = rationale(idx, r.id, false, r.says, [r.fact]);
                return r.citations ? { ...base, citationIds: [...r.citations] } : base;
              }),
            ],
          },
          explanation: it.keySays,
          citationIds: citeFacts(idx, factIds),
          factIds,
          eraSlug: f?.era ?? null,
          themes: f?.themes ?? [],
          actorSlugs: f?.actors ?? [],
          features: { similarity: 0.6, joins: 2, salience: 0.5, optionCount: it.rivals.length + 1 },
        }),
      ];
    });
  },
  requery: (q, idx) => {
    // The key stands while the key record's cited passage still carries the words that make it true.
    const it = ACCOUNT_ITEMS.find((a) => a.fact === q.factIds[0] && a.stem === q.stem);
    if (!it) {
      return { ok: false, reason: 'no curated item' };
    }
    return {
      ok: true,
      key: passageOf(idx, it.fact).includes(normalise(it.anchor)) ? [it.key.id] : [],
    };
  },
};

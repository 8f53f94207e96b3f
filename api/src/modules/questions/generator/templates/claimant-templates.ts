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
 *  - Amer al-Sabaileh for why Assad would not break with Iran (the KB record joins his words to
 *    the MENA paper's): that item asks the MENA paper's own reasons against other papers.
 * Not asked: records whose development names the claimant ("An Iranian official urged …").
 */
import type { Explanation } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex } from '../kb-index';
import { contentTokens, normalise } from '../text';
import type { Template } from '../types';
import { baseDraft, optionIds, rationale } from './common';
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
    key: 'israeli-warning-kept-syria-out',
    stem: "Damascus avoided involvement in the Gaza war. Who gives this reason for it: a warning from Tel Aviv that Israel would destroy Bashar al-Assad's regime if Syria were used against it?",
    label: ISRAELI_REPORT,
    rivals: [DIPLOMATS, TABLER, NASRALLAH].map(rival),
  },
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
    key: 'calls-in-iran-to-scale-back-support',
    stem: 'Who gives this account of what the cost of supporting Syria led to within Iran: a growing number of Iranian politicians called for scaling back the support?',
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

/**
 * "Who says what" (issue 11, claims as claims): which of the sources gives a reason, an aim or a
 * consequence the KB records. The key is the outlet whose cited passages carry the record; a wrong
 * option is another outlet of the KB none of whose passages (cited quotes, or KB records citing
 * it) contains any distinctive word of the claim, so it provably does not make it. The outlets are
 * the four documents and the publishers quoted on the search-results page (The Atlantic, CSIS, …);
 * `understanding-sound.test.ts` re-checks every wrong option against the full source text.
 */
import type { Citation, Explanation, KnowledgeBase } from '@quiz/prisma/knowledge';
import { explanationFactId, type KbIndex, stanceFactId } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, lowerFirst, normalise, stripFinalPeriod } from '../text';
import type { Draft, Template } from '../types';
import { baseDraft, citeFacts, optionIds, rationale } from './common';
import OUTLET_WORDS from './outlet-words.json';
import { fixAssad, restatesTopic } from './understanding-templates';

/** The search-results page: one file, many publishers (each snippet is its own outlet). */
const SEARCH_PAGE = 'search-results-december-2025';

/** How a student knows each outlet; snippet publishers as the search page names them. */
const OUTLET_LABELS: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^wikipedia/i, 'wikipedia', 'Wikipedia'],
  [/^iranwire/i, 'iranwire', 'IranWire'],
  [/^mena-research/i, 'mena', 'The MENA Research Center'],
  [/^alrumaihi/i, 'alrumaihi', 'Mohammad Alrumaihi'],
  [/^Responsible Statecraft/, 'responsible-statecraft', 'Responsible Statecraft'],
  [/^United States Institute of Peace/, 'usip', 'The United States Institute of Peace'],
  [/^The Atlantic/, 'atlantic', 'The Atlantic'],
  [/^Center for Strategic/, 'csis', 'The Center for Strategic and International Studies'],
  [/^Institute for the Study of War/, 'isw', 'The Institute for the Study of War'],
  [/^IDF site/, 'idf', 'The IDF website'],
  [/^New Lines Institute/, 'new-lines', 'The New Lines Institute'],
  [/^Iran International/, 'iran-international', 'Iran International'],
  [/^Wilson Center/, 'wilson', 'The Wilson Center'],
];

/** The outlets that are whole documents (the others are one snippet each on the search page). */
const FULL_DOCUMENTS = new Set(['wikipedia', 'iranwire', 'mena', 'alrumaihi']);

/** Outlet id of a citation: its document, or the snippet's publisher; undefined if unknown. */
export const outletOf = (c: Pick<Citation, 'source' | 'locator'>): string | undefined => {
  const name =
    c.source === SEARCH_PAGE ? (c.locator.match(/^snippet: (.+)$/)?.[1] ?? '') : c.source;
  return OUTLET_LABELS.find(([re]) => re.test(name))?.[1];
};

export const outletLabel = (id: string): string =>
  OUTLET_LABELS.find(([, o]) => o === id)?.[2] ?? id;

/** Outlet names as they may appear in a record's own words (a stem naming one gives the key). */
const NAMES_OUTLET =
  /\b(Wikipedia|IranWire|MENA|Alrumaihi|Atlantic|CSIS|Statecraft|Institute|IDF|New Lines|Iran International|Wilson|Asharq|Al Watan|Reuters)\b/i;

/** Words that say nothing about which claim a document makes. */
const GENERIC = new Set(
  (
    'the and for its his her their them they this that these those which what who whom was were ' +
    'has have had been being not but with from into over also about after before more most other ' +
    'than then there some such only very because against between during under when where while ' +
    'would could should may might can did does any all one two new own per via yet out off its ' +
    'iran iranian iranians irans syria syrian syrians syrias assad bashar hafez tehran damascus ' +
    'find found toward towards power powers action actions western west build building lasting ' +
    'cooperation cooperate made make makes making way ways part parts kept keep held hold gave give ' +
    'given took take long time times years year great much many well still even just like'
  ).split(' '),
);

/** The words of a text that could show a document makes the claim: 5-letter stems, no generic word. */
export const claimTokens = (text: string): string[] => [
  ...new Set(
    normalise(text)
      .split(' ')
      .filter((w) => w.length >= 3 && !GENERIC.has(w) && !/^\d+$/.test(w))
      .map((w) => w.slice(0, 5)),
  ),
];

/**
 * Each outlet's own text, read by `fileText` (a source file's name → its text): a whole document,
 * or the lines of its snippets on the search page (publisher, address, title, snippet).
 */
export const outletTexts = (
  kb: Pick<KnowledgeBase, 'sources' | 'citations'>,
  fileText: (file: string) => string,
): Map<string, string> => {
  const out = new Map<string, string>();
  const file = (slug: string): string => {
    const s = kb.sources.find((x) => x.slug === slug);
    return s ? fileText(s.file) : '';
  };
  const page = file(SEARCH_PAGE).split('\n');
  for (const c of kb.citations) {
    const o = outletOf(c);
    if (!o) {
      continue;
    }
    if (c.source !== SEARCH_PAGE) {
      out.set(o, file(c.source));
      continue;
    }
    const line = Number(c.locator.match(/line (\d+)/)?.[1] ?? 0);
    const text = page.slice(Math.max(0, line - 4), line).join('\n');
    const had = out.get(o) ?? '';
    if (!had.includes(text)) {
      out.set(o, `${had}\n${text}`);
    }
  }
  return out;
};

/** `outlet-words.json`: the words of each outlet's text, written by `scripts/outlet-words.ts`. */
export const outletWords = (texts: Map<string, string>): Record<string, string> =>
  Object.fromEntries(
    [...texts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([o, t]) => [o, claimTokens(t).sort().join(' ')]),
  );

type Outlets = {
  /** Per outlet, every word its cited quotes or the KB records citing it use. */
  vocab: Map<string, Set<string>>;
  /** Per outlet, one explanation (else stance) it is cited for: what *is* true of it as an option. */
  example: Map<string, { factId: string; line: string }>;
  /** Words every whole document uses: no evidence either way. */
  common: Set<string>;
};

const outletCache = new WeakMap<KbIndex, Outlets>();

/** Outlet ids of a record's citations. */
const outletsOfCitations = (idx: KbIndex, ids: readonly string[]): string[] => [
  ...new Set(
    ids.flatMap((id) => {
      const c = idx.citations.get(id);
      const o = c ? outletOf(c) : undefined;
      return o ? [o] : [];
    }),
  ),
];

const recordTexts = (idx: KbIndex): { citations: string[]; text: string }[] => [
  ...idx.kb.explanations.map((x) => ({
    citations: x.citations,
    text: `${x.topic} ${x.answer} ${x.detail}`,
  })),
  ...idx.kb.stances.map((s) => ({ citations: s.citations, text: s.statement })),
  ...idx.kb.events.map((e) => ({ citations: e.citations, text: `${e.title} ${e.summary}` })),
  ...idx.kb.quotes.map((q) => ({ citations: [q.citation], text: `${q.words} ${q.topic ?? ''}` })),
];

const outletsOf = (idx: KbIndex): Outlets => {
  const cached = outletCache.get(idx);
  if (cached) {
    return cached;
  }
  const vocab = new Map<string, Set<string>>();
  const add = (o: string, text: string): void => {
    const set = vocab.get(o) ?? new Set<string>();
    for (const t of claimTokens(text)) {
      set.add(t);
    }
    vocab.set(o, set);
  };
  for (const c of idx.kb.citations) {
    const o = outletOf(c);
    if (o) {
      add(o, c.quote);
    }
  }
  // The documents' own words (the search page's FAQ and reader comments included): silence is
  // judged on the whole text, not only on the passages the KB cites.
  for (const [o, words] of Object.entries(OUTLET_WORDS as Record<string, string>)) {
    const set = vocab.get(o) ?? new Set<string>();
    for (const w of words.split(' ')) {
      set.add(w);
    }
    vocab.set(o, set);
  }
  // Our own words for what an outlet says widen its vocabulary: a wrong option must be silent on them too.
  for (const r of recordTexts(idx)) {
    for (const o of outletsOfCitations(idx, r.citations)) {
      add(o, r.text);
    }
  }
  const docs = [...FULL_DOCUMENTS].map((o) => vocab.get(o) ?? new Set<string>());
  const common = new Set([...(docs[0] ?? [])].filter((t) => docs.every((d) => d.has(t))));
  const example = new Map<string, { factId: string; line: string }>();
  for (const x of idx.kb.explanations) {
    const [o, ...more] = outletsOfCitations(idx, x.citations);
    if (o && more.length === 0 && !example.has(o) && !NAMES_OUTLET.test(x.topic)) {
      example.set(o, {
        factId: explanationFactId(x.id),
        line: fixAssad(`it explains ${explainedPhrase(x)}`, x.eras),
      });
    }
  }
  for (const s of idx.kb.stances) {
    const [o, ...more] = outletsOfCitations(idx, s.citations);
    if (o && more.length === 0 && !example.has(o)) {
      example.set(o, {
        factId: stanceFactId(s.id),
        line: `it is the source for this: ${lowerFirst(stripFinalPeriod(s.statement))}`,
      });
    }
  }
  const out = { vocab, example, common };
  outletCache.set(idx, out);
  return out;
};

const WHY_KINDS = new Set(['CAUSE', 'PURPOSE']);

/** "why Iran stepped up …", "what its support for Assad cost Iran": what a record explains. */
const explainedPhrase = (x: Explanation): string =>
  WHY_KINDS.has(x.kind) ? `why ${lowerTopic(x.topic)}` : lowerTopic(x.topic);

/** A topic inside a sentence: a leading common word lowered, a name kept. */
const lowerTopic = (topic: string): string =>
  /^(The|A|An|What|How|Where|Which|Why)\b/.test(topic)
    ? topic.charAt(0).toLowerCase() + topic.slice(1)
    : topic;

/** The claim's words that an outlet must not use to be a wrong option. */
export const distinctiveTokens = (idx: KbIndex, claim: string): string[] => {
  const { common } = outletsOf(idx);
  return claimTokens(claim).filter((t) => !common.has(t));
};

/** Outlets silent on every distinctive word of the claim (never one of `keys`). */
export const silentOutlets = (idx: KbIndex, claim: string, keys: readonly string[]): string[] => {
  const { vocab, example } = outletsOf(idx);
  const words = distinctiveTokens(idx, claim);
  return [...vocab.keys()].filter(
    (o) =>
      !keys.includes(o) &&
      example.has(o) &&
      !words.some((w) => vocab.get(o)?.has(w)) &&
      // A claim with fewer than two distinctive words proves too little either way.
      words.length >= 2,
  );
};

/** Explanations asked: one outlet, a phrase for an answer, no outlet named in its own words. */
export const attributable = (idx: KbIndex, x: Explanation): boolean =>
  x.status !== 'DISPUTED' &&
  outletsOfCitations(idx, x.citations).length === 1 &&
  x.answer.length >= 12 &&
  x.answer.length <= 170 &&
  !/\.\s/.test(x.answer) &&
  !restatesTopic(x) &&
  !NAMES_OUTLET.test(`${x.topic} ${x.answer}`);

const optId = (o: string): string => `src-${o}`;

/** The claim as a student reads it: "this reason why …: …" or "this account of …: …". */
const claimPhrase = (idx: KbIndex, x: Explanation): string =>
  fixAssad(
    `${WHY_KINDS.has(x.kind) ? 'this reason why' : 'this account of'} ${lowerTopic(stripFinalPeriod(x.topic))}: ${stripFinalPeriod(x.answer)}`,
    erasOf(idx, x),
  );

/** A record's eras, or its event's era when it lists none (for naming the right Assad). */
const erasOf = (idx: KbIndex, x: Explanation): string[] => {
  const era = x.event ? idx.events.get(x.event)?.era : undefined;
  return x.eras.length > 0 ? x.eras : era ? [era] : [];
};

const keyLine = (idx: KbIndex, x: Explanation): string =>
  fixAssad(`${stripFinalPeriod(x.detail)}.`, erasOf(idx, x));

/** What a wrong outlet *is* cited for, never the key again. */
const outletRationale = (idx: KbIndex, o: string) => {
  const ex = outletsOf(idx).example.get(o);
  return rationale(
    idx,
    optId(o),
    false,
    `${outletLabel(o)} does not give it in the sources; among other things ${ex?.line ?? ''}.`,
    ex ? [ex.factId] : [],
  );
};

/** Wrong outlets for a claim: whole documents first (the likelier guesses), then snippets. */
const wrongOutlets = (idx: KbIndex, x: Explanation, key: string): string[] => {
  const rng = contentRng(`source:${x.id}`);
  const silent = silentOutlets(idx, x.answer, [key]);
  const ranked = silent
    .map((o) => ({ o, r: (FULL_DOCUMENTS.has(o) ? 0 : 1) + rng.next() * 0.9 }))
    .sort((a, b) => a.r - b.r)
    .map((c) => c.o);
  return ranked;
};

/** The outlets whose cited quotes include one of the record's quotes, found by text (requery). */
const outletsByQuote = (idx: KbIndex, citationIds: readonly string[]): Set<string> => {
  const quotes = new Set(citationIds.map((id) => idx.citations.get(id)?.quote).filter(Boolean));
  const out = new Set<string>();
  for (const c of idx.kb.citations) {
    const o = outletOf(c);
    if (o && quotes.has(c.quote)) {
      out.add(o);
    }
  }
  return out;
};

const eraOf = (x: Explanation): string | null => (x.eras.length === 1 ? (x.eras[0] ?? null) : null);

/** Single choice: "Which of these sources gives this reason why …: …?" */
export const sourceWhichTemplate: Template = {
  id: 'source-which',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) =>
    idx.kb.explanations
      .filter((x) => attributable(idx, x))
      .map((x) => {
        const key = outletsOfCitations(idx, x.citations)[0] ?? '';
        const wrong = wrongOutlets(idx, x, key);
        const factIds = [explanationFactId(x.id)];
        const drafts: Draft[] = [];
        for (const skip of [0, 1]) {
          const chosen = wrong.slice(skip, skip + 3);
          if (chosen.length < 3) {
            break;
          }
          drafts.push(
            baseDraft({
              type: 'SINGLE_CHOICE',
              template: 'source-which',
              version: 1,
              stem: `Which of these sources gives ${claimPhrase(idx, x)}?`,
              prompt: {
                options: [key, ...chosen].map((o) => ({ id: optId(o), label: outletLabel(o) })),
              },
              key: {
                optionIds: [optId(key)],
                rationales: [
                  rationale(idx, optId(key), true, keyLine(idx, x), factIds),
                  ...chosen.map((o) => outletRationale(idx, o)),
                ],
              },
              explanation: keyLine(idx, x),
              citationIds: citeFacts(idx, factIds),
              factIds,
              eraSlug: eraOf(x),
              themes: x.themes,
              actorSlugs: x.actor ? [x.actor] : [],
              features: { similarity: 0.4, joins: 1, salience: 0.5, optionCount: 4 },
            }),
          );
        }
        return drafts;
      })
      .filter((g) => g.length > 0),
  requery: (q, idx) => {
    const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
    if (!x) {
      return { ok: false, reason: 'no explanation' };
    }
    const by = outletsByQuote(idx, x.citations);
    return { ok: true, key: optionIds(q).filter((id) => by.has(id.replace(/^src-/, ''))) };
  },
};

/**
 * True/false: "IranWire gives this reason why …: …". The outlet is the record's (true) or a whole
 * document silent on the claim (false), chosen per record so both keys occur.
 */
export const sourceTrueFalseTemplate: Template = {
  id: 'source-true-false',
  version: 1,
  type: 'TRUE_FALSE',
  timeVarying: false,
  generate: (idx) =>
    idx.kb.explanations
      .filter((x) => attributable(idx, x))
      .map((x) => {
        const key = outletsOfCitations(idx, x.citations)[0] ?? '';
        // A false statement names a whole document: "The Atlantic says …" would be refuted by one snippet.
        const wrong = wrongOutlets(idx, x, key).filter((o) => FULL_DOCUMENTS.has(o));
        const asFalse = wrong.length > 0 && contentRng(`source-tf:${x.id}`).next() < 0.5;
        const named = asFalse ? (wrong[0] ?? key) : key;
        const factIds = [explanationFactId(x.id)];
        const refuting = asFalse ? outletsOf(idx).example.get(named) : undefined;
        const truth = asFalse ? 'false' : 'true';
        const why = asFalse
          ? `False: ${outletLabel(named)} does not give it; ${outletLabel(key)} does. ${keyLine(idx, x)}`
          : `True. ${keyLine(idx, x)}`;
        return [
          baseDraft({
            type: 'TRUE_FALSE',
            template: 'source-true-false',
            version: 1,
            ordering: 'fixed',
            slots: [named],
            stem: `True or false: ${outletLabel(named)} gives ${claimPhrase(idx, x)}.`,
            prompt: {
              options: [
                { id: 'true', label: 'True' },
                { id: 'false', label: 'False' },
              ],
            },
            key: {
              optionIds: [truth],
              rationales: [
                rationale(idx, truth, true, why, factIds),
                rationale(
                  idx,
                  asFalse ? 'true' : 'false',
                  false,
                  asFalse
                    ? `${outletLabel(named)} is silent on it; ${refuting?.line ?? 'it is cited for other points'}.`
                    : `${outletLabel(named)} does give it, in the passage cited.`,
                  refuting ? [...factIds, refuting.factId] : factIds,
                ),
              ],
            },
            explanation: why,
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: eraOf(x),
            themes: x.themes,
            actorSlugs: x.actor ? [x.actor] : [],
            features: { similarity: 0.4, joins: 1, salience: 0.5, optionCount: 2 },
          }),
        ];
      }),
  requery: (q, idx) => {
    const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
    const named = OUTLET_LABELS.find(([, , label]) =>
      q.stem.startsWith(`True or false: ${label}`),
    )?.[1];
    if (!x || !named) {
      return { ok: false, reason: 'no explanation or outlet' };
    }
    return { ok: true, key: [outletsByQuote(idx, x.citations).has(named) ? 'true' : 'false'] };
  },
};

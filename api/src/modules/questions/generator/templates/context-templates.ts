/**
 * Quotes and figures in context (issue 11: "every figure (what the $30bn debt was, what the $244m
 * measured) and every quote in context (who was speaking to whom about what, not three loose
 * words)"). The key is the record's own `subject` / `ask`, written from the passage around it; every
 * wrong option is another record's, so its feedback can say whose it is and what it was instead.
 */
import type { Figure, Quote } from '@quiz/prisma/knowledge';
import { datePhrase, statedDate, toInterval } from '../dates';
import { nameInText, personAt } from '../describe';
import { actorLabel, type KbIndex, quoteFactId } from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, contentTokens, stripFinalPeriod } from '../text';
import type { Template } from '../types';
import { formatAmount } from './choice-templates';
import {
  askableFigure,
  baseDraft,
  citeFacts,
  claimant,
  optionIds,
  quoteNoteInWords,
  rationale,
} from './common';
import { outletLabel, outletOf } from './outlets';
import {
  figureChoiceDraft,
  figureLabel,
  fixAssad,
  optId,
  sourcePhrase,
} from './understanding-templates';

/** Below this many words a quote is a fragment: the stem gives its occasion with it (audit 3, item 82). */
export const MIN_QUOTE_WORDS = 5;

/** Words nearly every subject has: sharing them is no shared topic. */
const GENERIC = new Set([
  'syria',
  'syrias',
  'syrian',
  'iran',
  'irans',
  'iranian',
  'two',
  'states',
  'countries',
  'country',
  'after',
  'said',
]);

const topicTokens = (text: string): string[] => contentTokens(text).filter((t) => !GENERIC.has(t));

const quoteEras = (idx: KbIndex, q: Quote): string[] => {
  const era = idx.facts.get(quoteFactId(q.id))?.era;
  const ev = q.event ? idx.events.get(q.event)?.era : undefined;
  return era ? [era] : ev ? [ev] : [];
};

/**
 * The speaker with the office the words were said in: from the date when there is one, else the
 * role the quote's own context gives ("Supreme Leader Ali Khamenei"), since Khamenei was also
 * President and a bare name is ambiguous in time (gate B6).
 */
const speakerPhrase = (idx: KbIndex, q: Quote): string => {
  if (q.speakerLabel) {
    return q.speakerLabel;
  }
  const dated = personAt(idx, q.speaker, q.date ? toInterval(q.date) : undefined);
  const name = actorLabel(idx, q.speaker);
  if (dated !== name) {
    return dated;
  }
  for (const o of idx.actors.get(q.speaker)?.offices ?? []) {
    const role = o.title.replace(/ of .*$/, '');
    const m = new RegExp(`((?:[Tt]hen-)?${role}) ${name}`).exec(q.context);
    if (m) {
      return `${m[1]} ${name}`;
    }
  }
  return name;
};

/** "Ali Khamenei", "the official": how the question refers back to the speaker. */
const speakerShort = (idx: KbIndex, q: Quote): string =>
  q.speakerLabel ? `the ${q.speakerLabel.split(' ').at(-1)}` : actorLabel(idx, q.speaker);

/** A state's own label for something ("defense of the shrine"): asked as what it named. */
const isLabel = (idx: KbIndex, q: Quote): boolean =>
  !q.speakerLabel && idx.actors.get(q.speaker)?.kind !== 'PERSON';

/** The occasion without the clauses that only say what the source leaves out. */
const occasionPhrase = (q: Quote): string =>
  quoteNoteInWords(
    (q.occasion ?? '')
      .split(/;\s*/)
      .filter((part) => !/\bnot\b/.test(part))
      .join('; '),
  );

/** When the words were said, as the student may read it: a stated date, else the source's label. */
const whenSaid = (q: Quote): string => {
  const d = statedDate(q.date);
  if (d) {
    return ` (${datePhrase(d).replace(/^(in|on) /, '')})`;
  }
  return q.date?.label ? ` (${q.date.label})` : '';
};

/** Pronouns in a subject point at its own speaker: as another quote's option they would mislead. */
const PRONOUN = /\b(his|her|its|he|she|their)\b/i;

const stemOf = (idx: KbIndex, q: Quote, eras: readonly string[]): string => {
  const words = stripFinalPeriod(q.words);
  const who = fixAssad(capitalise(speakerPhrase(idx, q)), eras);
  if (isLabel(idx, q)) {
    return `According to ${sourcePhrase(q.reportedBy ?? 'the sources')}, what did ${nameInText(idx, q.speaker)} call “${words}”?`;
  }
  const short = speakerShort(idx, q);
  const ask = `What was ${short} talking about?`;
  if (q.lead) {
    return `${who} ${q.lead} “${words}”. ${ask}`;
  }
  if (words.split(/\s+/).length < MIN_QUOTE_WORDS) {
    const occasion = fixAssad(stripFinalPeriod(occasionPhrase(q)), eras);
    // Not "X said: “no tangible results”" (audit 3, item 82): the words are shown as a phrase
    // used on an occasion, and the question asks what it was about.
    return `${who} used the words “${words}” (${occasion}). ${ask}`;
  }
  return `${who} said: “${words}”. ${ask}`;
};

/**
 * Single choice: the words with their speaker (and, for a fragment, the occasion); what were they
 * about? Wrong options are other quotes' subjects that share no topic with it: not its event, not
 * its topic, not the same speaker on the same theme, no topic word in common.
 */
export const quoteContextTemplate: Template = {
  id: 'quote-context',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) =>
    idx.kb.quotes
      .filter((q) => q.status !== 'DISPUTED' && q.subject)
      .flatMap((q) => {
        const eras = quoteEras(idx, q);
        const key = fixAssad(capitalise(q.subject as string), eras);
        const keyToks = topicTokens(key);
        const wordToks = topicTokens(q.words);
        const pool = idx.kb.quotes.filter((o) => {
          if (!o.subject || o.id === q.id || o.status === 'DISPUTED' || PRONOUN.test(o.subject)) {
            return false;
          }
          const toks = topicTokens(o.subject);
          return !(
            (o.event !== undefined && o.event === q.event) ||
            (o.topic !== undefined && o.topic === q.topic) ||
            (o.speaker === q.speaker && o.themes.some((t) => q.themes.includes(t))) ||
            toks.some((t) => keyToks.includes(t) || wordToks.includes(t))
          );
        });
        // Options must not share a topic among themselves either: one would stand for another.
        const rng = contentRng(`quote-context:${q.id}`);
        const ranked = pool
          .map((o) => ({
            o,
            d:
              (quoteEras(idx, o).some((e) => eras.includes(e)) ? 0 : 40) +
              Math.abs((o.subject ?? '').length - key.length) +
              rng.next() * 20,
          }))
          .sort((a, b) => a.d - b.d)
          .map((c) => c.o);
        const chosen: Quote[] = [];
        for (const o of ranked) {
          const toks = topicTokens(o.subject ?? '');
          if (
            chosen.length < 3 &&
            !chosen.some((c) => c.event === o.event && c.event !== undefined) &&
            !chosen.some((c) => topicTokens(c.subject ?? '').some((t) => toks.includes(t)))
          ) {
            chosen.push(o);
          }
        }
        if (chosen.length < 2) {
          return [];
        }
        const fid = quoteFactId(q.id);
        const words = stripFinalPeriod(q.words);
        const line = `“${words}” was about ${fixAssad(q.subject as string, eras)}; the occasion: ${fixAssad(stripFinalPeriod(occasionPhrase(q)), eras)}.`;
        return [
          [
            baseDraft({
              type: 'SINGLE_CHOICE',
              template: 'quote-context',
              version: 1,
              stem: stemOf(idx, q, eras),
              prompt: {
                options: [q, ...chosen].map((o) => ({
                  id: optId('ctx-', o.id),
                  label: fixAssad(capitalise(o.subject as string), quoteEras(idx, o)),
                })),
              },
              key: {
                optionIds: [optId('ctx-', q.id)],
                rationales: [
                  rationale(idx, optId('ctx-', q.id), true, line, [fid]),
                  ...chosen.map((o) =>
                    rationale(
                      idx,
                      optId('ctx-', o.id),
                      false,
                      // Whose the wrong subject is, and when, as its own source gives it.
                      `That is what other words were about: “${stripFinalPeriod(o.words)}”, which ${o.reportedBy ?? 'a source'} gives to ${o.speakerLabel ?? actorLabel(idx, o.speaker)}${fixAssad(whenSaid(o), quoteEras(idx, o))}.`,
                      [quoteFactId(o.id)],
                    ),
                  ),
                ],
              },
              explanation: line,
              citationIds: citeFacts(idx, [fid]),
              factIds: [fid],
              eraSlug: idx.facts.get(fid)?.era ?? null,
              themes: q.themes,
              actorSlugs: [q.speaker],
              features: {
                similarity: 0.45,
                joins: 1,
                salience: 0.5,
                optionCount: chosen.length + 1,
              },
            }),
          ],
        ];
      }),
  requery: (q, idx) => {
    const quote = idx.kb.quotes.find((x) => quoteFactId(x.id) === q.factIds[0]);
    if (!quote?.subject) {
      return { ok: false, reason: 'no quote subject' };
    }
    // Any option whose quote has the asked quote's subject is the key.
    const key = optionIds(q).filter((id) =>
      idx.kb.quotes.some((o) => optId('ctx-', o.id) === id && o.subject === quote.subject),
    );
    return { ok: true, key };
  },
};

/** A number an option can stand for: a count or span, not money, a ratio, a range or a bound. */
const countable = (f: Figure): boolean =>
  f.status !== 'DISPUTED' &&
  // A duration's unit is what it says: "what did the figure of about 2 count?" for "about two weeks
  // later" hid the words of the source behind a number hunt (audits 23 and 29, item 8).
  f.measures !== 'DURATION' &&
  f.unit !== 'USD' &&
  f.unit !== 'times' &&
  f.amountHigh === undefined &&
  f.lowerBound !== true;

/** What a figure counted, as an option: its `ask`, else its description's head when that reads as one. */
const countLabel = (f: Figure): string | null => {
  if (f.ask) {
    return capitalise(f.ask);
  }
  const l = figureLabel(f);
  return l.split(' ').length >= 6 && !/^(How|Period|Number|Length)\b/.test(l) ? l : null;
};

const approximate = (f: Figure): boolean => /^approximate/i.test(f.description);

/** "18", "about 2": the bare number, its unit left out so the unit gives nothing away. */
const bareNumber = (f: Figure): string =>
  `${approximate(f) ? 'about ' : ''}${formatAmount(f).replace(` ${f.unit}`, '')}`;

/**
 * Single choice: "According to ISW, what did the figure of 18 count?" Options are what other
 * figures counted (within ten times the amount, so common sense does not answer it); each wrong
 * option's feedback gives the amount its own source puts on it.
 */
export const figurePeriodTemplate: Template = {
  id: 'figure-period',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) =>
    idx.kb.figures
      // Election seats in Iraq and a duration with no date to count from stay unasked (audit 3,
      // and again audit 19, items 50, 53, 68: off topic, or not placeable by a student).
      .filter((f) => f.ask && countable(f) && askableFigure(f))
      .flatMap((f) => {
        const others = idx.kb.figures.filter(
          (o) =>
            o.id !== f.id &&
            countable(o) &&
            // Nor as wrong options (audit 19: Iraqi seats beside every count).
            askableFigure(o) &&
            o.amount !== f.amount &&
            countLabel(o) !== null &&
            Math.max(o.amount, f.amount) <= 10 * Math.min(o.amount, f.amount),
        );
        const rng = contentRng(`figure-period:${f.id}`);
        const key = countLabel(f) as string;
        const chosen = others
          .map((o) => ({
            o,
            d: Math.abs((countLabel(o) ?? '').length - key.length) + rng.next() * 20,
          }))
          .sort((a, b) => a.d - b.d)
          .slice(0, 3)
          .map((c) => c.o);
        if (chosen.length < 2) {
          return [];
        }
        const outlet = outletOf(idx.citations.get(f.citation) ?? { source: '', locator: '' });
        const lead =
          f.status !== 'FACT'
            ? `According to ${claimant(idx, f.claimedBy ?? '')}`
            : outlet
              ? `According to ${sourcePhrase(outletLabel(outlet)).replace(/^The /, 'the ')}`
              : 'In the sources';
        // The ask already says when; the record's period note is for editors, not students.
        const line = `The figure of ${bareNumber(f)} counted ${f.ask}${f.claimedBy ? `, according to ${claimant(idx, f.claimedBy)}` : ''}.`;
        return [
          [
            figureChoiceDraft(idx, {
              template: 'figure-period',
              prefix: 'cnt-',
              stem: `${lead}, what did the figure of ${bareNumber(f)} count?`,
              key: f,
              others: chosen,
              label: (o) => countLabel(o) as string,
              line,
              wrong: (o) =>
                `For that the sources give ${approximate(o) ? 'about ' : ''}${formatAmount(o)}${o.claimedBy ? `, according to ${claimant(idx, o.claimedBy)}` : ''}, not ${bareNumber(f)}.`,
            }),
          ],
        ];
      }),
  requery: (q, idx) => {
    const f = idx.figures.get(q.factIds[0]?.replace(/^figure:/, '') ?? '');
    if (!f) {
      return { ok: false, reason: 'no figure' };
    }
    // Any option whose figure has the asked amount counted it.
    const key = optionIds(q).filter((id) =>
      idx.kb.figures.some((o) => optId('cnt-', o.id) === id && o.amount === f.amount),
    );
    return { ok: true, key };
  },
};

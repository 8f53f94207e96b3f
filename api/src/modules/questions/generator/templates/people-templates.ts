/**
 * OFFICE_HOLDER, WHO_SAID and MATCHING: questions about people. Office keys come only from proven
 * tenures or attested dates; a distractor is refuted because the office has one holder at a time
 * and the key is proven to hold it then.
 */
import { type DateValue, MONTHS, type Quote } from '@quiz/prisma/knowledge';
import {
  datePhrase,
  dateWords,
  type Interval,
  isStatable,
  singleYear,
  statedDate,
  statedPhrase,
  toInterval,
  yearInterval,
  yearOfDay,
} from '../dates';
import { citationPublisher, displayTitle, eventSentence, nameInText, uniq } from '../describe';
import { pickDiverse, type Scored, scoreActors } from '../distractors';
import {
  actorFactId,
  actorLabel,
  holdsOfficeAt,
  isInPublicLife,
  type KbIndex,
  mayHoldOfficeAt,
  type OfficeFact,
  provesHolderThroughout,
  quoteFactId,
  SINGLE_HOLDER_ROLES,
  sourceWindow,
} from '../kb-index';
import { contentRng } from '../rng';
import { capitalise, containsPhrase, normalise, stripFinalPeriod, wordCount } from '../text';
import { yearsApart } from './true-false';
import { fixAssad } from './understanding-templates';

/** How far from the asked date a wrong holder's own office may lie (a generation). */
const OFFICE_RIVAL_YEARS = 25;

import type { Draft, Template } from '../types';
import {
  baseDraft,
  citeFacts,
  claimant,
  datableEvents,
  eventFact,
  optionIds,
  quoteNoteInWords,
  rationale,
  yearOptionId,
} from './common';

const sameOffice = (a: OfficeFact, b: OfficeFact): boolean =>
  a.office.role === b.office.role && a.office.of === b.office.of;

/** "on 6 September 1984" / "in June 2011" / "in 1984" without labels, so the gate can parse it back. */
const plainDatePhrase = (d: DateValue): string => datePhrase({ ...d, label: undefined });

/** Parses the date phrase a stem ends with back into a date ("in 1984?", "on 6 September 1984?"). */
export const parseStemDate = (stem: string): DateValue | null => {
  const season = stem.match(/\b(?:in|on) (spring|summer|autumn|winter) (\d{4})\?$/);
  if (season) {
    const first = { spring: '03', summer: '06', autumn: '09', winter: '12' }[
      season[1] as 'spring' | 'summer' | 'autumn' | 'winter'
    ];
    return { value: `${season[2]}-${first}`, precision: 'SEASON' };
  }
  const m = stem.match(/\b(?:in|on) (?:(\d{1,2}) )?(?:([A-Z][a-z]+) )?(\d{4})\?$/);
  if (!m) {
    return null;
  }
  const y = m[3] ?? '';
  const month = m[2] ? MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1 : 0;
  if (m[2] && month === 0) {
    return null;
  }
  const mm = String(month).padStart(2, '0');
  if (m[1] && month) {
    return { value: `${y}-${mm}-${m[1].padStart(2, '0')}`, precision: 'DAY' };
  }
  return month ? { value: `${y}-${mm}`, precision: 'MONTH' } : { value: y, precision: 'YEAR' };
};

/** Persons proven to hold the office (role, of) throughout `when`, strictly enough to exclude others. */
export const provenHolders = (idx: KbIndex, like: OfficeFact, when: Interval): string[] =>
  uniq(
    idx.offices
      .filter((o) => sameOffice(o, like) && provesHolderThroughout(o, when))
      .map((o) => o.person),
  );

/** Persons the KB shows in the office at some point of `when` (enough for a true statement). */
export const attestedHolders = (idx: KbIndex, like: OfficeFact, when: Interval): string[] =>
  uniq(
    idx.offices.filter((o) => sameOffice(o, like) && holdsOfficeAt(o, when)).map((o) => o.person),
  );

/** Dates at which to ask about an office: attested dates, and event years inside a proven tenure. */
const askDates = (idx: KbIndex, o: OfficeFact): DateValue[] => {
  // Only day-precise attestations pin the one holder; coarser ones show "someone, at some point".
  const out: DateValue[] = o.office.attested
    .filter((d) => d.precision === 'DAY')
    .map((d) => ({ ...d, label: undefined }));
  if (o.tenure) {
    const years = uniq(
      datableEvents(idx)
        .map((x) => x.year)
        .filter((y) => o.tenure && provesHolderThroughout(o, yearInterval(y))),
    );
    for (const y of years.slice(0, 6)) {
      out.push({ value: String(y), precision: 'YEAR' });
    }
  }
  const seen = new Set<string>();
  return out.filter((d) => {
    const k = `${d.value}:${d.precision}`;
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
};

const officeLine = (idx: KbIndex, o: OfficeFact): string => {
  // Only EXACT dates are stated: "post-Mousavi's death" gives no month to print.
  const from = statedDate(o.office.from);
  const to = statedDate(o.office.to);
  const when = from
    ? to
      ? ` from ${dateWords(from)} to ${dateWords(to)}`
      : ` from ${dateWords(from)}`
    : to
      ? ` until ${dateWords(to)}`
      : statedPhrase(o.office.attested.find(isStatable));
  return `${actorLabel(idx, o.person)} was ${o.office.title}${when}.`;
};

export const officeHolderTemplate: Template = {
  id: 'office-holder',
  version: 1,
  type: 'OFFICE_HOLDER',
  timeVarying: true,
  generate: (idx) => {
    const groups: Draft[][] = [];
    for (const o of idx.offices.filter((x) => SINGLE_HOLDER_ROLES.has(x.office.role))) {
      for (const d of askDates(idx, o)) {
        const when = toInterval(d);
        const holders = provenHolders(idx, o, when);
        if (holders.length !== 1 || holders[0] !== o.person) {
          continue;
        }
        // Another person whose (unproven) tenure touches the date would make the key doubtful.
        const rivals = idx.offices.filter(
          (x) => sameOffice(x, o) && x.person !== o.person && x.tenure && mayHoldOfficeAt(x, when),
        );
        if (rivals.length > 0) {
          continue;
        }
        const candidates = uniq(
          idx.offices
            .filter(
              (x) =>
                x.person !== o.person &&
                (sameOffice(x, o) ||
                  x.office.role === o.office.role ||
                  (x.office.of === o.office.of && SINGLE_HOLDER_ROLES.has(x.office.role))),
            )
            .map((x) => x.person),
        )
          .filter((p) => idx.actors.get(p)?.kind === 'PERSON' && isInPublicLife(idx, p, when))
          // "President of Iran" rules out a Syrian or Iraqi by itself: only the same office or the
          // same state's people (audit 2, items 13 and 68).
          .filter(
            (p) =>
              idx.offices.some((x) => x.person === p && sameOffice(x, o)) ||
              idx.actors.get(p)?.nationality === o.office.of,
          )
          // Someone in office within a generation of the date: Fawzi Selou (1953) as President in
          // 2025, or Mossadegh as Supreme Leader in 2022, rules itself out (audit 15, items 9, 83).
          .filter((p) =>
            idx.offices.some((x) => x.person === p && yearsApart(x, when) <= OFFICE_RIVAL_YEARS),
          );
        const rng = contentRng(`office:${o.id}:${d.value}`);
        const ranked = scoreActors(idx, candidates, {
          key: o.person,
          anchors: [o.office.of],
          when,
          sameSubtype: (p) => idx.offices.some((x) => x.person === p && sameOffice(x, o)),
          rng,
        });
        const label = (s: string): string => actorLabel(idx, s);
        const drafts: Draft[] = [];
        for (const k of [3, 2]) {
          const chosen = pickDiverse(ranked, k, label);
          if (chosen.length < k) {
            continue;
          }
          const phrase = plainDatePhrase(d);
          const keyLine = `${label(o.person)} was ${o.office.title} ${phrase}.`;
          const ownOffice = (p: string): OfficeFact | undefined =>
            idx.offices.find((x) => x.person === p && sameOffice(x, o)) ??
            idx.offices.find((x) => x.person === p);
          const rationales = [
            rationale(idx, o.person, true, keyLine, [o.id]),
            ...chosen.map(({ item: p }) => {
              const own = ownOffice(p);
              return rationale(
                idx,
                p,
                false,
                `Not ${label(p)}: ${label(o.person)} held the office ${phrase}, and it has one holder at a time.${own ? ` ${officeLine(idx, own)}` : ''}`,
                [o.id, ...(own ? [own.id] : [])],
              );
            }),
          ];
          const factIds = [o.id];
          drafts.push(
            baseDraft({
              type: 'OFFICE_HOLDER',
              template: 'office-holder',
              version: 1,
              stem: `Who was ${o.office.title} ${phrase}?`,
              prompt: {
                options: [o.person, ...chosen.map((c) => c.item)].map((p) => ({
                  id: p,
                  label: label(p),
                })),
              },
              key: { optionIds: [o.person], rationales },
              explanation: keyLine,
              citationIds: citeFacts(idx, factIds),
              factIds,
              eraSlug: idx.facts.get(o.id)?.era ?? null,
              actorSlugs: [o.person, o.office.of, ...chosen.map((c) => c.item)],
              slots: [`date:${d.value}:${d.precision}`],
              features: {
                similarity: chosen.reduce((s, c) => s + c.similarity, 0) / chosen.length,
                joins: 2,
                salience: Math.min(1, (idx.salience.get(o.person) ?? 0) / 8),
                optionCount: k + 1,
              },
            }),
          );
        }
        if (drafts.length > 0) {
          groups.push(drafts);
        }
      }
    }
    return groups;
  },
  requery: (q, idx) => {
    const o = idx.offices.find((x) => x.id === q.factIds[0]);
    const d = parseStemDate(q.stem);
    if (!o || !d) {
      return { ok: false, reason: 'no office fact or no date in the stem' };
    }
    const when = toInterval(d);
    const holders = provenHolders(idx, o, when);
    if (!SINGLE_HOLDER_ROLES.has(o.office.role) && holders.length > 0) {
      return { ok: false, reason: 'office can have several holders' };
    }
    return {
      ok: true,
      key: holders
        .filter((h) => optionIds(q).includes(h))
        .concat(holders.filter((h) => !optionIds(q).includes(h)).map((h) => `missing:${h}`)),
    };
  },
};

/** Replaces the speaker's names in their own words with "[…]" (qgen E1). */
export const redactSpeaker = (idx: KbIndex, q: Quote): string => {
  const a = idx.actors.get(q.speaker);
  const forms = uniq(
    [a?.name, a?.shortName, ...(a?.aliases ?? [])]
      .filter((x): x is string => Boolean(x))
      .sort((x, y) => y.length - x.length),
  );
  let words = q.words;
  for (const f of forms) {
    const re = new RegExp(f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    words = words.replace(re, '[…]');
  }
  return words;
};

/** Only an EXACT date goes into a stem or feedback: "published on Tuesday" is not the day words were said. */
const quoteDate = (q: Quote): DateValue | undefined => statedDate(q.date);

/** At most this many who-said items offer one person as a wrong speaker (audit 6: Raisi, Zahedi, Jahangiri in every Iranian quote). */
export const MAX_WHO_SAID_DISTRACTOR_USES = 3;

/** Years before a quote's window a person's last dated appearance may lie (no 1953 premier for 2024 words). */
const LOOKBACK_YEARS = 5;
const YEAR_DAYS = 365.25;

/**
 * When the words were said: their date, else the speaker's dated years up to the reporting
 * source's publication, else the fifteen years before it (audit 6: al-Sharaa, first seen in 2025,
 * offered for words in a 2024 paper).
 */
export const quoteWindow = (idx: KbIndex, q: Quote): Interval | undefined => {
  if (q.date) {
    return toInterval(q.date);
  }
  const published = sourceWindow(idx, q.citation);
  const own = idx.appearances.get(q.speaker);
  if (!published) {
    return own;
  }
  const hi = published.hi;
  return own && own.lo <= hi
    ? { lo: own.lo, hi: Math.min(own.hi, hi) }
    : { lo: hi - 15 * YEAR_DAYS, hi };
};

/**
 * A wrong speaker must be in public life in the quote's window: first seen by its end, not dead
 * before its start, and, if dated at all, seen within LOOKBACK_YEARS of it.
 */
const speaksInWindow = (idx: KbIndex, p: string, when: Interval | undefined): boolean => {
  if (!when) {
    return true;
  }
  const seen = idx.appearances.get(p);
  return (
    isInPublicLife(idx, p, when) &&
    (seen === undefined || seen.hi >= when.lo - LOOKBACK_YEARS * YEAR_DAYS)
  );
};

/**
 * A commentator, not an office holder: a researcher, analyst or professor the sources cite. Their
 * words read as analysis ("Iran floods the markets with low-quality products"), so a head of state
 * or a prime minister offered for them was ruled out by the register alone (audit 27, items 28, 75).
 */
const ANALYST = /\b(?:researcher|analyst|professor)\b/i;
export const isAnalyst = (idx: KbIndex, slug: string): boolean => {
  const a = idx.actors.get(slug);
  return a?.kind === 'PERSON' && a.offices.length === 0 && ANALYST.test(a.description);
};

/** "Andrew Tabler appears in the sources as an analyst at the Washington Institute, …". */
const analystLine = (idx: KbIndex, slug: string): string => {
  const d = stripFinalPeriod(idx.actors.get(slug)?.description.split(/;\s/)[0] ?? '');
  // "Analyst at …" → "an analyst at …"; "Jordanian researcher …" keeps its capital.
  const lower = /^(?:Analyst|Author|Researcher|Professor)\b/.test(d)
    ? d.charAt(0).toLowerCase() + d.slice(1)
    : d;
  const era = idx.facts.get(actorFactId(slug))?.era;
  return fixAssad(
    `${actorLabel(idx, slug)} appears in the sources as ${/^[aeiou]/i.test(lower) ? 'an' : 'a'} ${lower}.`,
    era ? [era] : [],
  );
};

/** Persons the sources quote or cite as claimants (speakers, figures' and relations' claimants). */
const quotedPeople = (idx: KbIndex): Set<string> => {
  const claims = [
    ...idx.kb.figures.map((f) => f.claimedBy ?? ''),
    ...idx.kb.relations.map((r) => r.claimedBy ?? ''),
  ];
  return new Set([
    ...idx.kb.quotes.map((q) => q.speaker),
    ...idx.kb.actors
      .filter((a) => a.kind === 'PERSON' && claims.some((c) => containsPhrase(c, a.name)))
      .map((a) => a.slug),
  ]);
};

/** Sources that name a person in any fact. */
const sourcesNaming = (idx: KbIndex, slug: string): Set<string> =>
  new Set(
    [...idx.facts.values()]
      .filter((f) => f.actors.includes(slug))
      .flatMap((f) => f.citations.map((c) => idx.citations.get(c)?.source ?? '')),
  );

/**
 * Wrong speakers for a quote, ranked: the speaker's side first, then people the sources quote,
 * people the same source names, people of the quote's themes and years, with a seeded jitter
 * keyed by the quote so the sets rotate (audit 6: the same three Iranians for every Khamenei quote).
 */
const rankSpeakers = (
  idx: KbIndex,
  q: Quote,
  candidates: readonly string[],
  sameSide: (p: string) => boolean,
  when: Interval | undefined,
): Scored<string>[] => {
  const rng = contentRng(`who-said-distractors:${q.id}`);
  const quoted = quotedPeople(idx);
  const source = idx.citations.get(q.citation)?.source ?? '';
  const themes = new Set(q.themes);
  const themed = (p: string): boolean =>
    [...idx.facts.values()].some(
      (f) => f.actors.includes(p) && f.themes.some((t) => themes.has(t)),
    );
  const near = (p: string): number => {
    const seen = idx.appearances.get(p);
    if (!when || !seen) {
      return 0.5;
    }
    if (seen.lo <= when.hi && when.lo <= seen.hi) {
      return 1;
    }
    const gap = Math.min(Math.abs(seen.lo - when.hi), Math.abs(when.lo - seen.hi)) / 365;
    return Math.exp(-gap / 5);
  };
  return candidates
    .map((p) => {
      const parts = [
        sameSide(p) ? 1 : 0,
        quoted.has(p) ? 1 : 0,
        sourcesNaming(idx, p).has(source) ? 1 : 0,
        themed(p) ? 1 : 0,
        near(p),
      ];
      const score =
        2 * (parts[0] ?? 0) +
        (parts[1] ?? 0) +
        (parts[2] ?? 0) +
        0.5 * (parts[3] ?? 0) +
        0.8 * (parts[4] ?? 0) +
        rng.next() * 1.2;
      return { item: p, score, similarity: parts.reduce((a, b) => a + b, 0) / parts.length };
    })
    .sort((a, b) => b.score - a.score || (a.item < b.item ? -1 : 1));
};

export const whoSaidTemplate: Template = {
  id: 'who-said',
  version: 1,
  type: 'WHO_SAID',
  timeVarying: false,
  generate: (idx) => {
    const speakers = uniq(idx.kb.quotes.map((q) => q.speaker));
    // How often each person has been offered as a wrong speaker so far in this bank.
    const uses = new Map<string, number>();
    return idx.kb.quotes.flatMap((q) => {
      const speaker = idx.actors.get(q.speaker);
      // Under six words the gate blocks the item (S5): it must not use up anyone's turns.
      if (speaker?.kind !== 'PERSON' || q.status === 'DISPUTED' || wordCount(q.words) < 6) {
        return [];
      }
      // The same words credited to someone else would make the key doubtful.
      if (
        idx.kb.quotes.some(
          (o) =>
            o.id !== q.id && o.speaker !== q.speaker && normalise(o.words) === normalise(q.words),
        )
      ) {
        return [];
      }
      if (q.reportedBy && containsPhrase(q.reportedBy, actorLabel(idx, q.speaker))) {
        return [];
      }
      const words = redactSpeaker(idx, q);
      const d = quoteDate(q);
      // Undated words: said before the source was published (audit 6: al-Sharaa and al-Shaibani,
      // first seen in 2025, were offered for words in a 2024 paper).
      const when = quoteWindow(idx, q);
      // The lookback is dropped only where it leaves fewer than two people (a small KB).
      const strictLife = (p: string): boolean => speaksInWindow(idx, p, when);
      const looseLife = (p: string): boolean => (when ? isInPublicLife(idx, p, when) : true);
      const otherQuote = (p: string): Quote | undefined =>
        idx.kb.quotes.find((x) => x.speaker === p);
      // One true line about the distractor: an office the sources record, else what they said.
      const aboutPerson = (p: string): string => {
        if (isAnalyst(idx, p)) {
          return analystLine(idx, p);
        }
        const own = idx.offices.find((x) => x.person === p);
        if (own) {
          return officeLine(idx, own);
        }
        const oq = otherQuote(p);
        return oq ? `${actorLabel(idx, p)} is quoted in the sources about ${oq.topic}.` : '';
      };
      // An analyst's words are offered only against other analysts the sources cite.
      const analyst = isAnalyst(idx, q.speaker);
      const eligible = (inLife: (p: string) => boolean): string[] =>
        uniq([
          ...speakers,
          ...idx.kb.actors.filter((a) => isAnalyst(idx, a.slug)).map((a) => a.slug),
          ...idx.kb.actors
            .filter((a) => a.kind === 'PERSON' && a.offices.length > 0)
            .map((a) => a.slug),
        ]).filter(
          (p) =>
            p !== q.speaker &&
            idx.actors.get(p)?.kind === 'PERSON' &&
            isAnalyst(idx, p) === analyst &&
            inLife(p) &&
            // "Given Family" options only (C16: a bare "Khomeini" beside full names), each with
            // its one true line, and nobody past their share of who-said items.
            actorLabel(idx, p).trim().split(/\s+/).length >= 2 &&
            aboutPerson(p) !== '' &&
            (uses.get(p) ?? 0) < MAX_WHO_SAID_DISTRACTOR_USES,
        );
      const strict = eligible(strictLife);
      const people = strict.length >= 2 ? strict : eligible(looseLife);
      // Words that speak for a side ("we", "our", the speaker's state by name) rule out anyone
      // from another side by themselves (audit 2: Saddam Hussein offered for Khamenei's words).
      const nation = speaker.nationality ? idx.actors.get(speaker.nationality) : undefined;
      const sided =
        /\b(we|our|us|ours)\b/i.test(q.words) ||
        (nation !== undefined && containsPhrase(q.words, nation.shortName ?? nation.name));
      const isSameSide = (p: string): boolean =>
        idx.actors.get(p)?.nationality === speaker.nationality;
      const sameSide = people.filter(isSameSide);
      // Otherwise same-side people still come first: a foe offered for a side's words is a joke
      // option (Saddam Hussein for Khamenei on Syria, Khamenei for a Syrian critic of Iran).
      // From another side, only someone the sources quote is a plausible speaker (Olaf Scholz
      // for a Syrian researcher's words on Iran's costs is a joke option).
      const quoted = quotedPeople(idx);
      const ranked = rankSpeakers(
        idx,
        q,
        analyst
          ? people
          : sided || sameSide.length >= 2
            ? sameSide
            : people.filter((p) => isSameSide(p) || quoted.has(p)).length >= 2
              ? people.filter((p) => isSameSide(p) || quoted.has(p))
              : people,
        isSameSide,
        when,
      );
      const chosen = pickDiverse(ranked, 3, (s) => actorLabel(idx, s));
      if (chosen.length < 2) {
        return [];
      }
      for (const c of chosen) {
        uses.set(c.item, (uses.get(c.item) ?? 0) + 1);
      }
      const factId = quoteFactId(q.id);
      const publisher = capitalise(citationPublisher(idx, q.citation));
      // An undated remark's feedback says who is quoted and on what; "X does not date the remark"
      // read as source plumbing (audit 11, item 49).
      // A source's summary of someone's message is not a quotation of them (audit 18, item 45).
      const summed = /\bmessage\b/.test(q.occasion ?? '');
      const credit = `${publisher} ${summed ? 'sums up the message of' : 'quotes'} ${actorLabel(idx, q.speaker)}${d ? ` ${datePhrase(d)}` : ''}. Context: ${stripFinalPeriod(quoteNoteInWords(q.context))}.`;
      const attribution =
        q.reportedBy && q.status !== 'FACT'
          ? `According to ${claimant(idx, q.reportedBy)}, who`
          : 'Who';
      // What the words were about, so a fragment ("the regime is incapable of covering these high
      // costs") is not asked bare (audit 3, item 60); never a topic naming or pointing at the speaker.
      const topic = (q.topic ?? '')
        .replace(/\s*\([^)]*\)/g, '')
        .replace(/, in the same statement.*$/, '')
        .trim();
      const about =
        topic &&
        !/\b(his|her|he|she|him)\b/i.test(topic) &&
        !containsPhrase(topic, actorLabel(idx, q.speaker)) &&
        !containsPhrase(
          topic,
          (actorLabel(idx, q.speaker).split(' ').pop() ?? '').replace(/^al-/, ''),
        )
          ? ` about ${topic}`
          : '';
      const whenPhrase = d ? ` ${plainDatePhrase(d)}` : '';
      // A source's rendering of someone's message is not their exact words (audit 3, item 29).
      // A fragment with no subject of its own is asked with the source's framing around it (audit
      // 12, item 32: "seeking to overthrow Syria's political system …" read as a loose phrase).
      const stem = summed
        ? `Whose message does ${q.reportedBy ? claimant(idx, q.reportedBy) : publisher} sum up in these words${whenPhrase}?`
        : q.lead
          ? `${attribution} ${stripFinalPeriod(q.lead)} the following${whenPhrase}?`
          : `${attribution} said these words${about}${whenPhrase}?`;
      const rationales = [
        rationale(idx, q.speaker, true, `${credit.replace(/[.\s]+$/, '')}.`, [factId]),
        ...chosen.map(({ item: p }) => {
          const oq = otherQuote(p);
          return rationale(
            idx,
            p,
            false,
            `Not ${actorLabel(idx, p)}: ${summed ? `the source sums up the message of ${actorLabel(idx, q.speaker)} in these words` : `the source gives these words to ${actorLabel(idx, q.speaker)}`}.${aboutPerson(p) ? ` ${aboutPerson(p)}` : ''}`,
            [
              factId,
              ...(isAnalyst(idx, p)
                ? [actorFactId(p)]
                : idx.offices.find((x) => x.person === p)
                  ? [(idx.offices.find((x) => x.person === p) as OfficeFact).id]
                  : oq
                    ? [quoteFactId(oq.id)]
                    : []),
            ],
          );
        }),
      ];
      return [
        [
          baseDraft({
            type: 'WHO_SAID',
            template: 'who-said',
            version: 1,
            stem,
            prompt: {
              quote: words,
              options: [q.speaker, ...chosen.map((c) => c.item)].map((p) => ({
                id: p,
                label: actorLabel(idx, p),
              })),
            },
            key: { optionIds: [q.speaker], rationales },
            explanation: `${credit.replace(/[.\s]+$/, '')}.`,
            citationIds: citeFacts(idx, [factId]),
            factIds: [factId],
            eraSlug: idx.facts.get(factId)?.era ?? null,
            themes: q.themes,
            actorSlugs: [q.speaker, ...chosen.map((c) => c.item)],
            features: {
              similarity: chosen.reduce((s, c) => s + c.similarity, 0) / chosen.length,
              joins: 1,
              salience: Math.min(1, (idx.salience.get(q.speaker) ?? 0) / 8),
              optionCount: chosen.length + 1,
            },
          }),
        ],
      ];
    });
  },
  requery: (q, idx) => {
    const quote = idx.quotes.get(q.factIds[0]?.replace(/^quote:/, '') ?? '');
    return quote ? { ok: true, key: [quote.speaker] } : { ok: false, reason: 'no quote fact' };
  },
};

const titleId = (title: string): string => `t-${normalise(title).replace(/ /g, '-')}`.slice(0, 64);

/** Whether a person is recorded in an office with this title. */
const heldTitle = (idx: KbIndex, person: string, title: string): boolean =>
  idx.offices.some((o) => o.person === person && normalise(o.office.title) === normalise(title));

export const matchOfficesTemplate: Template = {
  id: 'match-offices',
  version: 1,
  type: 'MATCHING',
  timeVarying: false,
  generate: (idx) => {
    const persons = uniq(idx.offices.map((o) => o.person)).filter(
      (p) => idx.actors.get(p)?.kind === 'PERSON',
    );
    const groups: Draft[][] = [];
    const seen = new Set<string>();
    for (const anchor of persons) {
      const rng = contentRng(`match-offices:${anchor}`);
      for (let variant = 0; variant < 3; variant += 1) {
        const size = 3 + rng.int(2);
        const picks: { person: string; title: string; office: OfficeFact }[] = [];
        const order = [anchor, ...persons.filter((p) => p !== anchor).sort(() => 0)].map(
          (p, i) => ({
            p,
            r: i === 0 ? -1 : rng.next(),
          }),
        );
        // One nationality per item: "Saddam Hussein / Kash Patel / Hussein Arnous" against Iraq's,
        // the White House's and Syria's offices was solved by nationality alone (audit 13, items
        // 45 and 69); among one state's officials only knowing the offices does it.
        const nationality = idx.actors.get(anchor)?.nationality;
        for (const { p } of order.sort((a, b) => a.r - b.r)) {
          if (picks.length >= size) {
            break;
          }
          if (nationality === undefined || idx.actors.get(p)?.nationality !== nationality) {
            continue;
          }
          // Titles with editorial asides ("(not named in the snippet)") are no labels for players.
          // A government body's title with no state for it or its holder ("Head of the National
          // Intelligence Service", audit 2 item 65) does not say whose it is: no fair target.
          const stateless = (o: OfficeFact): boolean =>
            idx.actors.get(o.office.of)?.kind === 'ORGANISATION' &&
            idx.actors.get(o.office.of)?.orgType === 'GOVERNMENT_BODY' &&
            !idx.actors.get(p)?.nationality;
          // "Member of a supervisory body" (audit 4, item 89) names no body: solvable only by elimination.
          const offices = idx.offices.filter(
            (o) =>
              o.person === p &&
              !/[()]/.test(o.office.title) &&
              !/^Member of an? /i.test(o.office.title) &&
              !stateless(o),
          );
          const office = offices[rng.int(offices.length)];
          if (!office) {
            continue;
          }
          const title = office.office.title;
          const trial = [...picks, { person: p, title, office }];
          // The pairing must be one-to-one: nobody else in the set held any chosen title.
          const unique = trial.every((a) =>
            trial.every((b) => (a === b) === heldTitle(idx, a.person, b.title)),
          );
          if (unique && !picks.some((x) => normalise(x.title) === normalise(title))) {
            picks.push({ person: p, title, office });
          }
        }
        if (picks.length < 3) {
          continue;
        }
        const sig = picks
          .map((x) => `${x.person}>${titleId(x.title)}`)
          .sort()
          .join(',');
        if (seen.has(sig)) {
          continue;
        }
        seen.add(sig);
        const factIds = picks.map((x) => x.office.id);
        groups.push([
          baseDraft({
            type: 'MATCHING',
            template: 'match-offices',
            version: 1,
            stem: 'Match each person to an office the sources record them holding.',
            prompt: {
              items: picks.map((x) => ({ id: x.person, label: actorLabel(idx, x.person) })),
              targets: picks.map((x) => ({ id: titleId(x.title), label: x.title })),
            },
            key: {
              pairs: picks.map((x) => ({ itemId: x.person, targetId: titleId(x.title) })),
              rationales: picks.map((x) =>
                rationale(idx, x.person, true, officeLine(idx, x.office), [x.office.id]),
              ),
            },
            explanation: picks.map((x) => officeLine(idx, x.office)).join(' '),
            citationIds: citeFacts(idx, factIds),
            factIds,
            actorSlugs: picks.flatMap((x) => [x.person, x.office.office.of]),
            features: {
              similarity: 0.5,
              joins: picks.length,
              salience: 0.5,
              optionCount: picks.length,
            },
          }),
        ]);
      }
    }
    return groups;
  },
  requery: (q, idx) => {
    const items = q.prompt.items ?? [];
    const targets = q.prompt.targets ?? [];
    const pairs: string[] = [];
    for (const it of items) {
      const hits = targets.filter((t) => heldTitle(idx, it.id, t.label));
      if (hits.length !== 1) {
        return { ok: false, reason: `${it.id} matches ${hits.length} targets` };
      }
      pairs.push(`${it.id}>${hits[0]?.id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

export const matchYearsTemplate: Template = {
  id: 'match-years',
  version: 1,
  type: 'MATCHING',
  timeVarying: false,
  generate: (idx) => {
    // Spans ("Iran–Iraq War") have no single year they "took place" in.
    const pool = datableEvents(idx).filter((x) => !x.event.end);
    const groups: Draft[][] = [];
    const seen = new Set<string>();
    for (const { event: anchor, year: anchorYear } of pool) {
      const rng = contentRng(`match-years:${anchor.slug}`);
      for (let variant = 0; variant < 3; variant += 1) {
        const size = 3 + rng.int(2);
        const picks = [{ event: anchor, year: anchorYear }];
        const near = pool
          .filter((x) => x.event !== anchor)
          .map((x) => ({ x, s: Math.abs(x.year - anchorYear) + rng.next() * (6 + 6 * variant) }))
          .sort((a, b) => a.s - b.s);
        for (const { x } of near) {
          if (picks.length >= size) {
            break;
          }
          if (!picks.some((p) => p.year === x.year)) {
            picks.push(x);
          }
        }
        if (picks.length < 3) {
          continue;
        }
        picks.sort((a, b) => a.year - b.year);
        const sig = picks.map((p) => p.event.slug).join(',');
        if (seen.has(sig)) {
          continue;
        }
        seen.add(sig);
        const factIds = picks.map((p) => eventFact(p.event));
        const gaps = picks.slice(1).map((p, i) => p.year - (picks[i]?.year ?? p.year));
        const line = (p: (typeof picks)[number]): string => eventSentence(idx, p.event);
        groups.push([
          baseDraft({
            type: 'MATCHING',
            template: 'match-years',
            version: 1,
            stem: 'Match each event to the year it took place.',
            prompt: {
              items: picks.map((p) => ({ id: p.event.slug, label: displayTitle(idx, p.event) })),
              targets: picks.map((p) => ({ id: yearOptionId(p.year), label: String(p.year) })),
            },
            key: {
              pairs: picks.map((p) => ({ itemId: p.event.slug, targetId: yearOptionId(p.year) })),
              rationales: picks.map((p) =>
                rationale(idx, p.event.slug, true, line(p), [eventFact(p.event)]),
              ),
            },
            explanation: picks.map(line).join(' '),
            citationIds: citeFacts(idx, factIds),
            factIds,
            eraSlug: picks.every((p) => p.event.era === anchor.era) ? anchor.era : null,
            themes: uniq(picks.flatMap((p) => p.event.themes)),
            actorSlugs: picks.flatMap((p) => p.event.participants.map((x) => x.actor)),
            features: {
              similarity: 0.5,
              minYearGap: Math.min(...gaps),
              joins: picks.length,
              salience: 0.5,
              optionCount: picks.length,
            },
          }),
        ]);
      }
    }
    return groups;
  },
  requery: (q, idx) => {
    const pairs: string[] = [];
    for (const it of q.prompt.items ?? []) {
      const e = idx.events.get(it.id);
      const y = e ? singleYear(e.start) : null;
      const t = (q.prompt.targets ?? []).filter((x) => x.label === String(y));
      if (y === null || t.length !== 1) {
        return { ok: false, reason: `${it.id} has no unique year target` };
      }
      pairs.push(`${it.id}>${t[0]?.id}`);
    }
    return { ok: true, key: pairs.sort() };
  },
};

export { yearOfDay };

/**
 * SINGLE_CHOICE "office-state": "Imad Khamis was Prime Minister of which state?". An office title
 * names one state, so the office fact itself refutes every other state; asked only when the person's
 * offices with that role all belong to one state.
 */
export const officeStateTemplate: Template = {
  id: 'office-state',
  version: 1,
  type: 'SINGLE_CHOICE',
  timeVarying: false,
  generate: (idx) =>
    idx.offices.flatMap((o) => {
      const state = idx.actors.get(o.office.of);
      const person = idx.actors.get(o.person);
      const stateName = actorLabel(idx, o.office.of);
      const m = o.office.title.match(
        new RegExp(`^(.+) of ${stateName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      if (state?.kind !== 'STATE' || person?.kind !== 'PERSON' || !m?.[1]) {
        return [];
      }
      const role = m[1];
      const sameRole = idx.offices.filter(
        (x) => x.person === o.person && x.office.title.startsWith(`${role} of `),
      );
      if (new Set(sameRole.map((x) => x.office.of)).size !== 1 || sameRole[0] !== o) {
        return [];
      }
      const states = idx.kb.actors
        .filter((a) => a.kind === 'STATE' && a.slug !== o.office.of)
        .map((a) => a.slug);
      const rng = contentRng(`office-state:${o.id}`);
      const ranked = scoreActors(idx, states, {
        key: o.office.of,
        anchors: [o.person, o.office.of],
        when: idx.facts.get(o.id)?.when,
        sameSubtype: (s) =>
          idx.offices.some((x) => x.office.of === s && x.office.role === o.office.role),
        rng,
      });
      const label = (s: string): string => actorLabel(idx, s);
      const line = officeLine(idx, o);
      const drafts: Draft[] = [];
      for (const k of [3, 2]) {
        const chosen = pickDiverse(ranked, k, label);
        if (chosen.length < k) {
          continue;
        }
        drafts.push(
          baseDraft({
            type: 'SINGLE_CHOICE',
            template: 'office-state',
            version: 1,
            stem: `${actorLabel(idx, o.person)} was ${role} of which state?`,
            prompt: {
              options: [o.office.of, ...chosen.map((c) => c.item)].map((s) => ({
                id: s,
                label: label(s),
              })),
            },
            key: {
              optionIds: [o.office.of],
              rationales: [
                rationale(idx, o.office.of, true, line, [o.id]),
                ...chosen.map(({ item }) =>
                  rationale(
                    idx,
                    item,
                    false,
                    `Not ${nameInText(idx, item)}: ${line.replace(/\.$/, '')}, an office of ${nameInText(idx, o.office.of)}.`,
                    [o.id],
                  ),
                ),
              ],
            },
            explanation: line,
            citationIds: citeFacts(idx, [o.id]),
            factIds: [o.id],
            eraSlug: idx.facts.get(o.id)?.era ?? null,
            actorSlugs: [o.person, o.office.of, ...chosen.map((c) => c.item)],
            features: {
              similarity: chosen.reduce((s, c) => s + c.similarity, 0) / chosen.length,
              joins: 1,
              salience: Math.min(1, (idx.salience.get(o.person) ?? 0) / 8),
              optionCount: k + 1,
            },
          }),
        );
      }
      return drafts.length > 0 ? [drafts] : [];
    }),
  requery: (q, idx) => {
    const o = idx.offices.find((x) => x.id === q.factIds[0]);
    return o ? { ok: true, key: [o.office.of] } : { ok: false, reason: 'no office fact' };
  },
};

/**
 * Item-level quality checks (qgen-anchors §3), each a pure function (question, kbIndex) → findings.
 * A finding is a failure; an item with no BLOCK finding may enter the bank.
 */
import { type DateValue, formatDate, MONTHS } from '@quiz/prisma/knowledge';
import { type Interval, singleYear, span, toInterval, yearInterval } from '../generator/dates';
import { hasChangingRole } from '../generator/describe';
import { actorLabel, isInPublicLife, type KbIndex, mayHoldOfficeAt } from '../generator/kb-index';
import { templateById } from '../generator/templates';
import { orderGivenAway, strictlyOrdered } from '../generator/templates/order-templates';
import { clauseEntails, stanceTypeIn } from '../generator/templates/stance';
import {
  articleErrors,
  containsPhrase,
  contentTokens,
  normalise,
  tokens,
  wordCount,
  yearsIn,
} from '../generator/text';
import { type BankQuestion, CHOICE_TYPES, QuestionKey, QuestionPrompt } from '../types';
import type { CheckResult, Severity } from './types';

type Check = (q: BankQuestion, idx: KbIndex) => CheckResult[];

const fail = (id: string, severity: Severity, message: string): CheckResult[] => [
  { id, severity, message },
];

const options = (q: BankQuestion) => q.prompt.options ?? [];
const keyIds = (q: BankQuestion): string[] => q.key.optionIds ?? [];
const distractors = (q: BankQuestion) => options(q).filter((o) => !keyIds(q).includes(o.id));
const isChoice = (q: BankQuestion): boolean => CHOICE_TYPES.includes(q.type);
const isYearId = (id: string): boolean => /^y\d{4}$/.test(id);

/** The stem's time window: the years it states, else the key fact's dates. */
export const stemWindow = (q: BankQuestion, idx: KbIndex): Interval | undefined => {
  const ys = yearsIn(q.stem);
  if (ys.length > 0) {
    return { lo: yearInterval(Math.min(...ys)).lo, hi: yearInterval(Math.max(...ys)).hi };
  }
  return idx.facts.get(q.factIds[0] ?? '')?.when;
};

/** A1: the template's independent KB re-query gives exactly the stored key. */
const a1: Check = (q, idx) => {
  const t = templateById(q.template);
  if (!t) {
    return fail('A1', 'BLOCK', `unknown template ${q.template}`);
  }
  const r = t.requery(q, idx);
  if (!r.ok) {
    return fail('A1', 'BLOCK', `re-query failed: ${r.reason}`);
  }
  const stored =
    q.type === 'CHRONOLOGY'
      ? (q.key.order ?? [])
      : q.type === 'MATCHING'
        ? (q.key.pairs ?? []).map((p) => `${p.itemId}>${p.targetId}`).sort()
        : q.type === 'NUMERIC_YEAR'
          ? [String(q.key.year)]
          : q.type === 'SHORT_ANSWER'
            ? (q.key.answers ?? []).slice(0, 1)
            : [...keyIds(q)].sort();
  const expected = q.type === 'CHRONOLOGY' ? r.key : [...r.key].sort();
  return stored.join('|') === expected.join('|')
    ? []
    : fail(
        'A1',
        'BLOCK',
        `key ${stored.join(',')} but the KB gives ${expected.join(',') || 'nothing'}`,
      );
};

const citedFact = (idx: KbIndex, id: string): boolean =>
  (idx.facts.get(id)?.citations ?? []).some((c) => idx.citations.has(c));

/** A2 + A5: every option, item or numeric answer has a rationale; wrong ones cite a refuting fact. */
const a2: Check = (q, idx) => {
  const out: CheckResult[] = [];
  const refs =
    q.type === 'NUMERIC_YEAR'
      ? ['year']
      : q.type === 'CHRONOLOGY' || q.type === 'MATCHING'
        ? (q.prompt.items ?? []).map((i) => i.id)
        : options(q).map((o) => o.id);
  for (const ref of refs) {
    const r = q.key.rationales.find((x) => x.ref === ref);
    if (!r || r.text.trim().length < 3) {
      out.push({ id: 'A5', severity: 'BLOCK', message: `no rationale for ${ref}` });
      continue;
    }
    const shouldBeCorrect = isChoice(q) ? keyIds(q).includes(ref) : true;
    if (r.isCorrect !== shouldBeCorrect) {
      out.push({
        id: 'A2',
        severity: 'BLOCK',
        message: `rationale for ${ref} has the wrong verdict`,
      });
    }
    if (!r.factIds.some((f) => citedFact(idx, f)) || r.citationIds.length === 0) {
      out.push({ id: 'A2', severity: 'BLOCK', message: `rationale for ${ref} cites no KB fact` });
    }
  }
  if (q.explanation.trim().length < 10) {
    out.push({ id: 'A5', severity: 'BLOCK', message: 'no explanation' });
  }
  return out;
};

/** A3: the date precision suffices for the question asked. */
const a3: Check = (q, idx) => {
  if (q.type === 'EVENT_YEAR' || q.type === 'NUMERIC_YEAR') {
    const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
    if (!e || singleYear(e.start) === null) {
      return fail('A3', 'BLOCK', 'the event is not dated to a single year');
    }
  }
  if (q.type === 'CHRONOLOGY' || q.type === 'WHICH_FIRST') {
    const ids =
      q.type === 'CHRONOLOGY'
        ? (q.prompt.items ?? []).map((i) => i.id)
        : options(q).map((o) => o.id);
    const evs = ids.map((id) => idx.events.get(id));
    if (evs.some((e) => !e) || !strictlyOrdered(evs.filter((e) => e !== undefined))) {
      return fail('A3', 'BLOCK', 'events are too close (or unknown) to order');
    }
    if (orderGivenAway(evs.filter((e) => e !== undefined))) {
      return fail('A3', 'BLOCK', 'the titles give the order away (a start and what followed it)');
    }
  }
  return [];
};

/** A4: provenance. Key facts exist and are cited; citations exist; claims are attributed. */
const a4: Check = (q, idx) => {
  const out: CheckResult[] = [];
  if (q.factIds.length === 0 || q.citationIds.length === 0) {
    out.push({ id: 'A4', severity: 'BLOCK', message: 'no key facts or no citations' });
  }
  for (const f of q.factIds) {
    const fact = idx.facts.get(f);
    if (!fact) {
      out.push({ id: 'A4', severity: 'BLOCK', message: `unknown fact ${f}` });
      continue;
    }
    if (!citedFact(idx, f)) {
      out.push({ id: 'A4', severity: 'BLOCK', message: `fact ${f} has no citation` });
    }
    // "Which of these sources gives …", "IranWire gives …", "… does IranWire give?" and "Match … to
    // the source that gives it" attribute the claim by asking whose it is.
    const attributed =
      /\bAccording to\b/.test(q.stem) ||
      /\bgives this (reason|account)\b|\bthe source that gives it\b|\bdoes .+ give\?/.test(q.stem);
    if (fact.status === 'DISPUTED' && !attributed) {
      out.push({
        id: 'A4',
        severity: 'BLOCK',
        message: `disputed fact ${f} stated without attribution`,
      });
    }
    if (
      (fact.status === 'CLAIM' || fact.status === 'OPINION') &&
      !attributed &&
      // Quote items assert only that the words were said, with the speaker named.
      q.type !== 'WHO_SAID' &&
      q.template !== 'quote-topic' &&
      q.template !== 'quote-context'
    ) {
      out.push({
        id: 'A4',
        severity: 'BLOCK',
        message: `${fact.status.toLowerCase()} ${f} stated without attribution`,
      });
    }
  }
  const allCitations = [...q.citationIds, ...q.key.rationales.flatMap((r) => r.citationIds)];
  for (const c of allCitations) {
    if (!idx.citations.has(c)) {
      out.push({ id: 'A4', severity: 'BLOCK', message: `unknown citation ${c}` });
    }
  }
  return out;
};

/** A6: the stem (or quote) does not contain the key or a distinctive key word. */
const a6: Check = (q, idx) => {
  const text = `${q.stem} ${q.prompt.quote ?? ''}`;
  if (q.type === 'EVENT_YEAR' || q.type === 'NUMERIC_YEAR') {
    const y =
      q.type === 'NUMERIC_YEAR'
        ? String(q.key.year)
        : options(q).find((o) => keyIds(q).includes(o.id))?.label;
    return y && new RegExp(`\\b${y}\\b`).test(q.stem)
      ? fail('A6', 'BLOCK', 'the stem states the key year')
      : [];
  }
  if (!isChoice(q) || q.type === 'TRUE_FALSE') {
    return [];
  }
  const stemTokens = new Set(contentTokens(text));
  const otherTokens = new Set(distractors(q).flatMap((d) => contentTokens(d.label)));
  for (const k of options(q).filter((o) => keyIds(q).includes(o.id))) {
    const forms = [k.label, ...(idx.actors.has(k.id) ? (idx.names.get(k.id) ?? []) : [])];
    if (forms.some((f) => containsPhrase(text, f))) {
      return fail('A6', 'BLOCK', `the stem names the key "${k.label}"`);
    }
    const clang = contentTokens(k.label).filter((t) => stemTokens.has(t) && !otherTokens.has(t));
    if (clang.length > 0) {
      return fail('A6', 'BLOCK', `clang: "${clang.join(', ')}" is in the stem and only in the key`);
    }
  }
  return [];
};

const IMPERATIVE = /^(Put|Match|Order|Type|Choose|Select|Place|Enter|Arrange|Name)\b/;

/** B1: a closed question or a complete directive; no blanks. */
const b1: Check = (q) => {
  const s = q.stem.trim();
  if (/_{2,}|\.\.\.|…/.test(s)) {
    return fail('B1', 'BLOCK', 'the stem has a blank');
  }
  if (q.type === 'TRUE_FALSE') {
    return /^True or false: [“A-Z].*\.”?$/.test(s)
      ? []
      : fail('B1', 'BLOCK', 'a true/false stem must be "True or false: <statement>."');
  }
  if (s.endsWith('?')) {
    return [];
  }
  const last = s.split(/(?<=[?.])\s+/).at(-1) ?? s;
  return s.endsWith('.') && IMPERATIVE.test(last)
    ? []
    : fail('B1', 'BLOCK', 'the stem is neither a question nor an imperative');
};

const b2: Check = (q) =>
  /which of the following (is|are|was|were) (true|correct|false|incorrect)/i.test(q.stem)
    ? fail('B2', 'BLOCK', '"which of the following is true" stem')
    : [];

const NEGATIVE =
  /\b(not|except|never|least|false|incorrect|none|neither|cannot|isn't|wasn't|didn't|doesn't)\b/;

/** B3: no negative wording unless upper-case emphasised ("NOT"). */
const b3: Check = (q) => {
  // Words a speaker is quoted saying are theirs, not the item writer's wording.
  const s = (q.type === 'TRUE_FALSE' ? q.stem.replace(/^True or false: /, '') : q.stem).replace(
    /\bsaid: “[^”]*”/g,
    'said',
  );
  const m = s.match(NEGATIVE);
  return m ? fail('B3', 'BLOCK', `negative wording "${m[0]}"`) : [];
};

const b4: Check = (q) =>
  wordCount(q.stem) > 30 ? fail('B4', 'WARN', `stem has ${wordCount(q.stem)} words`) : [];

const b5: Check = (q) => {
  const m = q.stem.match(/\b(often|usually|sometimes|significant|major|largely)\b/i);
  return m ? fail('B5', 'WARN', `vague qualifier "${m[0]}"`) : [];
};

/** B6: names unambiguous at the stated time. */
const b6: Check = (q, idx) => {
  const out: CheckResult[] = [];
  const texts = [
    q.stem,
    ...options(q).map((o) => o.label),
    ...(q.prompt.items ?? []).map((i) => i.label),
    ...(q.prompt.targets ?? []).map((t) => t.label),
  ];
  for (const [surname, persons] of idx.ambiguousSurnames) {
    const givens = new Set(
      persons.flatMap((p) =>
        (idx.names.get(p) ?? [])
          .map((n) => n.split(' '))
          .filter((t) => t.length > 1)
          .map((t) => t.at(-2) ?? ''),
      ),
    );
    for (const t of texts) {
      const toks = tokens(t);
      toks.forEach((tok, i) => {
        if (tok === surname && !givens.has(toks[i - 1] ?? '')) {
          out.push({
            id: 'B6',
            severity: 'BLOCK',
            message: `bare "${surname}" is ambiguous (${persons.join(', ')})`,
          });
        }
      });
    }
  }
  const when = stemWindow(q, idx);
  for (const a of idx.kb.actors.filter((x) => x.kind === 'PERSON' && hasChangingRole(x))) {
    const name = actorLabel(idx, a.slug);
    if (!containsPhrase(q.stem, name)) {
      continue;
    }
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const titles = a.offices.map((o) => o.title);
    const roleWords = [...new Set(titles.map((t) => t.replace(/ of .*$/, '')))];
    const prefix = q.stem.match(new RegExp(`(${roleWords.join('|')})\\s+${esc}`));
    const suffix = q.stem.match(new RegExp(`${esc}(?:,| \\()\\s*then\\s+(${titles.join('|')})`));
    const predicate = new RegExp(`${esc} was (${[...titles, ...roleWords].join('|')})\\b`).test(
      q.stem,
    );
    if (!prefix && !suffix && !predicate) {
      out.push({
        id: 'B6',
        severity: 'BLOCK',
        message: `"${name}" held different offices over time; name the role`,
      });
      continue;
    }
    const role = prefix?.[1] ?? suffix?.[1];
    if (role && when) {
      const fits = idx.offices.some(
        (o) => o.person === a.slug && o.office.title.startsWith(role) && mayHoldOfficeAt(o, when),
      );
      if (!fits) {
        out.push({
          id: 'B6',
          severity: 'BLOCK',
          message: `"${role} ${name}" does not fit the stem's date`,
        });
      }
    }
  }
  return out;
};

/** B7: time-varying templates carry a year or period in the stem. */
const b7: Check = (q, idx) => {
  const t = templateById(q.template);
  if (!t?.timeVarying) {
    return [];
  }
  const hasYear = /\b(1[89]\d\d|20\d\d)s?\b/.test(q.stem);
  const hasEra = idx.eras.some((e) => q.stem.includes(e.name));
  // "(since 7 October)": the day the sources give an event's start, worded as they give it, is a
  // period's start (audit 17, item 18: "(from 2023)" where the sources say "since October 7").
  const since = /\bsince (\d{1,2}) ([A-Z][a-z]+)\b/.exec(q.stem);
  const hasEventDay =
    since !== null &&
    idx.kb.events.some(
      (e) =>
        e.start?.precision === 'DAY' &&
        formatDate({ ...e.start, label: undefined }).startsWith(`${since[1]} ${since[2]} `),
    );
  return hasYear || hasEra || hasEventDay
    ? []
    : fail('B7', 'BLOCK', 'time-varying question without a year or period in the stem');
};

/** B8 + C6: surface correctness over everything the player and the teacher read. */
const b8: Check = (q) => {
  const out: CheckResult[] = [];
  const texts = [
    q.stem,
    q.explanation,
    ...options(q).map((o) => o.label),
    ...(q.prompt.items ?? []).map((i) => i.label),
    ...(q.prompt.targets ?? []).map((t) => t.label),
    ...q.key.rationales.map((r) => r.text),
  ];
  for (const t of texts) {
    if (/[{}]|\bundefined\b|\bnull\b|\bNaN\b|\[object /.test(t)) {
      out.push({ id: 'B8', severity: 'BLOCK', message: `unfilled slot in "${t.slice(0, 60)}"` });
    }
    if (/ {2,}/.test(t)) {
      out.push({ id: 'B8', severity: 'BLOCK', message: `doubled space in "${t.slice(0, 60)}"` });
    }
    const doubled = t.match(/\b([A-Za-z]+)\s+\1\b/i);
    if (doubled && !/^(that|had)$/i.test(doubled[1] ?? '')) {
      out.push({ id: 'B8', severity: 'BLOCK', message: `doubled word "${doubled[0]}"` });
    }
    const art = articleErrors(t);
    if (art.length > 0) {
      out.push({ id: 'C6', severity: 'BLOCK', message: `article: "${art[0]}"` });
    }
    if (/\b(1[89]|20)\d\d-(\d{2}|\d{4})\b/.test(t)) {
      out.push({
        id: 'B8',
        severity: 'BLOCK',
        message: 'year range with a hyphen; use an en dash',
      });
    }
  }
  return out;
};

/** C1: option counts per type. */
const c1: Check = (q) => {
  const n = options(q).length;
  switch (q.type) {
    case 'TRUE_FALSE':
    case 'WHICH_FIRST':
      return n === 2 ? [] : fail('C1', 'BLOCK', `${q.type} needs 2 options, has ${n}`);
    case 'CHRONOLOGY': {
      const k = (q.prompt.items ?? []).length;
      return k >= 3 && k <= 5 ? [] : fail('C1', 'BLOCK', `chronology needs 3–5 items, has ${k}`);
    }
    case 'MATCHING': {
      const i = (q.prompt.items ?? []).length;
      const t = (q.prompt.targets ?? []).length;
      return i >= 3 && i <= 4 && t === i
        ? []
        : fail('C1', 'BLOCK', `matching needs 3–4 pairs, has ${i}/${t}`);
    }
    case 'NUMERIC_YEAR':
      return q.prompt.numeric ? [] : fail('C1', 'BLOCK', 'numeric question without bounds');
    case 'SHORT_ANSWER':
      return n === 0 && (q.key.answers ?? []).length > 0
        ? []
        : fail('C1', 'BLOCK', 'a typed answer needs accepted answers and no options');
    default:
      return n >= 3 && n <= 4 ? [] : fail('C1', 'BLOCK', `needs 3–4 options, has ${n}`);
  }
};

/** C2: no duplicate options, alias-aware. */
const c2: Check = (q, idx) => {
  const lists = [options(q), q.prompt.items ?? [], q.prompt.targets ?? []];
  for (const list of lists) {
    const ids = list.map((o) => o.id);
    if (new Set(ids).size !== ids.length) {
      return fail('C2', 'BLOCK', 'duplicate option id');
    }
    const labels = list.map((o) => normalise(o.label));
    if (new Set(labels).size !== labels.length) {
      return fail('C2', 'BLOCK', 'duplicate option label');
    }
    for (const a of list) {
      for (const b of list) {
        if (
          a !== b &&
          idx.actors.has(b.id) &&
          (idx.names.get(b.id) ?? []).includes(normalise(a.label))
        ) {
          return fail('C2', 'BLOCK', `"${a.label}" is another name of "${b.label}"`);
        }
      }
    }
  }
  return [];
};

const c3: Check = (q) =>
  options(q).some((o) =>
    /\b(all|none) of (the )?(above|these)\b|\bboth\b.*\band\b|^[A-D] and [A-D]$/i.test(o.label),
  )
    ? fail('C3', 'BLOCK', '"all/none of the above" style option')
    : [];

const optionClass = (idx: KbIndex, id: string): string => {
  const a = idx.actors.get(id);
  if (a) {
    return `actor:${a.kind}`;
  }
  if (idx.events.has(id)) {
    return 'event';
  }
  if (idx.erasBySlug.has(id)) {
    return 'era';
  }
  if (isYearId(id)) {
    return 'year';
  }
  if (id === 'true' || id === 'false') {
    return 'bool';
  }
  if (id.startsWith('amt-')) {
    return 'amount';
  }
  for (const [prefix, kind] of [
    ['why-', 'explanation'],
    ['what-', 'explained'],
    ['fig-', 'figure'],
    ['topic-', 'topic'],
    ['ctx-', 'subject'],
    ['cnt-', 'count'],
    ['src-', 'outlet'],
    ['role-', 'statement'],
    ['pos-', 'position'],
    ['chg-', 'change'],
    ['part-', 'part'],
    // claim-who: the people and papers the sources quote, asked whose reason a record gives.
    ['who-', 'claimant'],
  ] as const) {
    if (id.startsWith(prefix)) {
      return kind;
    }
  }
  return 'unknown';
};

/** C4: all options of one kind (and Arab states only when the stem asks for Arab states). */
const c4: Check = (q, idx) => {
  const opts = options(q);
  if (opts.length === 0) {
    return [];
  }
  const classes = new Set(opts.map((o) => optionClass(idx, o.id)));
  if (classes.has('unknown')) {
    return fail('C4', 'BLOCK', 'an option is not a KB entity');
  }
  if (classes.size > 1) {
    return fail('C4', 'BLOCK', `mixed option kinds: ${[...classes].join(', ')}`);
  }
  if (
    /\bWhich (of these )?Arab states?\b/i.test(q.stem) &&
    opts.some((o) => idx.actors.get(o.id)?.isArabState?.value !== true)
  ) {
    return fail('C4', 'BLOCK', 'a non-Arab state among Arab-state options');
  }
  return [];
};

/** C5: the key is not conspicuously the longest option. */
const c5: Check = (q) => {
  // Periods are shown as a fixed timeline in time order, not as crafted distractors.
  if (
    !isChoice(q) ||
    q.type === 'TRUE_FALSE' ||
    q.type === 'TIMELINE_PLACEMENT' ||
    keyIds(q).length !== 1
  ) {
    return [];
  }
  const key = options(q).find((o) => o.id === keyIds(q)[0]);
  const ds = distractors(q);
  if (!key || ds.length === 0 || ds.every((d) => isYearId(d.id))) {
    return [];
  }
  const mean = ds.reduce((s, d) => s + d.label.length, 0) / ds.length;
  const longestOther = Math.max(...ds.map((d) => d.label.length));
  if (key.label.length > 1.5 * mean) {
    return fail(
      'C5',
      'BLOCK',
      `key is ${(key.label.length / mean).toFixed(2)}× the mean distractor length`,
    );
  }
  if (key.label.length > 1.25 * longestOther && key.label.length - longestOther > 8) {
    return fail('C5', 'BLOCK', 'key is the longest option by a clear margin');
  }
  return [];
};

/** C9: no option contained in another. */
const c9: Check = (q) => {
  const opts = options(q).filter((o) => !isYearId(o.id));
  for (const a of opts) {
    for (const b of opts) {
      if (a !== b && normalise(a.label).length > 0 && containsPhrase(b.label, a.label)) {
        return fail('C9', 'BLOCK', `"${a.label}" is contained in "${b.label}"`);
      }
    }
  }
  return [];
};

/** C10: years ascending; eras in time order. */
const c10: Check = (q, idx) => {
  const opts = options(q);
  if (opts.length > 0 && opts.every((o) => isYearId(o.id))) {
    const ys = opts.map((o) => Number(o.label));
    return ys.every((y, i) => i === 0 || y > (ys[i - 1] ?? y))
      ? []
      : fail('C10', 'BLOCK', 'years not in ascending order');
  }
  if (opts.length > 0 && opts.every((o) => idx.erasBySlug.has(o.id))) {
    const pos = opts.map((o) => idx.eras.findIndex((e) => e.slug === o.id));
    return pos.every((p, i) => i === 0 || p > (pos[i - 1] ?? p))
      ? []
      : fail('C10', 'BLOCK', 'periods not in time order');
  }
  return [];
};

/** C13: no anachronistic actor among the options. */
const c13: Check = (q, idx) => {
  const when = stemWindow(q, idx);
  if (!when) {
    return [];
  }
  for (const o of options(q)) {
    const a = idx.actors.get(o.id);
    if (a && a.kind !== 'STATE' && !isInPublicLife(idx, o.id, when)) {
      return fail('C13', 'BLOCK', `"${o.label}" is not in public life at the stem's time`);
    }
  }
  return [];
};

/** C14: no year distractor equal to the key or inside the key event's date uncertainty. */
const c14: Check = (q, idx) => {
  const opts = options(q);
  if (!(opts.length > 0 && opts.every((o) => isYearId(o.id)))) {
    return [];
  }
  const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
  const keyLabel = opts.find((o) => keyIds(q).includes(o.id))?.label;
  for (const d of distractors(q)) {
    if (d.label === keyLabel) {
      return fail('C14', 'BLOCK', `distractor ${d.label} equals the key`);
    }
    if (e) {
      const iv = span(e.start);
      const y = yearInterval(Number(d.label));
      if (y.lo <= iv.hi && iv.lo <= y.hi) {
        return fail('C14', 'BLOCK', `distractor ${d.label} lies inside the key's date uncertainty`);
      }
    }
  }
  return [];
};

const ROLE_PREFIX =
  /^(President|Supreme Leader|General|Ayatollah|Dr|Mr|Mrs|Sheikh|King|Prime Minister|Admiral)\b/;

/** C16: parallel surface forms (short state names, "Given Family" names, four-digit years). */
const c16: Check = (q, idx) => {
  for (const o of options(q)) {
    const a = idx.actors.get(o.id);
    if (a && o.label !== actorLabel(idx, o.id)) {
      return fail('C16', 'BLOCK', `"${o.label}" is not the short form "${actorLabel(idx, o.id)}"`);
    }
    if (
      a?.kind === 'PERSON' &&
      (ROLE_PREFIX.test(o.label) || o.label.trim().split(/\s+/).length < 2)
    ) {
      return fail('C16', 'BLOCK', `person option "${o.label}" is not "Given Family"`);
    }
    if (isYearId(o.id) && (o.label !== o.id.slice(1) || !/^\d{4}$/.test(o.label))) {
      return fail('C16', 'BLOCK', `year option "${o.label}" is not a four-digit year`);
    }
  }
  return [];
};

const selfDates = (label: string): boolean => /\b(1[89]\d\d|20\d\d)s?\b/.test(label);

/** D1–D4: ordering items. */
const d: Check = (q, idx) => {
  const out: CheckResult[] = [];
  const datedLabels =
    q.type === 'CHRONOLOGY' || q.type === 'MATCHING'
      ? (q.prompt.items ?? [])
      : q.type === 'WHICH_FIRST' || q.type === 'YEAR_EVENT'
        ? options(q)
        : [];
  if (datedLabels.some((l) => idx.events.has(l.id) && selfDates(l.label))) {
    out.push({ id: 'D2', severity: 'BLOCK', message: 'an event label gives its own date away' });
  }
  if (q.type === 'CHRONOLOGY') {
    const items = (q.prompt.items ?? []).map((i) => i.id);
    const order = q.key.order ?? [];
    if (order.length !== items.length || !order.every((id) => items.includes(id))) {
      out.push({
        id: 'D3',
        severity: 'BLOCK',
        message: 'the key order is not a permutation of the items',
      });
    }
    const evs = items.map((id) => idx.events.get(id)).filter((e) => e !== undefined);
    if (evs.length !== items.length || !strictlyOrdered(evs)) {
      out.push({
        id: 'D1',
        severity: 'BLOCK',
        message: 'adjacent events closer than their date uncertainty',
      });
    }
    if (evs.length > 0 && evs.every((e) => e.era === evs[0]?.era)) {
      out.push({ id: 'D4', severity: 'WARN', message: 'all events from one period' });
    }
  }
  return out;
};

/** E1–E3: quote items. */
const e: Check = (q, idx) => {
  if (q.type !== 'WHO_SAID') {
    return [];
  }
  const out: CheckResult[] = [];
  const quote = idx.quotes.get(q.factIds[0]?.replace(/^quote:/, '') ?? '');
  const words = q.prompt.quote ?? '';
  if (!quote) {
    return fail('E3', 'BLOCK', 'no quote fact');
  }
  const forms = idx.names.get(quote.speaker) ?? [];
  const surname = normalise(actorLabel(idx, quote.speaker)).split(' ').at(-1) ?? '';
  if (
    forms.some((f) => containsPhrase(words, f)) ||
    (surname.length > 3 && tokens(words).includes(surname))
  ) {
    out.push({ id: 'E1', severity: 'BLOCK', message: 'the quote names its speaker' });
  }
  if (!idx.citations.has(quote.citation) || quote.status === 'DISPUTED') {
    out.push({ id: 'E3', severity: 'BLOCK', message: 'the quote is uncited or disputed' });
  }
  const speakers = new Set(idx.kb.quotes.map((x) => x.speaker));
  if (distractors(q).some((o) => !speakers.has(o.id))) {
    out.push({
      id: 'E2',
      severity: 'WARN',
      message: 'a speaker distractor has no recorded statement',
    });
  }
  return out;
};

/** F5: the prompt and key validate against the shared contract, and the key refers to real options. */
const f5: Check = (q) => {
  const out: CheckResult[] = [];
  if (!QuestionPrompt.safeParse(q.prompt).success || !QuestionKey.safeParse(q.key).success) {
    out.push({ id: 'F5', severity: 'BLOCK', message: 'prompt or key fails the schema' });
  }
  if (isChoice(q)) {
    const ids = options(q).map((o) => o.id);
    const k = keyIds(q);
    if (k.length === 0 || !k.every((id) => ids.includes(id))) {
      out.push({ id: 'F5', severity: 'BLOCK', message: 'key option not among the options' });
    }
    if (q.type !== 'MULTI_SELECT' && k.length !== 1) {
      out.push({
        id: 'F5',
        severity: 'BLOCK',
        message: 'single-answer question with several keys',
      });
    }
    if (q.type === 'MULTI_SELECT' && (q.prompt.selectMany !== true || k.length >= ids.length)) {
      out.push({
        id: 'F5',
        severity: 'BLOCK',
        message: 'select-all question without selectMany or without a wrong option',
      });
    }
  }
  if (q.difficulty < 0 || q.difficulty > 1 || Number.isNaN(q.difficulty)) {
    out.push({ id: 'F5', severity: 'BLOCK', message: 'difficulty outside [0, 1]' });
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// Checks for what the issue-11 audit caught (S1–S8).
// ---------------------------------------------------------------------------------------------

const exactDate = (d: { certainty?: string } | undefined): boolean =>
  d !== undefined && (d.certainty === undefined || d.certainty === 'EXACT');

const YEAR_TYPES = new Set([
  'EVENT_YEAR',
  'NUMERIC_YEAR',
  'YEAR_EVENT',
  'CHRONOLOGY',
  'WHICH_FIRST',
]);

/** Events whose dates an item turns on: the key event of a year item, every event of an ordering. */
const datedEvents = (q: BankQuestion, idx: KbIndex) => {
  if (q.type === 'CHRONOLOGY' || q.type === 'WHICH_FIRST' || q.type === 'YEAR_EVENT') {
    return [...(q.prompt.items ?? []), ...options(q)]
      .map((o) => idx.events.get(o.id))
      .filter((e) => e !== undefined);
  }
  const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
  return e ? [e] : [];
};

const siblingYears = (idx: KbIndex, slug: string): Set<number> => {
  const out = new Set<number>();
  for (const s of idx.seriesOfEvent.get(slug) ?? []) {
    for (const o of s.occurrences) {
      if (o.event !== slug) {
        out.add(Number(o.date.value.slice(0, 4)));
      }
    }
  }
  return out;
};

/** S1: a wrong year that is another occurrence of the same recurring event is true, not wrong. */
const s1: Check = (q, idx) => {
  const e = idx.events.get(q.factIds[0]?.replace(/^event:/, '') ?? '');
  if (!e) {
    return [];
  }
  const siblings = siblingYears(idx, e.slug);
  if (siblings.size === 0) {
    return [];
  }
  if (q.type === 'EVENT_YEAR') {
    const bad = distractors(q).find((d) => siblings.has(Number(d.label)));
    return bad
      ? fail('S1', 'BLOCK', `${bad.label} is another occurrence of a recurring event`)
      : [];
  }
  if (q.type === 'TRUE_FALSE' && keyIds(q).includes('false')) {
    const y = yearsIn(q.stem).find((x) => siblings.has(x));
    return y ? fail('S1', 'BLOCK', `${y} is another occurrence of a recurring event`) : [];
  }
  return [];
};

/** S2: an inferred, approximate, bounded or process date is never asked as exact. */
const s2: Check = (q, idx) => {
  const yearItem =
    YEAR_TYPES.has(q.type) || (q.type === 'TRUE_FALSE' && yearsIn(q.stem).length > 0);
  if (!yearItem) {
    return [];
  }
  const bad = datedEvents(q, idx).find(
    (e) => !exactDate(e.start) || (e.end !== undefined && !exactDate(e.end)),
  );
  return bad ? fail('S2', 'BLOCK', `"${bad.slug}" has a ${bad.start.certainty} date`) : [];
};

/** S3: a stem never quotes a headline. */
const titleCache = new WeakMap<KbIndex, { slug: string; title: string }[]>();
const normalisedTitles = (idx: KbIndex) => {
  let t = titleCache.get(idx);
  if (!t) {
    t = idx.kb.events.map((e) => ({ slug: e.slug, title: normalise(e.title) }));
    titleCache.set(idx, t);
  }
  return t;
};

const s3: Check = (q, idx) => {
  // Every pair of quotes, then the long ones: a straight quote closing a short quotation must not
  // open the next ('"the" strike, "Israel strikes …"' hid the headline).
  const quoted = [...q.stem.matchAll(/[“"]([^”"]*)[”"]/g)]
    .map((m) => m[1] ?? '')
    .filter((t) => t.length >= 8)
    .map(normalise);
  if (quoted.length === 0) {
    return [];
  }
  const hit = normalisedTitles(idx).find((e) =>
    quoted.some((t) => t.length > 0 && e.title.startsWith(t.replace(/\s*…$/, ''))),
  );
  return hit ? fail('S3', 'BLOCK', `the stem quotes the headline of "${hit.slug}"`) : [];
};

/**
 * S4: options the stem excludes by itself: a state named in the stem offered as one of "these"
 * (Iraq as a state that sided with Iran in the war against Iraq), and "X was President of which
 * state?" when X's nationality already answers it.
 */
const s4: Check = (q, idx) => {
  if (!isChoice(q) || q.type === 'TRUE_FALSE') {
    return [];
  }
  for (const d of distractors(q)) {
    const a = idx.actors.get(d.id);
    if (a && (idx.names.get(d.id) ?? []).some((n) => n.length > 3 && containsPhrase(q.stem, n))) {
      return fail('S4', 'BLOCK', `"${d.label}" is named in the stem`);
    }
  }
  if (q.template === 'arab-states' && distractors(q).length < 2) {
    return fail('S4', 'BLOCK', 'one non-Arab state among Arab states: excluded without knowledge');
  }
  if (q.template === 'office-state') {
    const person = q.actorSlugs
      .map((slug) => idx.actors.get(slug))
      .find((a) => a?.kind === 'PERSON');
    if (person?.nationality && keyIds(q).includes(person.nationality)) {
      return fail('S4', 'BLOCK', "the person's nationality answers the question");
    }
  }
  return [];
};

/** S5: a quote is never a loose fragment: under six words never, under eight only with its occasion in the stem. */
const s5: Check = (q) => {
  if (q.type !== 'WHO_SAID') {
    return [];
  }
  const words = wordCount(q.prompt.quote ?? '');
  if (words < 6) {
    return fail('S5', 'BLOCK', `a ${words}-word quote fragment`);
  }
  // Audit 8, item 22: "commander in the fight against terrorism" under a bare "Who said these
  // words?" tells the student nothing of whom or when: a short quote needs its occasion.
  return words < 8 && /^Who said these words\??$/.test(q.stem.trim())
    ? fail('S5', 'BLOCK', `a ${words}-word quote with no occasion in the stem`)
    : [];
};

/** S6: a wrong option's rationale says what is true of it, not the key's sentence again. */
const s6: Check = (q) => {
  const key = q.key.rationales.find((r) => r.isCorrect);
  if (!key || !isChoice(q) || q.type === 'TRUE_FALSE') {
    return [];
  }
  const keySentence = normalise(key.text.split(/(?<=\.)\s/)[0] ?? '');
  const repeat = q.key.rationales.find(
    (r) => !r.isCorrect && keySentence.length > 20 && normalise(r.text).includes(keySentence),
  );
  return repeat ? fail('S6', 'BLOCK', `the rationale for ${repeat.ref} repeats the key`) : [];
};

/**
 * How the KB was built, not history a student should read. Audit 3 added the snippet and caption
 * words ("Wikipedia (search snippet)", "the snippet gives no start year", "Iraqi by general
 * knowledge", "it is not clear they are his exact words").
 */
export const PLUMBING =
  /\b(lines? \d+|paragraph at|no headline in the copy|image caption|snippets?|search (?:results?|page|engine)|captions?|headlines?|in the copy|general knowledge|gives no (?:start|first|date|year|month)\w*|not clear they are|does not name|names neither|locator|citation id|(?:published|reported|said) on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/i;

/** S7 + S8: no source plumbing in what students read, and no source error printed as fact. */
const s7: Check = (q, idx) => {
  const texts = studentTexts(q);
  const plumbing = texts.find((t) => PLUMBING.test(t));
  if (plumbing) {
    return fail('S7', 'BLOCK', `source plumbing in "${plumbing.slice(0, 60)}"`);
  }
  for (const err of idx.kb.sourceErrors) {
    if (err.kind !== 'NAME') {
      continue;
    }
    const printed = texts.find(
      (t) => t.includes(err.asWritten) && !/source (calls|writes|has)/i.test(t),
    );
    if (printed) {
      return fail('S8', 'BLOCK', `"${err.asWritten}" (a source error) printed as fact`);
    }
  }
  return [];
};

/**
 * Editorial notes that belong in the KB's basis/dateReasoning, never in what a student reads. Audit 6
 * (item 87) added the quote notes: "on an undated occasion (\"once described\")", "(undated)",
 * "the occasion and date are not given", "where he made them is not said".
 */
const EDITORIAL =
  /\binferred\b|\(period:|\bsources? do(?:es)? not date\b|\bundated\b|\(["“]?once described["”]?\)|\b(?:occasion|date|place)s?(?: and (?:occasion|date|place)s?)?(?: of the words)? (?:is|are) not given\b|\bdate not given\b|\bwhere (?:and when )?(?:he|she|they|it) (?:made|was made|were made)\b[^.;]* not said|article's date|paper's date|sources' (?:timeline|dates)|year not given|Web search engine results page|snippets from several publishers/i;

/** Every string of an item a student can read: stem, options, items, targets, explanation, feedback. */
export const studentTexts = (q: BankQuestion): string[] => [
  q.stem,
  q.explanation,
  ...options(q).map((o) => o.label),
  ...(q.prompt.items ?? []).map((o) => o.label),
  ...(q.prompt.targets ?? []).map((o) => o.label),
  ...q.key.rationales.map((r) => r.text),
];

const renderings = (d: DateValue): string[] => {
  const [y, m, day] = d.value.split('-').map(Number) as [number, number?, number?];
  const month = m ? MONTHS[m - 1] : undefined;
  if (!month) {
    return [];
  }
  return d.precision === 'DAY' ? [`${day} ${month} ${y}`, `${month} ${y}`] : [`${month} ${y}`];
};

/**
 * Dates a student must never read: a SEASON's first month ("March 2022" for "spring 2022") and the
 * day or month of a date that is not EXACT ("August 2023" for "In August"), unless an EXACT date
 * of the KB gives those very words.
 */
const FORBIDDEN_DATES = new WeakMap<KbIndex, string[]>();
const forbiddenDates = (idx: KbIndex): string[] => {
  const cached = FORBIDDEN_DATES.get(idx);
  if (cached) {
    return cached;
  }
  const exact = new Set<string>();
  const bad = new Set<string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) {
      o.forEach(walk);
      return;
    }
    if (o && typeof o === 'object') {
      const d = o as Partial<DateValue>;
      if (typeof d.value === 'string' && typeof d.precision === 'string') {
        const isExact = d.certainty === undefined || d.certainty === 'EXACT';
        for (const r of renderings(d as DateValue)) {
          (d.precision === 'SEASON' || !isExact ? bad : exact).add(r);
        }
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(idx.kb);
  const out = [...bad].filter((r) => !exact.has(r));
  FORBIDDEN_DATES.set(idx, out);
  return out;
};

/**
 * S9: no editorial note ("(2023, inferred)", "the sources do not date …", the search page's own
 * name) in any student text, and no date more exact than the sources give it: a season printed as
 * its first month, an inferred day or month, or the civil war dated to March 2011 (the sources give
 * that month only for the crisis's eruption).
 */
const s9: Check = (q, idx) => {
  const texts = studentTexts(q);
  for (const t of texts) {
    const note = EDITORIAL.exec(t);
    if (note) {
      return fail('S9', 'BLOCK', `editorial note "${note[0]}" in "${t.slice(0, 60)}"`);
    }
    const date = forbiddenDates(idx).find((r) => new RegExp(`\\b${r}\\b`).test(t));
    if (date) {
      return fail('S9', 'BLOCK', `"${date}" is more exact than the sources`);
    }
    if (/civil war[^.;]*\bMarch 2011\b|\bMarch 2011\b[^.;]*civil war/i.test(t)) {
      return fail('S9', 'BLOCK', 'the civil war dated to March 2011');
    }
  }
  return [];
};

const LABEL_AMOUNTS = new WeakMap<KbIndex, RegExp>();
/** "$244 million: V", "20 times: H": an amount of any KB figure unit followed by a capitalised label. */
const labelAmount = (idx: KbIndex): RegExp => {
  const cached = LABEL_AMOUNTS.get(idx);
  if (cached) {
    return cached;
  }
  const units = [...new Set(idx.kb.figures.map((f) => f.unit).filter((u) => u !== 'USD'))]
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(
    `(?:\\$\\d[\\d.,]*(?:[–-]\\d[\\d.,]*)?(?: (?:thousand|million|billion|trillion))?|\\b\\d[\\d.,]*(?:[–-]\\d[\\d.,]*)? (?:${units.join('|') || 'x^'})): +[A-Z]`,
  );
  LABEL_AMOUNTS.set(idx, re);
  return re;
};

/**
 * S10 (audit 6, item 5): no figure's description pasted after its amount as a field label ("The
 * sources give 20 times: How many times larger …", "$244 million: Value of goods …").
 */
const s10: Check = (q, idx) => {
  const re = labelAmount(idx);
  const pasted = studentTexts(q).find((t) => re.test(t));
  return pasted ? fail('S10', 'BLOCK', `amount pasted as a label in "${pasted.slice(0, 60)}"`) : [];
};

/**
 * S11 (audit 6, item 72): a true/false stance statement whose context clause already states it
 * ("When Syria joined the US-led coalition against Iraq (1990), Syria sided with the United States").
 */
const s11: Check = (q, idx) => {
  if (q.type !== 'TRUE_FALSE') {
    return [];
  }
  const m = /^True or false: (?:According to [^,]+, )?((?:when|during) [^,]+), (.+)$/i.exec(q.stem);
  const statement = m?.[2] ?? '';
  const type = stanceTypeIn(` ${statement}`);
  if (!m || !type) {
    return [];
  }
  const named = (text: string): string[] =>
    [...idx.names.entries()]
      .filter(([, forms]) => forms.some((n) => n.length > 1 && containsPhrase(text, n)))
      .map(([slug]) => slug);
  const verbAt = statement.search(/ (sided|allied|supported|kept|isolated|opposed) /);
  const subjects = named(statement.slice(0, verbAt));
  const objects = named(statement.slice(verbAt));
  const entailed = subjects.some((a) =>
    objects.some((b) => a !== b && clauseEntails(idx, m[1] ?? '', type, a, b)),
  );
  return entailed ? fail('S11', 'BLOCK', 'the context clause already states the statement') : [];
};

export const ITEM_CHECKS: readonly Check[] = [
  s9,
  s10,
  s11,
  s1,
  s2,
  s3,
  s4,
  s5,
  s6,
  s7,
  f5,
  a1,
  a2,
  a3,
  a4,
  a6,
  b1,
  b2,
  b3,
  b4,
  b5,
  b6,
  b7,
  b8,
  c1,
  c2,
  c3,
  c4,
  c5,
  c9,
  c10,
  c13,
  c14,
  c16,
  d,
  e,
];

/** Runs every item check; a check that throws counts as a BLOCK (a malformed item must not ship). */
export const checkQuestion = (q: BankQuestion, idx: KbIndex): CheckResult[] =>
  ITEM_CHECKS.flatMap((check) => {
    try {
      return check(q, idx);
    } catch (err) {
      return fail(
        'F5',
        'BLOCK',
        `check crashed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  });

export { toInterval };

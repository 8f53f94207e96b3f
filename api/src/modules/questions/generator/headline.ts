/**
 * KB event titles are news headlines ("Iran and Syria establish diplomatic relations", "Hassan
 * Haniyeh assassinated inside Iran") or noun phrases ("Iran–Iraq War"). Stems need them as clauses:
 * "In what year did Iran and Syria establish diplomatic relations?", "… was Hassan Haniyeh
 * assassinated …", "… did the Iran–Iraq War begin?". This parser handles the headline verbs the KB
 * uses; anything it cannot parse safely falls back to quoting the title.
 */
import type { KbIndex } from './kb-index';

// Headline verb (3rd person or plural form) → [base, past].
const VERBS: Record<string, [string, string]> = {};
const add = (base: string, past: string, third = `${base}s`): void => {
  VERBS[base] = [base, past];
  VERBS[third] = [base, past];
};
for (const [b, p] of [
  ['establish', 'established'],
  ['erupt', 'erupted'],
  ['sign', 'signed'],
  ['recognise', 'recognised'],
  ['transform', 'transformed'],
  ['meet', 'met'],
  ['join', 'joined'],
  ['succeed', 'succeeded'],
  ['draw', 'drew'],
  ['turn', 'turned'],
  ['escalate', 'escalated'],
  ['conclude', 'concluded'],
  ['intervene', 'intervened'],
  ['fire', 'fired'],
  ['resume', 'resumed'],
  ['kill', 'killed'],
  ['visit', 'visited'],
  ['begin', 'began'],
  ['open', 'opened'],
  ['accuse', 'accused'],
  ['agree', 'agreed'],
  ['put', 'put'],
  ['urge', 'urged'],
  ['rule', 'ruled'],
  ['exchange', 'exchanged'],
  ['omit', 'omitted'],
  ['plan', 'planned'],
  ['die', 'died'],
  ['post', 'posted'],
  ['prepare', 'prepared'],
  ['attend', 'attended'],
  ['restrict', 'restricted'],
  ['reduce', 'reduced'],
  ['say', 'said'],
  ['acknowledge', 'acknowledged'],
  ['capture', 'captured'],
  ['strike', 'struck'],
  ['raise', 'raised'],
  ['expel', 'expelled'],
  ['launch', 'launched'],
  ['declare', 'declared'],
  ['deploy', 'deployed'],
  ['train', 'trained'],
  ['fall', 'fell'],
  ['withdraw', 'withdrew'],
  ['announce', 'announced'],
  ['tie', 'tied'],
]) {
  add(b as string, p as string, (b as string).match(/(sh|ch|ss|x)$/) ? `${b}es` : undefined);
}
add('go', 'went', 'goes');

const PARTICIPLES = new Set([
  'placed',
  'assassinated',
  'killed',
  'barred',
  'ransacked',
  'sanctioned',
  'signed',
  'established',
  'founded',
  'formed',
  'elected',
  'appointed',
  'designated',
  'expelled',
  'concluded',
]);

const TITLE_WORDS = new Set([
  'President',
  'Ambassador',
  'Prime',
  'Minister',
  'Supreme',
  'Leader',
  'Foreign',
  'General',
  'Commander',
  'Chancellor',
]);

const DEMONYM =
  /^(Iranian|Israeli|Syrian|Iraqi|Russian|Saudi|Lebanese|Turkish|American|Arab|Afghan|Pakistani|Egyptian|Jordanian|Libyan|Yemeni|Kuwaiti|Qatari|Emirati|German|British|French|Palestinian|Kurdish|Shia|Sunni|Alawite)$/;

export type Clause = {
  /** "the Iran–Iraq War", "Iran and Syria". */
  subject: string;
  /** For questions: "did … establish …", "was … assassinated …". */
  ask: (lead: string) => string;
  /** For statements: "Iran and Syria established diplomatic relations". */
  past: string;
  /** A noun phrase ("Iran–Iraq War") or a headline with a verb. */
  kind: 'noun' | 'verb';
};

const nameTokens = (idx: KbIndex): Set<string> => {
  const out = new Set<string>();
  for (const a of idx.kb.actors) {
    // Organisation full names ("Institute for the Study of War") would make "War" look like a name.
    for (const n of [a.kind === 'ORGANISATION' ? undefined : a.name, a.shortName, ...a.aliases]) {
      for (const t of (n ?? '')
        .split(/[\s–]+/)
        .flatMap((x) => [x, x.replace(/^(al|el|ad)-/, '')])) {
        if (/^[A-Z]/.test(t)) {
          out.add(t.replace(/['’]s$/, ''));
        }
      }
    }
  }
  return out;
};

const cache = new WeakMap<KbIndex, Set<string>>();
const tokensOf = (idx: KbIndex): Set<string> => {
  const hit = cache.get(idx);
  if (hit) {
    return hit;
  }
  const t = nameTokens(idx);
  cache.set(idx, t);
  return t;
};

/** A subject made only of names, titles and "and" is a proper noun phrase: no article. */
const properSubject = (words: string[], names: Set<string>): boolean =>
  words.every(
    (w, i) =>
      w === 'and' ||
      (w === 'the' && i > 0 && names.has(words[i + 1] ?? '')) ||
      names.has(w.replace(/['’]s$/, '').replace(/^(al|el|ad)-/, '')) ||
      w.split(/[–-]/).every((p) => names.has(p)) ||
      TITLE_WORDS.has(w) ||
      (DEMONYM.test(w) && TITLE_WORDS.has(words[i + 1] ?? '')),
  );

/** Adds "the" to a common-noun subject, lowering its first word unless it is a name or demonym. */
const withArticle = (words: string[], names: Set<string>): string => {
  const [first, ...rest] = words;
  if (!first) {
    return '';
  }
  const keep =
    names.has(first) || DEMONYM.test(first) || /^[A-Z]{2,}/.test(first) || /[–-]/.test(first);
  return ['the', keep ? first : first.toLowerCase(), ...rest].join(' ');
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Parses an event title into a clause; null when unsafe (the caller quotes the title). */
/**
 * Headlines drop the article before a named body's meeting ("attend Arab League meeting in
 * Manama"); running text needs it back: "attend the Arab League meeting in Manama".
 */
const withObjectArticle = (words: string[]): string[] => {
  const i = words.findIndex((w) => /^(meeting|summit|conference|session)$/.test(w));
  if (i <= 0) {
    return words;
  }
  let start = i;
  while (start > 0 && /^[A-Z]/.test(words[start - 1] ?? '')) {
    start -= 1;
  }
  const before = words[start - 1] ?? '';
  return start < i && !/^(the|a|an|its|their|his|her)$/i.test(before)
    ? [...words.slice(0, start), 'the', ...words.slice(start)]
    : words;
};

export const parseTitle = (idx: KbIndex, title: string, hasEnd: boolean): Clause | null => {
  const names = tokensOf(idx);
  const words = title.split(/\s+/);
  const vi = words.findIndex((w, i) => i > 0 && (VERBS[w] !== undefined || PARTICIPLES.has(w)));
  const spanVerb = hasEnd ? 'begin' : 'take place';
  const spanPast = hasEnd ? 'began' : 'took place';
  if (vi < 0) {
    // A noun phrase: "Iran–Iraq War", "Israeli invasion of southern Lebanon".
    // "Iran absent from Quds Day event …" is a headline with a predicate, not a noun phrase.
    if (
      /^(the|a|an)\s/i.test(title) ||
      (names.has(words[0] ?? '') && !DEMONYM.test(words[0] ?? '') && /^[a-z]/.test(words[1] ?? ''))
    ) {
      return null;
    }
    const subject = withArticle(words, names);
    return {
      subject,
      ask: (lead) => `${lead} did ${subject} ${spanVerb}`,
      past: `${capital(subject)} ${spanPast}`,
      kind: 'noun',
    };
  }
  const subjWords = words.slice(0, vi);
  const verb = words[vi] ?? '';
  let rest = words.slice(vi + 1);
  if (verb === 'rule' || verb === 'rules') {
    if (rest[0] !== 'out') {
      return null;
    }
  }
  // A second headline verb after "and" is converted too; anywhere else it would be ungrammatical.
  const restBase: string[] = [];
  const restPast: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const w = rest[i] ?? '';
    const v = VERBS[w];
    // "… and the regime of X falls": a second clause after "and" takes the same auxiliary.
    if (v && w !== v[0] && rest.slice(0, i).includes('and')) {
      restBase.push(v[0]);
      restPast.push(v[1]);
    } else if (v && w !== v[0]) {
      return null;
    } else {
      restBase.push(w);
      restPast.push(w);
    }
  }
  rest = withObjectArticle(restBase);
  restPast.splice(0, restPast.length, ...withObjectArticle(restPast));
  const proper = properSubject(subjWords, names);
  // "UAE resumes …" → "did the UAE resume …": names that take "the" in running text.
  const the = subjWords.length === 1 && /^(UAE|US|UK)$/.test(subjWords[0] ?? '') ? 'the ' : '';
  const subject = proper ? `${the}${subjWords.join(' ')}` : withArticle(subjWords, names);
  const last = subjWords.at(-1) ?? '';
  const plural =
    subjWords.includes('and') ||
    (/^[a-z]/.test(subject.split(' ').at(-1) ?? '') && /[^s]s$/.test(last));
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const tailPast = restPast.length ? ` ${restPast.join(' ')}` : '';
  if (PARTICIPLES.has(verb) && !VERBS[verb]) {
    const aux = plural ? 'were' : 'was';
    return {
      subject,
      ask: (lead) => `${lead} ${aux} ${subject} ${verb}${tail}`,
      past: `${capital(subject)} ${aux} ${verb}${tail}`,
      kind: 'verb',
    };
  }
  const v = VERBS[verb];
  if (!v) {
    return null;
  }
  return {
    subject,
    ask: (lead) => `${lead} did ${subject} ${v[0]}${tail}`,
    past: `${capital(subject)} ${v[1]}${tailPast}`,
    kind: 'verb',
  };
};

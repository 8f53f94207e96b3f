import { MONTHS } from './dates';
import type { Actor, DateValue } from './schema';

/**
 * Does a record's text say only what its cited passages carry? These checks compare our own
 * wording with the verbatim passages a record cites. They cannot judge a paraphrase, so they look
 * at what a reader would take as a hard fact: figures, dates, names and capitalised titles.
 */

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/** The country a demonym belongs to, so "Iranian" in our text is carried by "Iran" in a passage. */
const DEMONYMS: Record<string, string> = {
  iranian: 'iran',
  iranians: 'iran',
  syrian: 'syria',
  syrians: 'syria',
  israeli: 'israel',
  israelis: 'israel',
  iraqi: 'iraq',
  iraqis: 'iraq',
  russian: 'russia',
  russians: 'russia',
  lebanese: 'lebanon',
  emirati: 'emirates',
  afghan: 'afghanistan',
  afghans: 'afghanistan',
  pakistani: 'pakistan',
  pakistanis: 'pakistan',
  turkish: 'turkey',
  american: 'america',
  americans: 'america',
  german: 'germany',
  jordanian: 'jordan',
  kuwaiti: 'kuwait',
  palestinian: 'palestine',
  shiite: 'shia',
  shiites: 'shia',
  shi: 'shia',
  alavi: 'alawite',
};

/** Lower case, curly apostrophes straightened, possessive and ordinal endings dropped. */
export const canonicalWord = (word: string): string => {
  const w = word
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/'s$/, '')
    .replace(/^(\d+)(st|nd|rd|th|s)$/, '$1')
    .replace(/,/g, '');
  const demonym = DEMONYMS[w];
  if (demonym) {
    return demonym;
  }
  // A plural matches its singular ("Shias", "Shia"); both sides are reduced the same way.
  return w.length > 3 && /[^s]s$/.test(w) && !/\d/.test(w) ? w.slice(0, -1) : w;
};

/** Two canonical words match when equal, or when both are long and share their first five letters. */
const WORD_PREFIX = 5;

const splitWords = (text: string): string[] =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/[^\p{L}\p{N}',]+/u)
    .map((w) => w.replace(/^[',]+|[',]+$/g, ''))
    .filter(Boolean);

/** A searchable bag of the words of some passages. */
export type Haystack = { words: Set<string>; prefixes: Set<string>; text: string };

export const haystack = (texts: readonly string[]): Haystack => {
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const text = texts.join(' \n ');
  // Words are indexed whole ("ba'ath") and in their apostrophe-free parts ("shi", "a").
  for (const raw of splitWords(text)) {
    for (const part of [raw, ...raw.split("'")]) {
      const w = canonicalWord(part);
      if (!w) {
        continue;
      }
      words.add(w);
      if (w.length >= WORD_PREFIX) {
        prefixes.add(w.slice(0, WORD_PREFIX));
      }
    }
  }
  return { words, prefixes, text };
};

export const hasWord = (hay: Haystack, word: string): boolean => {
  const w = canonicalWord(word);
  return hay.words.has(w) || (w.length >= WORD_PREFIX && hay.prefixes.has(w.slice(0, WORD_PREFIX)));
};

// ---------------------------------------------------------------------------------------------
// Salient tokens of our own sentences
// ---------------------------------------------------------------------------------------------

/** Capitalised words that carry no fact of their own (sentence openers, articles, our meta words). */
const FUNCTION_WORDS = new Set(
  `a an the in on at to of for from by with without into onto over under after before during since until
  its his her their it he she they this that these those while when where which who whom whose
  although though but and or nor also as not no both each every some many one two three later earlier
  then there here according per neither only even still yet across among between against about
  around because if so than once what why how all any most more much such same other another
  undated see`
    .split(/\s+/)
    .filter(Boolean),
);

const MONTH_WORDS = new Set(MONTHS.map((m) => m.toLowerCase()));

/**
 * The words of a sentence a reader takes as checkable facts: every number, and every capitalised
 * word (a name, a place, a title such as "President") except a sentence opener that is not a name.
 * `isName` tells whether a word is a known name (an actor's name form or a month).
 */
export const salientTokens = (sentence: string, isName: (word: string) => boolean): string[] => {
  const out: string[] = [];
  const words = splitWords(sentence).flatMap((w) => w.split(/[-\u2013\u2014]/).filter(Boolean));
  words.forEach((word, i) => {
    const bare = word.replace(/'s$/, '');
    if (/^\d/.test(bare)) {
      out.push(bare.replace(/,/g, '').replace(/(st|nd|rd|th|s)$/, ''));
      return;
    }
    if (!/^\p{Lu}/u.test(bare) || bare.length < 2) {
      return;
    }
    if (FUNCTION_WORDS.has(bare.toLowerCase())) {
      return;
    }
    if (i === 0 && !isName(bare)) {
      return;
    }
    out.push(bare);
  });
  return out;
};

/** Our sentences: split after . ! ? ; followed by a space. */
export const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?;])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Every name form of every actor, compiled once: an acronym must match in capitals. */
export type NameForms = Array<{
  words: string[];
  forms: Array<{ lower: string; pattern: RegExp }>;
}>;

export const compileNameForms = (actors: readonly Actor[]): NameForms =>
  actors.map((actor) => {
    const forms = [actor.name, actor.shortName, ...actor.aliases].filter(
      (f): f is string => f !== undefined,
    );
    return {
      words: forms.flatMap((form) => splitWords(form).map(canonicalWord)),
      forms: forms.map((form) => {
        const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const acronym = form === form.toUpperCase();
        return {
          lower: form.toLowerCase(),
          pattern: new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, acronym ? 'u' : 'iu'),
        };
      }),
    };
  });

/**
 * Name forms of actors that the passages mention, so our text may call them by any of their
 * names: a passage saying "Islamic Revolutionary Guard Corps" carries "IRGC".
 */
export const mentionedNameWords = (hay: Haystack, forms: NameForms): Set<string> => {
  const allowed = new Set<string>();
  const lower = hay.text.toLowerCase();
  for (const actor of forms) {
    // A cheap substring test first; the pattern then checks word boundaries and capitals.
    if (actor.forms.some((f) => lower.includes(f.lower) && f.pattern.test(hay.text))) {
      for (const word of actor.words) {
        allowed.add(word);
      }
    }
  }
  return allowed;
};

/** Words of a sentence that no cited passage carries. */
export const unbackedTokens = (
  sentence: string,
  hay: Haystack,
  allowedNames: ReadonlySet<string>,
  isName: (word: string) => boolean,
): string[] =>
  salientTokens(sentence, isName).filter(
    (token) => !hasWord(hay, token) && !allowedNames.has(canonicalWord(token)),
  );

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const SEASON_WORDS: Record<number, string[]> = {
  3: ['spring'],
  6: ['summer'],
  9: ['fall', 'autumn'],
  12: ['winter'],
};

/**
 * What a passage must say for a date to count as given: the year (or the decade "1980s"), the
 * month's name for MONTH and DAY, the season's name for SEASON, and the day's number for DAY.
 * Returns the missing parts; empty when the passages give the date.
 */
export const missingDateParts = (date: DateValue, hay: Haystack): string[] => {
  const [year = '', month, day] = date.value.split('-');
  const missing: string[] = [];
  if (date.precision === 'DECADE') {
    if (!hay.words.has(year) && !new RegExp(`\\b${year}s\\b`).test(hay.text)) {
      missing.push(`the ${year}s`);
    }
    return missing;
  }
  if (!hay.words.has(year)) {
    missing.push(year);
  }
  const m = Number(month);
  if (date.precision === 'MONTH' || date.precision === 'DAY') {
    const name = MONTHS[m - 1]?.toLowerCase() ?? '';
    if (!hay.words.has(name)) {
      missing.push(MONTHS[m - 1] ?? `month ${month}`);
    }
  }
  if (date.precision === 'SEASON') {
    const names = SEASON_WORDS[m] ?? [];
    if (!names.some((n) => hay.words.has(n))) {
      missing.push(names[0] ?? `season ${month}`);
    }
  }
  if (date.precision === 'DAY' && !hay.words.has(String(Number(day)))) {
    missing.push(`day ${Number(day)}`);
  }
  return missing;
};

/** A date is EXACT unless it says otherwise. */
export const certaintyOf = (date: DateValue): NonNullable<DateValue['certainty']> =>
  date.certainty ?? 'EXACT';

export const isMonthWord = (word: string): boolean => MONTH_WORDS.has(word.toLowerCase());

// ---------------------------------------------------------------------------------------------
// Names of people
// ---------------------------------------------------------------------------------------------

/** Damerau-free Levenshtein distance, enough to accept transliterations ("Qasem" for "Qassem"). */
export const editDistance = (a: string, b: string): number => {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? 0;
      prev[j] = Math.min(
        above + 1,
        (prev[j - 1] ?? 0) + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return prev[b.length] ?? 0;
};

/** Particles that are not names of their own ("al-", "bin"). */
const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'abu', 'abd', 'de', 'van', 'von']);

/**
 * The words of a person's name that no passage of the record carries. `spelling` allows a
 * transliteration: a word within two edits of a passage word (three letters or more) passes.
 */
export const unbackedNameWords = (name: string, hay: Haystack, spelling: boolean): string[] =>
  splitWords(name)
    .flatMap((w) => w.split(/[-\u2013]/))
    .filter((w) => w.length > 1 && !NAME_PARTICLES.has(w.toLowerCase()))
    .filter((w) => {
      const c = canonicalWord(w);
      if (hay.words.has(c)) {
        return false;
      }
      if (!spelling || c.length < 3) {
        return true;
      }
      for (const word of hay.words) {
        if (Math.abs(word.length - c.length) <= 2 && editDistance(word, c) <= 2) {
          return false;
        }
      }
      return true;
    });

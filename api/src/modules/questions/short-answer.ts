/**
 * Grading a typed short answer (a name) against the key's accepted answers. Pure: no I/O.
 *
 * Three layers, each more forgiving than the last:
 * 1. `baseForm`: case, diacritics, apostrophe-like marks (ʿayn, hamza), punctuation, spacing, a
 *    leading "the" and the Arabic article (al-, el-, ash-…) do not count. Equal here = EXACT for the
 *    canonical answer, ALIAS for any other accepted answer.
 * 2. `foldedForm`: transliteration classes also collapse (e/i, o/u, q/k, doubled letters, spaces
 *    inside a name), so "Hafiz Assad" meets "Hafez al-Assad". Equal here = VARIANT.
 * 3. Damerau–Levenshtein (optimal string alignment) on the folded forms, with a budget that grows
 *    with the length of each word = TYPO. Written here rather than taken from npm: cmpstr 3.3.0
 *    caches distances under a 32-bit string hash that collides often (2,679 collisions in 200,000
 *    short strings), so it can return another pair's distance; damerau-levenshtein 1.0.8 returns a
 *    guess once a prefix is 5 edits apart. Tested against fastest-levenshtein as an oracle.
 * Listed near misses (`rejects`: Bashar when the key is Hafez) are checked at every layer: an
 * answer that matches one, or is at least as close to one as to the key, is never accepted.
 */
import { z } from 'zod';
export const SHORT_ANSWER_MATCHES = [
  'EXACT',
  'ALIAS',
  'VARIANT',
  'TYPO',
  'NEAR_MISS',
  'WRONG',
] as const;
export type ShortAnswerMatch = (typeof SHORT_ANSWER_MATCHES)[number];

export type ShortAnswerGrade = {
  match: ShortAnswerMatch;
  /** The accepted answer (or, for NEAR_MISS, the near-miss name) the answer was matched to. */
  matched: string | null;
  /** Edits between the folded answer and `matched` (0 unless TYPO or a fuzzy NEAR_MISS). */
  distance: number;
};

export const isAccepted = (match: ShortAnswerMatch): boolean =>
  match === 'EXACT' || match === 'ALIAS' || match === 'VARIANT' || match === 'TYPO';

// Marks that transliterations use for ʿayn, hamza and the like; they are left out, not spaced.
const APOSTROPHES = /['`´‘’‚‛′″ʹʻʼʽʾʿˈˊˋ]/g;
// Dots are dropped ("U.S." = "US"); every other punctuation mark or symbol separates words.
const SEPARATORS = /[\p{P}\p{S}\p{Z}\s]+/gu;
// The Arabic article with its sun-letter forms, when written joined by a hyphen.
const JOINED_ARTICLE = /(^|[\s\p{P}])(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-(?=\p{L})/gu;
// Written as a word of its own ("Hafez al Assad") only al/el are safe to drop: "as", "at" and "an"
// are English words.
const LOOSE_ARTICLES = new Set(['al', 'el']);
const LEADING_ARTICLES = new Set(['the']);

/** Removes what no answer needs and a database cannot store: controls, lone surrogates, excess space. */
export const sanitiseAnswerText = (raw: string): string =>
  raw
    .replace(/\s+/gu, ' ')
    // \p{Cs} under the u flag matches only lone surrogates, which PostgreSQL's jsonb refuses.
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .normalize('NFC')
    .trim();

const words = (text: string): string[] => {
  const decomposed = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[ıİ]/g, 'i')
    .replace(/[øØ]/g, 'o')
    .replace(/[đĐ]/g, 'd')
    .replace(/[łŁ]/g, 'l')
    .replace(APOSTROPHES, '')
    .replace(JOINED_ARTICLE, '$1')
    .replace(/\./g, '')
    .replace(SEPARATORS, ' ')
    .trim();
  if (decomposed === '') {
    return [];
  }
  let tokens = decomposed.split(' ');
  const rest = tokens.filter((token) => !LOOSE_ARTICLES.has(token));
  if (rest.length > 0) {
    tokens = rest;
  }
  if (tokens.length > 1 && LEADING_ARTICLES.has(tokens[0] ?? '')) {
    tokens = tokens.slice(1);
  }
  return tokens;
};

/** Case, accents, apostrophes, punctuation and articles removed; words joined by one space. */
export const baseForm = (text: string): string => words(text).join(' ');

const foldWord = (word: string): string =>
  word
    .replace(/ou/g, 'u')
    .replace(/e/g, 'i')
    .replace(/o/g, 'u')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1');

/** `baseForm` with transliteration classes folded (Hezbollah = Hizbullah = Hizbollah). */
export const foldedForm = (text: string): string => words(text).map(foldWord).join(' ');

/**
 * Edits forgiven in a word of this many letters. Stricter than the Elasticsearch AUTO rule
 * (1 edit from 3 letters) because short state names differ by one letter: Iran, Iraq, Oman.
 * Numbers are never fuzzy.
 */
export const typoBudget = (word: string): number => {
  if (/\d/.test(word)) {
    return 0;
  }
  const n = [...word].length;
  return n <= 4 ? 0 : n <= 8 ? 1 : 2;
};

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (a swap of neighbours is one
 * edit; no substring is edited twice), over code points. Three rolling rows: O(|a|·|b|) time.
 */
export const editDistance = (left: string, right: string): number => {
  if (left === right) {
    return 0;
  }
  const a = Array.from(left);
  const b = Array.from(right);
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    curr[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      curr[j] = best;
    }
    [before, prev, curr] = [prev, curr, before];
  }
  return prev[b.length] ?? 0;
};

type Fuzzy = { distance: number; withinBudget: boolean };

/**
 * Distance from a folded answer to a folded name. Word by word when both have the same number of
 * words (every word must be within its own budget); otherwise on the joined letters, within the
 * budget of the whole name.
 */
const fuzzyDistance = (answer: string, name: Named): Fuzzy => {
  const a = answer.split(' ');
  const b = name.folded.split(' ');
  // Budgets come from the spelling before folding: folding shortens words (doubled letters).
  const spelt = name.spelt.split(' ');
  if (a.length === b.length) {
    let distance = 0;
    let withinBudget = true;
    b.forEach((word, i) => {
      const d = editDistance(a[i] ?? '', word);
      distance += d;
      withinBudget &&= d <= typoBudget(spelt[i] ?? word);
    });
    return { distance, withinBudget };
  }
  const distance = editDistance(a.join(''), b.join(''));
  return { distance, withinBudget: distance <= typoBudget(spelt.join('')) };
};

/**
 * A name in its three forms: `spelt` (baseForm), `base` (baseForm without spaces: "Hezb ollah" and
 * "Hezbollah" are the same name spelt apart) and `folded`.
 */
type Named = { name: string; spelt: string; base: string; folded: string };

const compact = (form: string): string => form.replaceAll(' ', '');

/** The form two accepted spellings may not share: the grader cannot tell them apart. */
export const spellingForm = (text: string): string => compact(baseForm(text));

/** `names` with one spelling per form, the first kept ("Iran Air" for "Iran Air", "IranAir"). */
export const oneSpellingPerForm = (names: readonly string[]): string[] => {
  const seen = new Set<string>();
  return names.filter((name) => {
    const form = spellingForm(name);
    if (seen.has(form)) {
      return false;
    }
    seen.add(form);
    return true;
  });
};

const named = (names: readonly string[]): Named[] =>
  names
    .map((name) => {
      const spelt = baseForm(name);
      return { name, spelt, base: compact(spelt), folded: foldedForm(name) };
    })
    .filter((entry) => entry.base !== '');

const closest = (folded: string, names: readonly Named[]) => {
  let best: { entry: Named; fuzzy: Fuzzy } | null = null;
  for (const entry of names) {
    const fuzzy = fuzzyDistance(folded, entry);
    if (!best || fuzzy.distance < best.fuzzy.distance) {
      best = { entry, fuzzy };
    }
  }
  return best;
};

export type ShortAnswerKey = { answers: readonly string[]; rejects?: readonly string[] };

/**
 * Grades a typed answer. Never throws: empty, huge or garbage input is simply WRONG (the API
 * rejects such input before it gets here).
 */
export const gradeShortAnswer = (text: string, key: ShortAnswerKey): ShortAnswerGrade => {
  const wrong: ShortAnswerGrade = { match: 'WRONG', matched: null, distance: 0 };
  // Far longer than any name: not worth comparing.
  if (text.length > 1000) {
    return wrong;
  }
  const base = compact(baseForm(text));
  if (base === '') {
    return wrong;
  }
  const folded = foldedForm(text);
  const answers = named(key.answers);
  const rejects = named(key.rejects ?? []);
  const nearMiss = (entry: Named, distance: number): ShortAnswerGrade => ({
    match: 'NEAR_MISS',
    matched: entry.name,
    distance,
  });

  // A near miss matched as well as the key wins: the answer does not tell the two apart.
  const rejectedExactly = rejects.find(
    (entry) => entry.base === base || compact(entry.folded) === compact(folded),
  );
  if (rejectedExactly) {
    return nearMiss(rejectedExactly, 0);
  }
  const canonical = answers[0];
  if (canonical && canonical.base === base) {
    return { match: 'EXACT', matched: canonical.name, distance: 0 };
  }
  const alias = answers.find((entry) => entry.base === base);
  if (alias) {
    return { match: 'ALIAS', matched: alias.name, distance: 0 };
  }
  const variant = answers.find((entry) => compact(entry.folded) === compact(folded));
  if (variant) {
    return { match: 'VARIANT', matched: variant.name, distance: 0 };
  }
  const toKey = closest(folded, answers);
  const toReject = closest(folded, rejects);
  if (toReject && (!toKey || toReject.fuzzy.distance <= toKey.fuzzy.distance)) {
    return toReject.fuzzy.withinBudget ? nearMiss(toReject.entry, toReject.fuzzy.distance) : wrong;
  }
  if (toKey?.fuzzy.withinBudget) {
    return { match: 'TYPO', matched: toKey.entry.name, distance: toKey.fuzzy.distance };
  }
  return wrong;
};

/**
 * Names in `rejects` that an answer could not be told apart from `answers`: equal after folding,
 * or within the typo budget of an accepted answer. The editor refuses such a key (check U14).
 */
export const collidingRejects = (
  answers: readonly string[],
  rejects: readonly string[],
): string[] => {
  const accepted = named(answers);
  return named(rejects)
    .filter((reject) =>
      accepted.some(
        (answer) =>
          answer.base === reject.base ||
          compact(answer.folded) === compact(reject.folded) ||
          fuzzyDistance(reject.folded, answer).withinBudget,
      ),
    )
    .map((reject) => reject.name);
};

const StoredGrade = z.object({
  match: z.enum(SHORT_ANSWER_MATCHES),
  matched: z.string().nullable(),
  distance: z.number().int().min(0),
});

/** A grade read back from the database, or null when there is none (or it is not one). */
export const storedGrade = (value: unknown): ShortAnswerGrade | null => {
  const parsed = StoredGrade.safeParse(value);
  return parsed.success ? parsed.data : null;
};

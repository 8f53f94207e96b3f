/**
 * Small text helpers shared by the generator and the gate: normalisation for alias-aware
 * comparison, a/an agreement, Dice similarity and year extraction.
 */

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'to',
  'for',
  'with',
  'by',
  'at',
  'from',
  'its',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'which',
  'what',
  'who',
  'was',
  'were',
  'is',
  'did',
  'during',
  'as',
]);

/** Lower case, no diacritics, no "al-"/"el-" prefixes, no punctuation: "Bashar al-Assad" → "bashar assad". */
export const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/\b(al|el|ad|as|ash|an|az)-/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const tokens = (text: string): string[] => normalise(text).split(' ').filter(Boolean);

export const contentTokens = (text: string): string[] =>
  tokens(text).filter((t) => t.length >= 3 && !STOPWORDS.has(t));

/** Whole-phrase containment on normalised text, so "Iran" does not match "Iranian". */
export const containsPhrase = (haystack: string, needle: string): boolean => {
  const n = normalise(needle);
  if (!n) {
    return false;
  }
  return ` ${normalise(haystack)} `.includes(` ${n} `);
};

// Words that start with a vowel letter but a consonant sound, and the reverse.
const CONSONANT_SOUND = /^(one|once|uni|use|usu|ura|uro|eu|ewe|u\.s\.|us\b)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;
// Acronym letters whose names start with a vowel sound: A E F H I L M N O R S X.
const VOWEL_LETTER = /^[AEFHILMNORSX]/;

export const startsWithVowelSound = (word: string): boolean => {
  const w = word.replace(/^[^A-Za-z0-9]+/, '');
  if (!w) {
    return false;
  }
  if (/^[A-Z]{2,}\b/.test(w)) {
    return VOWEL_LETTER.test(w);
  }
  if (/^8|^11|^18/.test(w)) {
    return true;
  }
  if (VOWEL_SOUND.test(w)) {
    return true;
  }
  if (CONSONANT_SOUND.test(w)) {
    return false;
  }
  return /^[aeiou]/i.test(w);
};

export const article = (word: string): 'a' | 'an' => (startsWithVowelSound(word) ? 'an' : 'a');

/** Article errors ("a Iranian", "an Syrian") in a text, as the offending pairs. */
export const articleErrors = (text: string): string[] => {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(a|an|A|An)\s+([“"‘']?[\w.-]+)/g)) {
    const art = (m[1] ?? '').toLowerCase();
    const word = (m[2] ?? '').replace(/^[“"‘']/, '');
    if (/^\d/.test(word) && !/^(8|11|18)/.test(word)) {
      if (art === 'an') {
        out.push(m[0]);
      }
      continue;
    }
    if (art !== article(word)) {
      out.push(m[0]);
    }
  }
  return out;
};

/** Dice coefficient over character bigrams of the normalised texts. */
export const dice = (a: string, b: string): number => {
  const grams = (s: string): Map<string, number> => {
    const n = normalise(s).replace(/ /g, '');
    const m = new Map<string, number>();
    for (let i = 0; i < n.length - 1; i += 1) {
      const g = n.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let inter = 0;
  let total = 0;
  for (const [g, c] of ga) {
    inter += Math.min(c, gb.get(g) ?? 0);
    total += c;
  }
  for (const c of gb.values()) {
    total += c;
  }
  return total === 0 ? 1 : (2 * inter) / total;
};

/**
 * The years a text mentions: "1984", "1980–88" (both ends), "the 1980s" (the decade's ends).
 * Used to find a stem's time window.
 */
export const yearsIn = (text: string): number[] => {
  const out: number[] = [];
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)(?:s\b|\s*[–-]\s*(\d{2,4})\b)?/g)) {
    const from = Number(m[1]);
    out.push(from);
    if (m[0].endsWith('s')) {
      out.push(from + 9);
    } else if (m[2]) {
      const to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
      out.push(to);
    }
  }
  return out;
};

/** "A", "A and B", "A, B and C". */
export const listAnd = (xs: readonly string[]): string =>
  xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1) as string}` : (xs[0] ?? '');

export const capitalise = (text: string): string =>
  text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);

export const lowerFirst = (text: string): string =>
  // Keep proper nouns and acronyms: only lower a leading article or common word.
  /^(The|A|An)\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

export const stripFinalPeriod = (text: string): string => text.replace(/[.\s]+$/, '');

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

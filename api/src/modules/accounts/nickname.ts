import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import unhomoglyph from 'unhomoglyph';
import type { FieldErrorCode } from '../../lib/field-errors';
import { cleanUserText } from '../../lib/user-text';

/** Built once: the matcher compiles its patterns. */
const profanity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 24;
export const DISPLAY_NAME_MAX = 60;

/** Letters (any script), digits, space, underscore, hyphen and dot. */
const ALLOWED = /^[\p{L}\p{N} _.-]+$/u;

/**
 * Lower case, where a capital's own lower case would hide what it looks like: Cherokee "Ꮶ"
 * (U+13E6) is a "K" to the eye and to the confusables table, but its lower case is a Cherokee
 * small letter the table maps elsewhere, so "Darya Ꮶarimi" and "Darya Karimi" had two keys
 * (probe, 6 Dec, round 3). Such a capital is read as its prototype first.
 */
const LATIN = /^[a-z0-9]+$/;
const lowerLookAlikes = (text: string): string =>
  Array.from(text, (char) => {
    const lower = char.toLowerCase();
    if (/^[\p{ASCII}]*$/u.test(lower) || LATIN.test(unhomoglyph(lower))) {
      return lower; // the table reads the lower case as Latin already (Greek "Ι" → "ι" → "i")
    }
    const prototype = unhomoglyph(char).toLowerCase();
    return LATIN.test(prototype) ? prototype : lower;
  }).join('');

/**
 * The comparison key of a name: NFKC, lower case, each character replaced by its Unicode TR39
 * confusables prototype (unhomoglyph's table: Cyrillic "а" → "a", "0" → "o", "m" → "rn"), marks
 * dropped ("ë" → "e"), and words separated by one space. Two names with one key look alike.
 */
export const nameKey = (name: string): string =>
  unhomoglyph(lowerLookAlikes(cleanUserText(name).normalize('NFKC')).normalize('NFD'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

/** Names that would pass for staff or for the system (compared by key). */
const RESERVED = [
  'admin',
  'administrator',
  'teacher',
  'moderator',
  'mod',
  'staff',
  'system',
  'root',
  'support',
  'official',
  'owner',
  'instructor',
  'professor',
  // The one running a live game (probe, 7 Dec: "Quiz Host" on the projector's leaderboard).
  'host',
  'quizmaster',
  'gamemaster',
].map(nameKey);

/**
 * Titles that put a teacher's name in a student's mouth: "Ms. Farahani", "Dr Leila", "Ostad
 * Rezaei" (English and the Persian/Arabic forms a class would use), compared by key.
 */
const HONORIFICS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'miss',
    'mx',
    'mister',
    'master',
    'madam',
    'madame',
    'sir',
    'dame',
    'lady',
    'lord',
    'dr',
    'doctor',
    'prof',
    'professor',
    'teacher',
    'coach',
    'khanom',
    'khanum',
    'agha',
    'aqa',
    'ostad',
    'ustad',
    'ustadh',
    'sheikh',
    'seyed',
    'sayyid',
    'haji',
    'hajji',
  ].map(nameKey),
);

/** The name after a leading title ("ms farahani" → "farahani"), or null when it has none. */
export const withoutHonorific = (key: string): string | null => {
  const [first, ...rest] = key.split(' ');
  return first && HONORIFICS.has(first) && rest.length > 0 ? rest.join(' ') : null;
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

const impersonatesStaff = (name: string): boolean => {
  // Look-alike digits read as letters first ("4dm1n" → "admin").
  const words = nameKey(name.toLowerCase().replace(/[013457]/g, (c) => LEET[c] ?? c)).split(' ');
  const whole = words.join('');
  // Short titles only as whole words ("Modesty" is fine); long ones anywhere ("xXadminXx").
  return RESERVED.some(
    (word) => words.includes(word) || (word.length >= 5 && whole.includes(word)),
  );
};

/** "Root" is a surname ("Joe Root") and reads as staff to nobody at school. */
const STAFF_IN_NAMES = RESERVED.filter((word) => word !== 'root');

/**
 * A student's display name that passes for staff ("Admin", "Teacher", "Quiz Host", "Quiz
 * Master"): a reserved word as one of its words, or two neighbouring words written together. A
 * display name is a real name, so not anywhere inside a word as for a nickname: "Emma Stafford"
 * and "Alex Downer" hold "staff" and "owner" (probe round 11; before, display names had no such
 * rule at all, and "Admin" stood on boards, rosters and the teacher's results).
 */
export const displayNamePassesForStaff = (name: string): boolean => {
  const words = nameKey(name.toLowerCase().replace(/[013457]/g, (c) => LEET[c] ?? c)).split(' ');
  const joined = words.slice(1).map((word, i) => `${words[i]}${word}`);
  return [...words, ...joined].some((word) => STAFF_IN_NAMES.includes(word));
};

/** Punctuation people put between letters to slip past a filter ("f.u.c.k", "sh_it"). */
const JOINERS = /[._\-*+~|/\\:;,!?'`"^]+/g;

/** "f u c k you" → "fuck you": consecutive one-character words become one word. */
const closeSingleLetters = (words: string[]): string => {
  const out: string[] = [];
  let run = '';
  for (const word of words) {
    if ([...word].length === 1) {
      run += word;
      continue;
    }
    if (run) {
      out.push(run);
      run = '';
    }
    out.push(word);
  }
  if (run) {
    out.push(run);
  }
  return out.join(' ');
};

/**
 * Forms of a name to run the profanity matcher on: as written (NFKC, so full-width and
 * ligature letters read as plain ones), with joining punctuation removed, and with runs of
 * single letters closed up ("f u c k" → "fuck"), and as its look-alike key. Whole words stay
 * apart, so "Shi Tzu" is fine.
 */
const profanityForms = (name: string): string[] => {
  const text = cleanUserText(name).normalize('NFKC');
  const joined = text.replace(JOINERS, '');
  const words = joined.split(/\s+/).filter(Boolean);
  return [text, joined, closeSingleLetters(words), nameKey(text)];
};

const isProfane = (name: string): boolean =>
  profanityForms(name).some((form) => profanity.hasMatch(form));

export type NicknameCheck =
  | { ok: true; nickname: string; key: string }
  | { ok: false; code: FieldErrorCode; message: string };

const tidy = (input: string): string => cleanUserText(input).trim().replace(/\s+/g, ' ');

/**
 * The rules for a guest's nickname (shown on leaderboards): 2–24 characters after cleaning,
 * trimming and collapsing spaces; letters, digits, space, `_`, `-`, `.`; not a staff title; no
 * profanity. Whether it looks like a name already in use is the service's question (`nameKey`).
 */
export const checkNickname = (input: string): NicknameCheck => {
  const nickname = tidy(input);
  if ([...nickname].length < NICKNAME_MIN) {
    return { ok: false, code: 'TOO_SHORT', message: `Use at least ${NICKNAME_MIN} characters` };
  }
  if ([...nickname].length > NICKNAME_MAX) {
    return { ok: false, code: 'TOO_LONG', message: `Use at most ${NICKNAME_MAX} characters` };
  }
  if (!ALLOWED.test(nickname)) {
    return {
      ok: false,
      code: 'INVALID',
      message: 'Use letters, digits, spaces and _ - . only',
    };
  }
  const key = nameKey(nickname);
  if (!key) {
    return { ok: false, code: 'INVALID', message: 'Use at least one letter or digit' };
  }
  if (impersonatesStaff(nickname)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'This name is reserved' };
  }
  if (isProfane(nickname)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'Choose a different name' };
  }
  return { ok: true, nickname, key };
};

/** Display names of accounts follow the same spirit, a little longer and with more punctuation. */
export const checkDisplayName = (input: string): NicknameCheck => {
  const name = tidy(input);
  if ([...name].length < 2) {
    return { ok: false, code: 'TOO_SHORT', message: 'Use at least 2 characters' };
  }
  if ([...name].length > DISPLAY_NAME_MAX) {
    return { ok: false, code: 'TOO_LONG', message: `Use at most ${DISPLAY_NAME_MAX} characters` };
  }
  if (/[\p{C}<>]/u.test(name)) {
    return { ok: false, code: 'INVALID', message: 'Remove control characters and < >' };
  }
  const key = nameKey(name);
  if (!key) {
    return { ok: false, code: 'INVALID', message: 'Use at least one letter or digit' };
  }
  if (isProfane(name)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'Choose a different name' };
  }
  return { ok: true, nickname: name, key };
};

import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { FieldErrorCode } from '../../lib/field-errors';

/** Built once: the matcher compiles its patterns. */
const profanity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 24;

/** Letters (any script), digits, space, underscore, hyphen and dot. */
const ALLOWED = /^[\p{L}\p{N} _.-]+$/u;

/** Names that would pass for staff or for the system. */
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
];

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** Lower-case letters only, with look-alike digits read as letters ("4dm1n" → "admin"). */
const skeleton = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[013457]/g, (c) => LEET[c] ?? '')
    .replace(/[^a-z]/g, '');

const impersonates = (name: string): boolean => {
  const words = name
    .normalize('NFKD')
    .toLowerCase()
    .split(/[\s_.-]+/)
    .map(skeleton);
  const whole = skeleton(name);
  return RESERVED.some(
    // Short titles only as whole words ("Modesty" is fine); long ones anywhere ("xXadminXx").
    (word) => words.includes(word) || (word.length >= 5 && whole.includes(word)),
  );
};

export type NicknameCheck =
  | { ok: true; nickname: string }
  | { ok: false; code: FieldErrorCode; message: string };

/**
 * The rules for a guest's nickname (shown on leaderboards): 2–24 characters after trimming and
 * collapsing spaces; letters, digits, space, `_`, `-`, `.`; not a staff title; no profanity.
 */
export const checkNickname = (input: string): NicknameCheck => {
  const nickname = input.normalize('NFC').trim().replace(/\s+/g, ' ');
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
  if (!/[\p{L}\p{N}]/u.test(nickname)) {
    return { ok: false, code: 'INVALID', message: 'Use at least one letter or digit' };
  }
  if (impersonates(nickname)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'This name is reserved' };
  }
  if (profanity.hasMatch(nickname)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'Choose a different name' };
  }
  return { ok: true, nickname };
};

/** Display names of accounts follow the same spirit, a little longer. */
export const checkDisplayName = (input: string): NicknameCheck => {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if ([...name].length < 2) {
    return { ok: false, code: 'TOO_SHORT', message: 'Use at least 2 characters' };
  }
  if ([...name].length > 60) {
    return { ok: false, code: 'TOO_LONG', message: 'Use at most 60 characters' };
  }
  if (/[\p{C}<>]/u.test(name)) {
    return { ok: false, code: 'INVALID', message: 'Remove control characters and < >' };
  }
  if (profanity.hasMatch(name)) {
    return { ok: false, code: 'NOT_ALLOWED', message: 'Choose a different name' };
  }
  return { ok: true, nickname: name };
};

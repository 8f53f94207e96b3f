// The rule's numbers and wording, without the estimator: pages import this much eagerly and load
// the estimator (index.ts, with its dictionaries) only when someone types a password.

/**
 * The password rule, in one place: the API enforces it and the sign-up page shows it (and runs
 * it live for the strength meter), so the two cannot drift apart.
 *
 * - at least PASSWORD_MIN characters (Unicode code points) and at most PASSWORD_MAX (the cap
 *   only bounds hashing work; nothing is truncated);
 * - a zxcvbn strength score of at least PASSWORD_MIN_SCORE (0–4), with the account's email and
 *   name counted as known words. 3 means "safely unguessable": about 10^8 guesses or more, which
 *   an online attacker slowed by the sign-in throttles cannot reach. It refuses repeats like
 *   `abcdabcdab`, keyboard walks, common passwords and dictionary words with digits tacked on.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const PASSWORD_MIN_SCORE = 3;

/** The rule as one sentence, for the page's hint and the server's error. */
export const PASSWORD_RULE = `Use at least ${PASSWORD_MIN} characters that are hard to guess: a few unrelated words, or a mix of letters, digits and symbols (no repeats, keyboard runs or common passwords).`;

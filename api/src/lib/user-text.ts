import { z } from 'zod';

/**
 * Invisible characters: every Unicode Default_Ignorable_Code_Point, the characters that render as
 * nothing. Among them the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the
 * directional marks (U+200E/200F, U+061C), zero-width space/joiners (U+200B–200D), word joiner
 * (U+2060), the BOM (U+FEFF), the soft hyphen and Mongolian vowel separator: in a title they
 * reorder what others read ("Quiz ‮txt.exe") or split a word past a filter. And the Hangul fillers
 * (U+115F, U+1160, U+3164, U+FFA0), which are letters to Unicode, so a name rule that allows
 * letters let "Darya\u3164Karimi" through: it looks exactly like "Darya Karimi" on a board but
 * its name key differs (probe, 6 Dec); combining grapheme joiner, variation selectors and tag
 * characters go too (an emoji keeps its picture without its selector).
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Other control characters (C0/C1) except tab and newline, which descriptions may use. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;

/**
 * A fifth nonspacing or enclosing mark on one letter, and any after it: zalgo. Each mark is drawn
 * above or below the last, so 118 of them on one letter of a set's title made a column of ink
 * 300 px tall through the guest form above it on every visitor's home page (probe 6b). The deepest
 * real stacks hold three or four: Arabic shadda and a vowel, pointed Hebrew, Tibetan ཧཱུྃ.
 */
const MARK_STACK = /(?<=[\p{Mn}\p{Me}]{4})[\p{Mn}\p{Me}]+/gu;

/**
 * The one cleaner for text a user writes that others will read (set titles and descriptions,
 * class names, display names, nicknames, question stems, options, explanations): NFC, invisible
 * format characters and control characters removed, stacks of marks cut to four. Every input path uses it through `userText`.
 */
export const cleanUserText = (text: string): string =>
  // Stacks are cut last: a removed invisible character (U+034F) can join two of them.
  text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(MARK_STACK, '');

/** A zod string that is cleaned, then trimmed, before any length rule runs. */
export const userText = () => z.string().overwrite(cleanUserText).trim();

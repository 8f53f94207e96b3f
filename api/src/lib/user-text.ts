import { z } from 'zod';

/**
 * Invisible characters that change how text around them is shown without being seen themselves:
 * bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the directional marks
 * (U+200E/200F, U+061C), zero-width space/joiners (U+200B–200D), word joiner (U+2060), the BOM
 * (U+FEFF), and the soft hyphen and Mongolian vowel separator, which render as nothing too. In a
 * title they reorder what others read ("Quiz ‮txt.exe") or split a word past a filter.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Other control characters (C0/C1) except tab and newline, which descriptions may use. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;

/**
 * The one cleaner for text a user writes that others will read (set titles and descriptions,
 * class names, display names, nicknames, question stems, options, explanations): NFC, invisible
 * format characters and control characters removed. Every input path uses it through `userText`.
 */
export const cleanUserText = (text: string): string =>
  text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '');

/** A zod string that is cleaned, then trimmed, before any length rule runs. */
export const userText = () => z.string().overwrite(cleanUserText).trim();

/** Text helpers shared by the serialisers and parsers. Pure. */

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * A numeric character reference as HTML reads it: NUL, a surrogate or a number past U+10FFFF is
 * U+FFFD. `String.fromCodePoint` threw a RangeError on `&#x110000;` (an import answered
 * INTERNAL_SERVER_ERROR) and made a lone surrogate of `&#xD800;` (which PostgreSQL cannot store).
 */
const fromReference = (code: number): string =>
  Number.isSafeInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    ? String.fromCodePoint(code)
    : '\uFFFD';

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return fromReference(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return fromReference(Number.parseInt(name.slice(1), 10));
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

export type HtmlToText = { text: string; images: number };

/**
 * HTML as the plain text our questions hold: images dropped (counted, so the import can say
 * so), block ends and <br> as spaces, tags removed, entities decoded, spaces collapsed.
 */
export const htmlToText = (html: string): HtmlToText => {
  let images = 0;
  // No tag can end after the last '>', so the tail is left as it is. Each pattern below, tried at
  // a '<' with no '>' anywhere after it, scans to the end of the text and fails, once per '<':
  // 89,000 '<' in one imported [html] stem held the event loop for 4.1 s. Before the last '>',
  // every attempt that gets past '<' stops at the next '>' and consumes it, so the work is linear.
  const end = html.lastIndexOf('>') + 1;
  const text = html
    .slice(0, end)
    .replace(/<img\b[^>]*>/gi, () => {
      images += 1;
      return ' ';
    })
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return { text: collapse(decodeEntities(text + html.slice(end))), images };
};

/**
 * The first `<blockquote>…</blockquote>` (any case) as `[whole, inner]`, like the lazy regex
 * `/<blockquote>([\s\S]*?)<\/blockquote>/i` but linear: that regex, given many openings and no
 * closing, scanned to the end from each opening (7,400 openings: 230 ms per field).
 */
export const firstBlockquote = (html: string): [string, string] | null => {
  const open = /<blockquote>/i.exec(html);
  if (!open) {
    return null;
  }
  const close = /<\/blockquote>/gi;
  close.lastIndex = open.index + open[0].length;
  const closed = close.exec(html);
  if (!closed) {
    return null;
  }
  return [
    html.slice(open.index, closed.index + closed[0].length),
    html.slice(open.index + open[0].length, closed.index),
  ];
};

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * A cell a spreadsheet may read as a formula (CWE-1236; ASVS 5.0 1.2.10; OWASP's list): one
 * starting with `= + - @`, their full-width forms `＝ ＋ － ＠` (U+FF1D, U+FF0B, U+FF0D, U+FF20: on
 * OWASP's list, as some spreadsheets fold them to the ASCII ones), tab, CR, LF or NUL, or
 * any of those behind leading whitespace (spaces, NBSP, U+3000: some importers trim
 * it before deciding; probe 7b found `＝HYPERLINK(…)` and " =1+1" passing as text). A cell that
 * already starts with an apostrophe is marked too, so `unneutralise` can tell ours from the
 * writer's and a round trip keeps "'=x" as written.
 */
const FORMULA_START = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n\0]|')/u;

/** A text cell made inert: a leading apostrophe before a formula-starting character. */
export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Undoes `neutralise` on import, so a round trip keeps the text. */
export const unneutralise = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

/** A file name part: letters, digits and dashes only. */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 60) || 'set';

/** 1-based line of a character offset. */
export const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
    }
  }
  return line;
};

/**
 * 1-based lines of ascending character offsets in one pass: `lineAt` per question counted from
 * the start each time, so 3,300 questions in a 90,000-character Moodle XML file took 0.7 s of
 * the event loop (probe, round 9).
 */
export const linesAt = (text: string, offsets: readonly number[]): number[] => {
  const lines: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (; at < offset && at < text.length; at += 1) {
      if (text.charCodeAt(at) === 10) {
        line += 1;
      }
    }
    lines.push(line);
  }
  return lines;
};

/** Text without a UTF-8 BOM and with CRLF / bare CR line ends as LF (Moodle reads all three). */
export const normaliseNewlines = (text: string): string =>
  text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

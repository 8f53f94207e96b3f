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

export const decodeEntities = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
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
  const text = html
    .replace(/<img\b[^>]*>/gi, () => {
      images += 1;
      return ' ';
    })
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return { text: collapse(decodeEntities(text)), images };
};

export const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Characters that make a spreadsheet read a cell as a formula (CWE-1236; ASVS 5.0 1.2.10). */
const FORMULA_START = /^[=+\-@\t\r\0]/;

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

/** Text without a UTF-8 BOM and with CRLF / bare CR line ends as LF (Moodle reads all three). */
export const normaliseNewlines = (text: string): string =>
  text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

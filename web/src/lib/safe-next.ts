/** Stands in for this site's origin when none is given (the check only needs one to compare). */
const SELF = 'http://self.invalid';

/**
 * The one check for a redirect target taken from a URL (`?next=` on sign-in and sign-up, and
 * every link that passes it on): a path on this site, or the fallback. Browsers read `/\evil`,
 * `/\tevil` and `//evil` as other hosts, so besides resolving `next` against the origin and
 * requiring the same origin, it refuses anything that is not a plain absolute path: no
 * backslash, whitespace or control character (raw, as the query decoded them), no scheme, no
 * `//` prefix. Returns the normalised path, query and fragment.
 */
export const safeNext = (
  next: string | string[] | null | undefined,
  fallback = '/',
  origin = SELF,
): string => {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2_000) {
    return fallback;
  }
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\s\p{Cc}\p{Cf}]/u.test(next)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin || !url.pathname.startsWith('/')) {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalising must not have made a protocol-relative path ("/.//evil" → "//evil").
  return path.startsWith('//') ? fallback : path;
};

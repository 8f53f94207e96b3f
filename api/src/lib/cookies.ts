/** Parses a Cookie header into name → value (first occurrence wins). */
export const parseCookies = (header: string | undefined): Map<string, string> => {
  const cookies = new Map<string, string>();
  if (!header) {
    return cookies;
  }
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) {
      const name = part.slice(0, index).trim();
      if (!cookies.has(name)) {
        try {
          cookies.set(name, decodeURIComponent(part.slice(index + 1).trim()));
        } catch {
          // A malformed value is ignored rather than failing the request.
        }
      }
    }
  }
  return cookies;
};

export type CookieOptions = { maxAgeSec?: number; secure: boolean };

/** A Set-Cookie value for an HttpOnly, SameSite=Lax cookie on the whole site. */
export const serializeCookie = (name: string, value: string, options: CookieOptions): string => {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.maxAgeSec !== undefined) {
    parts.push(`Max-Age=${options.maxAgeSec}`);
  }
  if (options.secure) {
    parts.push('Secure');
  }
  return parts.join('; ');
};

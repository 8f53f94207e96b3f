import { type NextRequest, NextResponse } from 'next/server';
import { isDevelopment } from '@/env';

/**
 * A fresh nonce per page request for a strict Content-Security-Policy (Next.js applies it to its
 * own scripts), plus the other browser-side security headers. Authorization never lives here: the
 * API checks every request.
 */
export const proxy = (request: NextRequest) => {
  const nonce = btoa(crypto.randomUUID());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`,
    // React and recharts set style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  // Pages can show a signed-in viewer's data: never store them in shared caches.
  response.headers.set('cache-control', 'private, no-store');
  return response;
};

// Every page and every error page: only /graphql itself (its route sets no-store and reads the body
// under its own cap) and Next's hashed assets are left out. Before (probe, round 4), a negative
// lookahead on "graphql" skipped every path starting with it (/graphqlx: a 404 page without CSP or
// frame-ancestors), /favicon.ico (a 404 page too), and any request with a prefetch header:
// `Purpose: prefetch` or `next-router-prefetch: 1` alone got the full HTML without these headers.
export const config = {
  matcher: ['/((?!graphql$|_next/static/|_next/image$).*)'],
};

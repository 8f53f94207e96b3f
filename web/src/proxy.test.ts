/**
 * @jest-environment node
 */
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { config, proxy } from './proxy';

// Round 4 of the probe: the matcher skipped any path starting with "graphql" (so /graphqlx and
// /graphql-evil/x were 404 pages without CSP, frame-ancestors or nosniff), /favicon.ico (also a
// 404 page here), and any request with a prefetch header: `Purpose: prefetch` or
// `next-router-prefetch: 1` alone got the full HTML of any page without those headers.
const matches = (url: string, headers: Record<string, string> = {}) =>
  unstable_doesMiddlewareMatch({ config, url, headers });

describe('the proxy (security headers)', () => {
  it.each([
    ['/', {}],
    ['/teacher', {}],
    ['/graphqlx', {}],
    ['/graphql-evil/x', {}],
    ['/graphql/x', {}],
    ['/favicon.ico', {}],
    ['/teacher', { purpose: 'prefetch' }],
    ['/teacher', { 'next-router-prefetch': '1' }],
    ['/teacher', { 'next-router-prefetch': '1', rsc: '1' }],
    ['/results/123', { 'sec-purpose': 'prefetch' }],
  ])('runs for %s %j', (url, headers) => {
    expect(matches(url, headers)).toBe(true);
  });

  it.each(['/graphql', '/_next/static/chunks/app.js', '/_next/image'])(
    'leaves %s alone (its own headers; the body is not buffered)',
    (url) => {
      expect(matches(url)).toBe(false);
    },
  );

  it('sets the CSP, nosniff and no-store', () => {
    const response = proxy(new NextRequest('http://localhost/graphqlx'));
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

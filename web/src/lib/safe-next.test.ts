/**
 * @jest-environment node
 */
import { safeNext } from './safe-next';

describe('safeNext', () => {
  // As the page receives them: searchParams have already decoded %5C, %09 and friends.
  it.each([
    ['/\\evil.example/', 'backslash (from ?next=/%5Cevil.example/)'],
    ['/\t/evil.example/', 'tab (from ?next=/%09/evil.example/)'],
    ['//evil.example/', 'protocol-relative'],
    ['///evil.example/', 'three slashes'],
    ['/\\/evil.example/', 'slash-backslash'],
    ['\\\\evil.example', 'two backslashes'],
    ['https://evil.example/', 'absolute URL'],
    ['http:evil.example', 'scheme without slashes'],
    ['javascript:alert(1)', 'javascript: URL'],
    ['data:text/html,hi', 'data: URL'],
    ['/\n/evil.example', 'newline'],
    ['/\r\n/evil.example', 'CRLF'],
    ['/ /evil.example', 'space'],
    ['/\u0000/evil.example', 'NUL'],
    ['/\u200b/evil.example', 'zero-width space'],
    ['/\u202e/evil.example', 'bidi override'],
    ['/.//evil.example', 'dot segment that normalises to //'],
    ['evil.example', 'no leading slash'],
    ['', 'empty'],
    [`/${'a'.repeat(2_001)}`, 'over 2,000 characters'],
  ])('refuses %j (%s)', (next) => {
    expect(safeNext(next, '/fallback')).toBe('/fallback');
  });

  it('refuses a list of values (?next=a&next=b)', () => {
    expect(safeNext(['/a', '/b'], '/fallback')).toBe('/fallback');
  });

  it.each([
    ['/', '/'],
    ['/teacher', '/teacher'],
    ['/join/ABC123?x=1#top', '/join/ABC123?x=1#top'],
    ['/a/../teacher', '/teacher'],
    ['/%5Cevil.example/', '/%5Cevil.example/'],
  ])('keeps the same-site path %j as %j', (next, expected) => {
    expect(safeNext(next, '/fallback')).toBe(expected);
  });

  it('compares against the given origin', () => {
    expect(safeNext('/results/1', '/', 'https://quiz.example')).toBe('/results/1');
  });
});

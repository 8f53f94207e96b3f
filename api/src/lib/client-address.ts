import { timingSafeEqual } from 'node:crypto';
import { isIPv6 } from 'node:net';

/** The header by which the web app's proxy proves it is the proxy (the secret both are given). */
export const PROXY_SECRET_HEADER = 'x-quiz-proxy-secret';

export type ClientAddressOptions = {
  /** The TCP peer. */
  remoteAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  /** The value of PROXY_SECRET_HEADER on the request. */
  proxySecret: string | string[] | undefined;
  /** How many proxies in front of the API may be believed (TRUST_PROXY_HOPS). */
  trustedHops: number;
  /** PROXY_SECRET; unset means no request is believed to come through a proxy. */
  expectedSecret: string | undefined;
};

export const sameSecret = (given: string | string[] | undefined, expected: string): boolean => {
  const value = Buffer.from(Array.isArray(given) ? (given[0] ?? '') : (given ?? ''));
  const want = Buffer.from(expected);
  return value.length === want.length && timingSafeEqual(value, want);
};

/** A plausible address token (IPv4, IPv6, or a proxy's obfuscated name), or null. */
const addressToken = (value: string | undefined): string | null => {
  const token = value?.trim();
  return token && token.length <= 64 && /^[\w.:[\]%-]+$/.test(token) ? token : null;
};

/** The eight 16-bit groups of a valid IPv6 address (`::` filled, a dotted IPv4 tail split). */
const ipv6Groups = (address: string): number[] => {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((group) => Number.parseInt(group, 16));
};

/**
 * The unit a client is counted by. An IPv6 client holds a whole /64 at least (one home, school
 * or phone network; RFC 6177), and may use any of its 2^64 addresses (privacy extensions pick a
 * new one every day; a script binds a new one per request), so each was a fresh client to every
 * per-address limit (probe, round 10): it is counted by its /64 prefix. An IPv4 address reached
 * over IPv6 (`::ffff:203.0.113.9`) is its IPv4 address; anything else is returned as it is.
 */
export const addressUnit = (address: string): string => {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!isIPv6(bare)) {
    return address;
  }
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
};

/**
 * The client's address for rate limits and sign-in throttles. Proxies append the address they
 * saw to X-Forwarded-For, so the entries nearest the end are the trustworthy ones: with
 * `trustedHops` proxies in front, the address is the entry that many hops back from the peer
 * (the web app's proxy, one hop, writes exactly one entry: the socket address it saw). A request
 * is believed to come through a proxy only when it carries the shared proxy secret; anything
 * else (a client calling the API directly, forged header or not) is known by its socket address.
 */
export const clientAddress = ({
  remoteAddress,
  forwardedFor,
  proxySecret,
  trustedHops,
  expectedSecret,
}: ClientAddressOptions): string => {
  const peer = addressUnit(remoteAddress ?? 'unknown');
  if (trustedHops < 1 || !expectedSecret || !sameSecret(proxySecret, expectedSecret)) {
    return peer;
  }
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = header.split(',').map((entry) => entry.trim());
  // chain[length - 1] is what the nearest proxy saw; each further trusted hop steps one back.
  const index = Math.max(0, chain.length - trustedHops);
  const token = addressToken(chain[index]);
  return token ? addressUnit(token) : peer;
};

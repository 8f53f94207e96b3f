import { timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

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

/** Dotted IPv4 from two 16-bit groups. */
const dotted = (high: number, low: number): string =>
  [high >> 8, high & 255, low >> 8, low & 255].join('.');

/**
 * An IPv4 address a proxy wrote with its port (`203.0.113.9:51234`, `[2001:db8::1]:443`: Azure's
 * gateway and some load balancers do), without it. Probe round 12: the port was part of the
 * unit, so every new connection of one client was a new client to every per-address limit.
 */
const withoutPort = (address: string): string => {
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address);
  if (v4 && isIPv4(v4[1] ?? '')) {
    return v4[1] ?? address;
  }
  const v6 = /^\[(.*)\]:\d{1,5}$/.exec(address);
  return v6 ? `[${v6[1]}]` : address;
};

/**
 * The IPv4 address an IPv6 address carries for one IPv4 client, or null. Each of these prefixes
 * puts many IPv4 clients (or a whole IPv4 site) under one /64 or spreads one over many, so the
 * /64 rule would lock out every client of a translator or let one 6to4 site use 2^16 units
 * (probe round 12): IPv4-mapped (`::ffff:0:0/96`) and SIIT's translated (`::ffff:0:0:0/96`),
 * IPv4-compatible (`::/96`, deprecated), NAT64's well-known prefix (`64:ff9b::/96`, RFC 6052),
 * 6to4 (`2002::/16`: the site's IPv4 address, bits 16–47) and Teredo (`2001::/32`: the client's
 * public IPv4 address, inverted, in the last 32 bits; RFC 4380).
 */
const embeddedIPv4 = (groups: number[]): string | null => {
  const [g0 = 0, g1 = 0, g2 = 0, , , g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeroUpTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  if (zeroUpTo(5) && g5 === 0xffff) {
    return dotted(g6, g7);
  }
  if (zeroUpTo(4) && groups[4] === 0xffff && g5 === 0) {
    return dotted(g6, g7);
  }
  // `::` and `::1` (unspecified, loopback) are not IPv4-compatible addresses.
  if (zeroUpTo(6) && g6 !== 0) {
    return dotted(g6, g7);
  }
  if (g0 === 0x64 && g1 === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) {
    return dotted(g6, g7);
  }
  if (g0 === 0x2002) {
    return dotted(g1, g2);
  }
  if (g0 === 0x2001 && g1 === 0) {
    return dotted(g6 ^ 0xffff, g7 ^ 0xffff);
  }
  return null;
};

/**
 * The unit a client is counted by. An IPv6 client holds a whole /64 at least (one home, school
 * or phone network; RFC 6177), and may use any of its 2^64 addresses (privacy extensions pick a
 * new one every day; a script binds a new one per request), so each was a fresh client to every
 * per-address limit (probe, round 10): it is counted by its /64 prefix. An IPv6 address that
 * stands for one IPv4 client (`::ffff:203.0.113.9`, NAT64, 6to4, Teredo) is that IPv4 address;
 * a port a proxy appended is dropped; anything else is returned as it is.
 */
export const addressUnit = (address: string): string => {
  const bare = withoutPort(address)
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  if (isIPv4(bare)) {
    return bare;
  }
  if (!isIPv6(bare)) {
    return address;
  }
  const groups = ipv6Groups(bare);
  const v4 = embeddedIPv4(groups);
  if (v4) {
    return v4;
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

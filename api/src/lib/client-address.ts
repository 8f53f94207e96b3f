import { timingSafeEqual } from 'node:crypto';

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
  const peer = remoteAddress ?? 'unknown';
  if (trustedHops < 1 || !expectedSecret || !sameSecret(proxySecret, expectedSecret)) {
    return peer;
  }
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = header.split(',').map((entry) => entry.trim());
  // chain[length - 1] is what the nearest proxy saw; each further trusted hop steps one back.
  const index = Math.max(0, chain.length - trustedHops);
  return addressToken(chain[index]) ?? peer;
};

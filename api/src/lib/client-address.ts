const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The client's address for rate limits. The web app's server proxies /graphql from the same
 * host, so every browser would share its address: when the direct peer is loopback (our own
 * proxy), the first X-Forwarded-For entry is used. From any other peer the header is ignored, so
 * a client cannot pick its own address.
 */
export const clientAddress = (
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
): string => {
  const peer = remoteAddress ?? 'unknown';
  const header = Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor;
  const first = header?.split(',')[0]?.trim();
  return LOOPBACK.has(peer) && first && first.length <= 64 ? first : peer;
};

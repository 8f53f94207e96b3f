import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state';

/**
 * Refuses, with 400, a `Next-Router-State-Tree` header (sent with `RSC: 1` on client navigations)
 * that Next.js's own parser cannot read. Next.js answered such a request 500 and logged
 * "⨯ Error: The router state header was sent but could not be parsed." (probe round 8: one
 * anonymous request per error line, `-H 'RSC: 1' -H 'Next-Router-State-Tree: x'`). It is checked
 * here, in front of Next.js, because the proxy (src/proxy.ts) never sees the header: Next strips
 * the flight headers from the request it hands the proxy. True when it answered.
 */
export const refuseUnreadableRouterState = (req: IncomingMessage, res: ServerResponse): boolean => {
  // The app has no server actions: a `Next-Action` request (a made-up action id) was a 400 from
  // Next.js, but one that logged "Error: The Server Reference ID did not match…" each time.
  if (req.headers['next-action'] !== undefined) {
    return refuse(res, 'this site has no server actions');
  }
  const header = req.headers['next-router-state-tree'];
  if (header === undefined) {
    return false;
  }
  try {
    parseAndValidateFlightRouterState(header);
    return false;
  } catch {
    return refuse(res, 'unreadable Next-Router-State-Tree header');
  }
};

const refuse = (res: ServerResponse, why: string): true => {
  res.writeHead(400, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(`Bad request: ${why}`);
  return true;
};

import type { IncomingMessage } from 'node:http';

/**
 * The one place the web server decides who the client is: the TCP peer of this connection.
 * Whatever X-Forwarded-For the client sent is overwritten before Next.js sees the request (Next
 * would keep a client's header and only fill it in when absent), so /graphql forwards an address
 * the client cannot choose.
 */
export const stampForwardedFor = (req: IncomingMessage): void => {
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
};

import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for tests: no retries, lazy, with these headers on the upgrade request. */
export const wsClient = (url: string, headers: Record<string, string> = {}): Client =>
  createClient({
    url,
    retryAttempts: 0,
    lazy: true,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
  });

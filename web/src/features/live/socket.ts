'use client';

import { type Client, createClient } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';

let client: Client | null = null;

/**
 * One graphql-ws connection per tab, to /graphql on this origin (server.ts proxies it to the
 * API). It never gives up (the library's default is 5 tries): a phone on flaky Wi-Fi keeps
 * retrying with a capped backoff, and every subscription is resumed on the new socket.
 */
export const liveClient = (): Client => {
  if (!client) {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
    client = createClient({
      url,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        const ms = Math.min(1000 * 2 ** retries, 8000) + Math.random() * 500;
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    // A backgrounded phone's socket may be dead without a close event (iOS): when the page
    // comes back or the network returns, start over; subscriptions resubscribe and their first
    // event is a fresh snapshot.
    const revive = () => {
      if (document.visibilityState === 'visible') {
        client?.terminate();
      }
    };
    document.addEventListener('visibilitychange', revive);
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) {
        revive();
      }
    });
    window.addEventListener('online', revive);
  }
  return client;
};

type Seq = { game: { seq: number } };

export type StreamState<T> = {
  view: T | null;
  error: { message: string; code?: string } | null;
  /** Server clock minus this clock, from the newest view (ms). */
  offsetMs: number;
};

/**
 * The newest view of a live subscription. Views carry the game's seq; one older than what is
 * shown is dropped (a late event after a reconnect's snapshot), an equal one replaces it (answer
 * counts, joins).
 */
export const useLiveStream = <T extends Seq & { game: { serverNow: string } }>(
  query: string,
  variables: Record<string, unknown> | null,
  pick: (data: Record<string, unknown>) => T | undefined,
): StreamState<T> => {
  const [state, setState] = useState<StreamState<T>>({ view: null, error: null, offsetMs: 0 });
  const [retry, setRetry] = useState(0);
  const pickRef = useRef(pick);
  pickRef.current = pick;
  const key = JSON.stringify(variables);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `retry` bumped means subscribe again.
  useEffect(() => {
    if (!key || key === 'null') {
      return;
    }
    let again: ReturnType<typeof setTimeout> | undefined;
    const dispose = liveClient().subscribe(
      { query, variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (result) => {
          const first = result.errors?.[0] as
            | { message: string; extensions?: { code?: string } }
            | undefined;
          if (first) {
            setState((s) => ({
              ...s,
              error: { message: first.message, code: first.extensions?.code },
            }));
            return;
          }
          const view = result.data
            ? pickRef.current(result.data as Record<string, unknown>)
            : undefined;
          if (!view) {
            return;
          }
          setState((s) =>
            s.view && view.game.seq < s.view.game.seq
              ? s
              : { view, error: null, offsetMs: Date.parse(view.game.serverNow) - Date.now() },
          );
        },
        error: (error) => {
          const list = Array.isArray(error) ? error : [];
          const first = list[0] as
            | { message?: string; extensions?: { code?: string; retryAfter?: number } }
            | undefined;
          const code = first?.extensions?.code;
          if (code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE') {
            // The server had no share of its work free at that moment (a class behind one
            // address reconnecting at once counts as one client): subscribe again shortly, as
            // the socket itself reconnects, instead of leaving the screen on an error.
            const seconds = Math.min(Number(first?.extensions?.retryAfter) || 1, 30);
            again = setTimeout(() => setRetry((n) => n + 1), seconds * 1000 + Math.random() * 500);
            return;
          }
          setState((s) => ({
            ...s,
            error: {
              message: first?.message ?? 'The live connection failed',
              code: first?.extensions?.code,
            },
          }));
        },
        complete: () => {},
      },
    );
    return () => {
      clearTimeout(again);
      dispose();
    };
  }, [query, key, retry]);
  return state;
};

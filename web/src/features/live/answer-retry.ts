import { GraphQLRequestError } from '@/lib/graphql/client';

/**
 * How long to wait before sending a refused answer again (an answer is safe to resend: the server
 * keeps the first), or null when resending cannot help. The network, a busy server, and this
 * client's share of work in progress (429 `RATE_LIMITED` with a short Retry-After: a class behind
 * one address answering in the same moment counts as one client) pass; anything else is the
 * answer's own refusal.
 */
export const answerRetryDelayMs = (error: unknown, attempt: number): number | null => {
  if (!(error instanceof GraphQLRequestError)) {
    return null;
  }
  const backoff = 300 * 2 ** attempt;
  if (error.code === 'NETWORK_ERROR' || error.code === 'SERVICE_UNAVAILABLE') {
    return backoff;
  }
  if (error.code === 'RATE_LIMITED' && error.retryAfter !== undefined && error.retryAfter <= 2) {
    return Math.max(backoff, error.retryAfter * 1000);
  }
  return null;
};

export type SendDeps = {
  /** navigator.onLine: false is sure, true may be wrong (a captive portal, a dead access point). */
  isOnline: () => boolean;
  /** Resolves when the browser says the network is back. */
  untilOnline: () => Promise<void>;
  sleep: (ms: number) => Promise<void>;
  /** Told while the answer waits for the network (true) and when it goes again (false). */
  onOffline?: (waiting: boolean) => void;
};

/**
 * Sends a live answer until it is recorded or refused for itself. A phone that knows it is
 * offline waits for the network instead of spending its tries: before (probe 7b), five tries in
 * 4.5 s ended in "The network request failed" while the Wi-Fi was still down, and nothing was
 * sent when it came back. Resending is safe: the server keeps the first answer (alreadyRecorded).
 */
export const sendLiveAnswer = async <T>(send: () => Promise<T>, deps: SendDeps): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const wait = answerRetryDelayMs(error, attempt);
      if (wait === null || attempt >= 4) {
        if (wait !== null && !deps.isOnline()) {
          deps.onOffline?.(true);
          await deps.untilOnline();
          deps.onOffline?.(false);
          attempt = -1;
          continue;
        }
        throw error;
      }
      await deps.sleep(wait);
    }
  }
};

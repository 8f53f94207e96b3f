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

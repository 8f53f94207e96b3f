import { GraphQLRequestError } from './client';

/** What each API error code means to a person, in one place. */
const MESSAGES: Record<string, string> = {
  NOT_FOUND: 'We could not find that. It may have been removed, or the link is wrong.',
  FORBIDDEN: 'Your account is not allowed to see this.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  BAD_USER_INPUT: 'Something in the request was not valid. Check your answer and try again.',
  CONFLICT: 'This changed in the meantime. Reload to see the latest version.',
  TIME_LIMIT_EXCEEDED: 'Time was up before your answer arrived.',
  RATE_LIMITED: 'Too many requests just now. Wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The quiz server is briefly unavailable. Try again in a moment.',
  TIMEOUT: 'The quiz server took too long to answer. Try again in a moment.',
  QUERY_TOO_COMPLEX: 'This page asked the server for too much at once.',
  RESPONSE_TOO_LARGE: 'This page asked the server for too much at once.',
  NETWORK_ERROR: 'You seem to be offline. Check your connection and try again.',
  GRAPHQL_VALIDATION_FAILED: 'This page asked the server for something it does not offer yet.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

export const errorCode = (error: unknown): string =>
  error instanceof GraphQLRequestError ? error.code : 'INTERNAL_SERVER_ERROR';

/** A human message for any error thrown by gqlRequest (or anything else). */
export const describeError = (error: unknown): string => {
  const code = errorCode(error);
  if (code === 'RATE_LIMITED' && error instanceof GraphQLRequestError && error.retryAfter) {
    return `Too many requests just now. Try again in ${error.retryAfter} seconds.`;
  }
  return MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR ?? '';
};

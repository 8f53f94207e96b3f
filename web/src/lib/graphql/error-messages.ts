import { GraphQLRequestError } from './client';

/** What each API error code means to a person, in one place. */
const MESSAGES: Record<string, string> = {
  NOT_FOUND: 'We could not find that. It may have been removed, or the link is wrong.',
  FORBIDDEN: 'Your account is not allowed to see this. Sign in with another account, or go back.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  BAD_USER_INPUT: 'Something in the request was not valid. Check your answer and try again.',
  CONFLICT: 'This changed in the meantime. Reload the page to see the latest version.',
  TIME_LIMIT_EXCEEDED: 'Time was up before your answer arrived.',
  RATE_LIMITED: 'Too many requests just now. Wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The quiz server is briefly unavailable. Try again in a moment.',
  TIMEOUT: 'The quiz server took too long to answer. Try again in a moment.',
  QUERY_TOO_COMPLEX:
    'This page asked the server for too much at once. Reload it; if that fails again, tell your teacher.',
  RESPONSE_TOO_LARGE:
    'This page asked the server for too much at once. Reload it; if that fails again, tell your teacher.',
  NETWORK_ERROR: 'You seem to be offline. Check your connection and try again.',
  GRAPHQL_VALIDATION_FAILED:
    'This page is out of date with the quiz server. Reload it to get the latest version.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

/** Codes that start no quiz (startAttempt's NOT_FOUND `reason`), in words that say what to do. */
export const JOIN_CODE_MESSAGES: Record<string, string> = {
  UNKNOWN:
    'No quiz or class has this code. Check it for a mistyped letter, or ask your teacher for it again.',
  ARCHIVED_QUIZ:
    'This quiz has been archived by its teacher, so it can no longer be played. Ask your teacher for the current code.',
  CLASS:
    'This is a class code, not a quiz code. Join the class with it; its quizzes then show on the home page.',
};

/**
 * startAttempt and answerQuestion while the set, or one of its questions in another of the
 * teacher's sets, is being played live (CONFLICT, reason LIVE_GAME): an attempt's feedback would
 * show the game's keys during the game.
 */
export const LIVE_GAME_MESSAGE =
  'This quiz, or this question, is being played live in class right now. You can play it once the game has ended.';

export const errorCode = (error: unknown): string =>
  error instanceof GraphQLRequestError ? error.code : 'INTERNAL_SERVER_ERROR';

/** A human message for any error thrown by gqlRequest (or anything else). */
export const describeError = (error: unknown): string => {
  const code = errorCode(error);
  if (code === 'RATE_LIMITED' && error instanceof GraphQLRequestError && error.retryAfter) {
    return `Too many requests just now. Try again in ${error.retryAfter} seconds.`;
  }
  const reason = error instanceof GraphQLRequestError ? error.reason : undefined;
  if (code === 'NOT_FOUND' && reason && JOIN_CODE_MESSAGES[reason]) {
    return JOIN_CODE_MESSAGES[reason];
  }
  if (code === 'CONFLICT' && reason === 'LIVE_GAME') {
    return LIVE_GAME_MESSAGE;
  }
  return MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR ?? '';
};

import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { findLimitError, type LimitCode } from './limits/limits';

/**
 * The closed list of error codes the API returns. Clients switch on `extensions.code`.
 */
export type AppErrorCode =
  /** The thing asked for does not exist, or the viewer may not know it exists. */
  | 'NOT_FOUND'
  /** Signed in, but not allowed to do this (another teacher's set, a student on a teacher page). */
  | 'FORBIDDEN'
  /** The operation needs a session and there is none (or it expired or was revoked). */
  | 'UNAUTHENTICATED'
  /** The input is malformed or out of range (a bad response shape, an unknown option id). */
  | 'BAD_USER_INPUT'
  /** The request conflicts with the current state (an attempt already finished, a code taken). */
  | 'CONFLICT'
  /** The question's time limit passed before the answer arrived. */
  | 'TIME_LIMIT_EXCEEDED'
  /** Too many requests of this kind; retry after the number of seconds in `extensions.retryAfter`. */
  | 'RATE_LIMITED'
  /** The database is unreachable or saturated, or this process is at its in-flight limit; retry shortly. */
  | 'SERVICE_UNAVAILABLE'
  /** Limits (limits/limits.ts): QUERY_TOO_COMPLEX, RESPONSE_TOO_LARGE, TIMEOUT. */
  | LimitCode;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Codes Apollo itself produces for malformed requests; they are safe to show as they are. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors from the pool, the driver or Prisma's adapter that mean "the database is not available
 * right now" (pool wait over, connection refused or dropped, server starting, stopping or
 * recovering: SQLSTATE classes 08, 53300, 57P01–57P03), as seen in test/faults.
 */
const isDatabaseUnavailable = (error: unknown): boolean => {
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED|ECONNRESET|connect ETIMEDOUT|too many clients|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection|Server has closed the connection|Can't reach database server|Code: `(08\d{3}|53300|57P0[123])`/i.test(
    message,
  );
};

/**
 * graphql-js suggests near names ("Did you mean …?") in validation and variable errors, and
 * armor's mask ("[Suggestion hidden]") still confirms one exists: both go, whole sentence.
 */
export const stripSuggestions = (message: string): string =>
  message
    .replace(/\s*Did you mean\b[^?]*\?/g, '')
    .replace(/\s*\[Suggestion hidden\]\??/g, '')
    .trim();

export type FormatErrorOptions = {
  /** Production: no schema hints of any kind in messages. */
  hideSuggestions?: boolean;
};

/**
 * The one place errors become GraphQL errors: AppErrors keep their code and message; limit
 * errors name their limit and numbers; Apollo's own request errors pass through; everything else
 * is logged and masked.
 */
export const formatError = (
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (error: unknown) => void = console.error,
  { hideSuggestions = false }: FormatErrorOptions = {},
): GraphQLFormattedError => {
  const limit = findLimitError(error);
  if (limit) {
    return limit.toFormatted();
  }
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...original.extensions, code: original.code },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CLIENT_CODES.has(code)) {
    return {
      message: hideSuggestions ? stripSuggestions(formatted.message) : formatted.message,
      locations: formatted.locations,
      extensions: { code },
    };
  }
  if (isDatabaseUnavailable(original)) {
    log(original);
    return {
      message: 'The service is briefly unavailable; please retry.',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    };
  }
  log(original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
};

export const notFound = (what: string): AppError => new AppError('NOT_FOUND', `${what} not found`);

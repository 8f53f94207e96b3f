import { QueryClient } from '@tanstack/react-query';
import { GraphQLRequestError } from './client';

// Retrying cannot change these answers; the others (network, 503, rate limit) may pass later.
const NO_RETRY_CODES = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'TIME_LIMIT_EXCEEDED',
]);

export const makeQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered data stays fresh long enough not to refetch on hydration.
        staleTime: 30_000,
        retry: (count, error) =>
          !(error instanceof GraphQLRequestError && NO_RETRY_CODES.has(error.code)) && count < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 4000),
      },
    },
  });

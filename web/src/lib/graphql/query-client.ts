import { QueryClient } from '@tanstack/react-query';
import { GraphQLRequestError } from './client';

const NO_RETRY_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);

export const makeQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered data stays fresh long enough not to refetch on hydration.
        staleTime: 30_000,
        retry: (count, error) =>
          !(error instanceof GraphQLRequestError && NO_RETRY_CODES.has(error.code)) && count < 2,
      },
    },
  });

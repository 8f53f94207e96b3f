import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { env } from '@/env';
import type { TypedDocumentString } from '@/gql/graphql';
import { gqlRequest } from './client';
import { makeQueryClient } from './query-client';

// Server components only (it reads the request's cookies).

/** One QueryClient per server request, for prefetch + <HydrationBoundary>. */
export const getQueryClient = cache(makeQueryClient);

/**
 * Calls the API directly (not through the proxy), forwarding the visitor's cookie and, with the
 * shared secret, their address (server.ts stamped it on the request), as /graphql does: the
 * API's per-client limits then count the visitor, not this server.
 */
export const serverRequest = async <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> => {
  const cookie = (await cookies()).toString();
  const address = (await headers()).get('x-forwarded-for')?.split(',').pop()?.trim();
  const secret = env.PROXY_SECRET;
  return gqlRequest(document, variables, {
    url: `${env.API_URL}/graphql`,
    cookie,
    ...(address && secret
      ? { headers: { 'x-forwarded-for': address, 'x-quiz-proxy-secret': secret } }
      : {}),
  });
};

/** Like serverRequest, but null when the API fails: for optional server-side data. */
export const tryServerRequest = async <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult | null> => serverRequest(document, variables).catch(() => null);

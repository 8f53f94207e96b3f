import { cookies } from 'next/headers';
import { cache } from 'react';
import { env } from '@/env';
import type { TypedDocumentString } from '@/gql/graphql';
import { gqlRequest } from './client';
import { makeQueryClient } from './query-client';

// Server components only (it reads the request's cookies).

/** One QueryClient per server request, for prefetch + <HydrationBoundary>. */
export const getQueryClient = cache(makeQueryClient);

/** Calls the API directly (not through the proxy), forwarding the visitor's cookie. */
export const serverRequest = async <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult> => {
  const cookie = (await cookies()).toString();
  return gqlRequest(document, variables, { url: `${env.API_URL}/graphql`, cookie });
};

/** Like serverRequest, but null when the API fails: for optional server-side data. */
export const tryServerRequest = async <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
): Promise<TResult | null> => serverRequest(document, variables).catch(() => null);

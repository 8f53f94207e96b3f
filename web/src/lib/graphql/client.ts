import type { TypedDocumentString } from '@/gql/graphql';

/** A GraphQL error as the API returns it: `code` is one of the API's stable error codes. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** Seconds to wait before retrying (RATE_LIMITED). */
    readonly retryAfter?: number,
    /** A finer, stable cause (startAttempt's NOT_FOUND: UNKNOWN, ARCHIVED_QUIZ, CLASS). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

type GraphQLResponse<T> = {
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; retryAfter?: number; reason?: string };
  }[];
};

export type RequestOptions = {
  /** Absolute API URL on the server; the same-origin proxy path in the browser. */
  url?: string;
  /** Server components forward the visitor's cookie. */
  cookie?: string;
  /** Server components: the visitor's address for the API's limits (with the proxy secret). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Runs a typed GraphQL document and returns its data, or throws a GraphQLRequestError. */
export const gqlRequest = async <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  { url = '/graphql', cookie, headers, signal }: RequestOptions = {},
): Promise<TResult> => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Apollo's CSRF prevention accepts requests that carry this header.
        'apollo-require-preflight': 'true',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      // A TypedDocumentString, or the plain string the bundler's documents loader leaves in its place.
      body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
      credentials: 'same-origin',
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (signal?.aborted) {
      throw error;
    }
    throw new GraphQLRequestError('The network request failed', 'NETWORK_ERROR', 0);
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const first = body.errors?.[0];
  if (first) {
    throw new GraphQLRequestError(
      first.message,
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      response.status,
      first.extensions?.retryAfter ?? (Number(response.headers.get('retry-after')) || undefined),
      first.extensions?.reason,
    );
  }
  if (!response.ok || !body.data) {
    throw new GraphQLRequestError(
      `The server answered ${response.status}`,
      'SERVICE_UNAVAILABLE',
      response.status,
    );
  }
  return body.data;
};

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';

/** A GraphQL error as the API returns it: `code` is one of the API's stable error codes. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type GraphQLResponse<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const printed = new WeakMap<object, string>();
const source = (document: DocumentNode): string => {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

export type RequestOptions = {
  /** Absolute API URL on the server; the same-origin proxy path in the browser. */
  url?: string;
  /** Server components forward the visitor's cookie. */
  cookie?: string;
  signal?: AbortSignal;
};

/** Runs a typed GraphQL document and returns its data, or throws a GraphQLRequestError. */
export const gqlRequest = async <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  { url = '/graphql', cookie, signal }: RequestOptions = {},
): Promise<TResult> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Apollo's CSRF prevention accepts requests that carry this header.
      'apollo-require-preflight': 'true',
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query: source(document), variables: variables ?? {} }),
    credentials: 'same-origin',
    signal,
    cache: 'no-store',
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const first = body.errors?.[0];
  if (first) {
    throw new GraphQLRequestError(
      first.message,
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      response.status,
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

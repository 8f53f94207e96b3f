/**
 * GraphQL over WebSocket (graphql-ws protocol) on the API's own HTTP server, at /graphql: the
 * live game's subscriptions, and its queries and mutations for clients already connected. Same
 * schema, session cookie, limits and error masking as HTTP:
 * - the session cookie and client address come from the upgrade request (as http.ts reads them);
 * - a browser's Origin must be the API's own host, or the request must come through our web
 *   proxy (it checks the Origin and carries the shared secret); no cross-site socket rides on a
 *   student's cookie;
 * - documents are parsed with the same token limit and validated with the depth, alias and
 *   directive limits; a message is at most MAX_MESSAGE_BYTES; a socket runs at most
 *   MAX_OPERATIONS_PER_SOCKET operations at once;
 * - every error goes through errors.ts formatError, so codes and masking match HTTP.
 */
import type http from 'node:http';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { PrismaClient } from '@quiz/prisma';
import {
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { createContext } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { clientAddress, PROXY_SECRET_HEADER, sameSecret } from './lib/client-address';
import { parseCookies } from './lib/cookies';
import { ExpensiveFieldsOnceRule } from './limits/expensive-fields';
import { RequestGuard } from './limits/guard';
import { findLimitError, LIMITS } from './limits/limits';
import { OneSessionMutationRule } from './modules/accounts/one-session-mutation';
import { SESSION_COOKIE } from './modules/accounts/session';

export const MAX_MESSAGE_BYTES = 16 * 1024;
export const MAX_OPERATIONS_PER_SOCKET = 8;
const VALIDATED_CACHE_SIZE = 200;

/**
 * A parse or validation error with Apollo's code, as HTTP answers it: without one, formatError
 * would take it for an internal error (masked and logged).
 */
const withCode = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { code } });
/** Subscriptions live for the game: their events are bounded by the views' own sizes, not time. */
// The guard's counters last as long as its context, i.e. the whole subscription: a game's worth
// of events would add up past any per-response limit, so none applies here.
const SUBSCRIPTION_GUARD = { timeoutMs: 2 ** 31, maxItems: Number.MAX_SAFE_INTEGER };

type Extra = { request: http.IncomingMessage; socket: { readonly readyState: number } };

/** A browser may connect only from the API's own origin or through our proxy (checked there). */
export const originAllowed = (request: http.IncomingMessage, env: ApiEnv): boolean => {
  const origin = request.headers.origin;
  if (!origin) {
    return true; // Not a browser: nothing to ride on (no ambient cookie of a victim).
  }
  if (env.PROXY_SECRET && sameSecret(request.headers[PROXY_SECRET_HEADER], env.PROXY_SECRET)) {
    return true;
  }
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
};

export type AttachWebSocketOptions = {
  server: http.Server;
  schema: GraphQLSchema;
  db: PrismaClient;
  env: ApiEnv;
  log?: (error: unknown) => void;
};

export const attachWebSocket = ({
  server,
  schema,
  db,
  env,
  log = console.error,
}: AttachWebSocketOptions) => {
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    verifyClient: ({ req }: { req: http.IncomingMessage }) => originAllowed(req, env),
  });
  const hideSuggestions = env.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // The same one-per-request rules as HTTP (app.ts): a socket is no way around them.
  const rules = [
    ...specifiedRules,
    ...armor.validationRules,
    OneSessionMutationRule,
    ExpensiveFieldsOnceRule,
  ];
  const operations = new WeakMap<object, Set<string>>();
  /** Documents that parsed and passed validation, by their text (oldest dropped first). */
  const validated = new Map<string, DocumentNode>();
  const format = (error: GraphQLError) =>
    formatError(error.toJSON(), error, log, { hideSuggestions });

  const disposable = useServer<Record<string, unknown>, Extra>(
    {
      schema,
      onConnect: (ctx) => originAllowed(ctx.extra.request, env),
      onSubscribe: (ctx, id, payload) => {
        const running = operations.get(ctx.extra.socket) ?? new Set<string>();
        operations.set(ctx.extra.socket, running);
        if (running.size >= MAX_OPERATIONS_PER_SOCKET) {
          return [
            new GraphQLError(`At most ${MAX_OPERATIONS_PER_SOCKET} operations per connection`, {
              extensions: { code: 'RATE_LIMITED' },
            }),
          ];
        }
        // Every phone sends the same few documents (its subscription, its answer): parse and
        // validate each once per process, not once per message (schema and rules never change).
        let document = validated.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, { maxTokens: LIMITS.maxTokens, noLocation: true });
          } catch (error) {
            return [
              error instanceof GraphQLError
                ? withCode(error, 'GRAPHQL_PARSE_FAILED')
                : new GraphQLError('Syntax error'),
            ];
          }
          const errors = validate(schema, document, rules);
          if (errors.length > 0) {
            return errors.map((error) =>
              findLimitError(error) ? error : withCode(error, 'GRAPHQL_VALIDATION_FAILED'),
            );
          }
          if (validated.size >= VALIDATED_CACHE_SIZE) {
            validated.delete(validated.keys().next().value as string);
          }
          validated.set(payload.query, document);
        }
        running.add(id);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
        } satisfies ExecutionArgs;
      },
      context: async (ctx: WsContext<Record<string, unknown>, Extra>, _id, _payload, args) => {
        const request = ctx.extra.request;
        const subscription =
          getOperationAST(args.document, args.operationName)?.operation === 'subscription';
        return createContext({
          db,
          env,
          sessionToken: parseCookies(request.headers.cookie).get(SESSION_COOKIE),
          ip: clientAddress({
            remoteAddress: request.socket.remoteAddress,
            forwardedFor: request.headers['x-forwarded-for'],
            proxySecret: request.headers[PROXY_SECRET_HEADER],
            trustedHops: env.TRUST_PROXY_HOPS,
            expectedSecret: env.PROXY_SECRET,
          }),
          guard: subscription
            ? new RequestGuard(SUBSCRIPTION_GUARD)
            : new RequestGuard({
                timeoutMs: env.REQUEST_TIMEOUT_MS,
                maxItems: env.MAX_RESPONSE_ITEMS,
              }),
        });
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      onComplete: (ctx, id) => {
        operations.get(ctx.extra.socket)?.delete(id);
      },
    },
    wss,
  );
  return {
    wss,
    close: async () => {
      await disposable.dispose();
    },
  };
};

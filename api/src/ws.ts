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
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { createContext } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { clientAddress, PROXY_SECRET_HEADER, sameSecret } from './lib/client-address';
import { parseCookies } from './lib/cookies';
import { ExpensiveFieldsOnceRule } from './limits/expensive-fields';
import { nextTurn, RequestGuard } from './limits/guard';
import { findLimitError, LIMITS } from './limits/limits';
import { OneSessionMutationRule } from './modules/accounts/one-session-mutation';
import { SESSION_COOKIE } from './modules/accounts/session';
import { jitExecute } from './schema/jit-executor';
import { sharedEventExecutor, subscribeWith } from './ws-shared';
import { type SocketExtra, serveGraphqlWs } from './ws-transport';

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

type Extra = SocketExtra;

/**
 * Root fields that a seat token alone authorises (a player's phone: its view, its stream, its
 * answers). They never read the viewer, so an operation made only of them skips the session
 * lookup: one query per answer less, and nothing a revoked session could still reach. A kicked
 * seat is refused by the token's own checks (the answer batch, the view), as before.
 */
const SEAT_TOKEN_FIELDS = new Set(['submitLiveAnswer', 'livePlayer', 'livePlayerEvents']);

/** A player's event is the game's state (one object for every player) plus their own seat. */
const SHARED_FIELDS = { livePlayerEvents: 'game' } as const;

type OperationFacts = { subscription: boolean; seatOnly: boolean };

const factsOf = (document: DocumentNode, operationName?: string | null): OperationFacts => {
  const operation = getOperationAST(document, operationName);
  const selections = operation?.selectionSet.selections ?? [];
  return {
    subscription: operation?.operation === 'subscription',
    seatOnly:
      selections.length > 0 &&
      selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          (SEAT_TOKEN_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
      ),
  };
};

/** What the upgrade request says about its client: the same for every message of the socket. */
type SocketFacts = { sessionToken: string | undefined; ip: string };

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
  const operationFacts = new WeakMap<DocumentNode, Map<string, OperationFacts>>();
  const factsFor = (document: DocumentNode, operationName?: string | null) => {
    let byName = operationFacts.get(document);
    if (!byName) {
      byName = new Map();
      operationFacts.set(document, byName);
    }
    let facts = byName.get(operationName ?? '');
    if (!facts) {
      facts = factsOf(document, operationName);
      byName.set(operationName ?? '', facts);
    }
    return facts;
  };
  const socketFacts = new WeakMap<http.IncomingMessage, SocketFacts>();
  const socketFactsOf = (request: http.IncomingMessage): SocketFacts => {
    let facts = socketFacts.get(request);
    if (!facts) {
      facts = {
        sessionToken: parseCookies(request.headers.cookie).get(SESSION_COOKIE),
        ip: clientAddress({
          remoteAddress: request.socket.remoteAddress,
          forwardedFor: request.headers['x-forwarded-for'],
          proxySecret: request.headers[PROXY_SECRET_HEADER],
          trustedHops: env.TRUST_PROXY_HOPS,
          expectedSecret: env.PROXY_SECRET,
        }),
      };
      socketFacts.set(request, facts);
    }
    return facts;
  };
  // Compiled execution as over HTTP (app.ts: the tests compile at once, production on reuse).
  const jit = jitExecute({ compileAfter: env.NODE_ENV === 'test' ? 0 : 1 });
  const onEvent = sharedEventExecutor(SHARED_FIELDS, jit);

  const disposable = serveGraphqlWs<Record<string, unknown>>(
    {
      schema,
      execute: async (args) => {
        await nextTurn(); // as over HTTP: a long turn yields to the event loop first
        return jit(args);
      },
      subscribe: subscribeWith(onEvent),
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
        const { sessionToken, ip } = socketFactsOf(ctx.extra.request);
        const { subscription, seatOnly } = factsFor(args.document, args.operationName);
        return createContext({
          db,
          env,
          // Everything else looks the session up per operation: a revoked one is refused at once.
          sessionToken: seatOnly ? undefined : sessionToken,
          ip,
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
    undefined,
    log,
  );
  return {
    wss,
    close: async () => {
      await disposable.dispose();
    },
  };
};

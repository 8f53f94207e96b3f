/**
 * GraphQL over WebSocket (graphql-ws protocol) on the API's own HTTP server, at /graphql: the
 * live game's subscriptions, and its queries and mutations for clients already connected. Same
 * schema, session cookie, limits and error masking as HTTP:
 * - the session cookie and client address come from the upgrade request (as http.ts reads them);
 * - a browser's Origin must be the API's own host, or the request must come through our web
 *   proxy (it checks the Origin and carries the shared secret); no cross-site socket rides on a
 *   student's cookie;
 * - documents are parsed with the same token limit and validated with the same rules, then
 *   checked with the same per-operation limits (limits/operation.ts: input lists, NUL and lone
 *   surrogates, cost) and counted in the process's in-flight shares (the Admission http.ts uses);
 *   a message is at most MAX_MESSAGE_BYTES; a socket runs at most MAX_OPERATIONS_PER_SOCKET
 *   operations at once and sends at most its message budget (ws-transport.ts); a client address
 *   holds at most MAX_SOCKETS_PER_CLIENT sockets; session mutations are refused (no cookie can
 *   be set on a socket); a host's stream ends when its session does (live/while-valid.ts);
 * - every error goes through errors.ts formatError, so codes and masking match HTTP.
 */
import type http from 'node:http';
import type { PrismaClient } from '@quiz/prisma';
import {
  BREAK,
  type DocumentNode,
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { WebSocketServer } from 'ws';
import { type Context, createContext } from './context';
import type { ApiEnv } from './env';
import { AppError, formatError } from './errors';
import { clientAddress, PROXY_SECRET_HEADER, sameSecret } from './lib/client-address';
import { parseCookies } from './lib/cookies';
import { type Admission, admissionKey, createAdmission, type Ticket } from './limits/admission';
import { nextTurn, RequestGuard } from './limits/guard';
import { findLimitError, LIMITS, limitErrors } from './limits/limits';
import { allValidationRules, checkOperation, createArmor } from './limits/operation';
import { SESSION_MUTATIONS } from './modules/accounts/one-session-mutation';
import { sessionCookieName } from './modules/accounts/session';
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
/** A subscribe message's payload, as graphql-ws hands it over. */
type Payload = {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
};

/**
 * Root fields that a seat token alone authorises (a player's phone: its view, its stream, its
 * answers). They never read the viewer, so an operation made only of them skips the session
 * lookup: one query per answer less, and nothing a revoked session could still reach. A kicked
 * seat is refused by the token's own checks (the answer batch, the view), as before.
 */
const SEAT_TOKEN_FIELDS = new Set(['submitLiveAnswer', 'livePlayer', 'livePlayerEvents']);

/** A player's event is the game's state (one object for every player) plus their own seat. */
const SHARED_FIELDS = { livePlayerEvents: 'game' } as const;

type OperationFacts = { subscription: boolean; seatOnly: boolean; aliases: number };

/** Aliases anywhere in the document (its operations and fragments). */
const aliasCount = (document: DocumentNode): number => {
  let count = 0;
  visit(document, {
    Field: (node) => {
      if (node.alias) {
        count += 1;
      }
    },
  });
  return count;
};

const factsOf = (document: DocumentNode, operationName?: string | null): OperationFacts => {
  const operation = getOperationAST(document, operationName);
  const selections = operation?.selectionSet.selections ?? [];
  const subscription = operation?.operation === 'subscription';
  return {
    subscription,
    aliases: subscription ? aliasCount(document) : 0,
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
  /** The process's in-flight shares, the one http.ts counts against too. */
  admission?: Admission;
};

export const attachWebSocket = ({
  server,
  schema,
  db,
  env,
  log = console.error,
  admission = createAdmission(env),
}: AttachWebSocketOptions) => {
  const socketFacts = new WeakMap<http.IncomingMessage, SocketFacts>();
  const socketFactsOf = (request: http.IncomingMessage): SocketFacts => {
    let facts = socketFacts.get(request);
    if (!facts) {
      facts = {
        sessionToken: parseCookies(request.headers.cookie).get(sessionCookieName(env)),
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
  const openSockets = new Map<string, number>();
  const wss = new WebSocketServer({
    server,
    path: '/graphql',
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    verifyClient: (
      { req }: { req: http.IncomingMessage },
      done: (ok: boolean, status?: number, message?: string) => void,
    ) => {
      if (!originAllowed(req, env)) {
        done(false, 401, 'Unauthorized');
        return;
      }
      const key = admissionKey(req, socketFactsOf(req).ip);
      if (key !== null && (openSockets.get(key) ?? 0) >= env.MAX_SOCKETS_PER_CLIENT) {
        done(false, 429, 'Too Many Requests');
        return;
      }
      done(true);
    },
  });
  // Sockets per client address: counted from the upgrade until the close.
  wss.on('connection', (socket, request) => {
    const key = admissionKey(request, socketFactsOf(request).ip);
    if (key === null) {
      return;
    }
    openSockets.set(key, (openSockets.get(key) ?? 0) + 1);
    socket.once('close', () => {
      const left = (openSockets.get(key) ?? 1) - 1;
      if (left <= 0) {
        openSockets.delete(key);
      } else {
        openSockets.set(key, left);
      }
    });
  });
  const hideSuggestions = env.NODE_ENV === 'production';
  // The same rules and limits as HTTP (limits/operation.ts): a socket is no way around them.
  const rules = allValidationRules(createArmor(), { production: env.NODE_ENV === 'production' });
  const operations = new WeakMap<object, Set<string>>();
  /** Each running operation's share of the process's work (admission.ts), by socket and id. */
  const tickets = new WeakMap<object, Map<string, Ticket>>();
  const release = (socket: object, id: string) => {
    const held = tickets.get(socket);
    const ticket = held?.get(id);
    if (held && ticket) {
      held.delete(id);
      admission.leave(ticket);
    }
  };
  /** Documents that parsed and passed validation, by their text (oldest dropped first). */
  const validated = new Map<string, DocumentNode>();
  // graphql-ws wraps what a subscription's stream throws (e.g. the host's session ending) in a
  // GraphQLError without a path, which formatError would not unwrap: an AppError keeps its code.
  const format = (error: GraphQLError) =>
    formatError(
      error.toJSON(),
      error.path === undefined && error.originalError instanceof AppError
        ? error.originalError
        : error,
      log,
      { hideSuggestions },
    );
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
  // Compiled execution as over HTTP (app.ts: the tests compile at once, production on reuse).
  const jit = jitExecute({ compileAfter: env.NODE_ENV === 'test' ? 0 : 1 });
  const onEvent = sharedEventExecutor(SHARED_FIELDS, jit);

  // A session mutation over a socket made a session whose cookie could never be sent (nor
  // revoked unseen, as http.ts does when the body reports a failure): a session row per call
  // (probe, 6 Dec evening). Such documents are refused before they run.
  const sessionDocuments = new WeakMap<DocumentNode, boolean>();
  const startsSession = (document: DocumentNode): boolean => {
    let found = sessionDocuments.get(document);
    if (found === undefined) {
      found = false;
      const typeInfo = new TypeInfo(schema);
      const mutation = schema.getMutationType();
      visit(
        document,
        visitWithTypeInfo(typeInfo, {
          Field: (node) => {
            if (typeInfo.getParentType() === mutation && SESSION_MUTATIONS.has(node.name.value)) {
              found = true;
              return BREAK;
            }
            return undefined;
          },
        }),
      );
      sessionDocuments.set(document, found);
    }
    return found;
  };
  /**
   * Parses, validates and checks one operation, as HTTP does, each stage in a turn of the event
   * loop with budget left (guard.ts, nextTurn; parsing and validating ran in the message's own
   * turn: a flood of documents held the loop for 300 ms at a stretch). The operation's
   * execution arguments, or its refusal.
   */
  const prepare = async (
    ctx: WsContext<Record<string, unknown>, Extra>,
    id: string,
    payload: Payload,
  ): Promise<ExecutionArgs | GraphQLError[]> => {
    // The client's share is taken before anything is parsed, as HTTP takes it once the body is
    // in: parsing and validating were outside it, so one address's sockets (up to
    // MAX_SOCKETS_PER_CLIENT, 8 operations each) could have 4,000 unseen documents parsed and
    // validated at once (probe, 6 Dec, round 3). Held until the operation has run.
    const { ip } = socketFactsOf(ctx.extra.request);
    const ticket = admission.enter(admissionKey(ctx.extra.request, ip));
    if (!('open' in ticket)) {
      return [ticket];
    }
    const prepared = await prepareAdmitted(payload, ticket);
    if (Array.isArray(prepared)) {
      admission.leave(ticket);
      return prepared;
    }
    if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
      // Closed while this waited for its turn: onClose has already given the shares back.
      admission.leave(ticket);
      return [new GraphQLError('The connection closed', { extensions: { code: 'BAD_REQUEST' } })];
    }
    const held = tickets.get(ctx.extra.socket) ?? new Map<string, Ticket>();
    tickets.set(ctx.extra.socket, held);
    held.set(id, ticket);
    return prepared;
  };
  const prepareAdmitted = async (
    payload: Payload,
    ticket: Ticket,
  ): Promise<ExecutionArgs | GraphQLError[]> => {
    // Every phone sends the same few documents (its subscription, its answer): parse and
    // validate each once per process, not once per message (schema and rules never change).
    let document = validated.get(payload.query);
    if (!document) {
      await nextTurn();
      try {
        document = parse(payload.query, { maxTokens: LIMITS.maxTokens, noLocation: true });
      } catch (error) {
        return [
          error instanceof GraphQLError
            ? withCode(error, 'GRAPHQL_PARSE_FAILED')
            : new GraphQLError('Syntax error'),
        ];
      }
      await nextTurn();
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
    if (startsSession(document)) {
      return [
        new GraphQLError(
          'Sign in, sign up and guest joins go over HTTP: a socket cannot set the session cookie',
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ];
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) {
      // graphql-ws's own refusal has no code: formatError would log and mask it.
      return [
        new GraphQLError(
          payload.operationName
            ? `Unknown operation named "${payload.operationName}"`
            : 'Must provide operation name if query contains multiple operations',
          { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } },
        ),
      ];
    }
    // A subscription is executed and sent again for every subscriber at every event: an alias
    // multiplies every push (limits.ts, maxSubscriptionAliases).
    const { aliases } = factsFor(document, payload.operationName);
    if (aliases > LIMITS.maxSubscriptionAliases) {
      return [limitErrors.subscriptionAliases(aliases, LIMITS.maxSubscriptionAliases)];
    }
    // Variables that do not fit their types are the client's error, as over HTTP: graphql-js
    // reports them without a code, and formatError logged and masked them as
    // INTERNAL_SERVER_ERROR (probe, 6 Dec evening: a missing required variable).
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      payload.variables ?? {},
      { maxErrors: 20 },
    );
    if (coerced.errors) {
      return coerced.errors.map((error) => withCode(error, 'BAD_USER_INPUT'));
    }
    // The per-operation limits HTTP applies (limits/operation.ts): input lists, text, cost,
    // then a share of this process's and this client's work in progress. The share is held
    // until the operation has run (a subscription: until its stream is set up).
    await nextTurn();
    try {
      checkOperation({
        schema,
        document,
        operationName: payload.operationName,
        variables: payload.variables,
        charge: (cost) => admission.charge(ticket, cost),
      });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('Internal error')];
    }
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
    } satisfies ExecutionArgs;
  };
  const disposable = serveGraphqlWs<Record<string, unknown>>(
    {
      schema,
      execute: async (args) => {
        await nextTurn(); // as over HTTP: a long turn yields to the event loop first
        return jit(args);
      },
      subscribe: subscribeWith(onEvent),
      onConnect: (ctx) => originAllowed(ctx.extra.request, env),
      onSubscribe: async (ctx, id, payload) => {
        const running = operations.get(ctx.extra.socket) ?? new Set<string>();
        operations.set(ctx.extra.socket, running);
        if (running.size >= MAX_OPERATIONS_PER_SOCKET) {
          // A LimitError: a plain GraphQLError with this code was logged with its stack and
          // masked as INTERNAL_SERVER_ERROR by formatError (probe, 6 Dec evening).
          return [limitErrors.socketOperations(MAX_OPERATIONS_PER_SOCKET)];
        }
        // Counted from here (the checks below wait for their turn: messages that arrive together
        // must not all pass the count first); a refusal gives the place back.
        running.add(id);
        const prepared = await prepare(ctx, id, payload);
        if (Array.isArray(prepared)) {
          running.delete(id);
        }
        return prepared;
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
      onNext: (_ctx, _id, _payload, args, result) => {
        // The response ceilings, as HTTP applies them (plugin.ts, http.ts): a request its guard
        // stopped (time, list items) is answered with that one error and no partial data, and a
        // query's or mutation's answer over MAX_RESPONSE_BYTES is refused (a subscription's events
        // are bounded by the views' own sizes).
        const stopped = (args.contextValue as Context | undefined)?.guard?.stopped;
        if (stopped) {
          return { errors: [stopped.toFormatted()] };
        }
        if (!factsFor(args.document, args.operationName).subscription) {
          const bytes = Buffer.byteLength(JSON.stringify(result));
          if (bytes > env.MAX_RESPONSE_BYTES) {
            return {
              errors: [limitErrors.responseBytes(bytes, env.MAX_RESPONSE_BYTES).toFormatted()],
            };
          }
        }
        return result.errors ? { ...result, errors: result.errors.map(format) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map(format),
      onOperation: (ctx, id) => {
        release(ctx.extra.socket, id);
      },
      onComplete: (ctx, id) => {
        release(ctx.extra.socket, id);
        operations.get(ctx.extra.socket)?.delete(id);
      },
      // An operation whose context or execution threw ends the socket (ws-transport.ts) without
      // onOperation or onComplete: its share goes back here.
      onClose: (ctx) => {
        for (const id of [...(tickets.get(ctx.extra.socket)?.keys() ?? [])]) {
          release(ctx.extra.socket, id);
        }
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

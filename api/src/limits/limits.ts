import { GraphQLError } from 'graphql';

/**
 * The per-document limits (docs/security.md, "Limits", says why each number). The per-request and
 * per-process limits that operators may tune (time, response size, in-flight requests) are
 * environment variables (env.ts).
 */
export const LIMITS = {
  /** Field levels, fragments flattened: the web's deepest document has 8. */
  maxDepth: 10,
  maxAliases: 15,
  /**
   * A subscription's document runs and is sent again for every subscriber at every event, so an
   * alias multiplies every push: 14 aliases of `game` made 200 seats × 3 screens send 10.7 MB at
   * one reveal instead of 0.8 MB (probe, 7 Dec). The web's subscriptions use none.
   */
  maxSubscriptionAliases: 0,
  /** graphql-js's parser limit: a document over it is a 400 before anything else runs. */
  maxTokens: 2_000,
  maxDirectives: 20,
  /**
   * Estimated response values (cost.ts): the web's largest document, the review of a finished
   * 100-question attempt with every key and citation, is estimated at about 153,000.
   */
  maxCost: 200_000,
  /**
   * Items in one list of an argument or variable (filters, answers, a set's questions): the
   * largest real one is a set's 100 questions. A 20,000-item filter list cost the database
   * layer 130–270 ms of one event-loop turn (building the query), and a client gains nothing
   * from it.
   */
  maxInputItems: 200,
  /** Selections the cost estimate walks (fragments expanded) before it gives up. */
  maxNodes: 5_000,
  /** Estimated cost one API process works on at once: eight of the largest queries. */
  maxCostInFlight: 1_600_000,
  /** Of that, one client's share: two of the largest queries. */
  maxCostInFlightPerClient: 400_000,
} as const;

/** Which limit a request ran into (`extensions.limit`). */
export type LimitName =
  | 'depth'
  | 'aliases'
  | 'subscriptionAliases'
  | 'directives'
  | 'tokens'
  | 'cost'
  | 'nodes'
  | 'expensiveField'
  | 'inputItems'
  | 'responseItems'
  | 'responseBytes'
  | 'time'
  | 'inFlight'
  | 'clientInFlight'
  | 'costInFlight'
  | 'clientCostInFlight'
  | 'socketOperations';

export type LimitCode =
  /** The document asks for too much (depth, aliases, directives, cost); change the document. */
  | 'QUERY_TOO_COMPLEX'
  /** The answer outgrew the response ceiling while it was built; ask for less. */
  | 'RESPONSE_TOO_LARGE'
  /** The request ran past its time budget and was stopped; retry later or ask for less. */
  | 'TIMEOUT';

const number = (n: number) => n.toLocaleString('en-US');

/**
 * A request refused or stopped by a limit. It names the limit and both numbers in its message
 * and in `extensions` (`limit`, `max`, `found`), and carries its HTTP status for Apollo.
 */
export class LimitError extends GraphQLError {
  constructor(
    readonly code: LimitCode | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE',
    message: string,
    readonly limit: LimitName,
    readonly max: number,
    readonly found: number | null,
    readonly status: number,
    readonly retryAfter?: number,
  ) {
    super(message, {
      extensions: {
        code,
        limit,
        max,
        ...(found === null ? {} : { found }),
        ...(retryAfter === undefined ? {} : { retryAfter }),
        http: { status },
      },
    });
    this.name = 'LimitError';
  }

  /** The client-facing shape (formatError and the HTTP layer use it). */
  toFormatted() {
    return {
      message: this.message,
      extensions: {
        code: this.code,
        limit: this.limit,
        max: this.max,
        ...(this.found === null ? {} : { found: this.found }),
        ...(this.retryAfter === undefined ? {} : { retryAfter: this.retryAfter }),
      },
    };
  }
}

const documentLimit = (limit: LimitName, label: string, found: number, max: number) =>
  new LimitError(
    'QUERY_TOO_COMPLEX',
    `${label} ${number(found)} exceeds the limit of ${number(max)}`,
    limit,
    max,
    found,
    400,
  );

export const limitErrors = {
  depth: (found: number, max: number) => documentLimit('depth', 'Depth', found, max),
  aliases: (found: number, max: number) => documentLimit('aliases', 'Aliases', found, max),
  subscriptionAliases: (found: number, max: number) =>
    documentLimit('subscriptionAliases', 'Aliases in a subscription:', found, max),
  directives: (found: number, max: number) => documentLimit('directives', 'Directives', found, max),
  cost: (found: number, max: number) => documentLimit('cost', 'Query cost', found, max),
  nodes: (max: number) =>
    new LimitError(
      'QUERY_TOO_COMPLEX',
      `The document expands to more than ${number(max)} selections (fragments counted each time they are spread)`,
      'nodes',
      max,
      null,
      400,
    ),
  expensiveField: (field: string, found: number, max: number) =>
    new LimitError(
      'QUERY_TOO_COMPLEX',
      `${field} selected ${number(found)} times exceeds the limit of ${number(max)} per request`,
      'expensiveField',
      max,
      found,
      400,
    ),
  inputItems: (found: number, max: number, where: string) =>
    new LimitError(
      'QUERY_TOO_COMPLEX',
      `Input list of ${number(found)} items (${where}) exceeds the limit of ${number(max)}`,
      'inputItems',
      max,
      found,
      400,
    ),
  responseItems: (found: number, max: number) =>
    new LimitError(
      'RESPONSE_TOO_LARGE',
      `The response grew past ${number(max)} list items (${number(found)} so far) and was stopped; ask for fewer or smaller pages`,
      'responseItems',
      max,
      found,
      400,
    ),
  responseBytes: (found: number, max: number) =>
    new LimitError(
      'RESPONSE_TOO_LARGE',
      `Response of ${number(found)} bytes exceeds the limit of ${number(max)} bytes; ask for fewer or smaller pages`,
      'responseBytes',
      max,
      found,
      400,
    ),
  time: (max: number) =>
    new LimitError(
      'TIMEOUT',
      `The request ran longer than the limit of ${number(max)} ms and was stopped`,
      'time',
      max,
      null,
      503,
      1,
    ),
  inFlight: (max: number) =>
    new LimitError(
      'SERVICE_UNAVAILABLE',
      `The server is at its limit of ${number(max)} requests in progress; retry in a moment`,
      'inFlight',
      max,
      null,
      503,
      1,
    ),
  clientInFlight: (max: number) =>
    new LimitError(
      'RATE_LIMITED',
      `Too many requests in progress from this client (the limit is ${number(max)} at once); retry when one has finished`,
      'clientInFlight',
      max,
      null,
      429,
      1,
    ),
  costInFlight: (max: number) =>
    new LimitError(
      'SERVICE_UNAVAILABLE',
      `The server is at its limit of ${number(max)} in estimated query cost in progress; retry in a moment`,
      'costInFlight',
      max,
      null,
      503,
      1,
    ),
  /** Operations running at once on one WebSocket (ws.ts). */
  socketOperations: (max: number) =>
    new LimitError(
      'RATE_LIMITED',
      `At most ${number(max)} operations may run at once on one connection; complete one first`,
      'socketOperations',
      max,
      null,
      429,
      1,
    ),
  clientCostInFlight: (max: number) =>
    new LimitError(
      'RATE_LIMITED',
      `This client already has queries of ${number(max)} in estimated cost in progress; retry when one has finished`,
      'clientCostInFlight',
      max,
      null,
      429,
      1,
    ),
};

/** The LimitError behind an error, if any (Apollo wraps validation errors once). */
export const findLimitError = (error: unknown): LimitError | null => {
  for (let current = error, i = 0; current && i < 4; i += 1) {
    if (current instanceof LimitError) {
      return current;
    }
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
};

import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  getNullableType,
  isListType,
  isObjectType,
} from 'graphql';
import { type LimitError, limitErrors } from './limits';

export type GuardLimits = {
  /** Milliseconds a request may run before it is stopped. */
  timeoutMs: number;
  /** List items a response may hold, counted as the resolvers return them. */
  maxItems: number;
};

/**
 * One request's budget while it executes: a deadline and a count of list items returned so far.
 * Every list field and every field with its own resolver passes through `check` (guardSchema), so
 * once the request is over a limit, or stopped from outside (`abort`, the HTTP layer's timer),
 * each further field fails at once: the rest of the work is abandoned rather than finished and
 * thrown away. The first limit hit is kept in `stopped`; the response then carries only that error.
 */
export class RequestGuard {
  items = 0;
  stopped: LimitError | null = null;
  private readonly deadline: number;

  constructor(
    private readonly limits: GuardLimits,
    private readonly clock: () => number = Date.now,
  ) {
    this.deadline = clock() + limits.timeoutMs;
  }

  /** Stops the request with `error` (the first stop wins) and throws it. */
  abort(error: LimitError): never {
    this.stopped ??= error;
    throw this.stopped;
  }

  check(): void {
    if (this.stopped) {
      throw this.stopped;
    }
    if (this.clock() > this.deadline) {
      this.abort(limitErrors.time(this.limits.timeoutMs));
    }
  }

  /** Counts the items of a list a resolver returned. */
  count<T>(value: T): T {
    if (Array.isArray(value)) {
      this.items += value.length;
      if (this.items > this.limits.maxItems) {
        this.abort(limitErrors.responseItems(this.items, this.limits.maxItems));
      }
    }
    return value;
  }
}

type Guarded = { guard?: RequestGuard };

/**
 * Longest stretch of resolver work in one turn of the event loop. Resolvers that answer from
 * memory (the KB caches, batched loaders) settle as microtasks, and a whole large execution can
 * then run without ever returning to the event loop: /health and every other request would wait
 * for it. Past this many milliseconds since the turn began, the next guarded field (of any
 * request) waits in `deferred` for a later turn.
 *
 * One queue and one drain per turn, not one setImmediate per deferred field: Node runs every
 * immediate queued before its check phase in the same phase, so per-field immediates (each
 * allowed its own 10 ms) let a thousand deferred fields of eight large answers run back to back
 * for seconds before the loop read a socket again (measured: 1.5 s event-loop delay in the
 * hostile corpus).
 */
// 5 ms rather than 10: in the hostile corpus, /health p50 36–43 ms instead of 45–57 and
// event-loop delay p99 66–71 ms instead of 86–96, alternated at the same load, and no slower.
const YIELD_EVERY_MS = 5;
let turnStarted = performance.now();
const deferred: (() => void)[] = [];
let head = 0;
let drainScheduled = false;

const scheduleDrain = () => {
  if (!drainScheduled) {
    drainScheduled = true;
    setImmediate(drain);
  }
};

/**
 * Starts deferred fields, oldest first, until the turn's budget is spent (at least one, so work
 * always advances); the rest wait for the next turn, after the loop has polled for I/O.
 */
const drain = () => {
  drainScheduled = false;
  turnStarted = performance.now();
  do {
    const run = deferred[head] as () => void;
    deferred[head] = undefined as unknown as () => void;
    head += 1;
    run();
  } while (head < deferred.length && performance.now() - turnStarted < YIELD_EVERY_MS);
  if (head === deferred.length) {
    deferred.length = 0;
    head = 0;
  } else {
    if (head > 1_024) {
      deferred.splice(0, head);
      head = 0;
    }
    scheduleDrain();
  }
};

/**
 * Runs `dispatch` once no deferred field is waiting: a field deferred mid-execution reaches its
 * loads after the batch's own setImmediate would have fired, and the batch would split in two
 * (one more query). Other requests' deferred fields count too, so the wait is capped at a few
 * turns: a long answer elsewhere must not starve this request's batch. Loaders use it (loaders.ts).
 */
const MAX_BATCH_WAIT_TURNS = 8;
export const afterPendingYields = (dispatch: () => void): void => {
  let turns = 0;
  const attempt = () => {
    if (head < deferred.length && turns++ < MAX_BATCH_WAIT_TURNS) {
      setImmediate(attempt);
    } else {
      dispatch();
    }
  };
  setImmediate(attempt);
};

const afterYield = <T>(run: () => T): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    deferred.push(() => {
      try {
        resolve(run());
      } catch (error) {
        reject(error);
      }
    });
    scheduleDrain();
  });

/**
 * Resolves at once while this turn's budget lasts, else in a later turn (the queue above). For
 * work outside resolvers that one request does in a single stretch (Apollo's parsing,
 * validation and our cost estimate): when eight documents arrive together, each stage of each
 * then waits for its own turn instead of all of them running back to back.
 */
export const nextTurn = (): Promise<void> =>
  performance.now() - turnStarted > YIELD_EVERY_MS
    ? afterYield(() => undefined)
    : Promise.resolve();

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Puts every list field and every field with its own resolver (the ones that load data) behind
 * the request's guard. Plain property reads of single objects and scalars stay untouched, so the
 * JIT keeps inlining them; they are bounded by the lists above them.
 */
export const guardSchema = (schema: GraphQLSchema): GraphQLSchema => {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const list = isListType(getNullableType(field.type));
      if (!list && !field.resolve) {
        continue;
      }
      const resolve: GraphQLFieldResolver<unknown, Guarded> = field.resolve ?? defaultFieldResolver;
      const guarded: GraphQLFieldResolver<unknown, Guarded> = (parent, args, context, info) => {
        const guard = context?.guard;
        if (!guard) {
          return resolve(parent, args, context, info);
        }
        guard.check();
        const value = resolve(parent, args, context, info);
        if (!list) {
          return value;
        }
        return isPromise(value) ? value.then((items) => guard.count(items)) : guard.count(value);
      };
      field.resolve = (parent, args, context, info) => {
        if (performance.now() - turnStarted > YIELD_EVERY_MS) {
          return afterYield(() => guarded(parent, args, context, info));
        }
        return guarded(parent, args, context, info);
      };
    }
  }
  return schema;
};

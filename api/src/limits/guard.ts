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
 * Longest stretch of resolver work before the process lets other callbacks run. Resolvers that
 * answer from memory (the KB caches, batched loaders) settle as microtasks, and a whole large
 * execution can then run without ever returning to the event loop: /health and every other
 * request would wait for it. Past this many milliseconds the next guarded field resumes from a
 * macrotask (setImmediate) instead.
 */
const YIELD_EVERY_MS = 10;
let lastYield = performance.now();
/** Yielded fields waiting for their macrotask; loader batches wait behind them (loaders.ts). */
let pendingYields = 0;

/**
 * Runs `dispatch` once no yielded field is waiting: a field that yielded mid-execution reaches its
 * loads after the batch's own setImmediate would have fired, and the batch would split in two.
 * Other requests' yields count too, so the wait is capped at a few rounds: a long answer being
 * serialised elsewhere must not starve this request's batch.
 */
const MAX_BATCH_WAIT_ROUNDS = 8;
export const afterPendingYields = (dispatch: () => void): void => {
  let rounds = 0;
  const attempt = () => {
    if (pendingYields > 0 && rounds++ < MAX_BATCH_WAIT_ROUNDS) {
      setImmediate(attempt);
    } else {
      dispatch();
    }
  };
  setImmediate(attempt);
};

const afterYield = <T>(run: () => T): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    pendingYields += 1;
    setImmediate(() => {
      pendingYields -= 1;
      lastYield = performance.now();
      try {
        resolve(run());
      } catch (error) {
        reject(error);
      }
    });
  });

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
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          return afterYield(() => guarded(parent, args, context, info));
        }
        return guarded(parent, args, context, info);
      };
    }
  }
  return schema;
};

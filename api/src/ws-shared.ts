/**
 * One execution per game event for the part of a subscription that is the same for every
 * subscriber. graphql-ws runs a subscription's whole selection once per subscriber and event: at
 * a reveal, 10,000 players meant 10,000 executions of the same `game { … }` selection over the
 * same object. Here a subscription document is split once into its shared fields (e.g.
 * `livePlayerEvents { game { … } }`) and the rest (`me`, `myAnswer`); each event runs the shared
 * part once per (event object, document, variables it uses) and only the rest per subscriber.
 *
 * Valid because the shared object is one object pushed to every subscriber of a game (the hub's
 * frame) and nothing under it reads the context (no viewer, no loaders: plain data and pure
 * resolvers). Anything the split cannot express exactly (directives or foreign type conditions
 * at the split level, errors in either part) runs the whole document as before.
 */
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  visit,
} from 'graphql';

/** Root subscription field → the field of its payload that every subscriber shares. */
export type SharedFields = Readonly<Record<string, string>>;

type Plan = {
  id: number;
  rootKey: string;
  shared: DocumentNode;
  own: DocumentNode | null;
  /** Variables the shared part reads: the cache key holds their values. */
  sharedVariables: string[];
  sharedField: string;
  /** Response keys under the root field in the order of the original document. */
  order: string[];
};

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** Fields under the root field, through fragments on the payload's own type (null: no split). */
const flatten = (
  selections: readonly SelectionNode[],
  typeName: string,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): FieldNode[] | null => {
  const fields: FieldNode[] = [];
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      fields.push(selection);
      continue;
    }
    if (selection.directives?.length) {
      return null;
    }
    let inner: readonly SelectionNode[];
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selection.typeCondition && selection.typeCondition.name.value !== typeName) {
        return null;
      }
      inner = selection.selectionSet.selections;
    } else {
      const fragment = fragments.get(selection.name.value);
      if (
        !fragment ||
        fragment.typeCondition.name.value !== typeName ||
        seen.has(fragment.name.value)
      ) {
        return null;
      }
      seen.add(fragment.name.value);
      inner = fragment.selectionSet.selections;
    }
    const nested = flatten(inner, typeName, fragments, seen);
    if (!nested) {
      return null;
    }
    fields.push(...nested);
  }
  return fields;
};

/** Variables read by `nodes`, through the fragments they spread. */
const variablesOf = (
  nodes: readonly FieldNode[],
  fragments: Map<string, FragmentDefinitionNode>,
): string[] => {
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (node: FieldNode | FragmentDefinitionNode) => {
    visit(node, {
      Variable: (variable) => {
        names.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          walk(fragment);
        }
      },
    });
  };
  for (const node of nodes) {
    walk(node);
  }
  return [...names].sort();
};

const withRootSelections = (
  document: DocumentNode,
  operation: OperationDefinitionNode,
  root: FieldNode,
  selections: FieldNode[],
): DocumentNode => ({
  ...document,
  definitions: document.definitions.map((definition) =>
    definition === operation
      ? {
          ...operation,
          selectionSet: {
            ...operation.selectionSet,
            selections: [{ ...root, selectionSet: { kind: Kind.SELECTION_SET, selections } }],
          },
        }
      : definition,
  ),
});

let nextPlanId = 0;

export const planShared = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  sharedFields: SharedFields,
): Plan | null => {
  const operation = getOperationAST(document, operationName);
  const root = operation?.selectionSet.selections[0];
  if (
    operation?.operation !== 'subscription' ||
    operation.selectionSet.selections.length !== 1 ||
    root?.kind !== Kind.FIELD ||
    root.directives?.length ||
    !root.selectionSet
  ) {
    return null;
  }
  const sharedField = sharedFields[root.name.value];
  const rootType = schema.getSubscriptionType()?.getFields()[root.name.value]?.type;
  if (!sharedField || !rootType) {
    return null;
  }
  const typeName = (getNamedType(rootType) as GraphQLObjectType).name;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const fields = flatten(root.selectionSet.selections, typeName, fragments, new Set());
  if (!fields) {
    return null;
  }
  const shared = fields.filter((field) => field.name.value === sharedField);
  const own = fields.filter((field) => field.name.value !== sharedField);
  // A response key served by both parts (an alias clash) would be merged wrongly: no split.
  const sharedKeys = new Set(shared.map(responseKey));
  if (shared.length === 0 || own.some((field) => sharedKeys.has(responseKey(field)))) {
    return null;
  }
  return {
    id: nextPlanId++,
    rootKey: responseKey(root),
    shared: withRootSelections(document, operation, root, shared),
    own: own.length > 0 ? withRootSelections(document, operation, root, own) : null,
    sharedVariables: variablesOf(shared, fragments),
    sharedField,
    order: [...new Set(fields.map(responseKey))],
  };
};

type Execute = (args: ExecutionArgs) => Promise<ExecutionResult>;

/**
 * An executor for subscription events: `run(args, event)` returns what executing `args` with
 * `rootValue: event` returns, running the shared part once per shared object.
 */
export const sharedEventExecutor = (sharedFields: SharedFields, execute: Execute) => {
  const plans = new WeakMap<DocumentNode, Map<string, Plan | null>>();
  /** Shared object → (document, variables) → the shared part's result. */
  const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  const planOf = (args: ExecutionArgs): Plan | null => {
    let byName = plans.get(args.document);
    if (!byName) {
      byName = new Map();
      plans.set(args.document, byName);
    }
    const name = args.operationName ?? '';
    let plan = byName.get(name);
    if (plan === undefined) {
      plan = planShared(args.schema, args.document, args.operationName, sharedFields);
      byName.set(name, plan);
    }
    return plan;
  };

  const whole = (args: ExecutionArgs, event: unknown) => execute({ ...args, rootValue: event });

  const run = async (args: ExecutionArgs, event: unknown): Promise<ExecutionResult> => {
    const plan = planOf(args);
    const object = plan && (event as Record<string, unknown> | null)?.[plan.sharedField];
    if (!plan || typeof object !== 'object' || object === null) {
      return whole(args, event);
    }
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const key = `${plan.id}|${JSON.stringify(plan.sharedVariables.map((v) => variables[v] ?? null))}`;
    let byKey = results.get(object);
    if (!byKey) {
      byKey = new Map();
      results.set(object, byKey);
    }
    let sharedResult = byKey.get(key);
    if (!sharedResult) {
      sharedResult = execute({ ...args, document: plan.shared, rootValue: event });
      byKey.set(key, sharedResult);
    }
    const [shared, own] = await Promise.all([
      sharedResult,
      plan.own ? execute({ ...args, document: plan.own, rootValue: event }) : null,
    ]);
    const sharedData = shared.data?.[plan.rootKey] as Record<string, unknown> | null | undefined;
    const ownData = own
      ? (own.data?.[plan.rootKey] as Record<string, unknown> | null | undefined)
      : {};
    if (shared.errors || own?.errors || !sharedData || !ownData) {
      return whole(args, event);
    }
    const merged: Record<string, unknown> = {};
    for (const field of plan.order) {
      merged[field] = field in sharedData ? sharedData[field] : ownData[field];
    }
    return { data: { [plan.rootKey]: merged } };
  };

  return run;
};

/**
 * graphql-js's `subscribe` (source stream, then each event executed with it as root value), with
 * the event's execution done by `run`.
 */
export const subscribeWith =
  (run: (args: ExecutionArgs, event: unknown) => Promise<ExecutionResult>) =>
  async (
    args: ExecutionArgs,
  ): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> => {
    const stream = await createSourceEventStream(args);
    if (!(typeof stream === 'object' && stream !== null && Symbol.asyncIterator in stream)) {
      return stream as ExecutionResult;
    }
    const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const map = async (
      result: IteratorResult<unknown>,
    ): Promise<IteratorResult<ExecutionResult>> => {
      if (result.done) {
        return result;
      }
      try {
        return { value: await run(args, result.value), done: false };
      } catch (error) {
        await iterator.return?.().catch(() => {});
        throw error;
      }
    };
    const mapped: AsyncIterableIterator<ExecutionResult> = {
      next: async () => map(await iterator.next()),
      return: async () =>
        iterator.return ? map(await iterator.return()) : { value: undefined, done: true },
      throw: async (error: unknown) => {
        if (iterator.throw) {
          return map(await iterator.throw(error));
        }
        throw error;
      },
      [Symbol.asyncIterator]: () => mapped,
    };
    return mapped;
  };

import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayInterface,
} from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { nextTurn } from '../limits/guard';

export type JitOptions = {
  /**
   * Executions of a document with graphql-js before it is compiled. 1 (production) compiles on
   * the second execution, so documents sent once (probes, one-off queries) never pay for a
   * compilation; 0 compiles at once (the tests, so that every test runs the compiled code).
   */
  compileAfter: number;
};

type DocumentEntry = { runs: number; compiled: Map<string, CompiledQuery> };

/**
 * graphql-jit's errors borrow GraphQLError's prototype but leave `extensions` undefined and fixed,
 * which Apollo's error formatting does not expect: rebuild each as a graphql-js GraphQLError with
 * the same message, path, locations and original error, so formatError sees what graphql-js
 * would have produced.
 */
const normalize = (error: GraphQLError): GraphQLError => {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? {},
  });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
};

/**
 * Executes operations with graphql-jit: each parsed document (Apollo's document store hands back
 * the same DocumentNode for the same query text, after parsing and validating it once, armor's
 * rules included) is compiled once per operation into a function and run with the same resolvers
 * and context as graphql-js would. Documents dropped from Apollo's store are garbage-collected
 * with their compiled code (a WeakMap).
 *
 * Apollo Server 5 has no public executor option: the gateway interface is how one is plugged in
 * (`load()` returns the executor, `onSchemaLoadOrUpdate` hands over the schema once). Parsing,
 * validation, plugins, formatError and the HTTP layer stay Apollo's.
 */
export const jitGateway = (schema: GraphQLSchema, options: JitOptions): GatewayInterface => {
  const documents = new WeakMap<DocumentNode, DocumentEntry>();

  const executor: GatewayExecutor = async (request) => {
    const { document, operationName, context, operation } = request;
    const variables = request.request.variables ?? {};
    if (!operation) {
      // No operation matched the name (or several and no name): graphql-js says so as a request
      // error, which Apollo answers 400. The client's name, not Apollo's resolved one (null here).
      return execute({
        schema,
        document,
        operationName: request.request.operationName,
        variableValues: variables,
        contextValue: context,
      }) as Promise<GatewayExecutionResult>;
    }
    if (operation.operation === 'subscription') {
      // Subscriptions run over WebSocket (ws.ts); over HTTP they are a client's mistake.
      return {
        errors: [
          new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ],
      };
    }
    await nextTurn();
    let entry = documents.get(document);
    if (!entry) {
      entry = { runs: 0, compiled: new Map() };
      documents.set(document, entry);
    }
    entry.runs += 1;
    if (entry.runs <= options.compileAfter) {
      return execute({
        schema,
        document,
        operationName,
        variableValues: variables,
        contextValue: context,
      }) as Promise<GatewayExecutionResult>;
    }
    return (await runCompiled(schema, document, operation, entry, {
      operationName,
      variables,
      context,
      // Compiling a large document is one stretch of work: start it in a turn with budget left.
      beforeCompile: nextTurn,
    })) as GatewayExecutionResult;
  };

  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => {},
  };
};

/**
 * Both transports' compiled run: variables coerced by graphql-js (its defaults for input fields,
 * its error messages and AST nodes, which Apollo turns into a 400 BAD_USER_INPUT exactly as without
 * the JIT), the operation compiled once per document and name, then run on values already valid.
 */
const runCompiled = async (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  entry: DocumentEntry,
  run: {
    operationName?: string | null;
    variables: Record<string, unknown>;
    context: unknown;
    rootValue?: unknown;
    beforeCompile?: () => Promise<void>;
  },
): Promise<ExecutionResult> => {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], run.variables, {
    maxErrors: 50,
  });
  if (coerced.errors) {
    return { errors: coerced.errors };
  }
  const name = run.operationName ?? '';
  let compiled = entry.compiled.get(name);
  if (!compiled) {
    await run.beforeCompile?.();
    const result = compileQuery(schema, document, run.operationName ?? undefined);
    if (!isCompiledQuery(result)) {
      return result as ExecutionResult;
    }
    compiled = result;
    entry.compiled.set(name, compiled);
  }
  const result = (await compiled.query(
    run.rootValue,
    run.context,
    coerced.coerced,
  )) as ExecutionResult;
  return result.errors ? { ...result, errors: result.errors.map(normalize) } : result;
};

type WsDocumentEntry = DocumentEntry & { operations: Map<string, OperationDefinitionNode | null> };

/**
 * The same compiled execution for the WebSocket transport (ws.ts: graphql-ws hands over
 * ExecutionArgs). A live game runs the same two or three documents thousands of times a minute
 * (every answer, every subscriber's event), so graphql-js's per-run setup (collecting fields,
 * building the execution context) was a large share of the API's CPU per answer. Variables are
 * coerced by graphql-js as above; `rootValue` carries a subscription's event.
 */
export const jitExecute = (options: JitOptions) => {
  const documents = new WeakMap<DocumentNode, WsDocumentEntry>();
  return async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const { schema, document, contextValue, rootValue } = args;
    const name = args.operationName ?? '';
    let entry = documents.get(document);
    if (!entry) {
      entry = { runs: 0, compiled: new Map(), operations: new Map() };
      documents.set(document, entry);
    }
    let operation = entry.operations.get(name);
    if (operation === undefined) {
      operation = getOperationAST(document, args.operationName) ?? null;
      entry.operations.set(name, operation);
    }
    entry.runs += 1;
    if (!operation || entry.runs <= options.compileAfter) {
      return execute(args) as Promise<ExecutionResult>;
    }
    return runCompiled(schema, document, operation, entry, {
      operationName: args.operationName,
      variables: args.variableValues ?? {},
      context: contextValue,
      rootValue,
    });
  };
};

/**
 * Peer: GraphQL Yoga 5 over node:http with graphql-jit as its executor (an envelop plugin that
 * compiles each parsed document once; Yoga's parse/validate caches are on by default), serving
 * the straightforward Prisma resolvers.
 */
import http from 'node:http';
import type { DocumentNode, ExecutionArgs, GraphQLSchema } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { createYoga, type Plugin } from 'graphql-yoga';
import { exitOnSignal, peerPrisma, ready, serverEnv } from './common';
import { type PeerContext, peerContext, peerSchema } from './peer-schema';

const jit = (): Plugin => {
  const compiled = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, CompiledQuery>>>();
  const compile = (args: ExecutionArgs) => {
    let bySchema = compiled.get(args.schema);
    if (!bySchema) {
      bySchema = new WeakMap();
      compiled.set(args.schema, bySchema);
    }
    let byName = bySchema.get(args.document);
    if (!byName) {
      byName = new Map();
      bySchema.set(args.document, byName);
    }
    const name = args.operationName ?? '';
    let query = byName.get(name);
    if (!query) {
      const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      if (!isCompiledQuery(result)) {
        return result;
      }
      query = result;
      byName.set(name, query);
    }
    return query;
  };
  return {
    onExecute: ({ args, setExecuteFn }) => {
      setExecuteFn((executionArgs: ExecutionArgs) => {
        const query = compile(executionArgs);
        if (!isCompiledQuery(query)) {
          return query;
        }
        return query.query(
          executionArgs.rootValue,
          executionArgs.contextValue,
          executionArgs.variableValues,
        );
      });
      void args;
    },
  };
};

const main = async () => {
  const { port } = serverEnv();
  const prisma = peerPrisma();
  const yoga = createYoga<Record<string, unknown>, PeerContext>({
    schema: peerSchema(),
    context: ({ request }) => peerContext(prisma, request.headers.get('cookie')),
    plugins: [jit()],
    graphqlEndpoint: '/graphql',
    logging: false,
    landingPage: false,
  });
  const server = http.createServer(yoga);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  ready('yoga-jit', port);
  exitOnSignal(async () => {
    server.close();
    await prisma.$disconnect();
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Context } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { guardSchema } from './limits/guard';
import { LIMITS } from './limits/limits';
import { createArmor, limitRules } from './limits/operation';
import { limitsPlugin } from './limits/plugin';
import { resolvers, typeDefs } from './schema';
import { buildExecutableSchema } from './schema/executable';
import { jitGateway } from './schema/jit-executor';

export { LIMITS } from './limits/limits';

export type CreateApolloServerOptions = {
  env: Pick<ApiEnv, 'NODE_ENV'>;
  log?: (error: unknown) => void;
};

/** The schema with every module's resolvers, built once per process (it holds no state). */
let executableSchema: ReturnType<typeof buildExecutableSchema> | undefined;
const schema = () => {
  executableSchema ??= guardSchema(buildExecutableSchema(typeDefs, resolvers));
  return executableSchema;
};

/** The same schema for the WebSocket transport (ws.ts). */
export const getExecutableSchema = (): ReturnType<typeof buildExecutableSchema> => schema();

/**
 * The GraphQL server without HTTP: `http.ts` serves it, and tests call `executeOperation` on it.
 * Operations run through graphql-jit (see schema/jit-executor.ts): Apollo still parses, caches and
 * validates every document (armor's limits included) and formats every error; only execution is
 * compiled. In tests every document is compiled from its first run, so the suite covers the JIT.
 */
export const createApolloServer = ({
  env,
  log = console.error,
}: CreateApolloServerOptions): ApolloServer<Context> => {
  const isProduction = env.NODE_ENV === 'production';
  const armor = createArmor();
  return new ApolloServer<Context>({
    gateway: jitGateway(schema(), { compileAfter: env.NODE_ENV === 'test' ? 0 : 1 }),
    formatError: (formatted, error) =>
      formatError(formatted, error, log, { hideSuggestions: isProduction }),
    introspection: !isProduction,
    hideSchemaDetailsFromClientErrors: isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // The web sends whole documents; a cache of client-registered queries is only attack surface.
    persistedQueries: false,
    csrfPrevention: true,
    nodeEnv: env.NODE_ENV,
    // server.ts owns SIGTERM/SIGINT: it stops accepting, lets in-flight requests finish, then
    // stops Apollo. Apollo's own handler would stop it at once, under those requests, and its
    // stop() racing ours never settled (the process then exited without draining).
    stopOnTerminationSignals: false,
    // The same rules and limits as the WebSocket transport (limits/operation.ts).
    validationRules: limitRules(armor),
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      ...armor.plugins,
      limitsPlugin(schema()),
      // No HTTP caching of GraphQL responses; skipping the plugin saves work on every request.
      ApolloServerPluginCacheControlDisabled(),
      ...(isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
};

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Context } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { ExpensiveFieldsOnceRule } from './limits/expensive-fields';
import { guardSchema } from './limits/guard';
import { LIMITS, type LimitError, limitErrors } from './limits/limits';
import { limitsPlugin } from './limits/plugin';
import { OneSessionMutationRule } from './modules/accounts/one-session-mutation';
import { resolvers, typeDefs } from './schema';
import { buildExecutableSchema } from './schema/executable';
import { jitGateway } from './schema/jit-executor';

export { LIMITS } from './limits/limits';

/**
 * Armor's depth, alias and directive rules count; their refusal becomes our LimitError, which
 * names the limit and both numbers (QUERY_TOO_COMPLEX) in every environment: the numbers are in
 * docs/security.md anyway, and a client that cannot tell which limit it hit cannot fix its query.
 */
const armorLimit = (make: (found: number, max: number) => LimitError) => ({
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const [, max, found] = /limit of (\d+) exceeded, found (\d+)/.exec(error.message) ?? [];
      context?.reportError(make(Number(found), Number(max)));
    },
  ],
});

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
  const armor = new ApolloArmor({
    // Fragments are not a level of their own: the web's fragment-heavy documents are measured by
    // the fields they select, and wrapping a field in fragments cannot hide depth either.
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...armorLimit(limitErrors.depth) },
    maxAliases: { n: LIMITS.maxAliases, ...armorLimit(limitErrors.aliases) },
    // The token limit is graphql-js's own (parseOptions below): a document over it is a plain
    // 400 parse failure, where armor's plugin would throw from a hook and answer 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, ...armorLimit(limitErrors.directives) },
    // Armor's cost counts only a literal `first:`; ours (limits/cost.ts) reads variables and
    // argument defaults and runs once the operation and its variables are known.
    costLimit: { enabled: false },
    // Suggestions are removed from every error in formatError (armor's mask still said
    // "[Suggestion hidden]", which confirms a near name exists).
    blockFieldSuggestion: { enabled: false },
  }).protect();
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
    // One sign-in, sign-up or guest join per request, alone (aliases are not extra guesses);
    // each export, report or import at most once.
    validationRules: [...armor.validationRules, OneSessionMutationRule, ExpensiveFieldsOnceRule],
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

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Context } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { OneSessionMutationRule } from './modules/accounts/one-session-mutation';
import { resolvers, typeDefs } from './schema';
import { buildExecutableSchema } from './schema/executable';
import { jitGateway } from './schema/jit-executor';

/**
 * Query limits (security-anchors §2): generous for the web app's deepest query, tight for abuse.
 * Measured costs (armor's formula: objects 2, scalars 1, ×1.5 per level, × a literal `first`):
 * an attempt review with keys and citations ≈ 500, a bank page of 20 with keys ≈ 5,900, an event
 * timeline of 50 with participants and citations ≈ 10,400 (hardening.test.ts checks them).
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxCost: 20_000,
} as const;

export type CreateApolloServerOptions = {
  env: Pick<ApiEnv, 'NODE_ENV'>;
  log?: (error: unknown) => void;
};

/** The schema with every module's resolvers, built once per process (it holds no state). */
let executableSchema: ReturnType<typeof buildExecutableSchema> | undefined;
const schema = () => {
  executableSchema ??= buildExecutableSchema(typeDefs, resolvers);
  return executableSchema;
};

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
  // Limits are named in error messages only outside production.
  const exposeLimits = !isProduction;
  const armor = new ApolloArmor({
    // Fragments are not a level of their own: the web's fragment-heavy documents are measured by
    // the fields they select, and wrapping a field in fragments cannot hide depth either.
    maxDepth: { n: LIMITS.maxDepth, exposeLimits, flattenFragments: true },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits },
    // The token limit is graphql-js's own (parseOptions below): a document over it is a plain
    // 400 parse failure, where armor's plugin would throw from a hook and answer 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits },
    costLimit: { maxCost: LIMITS.maxCost, exposeLimits },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
  return new ApolloServer<Context>({
    gateway: jitGateway(schema(), { compileAfter: env.NODE_ENV === 'test' ? 0 : 1 }),
    formatError: (formatted, error) => formatError(formatted, error, log),
    introspection: !isProduction,
    hideSchemaDetailsFromClientErrors: isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    nodeEnv: env.NODE_ENV,
    // server.ts owns SIGTERM/SIGINT: it stops accepting, lets in-flight requests finish, then
    // stops Apollo. Apollo's own handler would stop it at once, under those requests, and its
    // stop() racing ours never settled (the process then exited without draining).
    stopOnTerminationSignals: false,
    // One sign-in, sign-up or guest join per request, alone (aliases are not extra guesses).
    validationRules: [...armor.validationRules, OneSessionMutationRule],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    plugins: [
      ...armor.plugins,
      // No HTTP caching of GraphQL responses; skipping the plugin saves work on every request.
      ApolloServerPluginCacheControlDisabled(),
      ...(isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
};

import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Context } from './context';
import type { ApiEnv } from './env';
import { formatError } from './errors';
import { resolvers, typeDefs } from './schema';

/** Query limits (security-anchors §2): generous for the web app's deepest query, tight for abuse. */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 20,
  maxCost: 5_000,
} as const;

export type CreateApolloServerOptions = {
  env: Pick<ApiEnv, 'NODE_ENV'>;
  log?: (error: unknown) => void;
};

/**
 * The GraphQL server without HTTP: `http.ts` serves it, and tests call `executeOperation` on it.
 */
export const createApolloServer = ({
  env,
  log = console.error,
}: CreateApolloServerOptions): ApolloServer<Context> => {
  const isProduction = env.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxTokens: { n: LIMITS.maxTokens },
    maxDirectives: { n: LIMITS.maxDirectives },
    costLimit: { maxCost: LIMITS.maxCost },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    formatError: (formatted, error) => formatError(formatted, error, log),
    introspection: !isProduction,
    hideSchemaDetailsFromClientErrors: isProduction,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    nodeEnv: env.NODE_ENV,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      // No HTTP caching of GraphQL responses; skipping the plugin saves work on every request.
      ApolloServerPluginCacheControlDisabled(),
      ...(isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
};

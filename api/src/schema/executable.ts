import {
  buildSchema,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

type ResolverMap = Record<string, unknown>;

/**
 * The executable schema: the merged SDL with every module's resolvers attached, the way Apollo's
 * `typeDefs` + `resolvers` options build it (graphql-tools' makeExecutableSchema), done here so
 * the same schema object can be handed to the JIT executor. The SDL declares object types and one
 * custom scalar; anything else in a resolver map is a mistake and fails at start-up.
 */
export const buildExecutableSchema = (
  typeDefs: string,
  resolverMaps: readonly object[],
): GraphQLSchema => {
  const schema = buildSchema(typeDefs, { noLocation: true });
  for (const map of resolverMaps as readonly ResolverMap[]) {
    for (const [typeName, resolvers] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!type) {
        throw new Error(`Resolvers for ${typeName}, which the schema does not declare`);
      }
      if (type instanceof GraphQLScalarType && resolvers instanceof GraphQLScalarType) {
        type.serialize = resolvers.serialize;
        type.parseValue = resolvers.parseValue;
        type.parseLiteral = resolvers.parseLiteral;
        continue;
      }
      if (!(type instanceof GraphQLObjectType) || typeof resolvers !== 'object' || !resolvers) {
        throw new Error(`Unsupported resolvers for ${typeName}`);
      }
      const fields = type.getFields();
      for (const [fieldName, resolve] of Object.entries(resolvers)) {
        const field = fields[fieldName];
        if (!field) {
          throw new Error(
            `Resolver for ${typeName}.${fieldName}, which the schema does not declare`,
          );
        }
        // Subscription fields come as { subscribe, resolve } (graphql-ws runs them over WebSocket).
        if (typeName === 'Subscription' && typeof resolve === 'object' && resolve !== null) {
          const { subscribe, resolve: resolveEvent } = resolve as {
            subscribe?: GraphQLFieldResolver<unknown, unknown>;
            resolve?: GraphQLFieldResolver<unknown, unknown>;
          };
          if (typeof subscribe !== 'function') {
            throw new Error(`Subscription ${fieldName} has no subscribe function`);
          }
          field.subscribe = subscribe;
          if (resolveEvent) {
            field.resolve = resolveEvent;
          }
          continue;
        }
        if (typeof resolve !== 'function') {
          throw new Error(`Resolver for ${typeName}.${fieldName} is not a function`);
        }
        field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      }
    }
  }
  return schema;
};

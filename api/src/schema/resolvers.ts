import type { Resolvers } from '../generated/graphql';

export const API_VERSION = '1.0.0';

export const resolvers: Resolvers = {
  Query: {
    health: async (_parent, _args, ctx) => {
      await ctx.db.$queryRaw`SELECT 1`;
      return { ok: true, version: API_VERSION };
    },
  },
};

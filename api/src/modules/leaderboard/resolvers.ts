import { notFound } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { getLeaderboard } from './service';

// Set and overall boards are public reading; class boards are for the class's teacher and
// members (checked in the service).
export const resolvers: Resolvers = {
  Query: {
    leaderboard: (_parent, { input }, ctx) =>
      getLeaderboard({
        db: ctx.db,
        viewer: ctx.viewer,
        input: { ...input, window: input.window ?? 'ALL_TIME' },
        now: ctx.now(),
      }),
  },
  LeaderboardEntry: {
    player: async (entry, _args, ctx) => {
      const player = await ctx.loaders.user.load(entry.userId);
      if (!player) {
        throw notFound('Player');
      }
      return player;
    },
  },
};

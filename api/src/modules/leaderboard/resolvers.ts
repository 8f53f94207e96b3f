import { notFound } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { getLeaderboard } from './service';

// Set and overall boards are public reading; class boards are for the class's teacher and
// members (checked in the service).
export const resolvers: Resolvers = {
  Query: {
    leaderboard: async (_parent, { input }, ctx) => {
      const board = await getLeaderboard({
        db: ctx.db,
        viewer: ctx.viewer,
        input: { ...input, window: input.window ?? 'ALL_TIME' },
        now: ctx.now(),
      });
      // The page statement read the players already: hand them to the loader.
      for (const player of [...(board.players ?? []), ...(ctx.viewer ? [ctx.viewer] : [])]) {
        ctx.loaders.user.prime(player.id, player);
      }
      return board;
    },
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

import { notFound } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { requireTeacher } from '../accounts/guards';
import { getSetAnalytics } from './service';

export const resolvers: Resolvers = {
  Query: {
    setAnalytics: (_parent, { setId, classId }, ctx) =>
      getSetAnalytics({ db: ctx.db, ownerId: requireTeacher(ctx).id, setId, classId }),
  },
  StudentResult: {
    player: async (result, _args, ctx) => {
      const player = await ctx.loaders.user.load(result.userId);
      if (!player) {
        throw notFound('Player');
      }
      return player;
    },
  },
};

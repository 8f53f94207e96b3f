import type { Context } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { findViewerClasses } from '../classes/service';
import { requireViewer } from './guards';
import {
  type AuthResult,
  joinAsGuest,
  signIn,
  signOut,
  signOutEverywhere,
  signUp,
} from './service';

/** Turns a sign-in result into the payload, setting the cookie and this request's viewer. */
const toPayload = (ctx: Context, result: AuthResult) => {
  if (!result.user) {
    return { viewer: null, errors: result.errors };
  }
  ctx.setSessionCookie(result.token);
  ctx.viewer = result.user;
  return { viewer: { user: result.user }, errors: [] };
};

const sessionOptions = (ctx: Context) => ({
  db: ctx.db,
  now: ctx.now(),
  ttlDays: ctx.env.SESSION_TTL_DAYS,
  currentSessionId: ctx.sessionId,
});

export const resolvers: Resolvers = {
  Query: {
    viewer: (_parent, _args, ctx) => (ctx.viewer ? { user: ctx.viewer } : null),
  },
  Mutation: {
    signUp: async (_parent, { input }, ctx) =>
      toPayload(ctx, await signUp({ ...sessionOptions(ctx), input, ip: ctx.ip })),
    signIn: async (_parent, { input }, ctx) =>
      toPayload(ctx, await signIn({ ...sessionOptions(ctx), input, ip: ctx.ip })),
    joinAsGuest: async (_parent, { nickname }, ctx) =>
      toPayload(ctx, await joinAsGuest({ ...sessionOptions(ctx), nickname, ip: ctx.ip })),
    signOut: async (_parent, _args, ctx) => {
      const ended = await signOut({ db: ctx.db, sessionId: ctx.sessionId, now: ctx.now() });
      ctx.setSessionCookie(null);
      return ended;
    },
    signOutEverywhere: async (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx);
      ctx.setSessionCookie(null);
      return signOutEverywhere({ db: ctx.db, userId: viewer.id, now: ctx.now() });
    },
  },
  Viewer: {
    email: (viewer) => viewer.user.email,
    classes: (viewer, _args, ctx) => findViewerClasses({ db: ctx.db, user: viewer.user }),
  },
};

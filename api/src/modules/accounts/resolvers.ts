import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import type { Resolvers } from '../../generated/graphql';
import { findViewerClasses } from '../classes/service';
import { endAccountSeats, liveRuntime } from '../live/service';
import { requireTeacher, requireViewer } from './guards';
import {
  createInvitation,
  findInvitations,
  invitationStatus,
  revokeInvitation,
} from './invitations';
import {
  type AuthResult,
  joinAsGuest,
  signIn,
  signOut,
  signOutEverywhere,
  signUp,
} from './service';

/**
 * Turns a sign-in result into the payload. The new session's cookie waits for the response body
 * (context.settleSessionCookie): it is sent only if this field, by its response key, succeeded.
 */
const toPayload = (ctx: Context, info: GraphQLResolveInfo, result: AuthResult) => {
  if (!result.user) {
    return { viewer: null, errors: result.errors };
  }
  ctx.newSession.pending = {
    token: result.token,
    sessionId: result.sessionId,
    field: String(info.path.key),
  };
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
    myTeacherInvitations: (_parent, _args, ctx) =>
      findInvitations({ db: ctx.db, issuerId: requireTeacher(ctx).id }),
  },
  Mutation: {
    signUp: (_parent, { input }, ctx) => signUp({ db: ctx.db, now: ctx.now(), input, ip: ctx.ip }),
    signIn: async (_parent, { input }, ctx, info) => {
      const result = await signIn({
        ...sessionOptions(ctx),
        input,
        ip: ctx.ip,
        device: ctx.deviceToken,
      });
      const payload = toPayload(ctx, info, result);
      if (result.device && ctx.newSession.pending) {
        ctx.newSession.pending.device = result.device;
      }
      return payload;
    },
    joinAsGuest: async (_parent, { nickname }, ctx, info) =>
      toPayload(ctx, info, await joinAsGuest({ ...sessionOptions(ctx), nickname, ip: ctx.ip })),
    signOut: async (_parent, _args, ctx) => {
      const ended = await signOut({ db: ctx.db, sessionId: ctx.sessionId, now: ctx.now() });
      ctx.clearSessionCookie();
      return ended;
    },
    signOutEverywhere: async (_parent, _args, ctx) => {
      const viewer = requireViewer(ctx);
      ctx.clearSessionCookie();
      const ended = await signOutEverywhere({ db: ctx.db, userId: viewer.id, now: ctx.now() });
      // Its live seats too: their tokens live in browsers, not in sessions.
      await endAccountSeats(ctx.db, liveRuntime(ctx.db, ctx.env.DATABASE_URL), viewer.id);
      return ended;
    },
    createTeacherInvitation: async (_parent, { label }, ctx) => {
      const result = await createInvitation({
        db: ctx.db,
        issuerId: requireTeacher(ctx).id,
        label,
        now: ctx.now(),
      });
      return 'errors' in result
        ? { invitation: null, code: null, errors: result.errors }
        : { invitation: result.invitation, code: result.code, errors: [] };
    },
    revokeTeacherInvitation: (_parent, { id }, ctx) =>
      revokeInvitation({ db: ctx.db, issuerId: requireTeacher(ctx).id, id, now: ctx.now() }),
  },
  Viewer: {
    email: (viewer) => viewer.user.email,
    classes: (viewer, _args, ctx) => findViewerClasses({ db: ctx.db, user: viewer.user }),
  },
  TeacherInvitation: {
    status: (invitation, _args, ctx) => invitationStatus(invitation, ctx.now()),
    usedBy: (invitation, _args, ctx) =>
      invitation.usedById ? ctx.loaders.user.load(invitation.usedById) : null,
  },
};

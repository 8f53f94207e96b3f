import type { User } from '@quiz/prisma';
import type { Context } from '../../context';
import { AppError } from '../../errors';

/**
 * Role checks for resolvers. Ownership is never decided here: services put it in their `where`
 * clauses, so a foreign id reads as "not found".
 */
export const requireViewer = (ctx: Pick<Context, 'viewer'>): User => {
  if (!ctx.viewer) {
    throw new AppError('UNAUTHENTICATED', 'Sign in (or join as a guest) first');
  }
  return ctx.viewer;
};

/** A registered account (not a guest). */
export const requireAccount = (ctx: Pick<Context, 'viewer'>): User => {
  const viewer = requireViewer(ctx);
  if (viewer.isGuest) {
    throw new AppError('FORBIDDEN', 'Guests cannot do this; create an account');
  }
  return viewer;
};

export const isTeacher = (user: User | null): boolean =>
  !!user && !user.isGuest && (user.role === 'TEACHER' || user.role === 'ADMIN');

/** Teachers (and admins, who have the teacher tools for their own content). */
export const requireTeacher = (ctx: Pick<Context, 'viewer'>): User => {
  const viewer = requireViewer(ctx);
  if (!isTeacher(viewer)) {
    throw new AppError('FORBIDDEN', 'Only teachers can do this');
  }
  return viewer;
};

import { AppError } from '../../errors';
import type { Resolvers } from '../../generated/graphql';
import { requireTeacher, requireViewer } from '../accounts/guards';
import {
  archiveClass,
  createClass,
  findTeacherClasses,
  getVisibleClass,
  joinClass,
  removeClassMember,
  renewClassJoinCode,
} from './service';

export const resolvers: Resolvers = {
  Query: {
    myClasses: (_parent, _args, ctx) =>
      findTeacherClasses({ db: ctx.db, teacherId: requireTeacher(ctx).id }),
    class: (_parent, { id }, ctx) =>
      getVisibleClass({ db: ctx.db, viewerId: requireViewer(ctx).id, id }),
  },
  Mutation: {
    createClass: (_parent, { input }, ctx) =>
      createClass({ db: ctx.db, teacherId: requireTeacher(ctx).id, input, now: ctx.now() }),
    joinClass: (_parent, { code }, ctx) =>
      joinClass({ db: ctx.db, user: requireViewer(ctx), code, now: ctx.now(), ip: ctx.ip }),
    archiveClass: (_parent, { id }, ctx) =>
      archiveClass({ db: ctx.db, teacherId: requireTeacher(ctx).id, id, now: ctx.now() }),
    removeClassMember: (_parent, { classId, userId }, ctx) =>
      removeClassMember({ db: ctx.db, teacherId: requireTeacher(ctx).id, classId, userId }),
    renewClassJoinCode: (_parent, { id }, ctx) =>
      renewClassJoinCode({ db: ctx.db, teacherId: requireTeacher(ctx).id, id }),
  },
  Class: {
    // The code and the roster are the teacher's; members see the class, not each other.
    joinCode: (klass, _args, ctx) => (ctx.viewer?.id === klass.teacherId ? klass.joinCode : null),
    teacher: async (klass, _args, ctx) => {
      const teacher = await ctx.loaders.user.load(klass.teacherId);
      if (!teacher) {
        throw new AppError('NOT_FOUND', 'Teacher not found');
      }
      return teacher;
    },
    memberCount: (klass, _args, ctx) => ctx.loaders.classMemberCount.load(klass.id),
    members: (klass, _args, ctx) => {
      if (ctx.viewer?.id !== klass.teacherId) {
        throw new AppError('FORBIDDEN', 'Only the class teacher sees the roster');
      }
      return ctx.loaders.classMembers.load(klass.id);
    },
  },
};

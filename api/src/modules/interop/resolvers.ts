import type { Resolvers } from '../../generated/graphql';
import { requireTeacher } from '../accounts/guards';
import { exportQuestionSet, exportSetResults, importQuestions } from './service';

export const resolvers: Resolvers = {
  Query: {
    // Keys leave only to the set's owner: the set is looked up by owner (another's reads as missing).
    exportQuestionSet: (_parent, { setId, format }, ctx) =>
      exportQuestionSet({
        db: ctx.db,
        ownerId: requireTeacher(ctx).id,
        setId,
        format,
        now: ctx.now(),
      }),
    exportSetResults: (_parent, { setId, classId, format }, ctx) =>
      exportSetResults({
        db: ctx.db,
        ownerId: requireTeacher(ctx).id,
        setId,
        classId,
        format,
        now: ctx.now(),
      }),
  },
  Mutation: {
    importQuestions: (_parent, { input }, ctx) =>
      importQuestions({
        db: ctx.db,
        authorId: requireTeacher(ctx).id,
        format: input.format,
        content: input.content,
        encoding: input.encoding ?? 'TEXT',
        dryRun: input.dryRun ?? true,
        setId: input.setId,
        now: ctx.now(),
      }),
  },
};

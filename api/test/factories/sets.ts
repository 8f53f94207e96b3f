import type { DbClient, QuestionSet, ScoringMode, User } from '@quiz/prisma';
import { randomCode } from '../../src/lib/codes';
import { createQuestions, type FixtureQuestion } from './questions';
import { createTeacher } from './users';

let counter = 0;

export type TeacherWithSet = {
  teacher: User;
  teacherToken: string;
  set: QuestionSet;
  questions: FixtureQuestion[];
};

/**
 * A teacher with a set of `questions` fixture questions, published with a share code unless
 * `publish: false`.
 */
export const createTeacherWithSet = async (
  db: DbClient,
  options: {
    questions?: number;
    timeLimitSec?: number | null;
    scoringMode?: ScoringMode;
    shuffle?: boolean;
    publish?: boolean;
    classId?: string;
    types?: NonNullable<Parameters<typeof createQuestions>[2]>['types'];
    teacher?: { user: User; token: string };
  } = {},
): Promise<TeacherWithSet> => {
  counter += 1;
  const teacher = options.teacher ?? (await createTeacher(db));
  const questions = await createQuestions(db, options.questions ?? 3, { types: options.types });
  const publish = options.publish ?? true;
  const set = await db.questionSet.create({
    data: {
      ownerId: teacher.user.id,
      title: `Test set ${counter}`,
      description: 'A set for tests.',
      scoringMode: options.scoringMode ?? 'ACCURACY',
      shuffleQuestions: options.shuffle ?? false,
      classId: options.classId ?? null,
      status: publish ? 'PUBLISHED' : 'DRAFT',
      shareCode: publish ? randomCode(6) : null,
      publishedAt: publish ? new Date() : null,
      items: {
        createMany: {
          data: questions.map((question, position) => ({
            position,
            questionId: question.id,
            timeLimitSec: options.timeLimitSec ?? null,
          })),
        },
      },
    },
  });
  return { teacher: teacher.user, teacherToken: teacher.token, set, questions };
};

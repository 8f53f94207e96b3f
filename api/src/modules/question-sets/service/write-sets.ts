import type { DbClient, QuestionSet, ScoringMode } from '@quiz/prisma';
import { z } from 'zod';
import { AppError, notFound } from '../../../errors';
import { type FieldError, fieldError, fieldErrorsFromZod } from '../../../lib/field-errors';
import { isUuid } from '../../../lib/ids';
import { withTransaction } from '../../../lib/transaction';
import { withUniqueCode } from '../../../lib/unique-code';
import { userText } from '../../../lib/user-text';
import { visibleQuestionWhere } from '../../questions/service/find-questions';

export type QuestionSetPayload = { questionSet: QuestionSet | null; errors: FieldError[] };

export const TIME_LIMIT_MIN = 5;
export const TIME_LIMIT_MAX = 600;
export const SET_MAX_ITEMS = 100;

const Title = userText().min(3, 'Use at least 3 characters').max(120);
const Description = userText().max(2000);

const failed = (errors: FieldError[]): QuestionSetPayload => ({ questionSet: null, errors });

/** Thrown inside a save to undo it: a question it holds was deleted since it was checked. */
class GoneMeanwhile extends Error {
  constructor(readonly usable: ReadonlySet<string>) {
    super('A question was deleted meanwhile');
  }
}

/** Loads an own (non-practice) set or throws NOT_FOUND: ownership is part of the lookup. */
const requireOwnSet = async (db: DbClient, ownerId: string, id: string): Promise<QuestionSet> => {
  const set = isUuid(id)
    ? await db.questionSet.findFirst({ where: { id, ownerId, isPractice: false } })
    : null;
  if (!set) {
    throw notFound('Question set');
  }
  return set;
};

/** FieldError when `classId` is not one of the teacher's active classes. */
const classError = async (
  db: DbClient,
  ownerId: string,
  classId: string,
): Promise<FieldError | null> => {
  const found = isUuid(classId)
    ? await db.class.findFirst({
        where: { id: classId, teacherId: ownerId, archivedAt: null },
        select: { id: true },
      })
    : null;
  return found ? null : fieldError('classId', 'NOT_FOUND', 'No such class of yours');
};

export type CreateQuestionSetOptions = {
  db: DbClient;
  ownerId: string;
  input: {
    title: string;
    description?: string | null;
    scoringMode?: ScoringMode | null;
    shuffleQuestions?: boolean | null;
    allowRetakes?: boolean | null;
    classId?: string | null;
  };
  now: Date;
};

/** A new draft set of the teacher's. */
export const createQuestionSet = async ({
  db,
  ownerId,
  input,
  now,
}: CreateQuestionSetOptions): Promise<QuestionSetPayload> => {
  const parsed = z
    .object({ title: Title, description: Description.nullish() })
    .safeParse({ title: input.title, description: input.description });
  const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  const badClass = input.classId ? await classError(db, ownerId, input.classId) : null;
  if (!parsed.success || badClass) {
    return failed([...errors, ...(badClass ? [badClass] : [])]);
  }
  const questionSet = await db.questionSet.create({
    data: {
      ownerId,
      title: parsed.data.title,
      description: parsed.data.description ?? '',
      scoringMode: input.scoringMode ?? 'ACCURACY',
      shuffleQuestions: input.shuffleQuestions ?? false,
      allowRetakes: input.allowRetakes ?? false,
      classId: input.classId ?? null,
      createdAt: now,
      updatedAt: now,
    },
  });
  return { questionSet, errors: [] };
};

export type UpdateQuestionSetOptions = {
  db: DbClient;
  ownerId: string;
  id: string;
  input: {
    title?: string | null;
    description?: string | null;
    scoringMode?: ScoringMode | null;
    shuffleQuestions?: boolean | null;
    allowRetakes?: boolean | null;
    /** Absent: unchanged; null: unassigned. */
    classId?: string | null;
  };
  now: Date;
};

/** Changes an own set's settings; only the fields given change. */
export const updateQuestionSet = async ({
  db,
  ownerId,
  id,
  input,
  now,
}: UpdateQuestionSetOptions): Promise<QuestionSetPayload> => {
  await requireOwnSet(db, ownerId, id);
  const parsed = z
    .object({ title: Title.nullish(), description: Description.nullish() })
    .safeParse({ title: input.title, description: input.description });
  const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
  const badClass = input.classId ? await classError(db, ownerId, input.classId) : null;
  if (!parsed.success || badClass) {
    return failed([...errors, ...(badClass ? [badClass] : [])]);
  }
  const questionSet = await db.questionSet.update({
    where: { id },
    data: {
      ...(parsed.data.title ? { title: parsed.data.title } : {}),
      ...(parsed.data.description !== null && parsed.data.description !== undefined
        ? { description: parsed.data.description }
        : {}),
      ...(input.scoringMode ? { scoringMode: input.scoringMode } : {}),
      ...(input.shuffleQuestions !== null && input.shuffleQuestions !== undefined
        ? { shuffleQuestions: input.shuffleQuestions }
        : {}),
      ...(typeof input.allowRetakes === 'boolean' ? { allowRetakes: input.allowRetakes } : {}),
      ...(input.classId !== undefined ? { classId: input.classId } : {}),
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  return { questionSet, errors: [] };
};

export type SetQuestionSetItemsOptions = {
  db: DbClient;
  ownerId: string;
  id: string;
  items: readonly { questionId: string; timeLimitSec?: number | null }[];
  now: Date;
};

/**
 * Replaces an own set's questions, in the order given, with their time limits (5–600 s or none).
 * Every question must be one the teacher may use. All or nothing.
 */
export const setQuestionSetItems = async ({
  db,
  ownerId,
  id,
  items,
  now,
}: SetQuestionSetItemsOptions): Promise<QuestionSetPayload> => {
  const set = await requireOwnSet(db, ownerId, id);
  if (set.status === 'ARCHIVED') {
    throw new AppError('CONFLICT', 'The set is archived; publish it again to edit it');
  }
  const errors: FieldError[] = [];
  if (items.length > SET_MAX_ITEMS) {
    return failed([fieldError('items', 'TOO_MANY', `Use at most ${SET_MAX_ITEMS} questions`)]);
  }
  const known = new Set(
    (
      await db.question.findMany({
        where: {
          id: { in: items.map((item) => item.questionId) },
          // A retired question the set already holds may stay (it is not served) until swapped.
          OR: [visibleQuestionWhere(ownerId), { setItems: { some: { setId: id } } }],
        },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!known.has(item.questionId)) {
      errors.push(fieldError(`items.${index}.questionId`, 'NOT_FOUND', 'No such question'));
    } else if (seen.has(item.questionId)) {
      errors.push(fieldError(`items.${index}.questionId`, 'DUPLICATE', 'Already in the set'));
    }
    seen.add(item.questionId);
    const limit = item.timeLimitSec;
    if (
      limit !== null &&
      limit !== undefined &&
      (!Number.isInteger(limit) || limit < TIME_LIMIT_MIN || limit > TIME_LIMIT_MAX)
    ) {
      errors.push(
        fieldError(
          `items.${index}.timeLimitSec`,
          'OUT_OF_RANGE',
          `Allow between ${TIME_LIMIT_MIN} and ${TIME_LIMIT_MAX} seconds, or no limit`,
        ),
      );
    }
  });
  if (errors.length > 0) {
    return failed(errors);
  }
  let questionSet: QuestionSet;
  try {
    questionSet = await withTransaction(db, async (tx) => {
      // First the questions, share-locked: deleteQuestion and updateQuestion lock a question
      // before they look for the sets that use it, so they wait for this save and then see it,
      // or this save waits for them (probe round 7: a delete and a save adding the question both
      // succeeded, and the set held a deleted question). Questions before sets, as
      // updateQuestion takes them, so the two cannot deadlock.
      const ids = [...seen];
      await tx.$queryRaw`SELECT id FROM "Question" WHERE id = ANY(${ids}::text[]) FOR SHARE`;
      // Then the set's row lock: two saves at once (a double click, two tabs) each deleted the
      // items they saw and inserted theirs, so the later one's positions collided with the
      // earlier one's rows (a unique violation answered as INTERNAL_SERVER_ERROR, probe round 7).
      // Waiting here, the later save deletes what the earlier one wrote: the last save wins.
      await tx.$queryRaw`SELECT id FROM "QuestionSet" WHERE id = ${id}::uuid FOR UPDATE`;
      // Checked again as things now stand: a question deleted or superseded meanwhile may stay
      // only where the set still holds it (as a retired one may), as one save later.
      const usable = await tx.$queryRaw<{ id: string }[]>`
        SELECT q.id FROM "Question" q
        WHERE q.id = ANY(${ids}::text[])
          AND (q."deletedAt" IS NULL OR EXISTS (SELECT 1 FROM "QuestionSetItem" i
            WHERE i."setId" = ${id}::uuid AND i."questionId" = q.id))`;
      if (usable.length < ids.length) {
        throw new GoneMeanwhile(new Set(usable.map((row) => row.id)));
      }
      await tx.questionSetItem.deleteMany({ where: { setId: id } });
      await tx.questionSetItem.createMany({
        data: items.map((item, position) => ({
          setId: id,
          position,
          questionId: item.questionId,
          timeLimitSec: item.timeLimitSec ?? null,
        })),
      });
      return tx.questionSet.update({
        where: { id },
        data: { version: { increment: 1 }, updatedAt: now },
      });
    });
  } catch (error) {
    if (error instanceof GoneMeanwhile) {
      const usable = error.usable;
      return failed(
        items.flatMap((item, index) =>
          usable.has(item.questionId)
            ? []
            : [fieldError(`items.${index}.questionId`, 'NOT_FOUND', 'No such question')],
        ),
      );
    }
    throw error;
  }
  return { questionSet, errors: [] };
};

/** Publishes an own set with a share code (kept if it had one). It needs at least one question. */
export const publishQuestionSet = async ({
  db,
  ownerId,
  id,
  now,
}: {
  db: DbClient;
  ownerId: string;
  id: string;
  now: Date;
}): Promise<QuestionSetPayload> => {
  const set = await requireOwnSet(db, ownerId, id);
  const count = await db.questionSetItem.count({ where: { setId: id } });
  if (count === 0) {
    return failed([fieldError('items', 'TOO_FEW', 'Add at least one question first')]);
  }
  const data = {
    status: 'PUBLISHED' as const,
    publishedAt: set.publishedAt ?? now,
    archivedAt: null,
    updatedAt: now,
  };
  if (!set.shareCode) {
    // Only while it has none: two publishes at once (a double click, two tabs) each wrote a code
    // of its own and answered it, and only the last one written opened the quiz, so a teacher
    // could hand out a code that no quiz has (probe round 7). The first code written stands.
    await withUniqueCode((shareCode) =>
      db.questionSet.updateMany({ where: { id, shareCode: null }, data: { ...data, shareCode } }),
    );
  }
  const questionSet = await db.questionSet.update({ where: { id }, data });
  return { questionSet, errors: [] };
};

/** Archives an own set: it can no longer be started; its boards and results stay. */
export const archiveQuestionSet = async ({
  db,
  ownerId,
  id,
  now,
}: {
  db: DbClient;
  ownerId: string;
  id: string;
  now: Date;
}): Promise<QuestionSetPayload> => {
  await requireOwnSet(db, ownerId, id);
  const questionSet = await db.questionSet.update({
    where: { id },
    data: { status: 'ARCHIVED', archivedAt: now, updatedAt: now },
  });
  return { questionSet, errors: [] };
};

/** Deletes an own set nobody has played; a played set is archived instead (CONFLICT). */
export const deleteQuestionSet = async ({
  db,
  ownerId,
  id,
}: {
  db: DbClient;
  ownerId: string;
  id: string;
}): Promise<boolean> => {
  await requireOwnSet(db, ownerId, id);
  const { count } = await db.questionSet.deleteMany({
    where: { id, ownerId, attempts: { none: {} } },
  });
  if (count === 0 && !(await db.questionSet.findUnique({ where: { id }, select: { id: true } }))) {
    // Deleted meanwhile (a double click): not "students have played it" (probe round 7).
    throw notFound('Question set');
  }
  if (count === 0) {
    throw new AppError('CONFLICT', 'Students have played this set; archive it instead');
  }
  return true;
};

/**
 * Swaps a retired question of an own set (issue 11.7) for the replacement the rebuilt bank
 * offers, in place (same position and time limit). Finished attempts keep the question they
 * played; the set's version moves so the next attempt serves the new one.
 */
export const replaceRetiredQuestion = async ({
  db,
  ownerId,
  setId,
  position,
  now,
}: {
  db: DbClient;
  ownerId: string;
  setId: string;
  position: number;
  now: Date;
}): Promise<QuestionSetPayload> => {
  const set = await requireOwnSet(db, ownerId, setId);
  if (set.status === 'ARCHIVED') {
    throw new AppError('CONFLICT', 'The set is archived; publish it again to edit it');
  }
  const item = Number.isInteger(position)
    ? await db.questionSetItem.findUnique({
        where: { setId_position: { setId, position } },
        include: { question: true },
      })
    : null;
  if (!item) {
    throw notFound('Question of this set');
  }
  if (!item.question.retiredAt) {
    return failed([
      fieldError('position', 'INVALID', 'This question is still in the bank: nothing to swap'),
    ]);
  }
  const replacement = item.question.replacementId
    ? await db.question.findFirst({
        where: { id: item.question.replacementId, deletedAt: null, retiredAt: null },
        select: { id: true },
      })
    : null;
  if (!replacement) {
    return failed([
      fieldError(
        'position',
        'NOT_FOUND',
        'The rebuilt bank has no question on these facts: pick one from the bank or remove this one',
      ),
    ]);
  }
  const taken = await db.questionSetItem.findFirst({
    where: { setId, questionId: replacement.id },
    select: { position: true },
  });
  if (taken) {
    return failed([
      fieldError(
        'position',
        'DUPLICATE',
        `The set already has its replacement (question ${taken.position + 1}): remove this one`,
      ),
    ]);
  }
  const questionSet = await withTransaction(db, async (tx) => {
    // The set before its item, as a save of the set takes them (else the two can deadlock).
    await tx.$queryRaw`SELECT id FROM "QuestionSet" WHERE id = ${setId}::uuid FOR UPDATE`;
    await tx.questionSetItem.update({
      where: { setId_position: { setId, position } },
      data: { questionId: replacement.id },
    });
    return tx.questionSet.update({
      where: { id: setId },
      data: { version: { increment: 1 }, updatedAt: now },
    });
  });
  return { questionSet, errors: [] };
};

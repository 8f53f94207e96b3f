import { randomUUID } from 'node:crypto';
import type { DbClient, Prisma, Question } from '@quiz/prisma';
import { AppError, notFound } from '../../../errors';
import { type FieldError, fieldError } from '../../../lib/field-errors';
import { withTransaction } from '../../../lib/transaction';
import { refreshQuestionFacets } from './facets';
import { visibleQuestionWhere } from './find-questions';
import {
  type ParseQuestionInputResult,
  parseQuestionInput,
  type QuestionInputValue,
  randomChoiceId,
  type ValidQuestion,
} from './question-input';

export type QuestionPayload = { question: Question | null; errors: FieldError[] };

/** FieldErrors for citations, era and themes the input names but the knowledge base lacks. */
const referenceErrors = async (db: DbClient, input: QuestionInputValue): Promise<FieldError[]> => {
  const citationPaths: [string, string][] = [
    ...(input.citationIds ?? []).map((id, i): [string, string] => [id, `citationIds.${i}`]),
    ...(input.rationales ?? []).flatMap((rationale, r) =>
      (rationale.citationIds ?? []).map((id, i): [string, string] => [
        id,
        `rationales.${r}.citationIds.${i}`,
      ]),
    ),
  ];
  const themePaths = (input.themes ?? []).map((slug, i): [string, string] => [slug, `themes.${i}`]);
  const [citations, era, themes] = await Promise.all([
    db.citation.findMany({
      where: { id: { in: citationPaths.map(([id]) => id) } },
      select: { id: true },
    }),
    input.era ? db.era.findUnique({ where: { slug: input.era }, select: { slug: true } }) : null,
    db.theme.findMany({
      where: { slug: { in: themePaths.map(([slug]) => slug) } },
      select: { slug: true },
    }),
  ]);
  const knownCitations = new Set(citations.map((row) => row.id));
  const knownThemes = new Set(themes.map((row) => row.slug));
  return [
    ...citationPaths
      .filter(([id]) => !knownCitations.has(id))
      .map(([id, path]) => fieldError(path, 'NOT_FOUND', `No citation "${id}"`)),
    ...(input.era && !era ? [fieldError('era', 'NOT_FOUND', `No era "${input.era}"`)] : []),
    ...themePaths
      .filter(([slug]) => !knownThemes.has(slug))
      .map(([slug, path]) => fieldError(path, 'NOT_FOUND', `No theme "${slug}"`)),
  ];
};

const validate = async (
  db: DbClient,
  input: QuestionInputValue,
  newId: () => string,
): Promise<ParseQuestionInputResult> => {
  const parsed = parseQuestionInput(input, newId);
  const missing = await referenceErrors(db, input);
  if (!parsed.ok || missing.length > 0) {
    return { ok: false, errors: [...(parsed.ok ? [] : parsed.errors), ...missing] };
  }
  return parsed;
};

const rowData = (question: ValidQuestion) => ({
  type: question.type,
  stem: question.stem,
  prompt: question.prompt as Prisma.InputJsonValue,
  key: question.key as Prisma.InputJsonValue,
  explanation: question.explanation,
  citationIds: question.citationIds,
  eraSlug: question.eraSlug,
  themes: question.themes,
});

export type CreateQuestionOptions = {
  db: DbClient;
  authorId: string;
  input: QuestionInputValue;
  now: Date;
  newId?: () => string;
};

/** Writes a new question of the teacher's own (origin AUTHORED). */
export const createQuestion = async ({
  db,
  authorId,
  input,
  now,
  newId = randomChoiceId,
}: CreateQuestionOptions): Promise<QuestionPayload> => {
  const valid = await validate(db, input, newId);
  if (!valid.ok) {
    return { question: null, errors: valid.errors };
  }
  const question = await db.question.create({
    data: {
      id: randomUUID(),
      origin: 'AUTHORED',
      template: 'authored',
      ...rowData(valid.question),
      factIds: [],
      actorSlugs: [],
      difficulty: 0.5,
      authorId,
      createdAt: now,
      updatedAt: now,
    },
  });
  const [facets] = await refreshQuestionFacets(db, [question.id]);
  return { question: { ...question, ...facets }, errors: [] };
};

export type UpdateQuestionOptions = CreateQuestionOptions & { id: string };

/**
 * Edits a question without changing it: questions are immutable, so the edit is a new AUTHORED
 * row (`basedOnId` = where the edit started), the teacher's sets are repointed to it, and an own
 * superseded question is retired. Attempts keep the question they played.
 */
export const updateQuestion = async ({
  db,
  authorId,
  id,
  input,
  now,
  newId = randomChoiceId,
}: UpdateQuestionOptions): Promise<QuestionPayload> => {
  const source = await db.question.findFirst({ where: { id, ...visibleQuestionWhere(authorId) } });
  if (!source) {
    throw notFound('Question');
  }
  const valid = await validate(db, input, newId);
  if (!valid.ok) {
    return { question: null, errors: valid.errors };
  }
  const question = await withTransaction(db, async (tx) => {
    if (source.origin === 'AUTHORED') {
      // An own question is superseded by its edit. Two saves of one edit at once (a double click,
      // two tabs) each made a copy, and all but the last stayed in the teacher's bank outside
      // every set, each answered as saved (probe round 7). Under the row lock the later save
      // sees the question superseded, as it would one save later (NOT_FOUND then), and stops.
      const [current] = await tx.$queryRaw<{ deletedAt: Date | null }[]>`
        SELECT "deletedAt" FROM "Question" WHERE id = ${source.id} FOR UPDATE`;
      if (current?.deletedAt) {
        throw new AppError(
          'CONFLICT',
          'This question was changed meanwhile: open its latest version and edit that',
        );
      }
    }
    const created = await tx.question.create({
      data: {
        id: randomUUID(),
        origin: 'AUTHORED',
        template: source.origin === 'GENERATED' ? `edited:${source.template}` : source.template,
        ...rowData(valid.question),
        factIds: source.factIds,
        actorSlugs: source.actorSlugs,
        difficulty: source.difficulty,
        authorId,
        basedOnId: source.basedOnId ?? source.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    if (source.origin === 'AUTHORED') {
      await tx.question.update({ where: { id: source.id }, data: { deletedAt: now } });
    }
    const sets = await tx.questionSetItem.findMany({
      where: { questionId: source.id, set: { ownerId: authorId, isPractice: false } },
      select: { setId: true },
    });
    const setIds = [...new Set(sets.map((item) => item.setId))];
    if (setIds.length > 0) {
      // The sets' row locks before their items, in one order, as a save of a set takes them:
      // an edit that held the items while a save held the set deadlocked (probe round 7).
      await tx.$queryRaw`
        SELECT id FROM "QuestionSet" WHERE id = ANY(${setIds}::uuid[]) ORDER BY id FOR UPDATE`;
      await tx.questionSetItem.updateMany({
        where: { questionId: source.id, setId: { in: setIds } },
        data: { questionId: created.id },
      });
      await tx.questionSet.updateMany({
        where: { id: { in: setIds } },
        data: { version: { increment: 1 }, updatedAt: now },
      });
    }
    const [facets] = await refreshQuestionFacets(tx, [created.id]);
    return { ...created, ...facets };
  });
  return { question, errors: [] };
};

/**
 * Retires an own question (soft delete: attempts that played it still show it). Refused while a
 * set uses it, so a set never silently loses a question.
 */
export const deleteQuestion = async ({
  db,
  authorId,
  id,
  now,
}: {
  db: DbClient;
  authorId: string;
  id: string;
  now: Date;
}): Promise<boolean> => {
  const question = await db.question.findFirst({
    where: { id, authorId, origin: 'AUTHORED', deletedAt: null },
    select: { id: true },
  });
  if (!question) {
    throw notFound('Question');
  }
  await withTransaction(db, async (tx) => {
    // The question's row lock before looking for sets that use it: a save of a set adding it
    // share-locks it, so one of the two waits for the other and sees what it did (probe round 7:
    // both succeeded and the set held a deleted question).
    await tx.$queryRaw`SELECT id FROM "Question" WHERE id = ${id} FOR UPDATE`;
    const uses = await tx.questionSetItem.findMany({
      where: { questionId: id },
      select: { setId: true },
      distinct: ['setId'],
    });
    if (uses.length > 0) {
      throw new AppError('CONFLICT', 'Remove the question from your sets first', {
        setIds: uses.map((use) => use.setId),
      });
    }
    await tx.question.update({ where: { id }, data: { deletedAt: now } });
  });
  return true;
};

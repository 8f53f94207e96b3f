import { randomUUID } from 'node:crypto';
import type { DbClient, Prisma, Question } from '@quiz/prisma';
import { AppError, notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { withTransaction } from '../../lib/transaction';
import { getSetAnalytics, setQuestionOfPlayed } from '../analytics/service';
import { SET_MAX_ITEMS } from '../question-sets/service/write-sets';
import { keyOf, promptOf } from '../questions/bank';
import { loadQuestionsById } from '../questions/bank-cache';
import { refreshQuestionFacets } from '../questions/service/facets';
import { type ExportFormat, exportFilename, exportSet } from './export';
import { checkImport, type ImportCheck, type ImportFormat } from './import';
import { type ExportNote, type ExportSet, sourceCredit } from './portable';
import { type ResultsInput, resultsCsv, resultsXlsx } from './results';
import { slugify } from './text';

/** Largest file content accepted, in characters (the request body limit is 100 kB). */
export const IMPORT_MAX_CHARS = 90_000;

export type ExportFilePayload = {
  filename: string;
  mimeType: string;
  encoding: 'TEXT' | 'BASE64';
  content: string;
  notes: ExportNote[];
};

/** A file as GraphQL's ExportFile: text as is, bytes as base64. */
export const filePayload = (
  file: { filename: string; mimeType: string; content: string | Uint8Array },
  notes: ExportNote[],
): ExportFilePayload =>
  typeof file.content === 'string'
    ? { ...file, content: file.content, encoding: 'TEXT', notes }
    : {
        ...file,
        content: Buffer.from(file.content).toString('base64'),
        encoding: 'BASE64',
        notes,
      };

/** An own set with its questions and every citation they name (another's set reads as missing). */
export const loadExportSet = async (
  db: DbClient,
  ownerId: string,
  setId: string,
): Promise<ExportSet> => {
  const set = isUuid(setId)
    ? await db.questionSet.findFirst({
        where: { id: setId, ownerId, isPractice: false },
        include: { items: { orderBy: { position: 'asc' } } },
      })
    : null;
  if (!set) {
    throw notFound('Question set');
  }
  const rows = await loadQuestionsById(
    db,
    set.items.map((item) => item.questionId),
  );
  const questions = set.items.flatMap((item, index) => {
    const row = rows[index] as Question | undefined;
    return row
      ? [
          {
            id: row.id,
            // Numbered from 1 as a teacher counts (stored positions may start at 0).
            position: index + 1,
            timeLimitSec: item.timeLimitSec,
            origin: row.origin,
            template: row.template,
            type: row.type,
            stem: row.stem,
            prompt: promptOf(row),
            key: keyOf(row),
            explanation: row.explanation,
            citationIds: row.citationIds,
            eraSlug: row.eraSlug,
            themes: row.themes,
          },
        ]
      : [];
  });
  const ids = [
    ...new Set(
      questions.flatMap((q) => [
        ...q.citationIds,
        ...q.key.rationales.flatMap((rationale) => rationale.citationIds),
      ]),
    ),
  ];
  const citations = await db.citation.findMany({
    where: { id: { in: ids } },
    include: { source: { select: { title: true, publisher: true, author: true, kind: true } } },
  });
  return {
    id: set.id,
    title: set.title,
    description: set.description,
    questions,
    citations: Object.fromEntries(
      citations.map((c) => [
        c.id,
        { id: c.id, source: sourceCredit(c.source), quote: c.quote, locator: c.locator },
      ]),
    ),
  };
};

export const exportQuestionSet = async ({
  db,
  ownerId,
  setId,
  format,
  now,
}: {
  db: DbClient;
  ownerId: string;
  setId: string;
  format: ExportFormat;
  now: Date;
}): Promise<ExportFilePayload> => {
  const set = await loadExportSet(db, ownerId, setId);
  const file = await exportSet(set, format, now);
  return filePayload(file, file.notes);
};

export type ImportPayload = {
  imported: boolean;
  preview: {
    line: number;
    type: Question['type'];
    stem: string;
    optionCount: number;
    notes: string[];
  }[];
  problems: ImportCheck['problems'];
  notes: ImportCheck['notes'];
  questions: Question[];
};

const NO_CITATION =
  'Imported: no knowledge-base citation (add one in the editor to cite a source).';

/**
 * Checks a file against the editor's rules and, unless it is a dry run or anything is wrong,
 * writes every question (and appends them to an own set) in one transaction: all or nothing.
 */
export const importQuestions = async ({
  db,
  authorId,
  format,
  content,
  encoding,
  dryRun,
  setId,
  now,
}: {
  db: DbClient;
  authorId: string;
  format: ImportFormat;
  content: string;
  encoding: 'TEXT' | 'BASE64';
  dryRun: boolean;
  setId?: string | null;
  now: Date;
}): Promise<ImportPayload> => {
  if (content.length > IMPORT_MAX_CHARS) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The file is too large: at most ${IMPORT_MAX_CHARS.toLocaleString('en-US')} characters`,
      { field: 'content' },
    );
  }
  if (encoding === 'BASE64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) {
    throw new AppError('BAD_USER_INPUT', 'The content is not base64', { field: 'content' });
  }
  const set = setId
    ? isUuid(setId)
      ? await db.questionSet.findFirst({
          where: { id: setId, ownerId: authorId, isPractice: false },
          include: { items: { select: { position: true } } },
        })
      : null
    : null;
  if (setId && !set) {
    throw notFound('Question set');
  }
  if (set?.status === 'ARCHIVED') {
    throw new AppError('CONFLICT', 'The set is archived; publish it again to edit it');
  }
  const bytes = encoding === 'BASE64' ? new Uint8Array(Buffer.from(content, 'base64')) : content;
  const check = await checkImport(format, bytes);
  const problems = [...check.problems];
  if (set && set.items.length + check.questions.length > SET_MAX_ITEMS) {
    problems.push({
      line: null,
      field: null,
      message: `The set would hold ${set.items.length + check.questions.length} questions; a set holds at most ${SET_MAX_ITEMS}`,
    });
  }
  const preview = check.questions.map((entry) => ({
    line: entry.line,
    type: entry.question.type,
    stem: entry.question.stem,
    optionCount: (entry.question.options ?? entry.question.items ?? []).length,
    notes: [...entry.notes, NO_CITATION],
  }));
  const result = { preview, problems, notes: check.notes };
  if (dryRun || problems.length > 0) {
    return { ...result, imported: false, questions: [] };
  }
  const template = `imported:${format.toLowerCase()}`;
  const rows: Prisma.QuestionCreateManyInput[] = check.questions.map((entry) => {
    const valid = entry.valid as NonNullable<typeof entry.valid>;
    return {
      id: randomUUID(),
      origin: 'AUTHORED',
      template,
      type: valid.type,
      stem: valid.stem,
      prompt: valid.prompt as Prisma.InputJsonValue,
      key: valid.key as Prisma.InputJsonValue,
      explanation: valid.explanation,
      citationIds: [],
      factIds: [],
      eraSlug: null,
      themes: [],
      actorSlugs: [],
      difficulty: 0.5,
      authorId,
      createdAt: now,
      updatedAt: now,
    };
  });
  const questions = await withTransaction(db, async (tx) => {
    await tx.question.createMany({ data: rows });
    // The bank's filters read the facet columns (era, sources, fact status), as for any new question.
    await refreshQuestionFacets(
      tx,
      rows.map((row) => row.id),
    );
    if (set) {
      // The set as it stands under its row lock, not as read before: imports (or a save of the
      // set) at once each appended after the same last place, and all but one failed on the
      // unique place as INTERNAL_SERVER_ERROR (probe round 7). The 100-question cap is checked
      // again on what is there now.
      await tx.$queryRaw`SELECT id FROM "QuestionSet" WHERE id = ${set.id}::uuid FOR UPDATE`;
      const current = await tx.questionSetItem.aggregate({
        where: { setId: set.id },
        _count: true,
        _max: { position: true },
      });
      if (current._count + rows.length > SET_MAX_ITEMS) {
        throw new AppError(
          'CONFLICT',
          `The set changed meanwhile and would hold ${current._count + rows.length} questions; a set holds at most ${SET_MAX_ITEMS}`,
        );
      }
      const start = (current._max.position ?? -1) + 1;
      await tx.questionSetItem.createMany({
        data: rows.map((row, index) => ({
          setId: set.id,
          questionId: row.id,
          position: start + index,
        })),
      });
      await tx.questionSet.update({
        where: { id: set.id },
        data: { version: { increment: 1 }, updatedAt: now },
      });
    }
    return tx.question.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  });
  const order = new Map(rows.map((row, index) => [row.id, index]));
  questions.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { ...result, imported: true, questions };
};

/** Results of an own set (optionally one own class) as CSV or XLSX, numbers as on the page. */
export const exportSetResults = async ({
  db,
  ownerId,
  setId,
  classId,
  format,
  now,
}: {
  db: DbClient;
  ownerId: string;
  setId: string;
  classId?: string | null;
  format: 'CSV' | 'XLSX';
  now: Date;
}): Promise<ExportFilePayload> => {
  const analytics = await getSetAnalytics({ db, ownerId, setId, classId });
  const set = await db.questionSet.findFirstOrThrow({
    where: { id: setId },
    include: { items: { orderBy: { position: 'asc' } } },
  });
  const questions = await loadQuestionsById(
    db,
    set.items.map((item) => item.questionId),
  );
  const userIds = analytics.students.map((student) => student.userId);
  const [users, attempts] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, displayName: true, isGuest: true },
    }),
    db.attempt.findMany({
      where: { setId, status: 'FINISHED', userId: { in: userIds } },
      include: { items: true },
      orderBy: [{ finishedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const userById = new Map(users.map((user) => [user.id, user]));
  // An answer to an edited question goes in its edit's column (as on the results page).
  const { setQuestionOf } = await setQuestionOfPlayed(
    db,
    questions,
    attempts.flatMap((attempt) => attempt.items.map((item) => item.questionId)),
  );
  const input: ResultsInput = {
    setTitle: analytics.set.title,
    className: analytics.class?.name ?? null,
    questions: set.items.map((item, index) => ({
      position: index + 1,
      questionId: item.questionId,
      stem: questions[index]?.stem ?? '',
    })),
    students: analytics.students.map((student) => ({
      name: userById.get(student.userId)?.displayName ?? '',
      isGuest: userById.get(student.userId)?.isGuest ?? false,
      firstScore: student.firstScore,
      retakeCount: student.retakeCount,
      flags: student.flags,
      bestScore: student.bestScore,
      bestCorrectCount: student.bestCorrectCount,
      lastScore: student.lastScore,
      attemptCount: student.attemptCount,
      lastFinishedAt: student.lastFinishedAt,
      attempts: attempts
        .filter((attempt) => attempt.userId === student.userId)
        .map((attempt) => ({
          startedAt: attempt.startedAt,
          finishedAt: attempt.finishedAt,
          score: attempt.score,
          points: new Map(
            attempt.items
              .filter((item) => item.answeredAt !== null)
              .map((item) => [
                setQuestionOf.get(item.questionId) ?? item.questionId,
                { points: item.points ?? 0, isCorrect: item.isCorrect === true },
              ]),
          ),
        })),
    })),
  };
  const base = `${slugify(analytics.set.title)}${analytics.class ? `-${slugify(analytics.class.name)}` : ''}-results`;
  const filename = exportFilename(base, format, now);
  if (format === 'CSV') {
    return filePayload(
      { filename, mimeType: 'text/csv; charset=utf-8', content: resultsCsv(input) },
      [],
    );
  }
  return filePayload(
    {
      filename,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: await resultsXlsx(input),
    },
    [],
  );
};

import type { AttemptItem, DbClient } from '@quiz/prisma';
import { notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { keyOf, promptOf } from '../questions/bank';
import { loadQuestionsById } from '../questions/bank-cache';
import type { QuestionResponse } from '../questions/types';
import type {
  OptionStatParent,
  QuestionStatParent,
  SetAnalyticsParent,
  StudentResultParent,
} from './mappers';
import {
  answerTimesMs,
  correctedPointBiserial,
  facility,
  isRapidAnswering,
  itemFlags,
  mean,
  median,
  pearson,
} from './statistics';

const pickedOptions = (item: AttemptItem): string[] =>
  (item.response as QuestionResponse | null)?.optionIds ?? [];

/**
 * Item analysis and per-student results of an own set (optionally only a class's members).
 * Item statistics use each player's first finished attempt (later attempts have seen the
 * answers); an unanswered question counts as wrong with no credit.
 */
export const getSetAnalytics = async ({
  db,
  ownerId,
  setId,
  classId,
}: {
  db: DbClient;
  ownerId: string;
  setId: string;
  classId?: string | null;
}): Promise<SetAnalyticsParent> => {
  const set = isUuid(setId)
    ? await db.questionSet.findFirst({
        where: { id: setId, ownerId, isPractice: false },
        include: { items: { orderBy: { position: 'asc' } } },
      })
    : null;
  if (!set) {
    throw notFound('Question set');
  }
  const klass = classId
    ? isUuid(classId)
      ? await db.class.findFirst({ where: { id: classId, teacherId: ownerId } })
      : null
    : null;
  if (classId && !klass) {
    throw notFound('Class');
  }
  const attempts = await db.attempt.findMany({
    where: {
      setId,
      status: 'FINISHED',
      ...(klass ? { user: { memberships: { some: { classId: klass.id } } } } : {}),
    },
    include: { items: true },
    orderBy: [{ finishedAt: 'asc' }, { id: 'asc' }],
  });
  const { items, ...bare } = set;
  const questions = await loadQuestionsById(
    db,
    items.map((item) => item.questionId),
  );

  const firstByPlayer = new Map<string, (typeof attempts)[number]>();
  // The ranked attempt (not a retake) first; by start time among equals.
  const byRank = [...attempts].sort(
    (a, b) => Number(a.isRetake) - Number(b.isRetake) || +a.startedAt - +b.startedAt,
  );
  for (const attempt of byRank) {
    if (!firstByPlayer.has(attempt.userId)) {
      firstByPlayer.set(attempt.userId, attempt);
    }
  }
  const firsts = [...firstByPlayer.values()];
  const totals = firsts.map((attempt) =>
    attempt.items.reduce((sum, item) => sum + (item.credit ?? 0), 0),
  );

  const stats: QuestionStatParent[] = items.flatMap((setItem, index) => {
    const question = questions[index];
    if (!question) {
      return [];
    }
    // One row per first attempt that contained the question.
    const rows = firsts.flatMap((attempt, a) => {
      const item = attempt.items.find((i) => i.questionId === question.id);
      return item ? [{ item, total: totals[a] as number }] : [];
    });
    const credits = rows.map((row) => row.item.credit ?? 0);
    const rest = rows.map((row) => row.total);
    const key = keyOf(question);
    const correct = new Set(key.optionIds ?? []);
    const options: (OptionStatParent & { discrimination: number | null })[] = (
      promptOf(question).options ?? []
    ).map((option) => {
      const picks = rows.map((row) => (pickedOptions(row.item).includes(option.id) ? 1 : 0));
      const pickCount = picks.reduce<number>((sum, x) => sum + x, 0);
      return {
        optionId: option.id,
        label: option.label,
        isCorrect: correct.has(option.id),
        pickCount,
        pickRate: rows.length ? pickCount / rows.length : 0,
        discrimination: pearson(
          picks,
          rows.map((row, r) => row.total - (credits[r] as number)),
        ),
      };
    });
    const p = facility(rows.map((row) => row.item.isCorrect === true && !row.item.timedOut));
    const discrimination = correctedPointBiserial(credits, rest);
    return [
      {
        position: setItem.position,
        question,
        answerCount: rows.filter((row) => row.item.answeredAt !== null).length,
        facility: p,
        discrimination,
        meanCredit: mean(credits),
        options: options.map(({ discrimination: _d, ...option }) => option),
        flags: itemFlags({
          responses: rows.length,
          facility: p,
          discrimination,
          distractors: options.filter((option) => !option.isCorrect),
        }),
      },
    ];
  });

  const byPlayer = new Map<string, typeof attempts>();
  for (const attempt of attempts) {
    byPlayer.set(attempt.userId, [...(byPlayer.get(attempt.userId) ?? []), attempt]);
  }
  const students: StudentResultParent[] = [...byPlayer.entries()]
    .map(([userId, own]) => {
      const last = own.at(-1);
      const first = firstByPlayer.get(userId);
      const times = first ? answerTimesMs(first.items) : [];
      const middle = median(times);
      return {
        userId,
        firstScore: first?.score ?? 0,
        retakeCount: own.length - 1,
        medianAnswerSeconds: middle === null ? null : Math.round(middle / 10) / 100,
        flags: first && isRapidAnswering(first.items, first.questionCount) ? ['RAPID_ANSWERS'] : [],
        attemptCount: own.length,
        bestScore: Math.max(...own.map((a) => a.score)),
        lastScore: last?.score ?? 0,
        bestCorrectCount: Math.max(...own.map((a) => a.correctCount)),
        lastFinishedAt: last?.finishedAt ?? null,
      };
    })
    .sort((a, b) => b.bestScore - a.bestScore || a.userId.localeCompare(b.userId));

  return {
    set: bare,
    class: klass,
    attemptCount: attempts.length,
    playerCount: byPlayer.size,
    meanScore: mean(attempts.map((a) => a.score)),
    questions: stats,
    students,
  };
};

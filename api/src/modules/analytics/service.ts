import type { AttemptItem, DbClient, Question } from '@quiz/prisma';
import { notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { keyOf, promptOf } from '../questions/bank';
import { loadQuestionsById } from '../questions/bank-cache';
import type { QuestionResponse } from '../questions/types';
import { describeFindings, ESTIMATE_MINIMUMS } from './findings';
import type {
  OptionStatParent,
  QuestionStatParent,
  SetAnalyticsParent,
  StudentResultParent,
} from './mappers';
import { loadItemRatings, measuredDifficulty } from './ratings';
import {
  answerTimesMs,
  correctedPointBiserial,
  facility,
  isRapidAnswering,
  itemFlags,
  mean,
  median,
  pearson,
  scoreBins,
} from './statistics';

/**
 * Which of the set's questions each played question now stands for: itself, or the item holding
 * its edit. An edit is a new question (`basedOnId` = where the edits started) that the set now
 * points to, while attempts keep the question they played; matched by id alone, a student's
 * answers to an edited question left the results page and the export, though their score still
 * counted it (probe round 7). Only an edit the set holds once is matched. Played ids the set has
 * no question for are left out.
 */
export const setQuestionOfPlayed = async (
  db: DbClient,
  setQuestions: readonly (Question | null)[],
  playedIds: readonly string[],
): Promise<{ setQuestionOf: Map<string, string>; played: Map<string, Question> }> => {
  const lineage = (question: Question) => question.basedOnId ?? question.id;
  const current = new Set(setQuestions.flatMap((q) => (q ? [q.id] : [])));
  const byLineage = new Map<string, string | null>();
  for (const question of setQuestions) {
    if (question) {
      const key = lineage(question);
      byLineage.set(key, byLineage.has(key) ? null : question.id);
    }
  }
  const others = [...new Set(playedIds.filter((id) => !current.has(id)))];
  const loaded = (await loadQuestionsById(db, others)).flatMap((q) => (q ? [q] : []));
  const setQuestionOf = new Map([...current].map((id) => [id, id]));
  for (const question of loaded) {
    const target = byLineage.get(lineage(question));
    if (target) {
      setQuestionOf.set(question.id, target);
    }
  }
  return { setQuestionOf, played: new Map(loaded.map((q) => [q.id, q])) };
};

/** What a student gave, in words (orderings and matchings are summed up by their credit). */
const givenOf = (item: AttemptItem, question: Question): string | null => {
  const response = item.response as QuestionResponse | null;
  if (!response) {
    return null;
  }
  if (response.optionIds) {
    const labels = new Map((promptOf(question).options ?? []).map((o) => [o.id, o.label]));
    return response.optionIds.map((id) => labels.get(id) ?? id).join('; ');
  }
  if (response.text !== undefined) {
    return response.text;
  }
  if (response.year !== undefined) {
    return String(response.year);
  }
  return null;
};

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

  const ratings = await loadItemRatings(
    db,
    questions.flatMap((q) => (q ? [q.id] : [])),
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
    const fullyRight = rows.map((row) => row.item.isCorrect === true && !row.item.timedOut);
    const p = facility(fullyRight);
    const discrimination = correctedPointBiserial(credits, rest);
    const measured = measuredDifficulty(question, ratings.get(question.id) ?? null);
    const flags = itemFlags({
      responses: rows.length,
      facility: p,
      discrimination,
      distractors: options.filter((option) => !option.isCorrect),
      measured: measured.status === 'MEASURED' ? measured : null,
    });
    const correctCount = fullyRight.filter(Boolean).length;
    return [
      {
        position: setItem.position,
        question,
        answerCount: rows.filter((row) => row.item.answeredAt !== null).length,
        facility: p,
        discrimination,
        meanCredit: mean(credits),
        options: options.map(({ discrimination: _d, ...option }) => option),
        flags,
        correctCount,
        findings: describeFindings({
          flags,
          answers: rows.length,
          correctCount,
          facility: p,
          discrimination,
          options,
          measured,
        }),
        measured: {
          ...measured,
          expectedCorrect: measured.status === 'TOO_FEW' ? null : measured.expectedCorrect,
        },
      },
    ];
  });

  const byPlayer = new Map<string, typeof attempts>();
  for (const attempt of attempts) {
    byPlayer.set(attempt.userId, [...(byPlayer.get(attempt.userId) ?? []), attempt]);
  }
  const positionOf = new Map(items.map((item) => [item.questionId, item.position]));
  const { setQuestionOf, played } = await setQuestionOfPlayed(
    db,
    questions,
    attempts.flatMap((attempt) => attempt.items.map((item) => item.questionId)),
  );
  // The question as played (an edit's earlier version too), for what the student gave.
  const questionById = new Map([
    ...questions.flatMap((q) => (q ? [[q.id, q] as const] : [])),
    ...played,
  ]);
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
        answers: (last?.items ?? [])
          .flatMap((item) => {
            const question = questionById.get(item.questionId);
            const standsFor = setQuestionOf.get(item.questionId);
            const position = standsFor === undefined ? undefined : positionOf.get(standsFor);
            return question && position !== undefined
              ? [
                  {
                    position,
                    questionId: item.questionId,
                    answered: item.answeredAt !== null,
                    isCorrect: item.isCorrect,
                    credit: item.credit,
                    points: item.points,
                    timedOut: item.timedOut,
                    given: givenOf(item, question),
                  },
                ]
              : [];
          })
          .sort((a, b) => a.position - b.position),
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
    scoreDistribution: scoreBins(
      firsts.filter((a) => a.maxScore > 0).map((a) => a.score / a.maxScore),
    ),
    minimumAnswers: ESTIMATE_MINIMUMS.map((m) => ({ ...m })),
  };
};

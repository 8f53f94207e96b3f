/**
 * After the game: per question (how many answered, how many right, median time) and per player
 * (rank, score, right answers, one result per question), and the same as CSV or XLSX (results.ts).
 * Right answers are always there, so a teacher sees what a student knew whatever the speed
 * points said.
 */
import type { PrismaClient, User } from '@quiz/prisma';
import { notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { exportFilename } from '../interop/export';
import { type ExportFilePayload, filePayload } from '../interop/service';
import { slugify } from '../interop/text';
import { rankPlayers } from './machine';
import { type LiveResultsInput, liveResultsCsv, liveResultsXlsx } from './results';
import { questionsOf } from './views';

const median = (values: number[]): number | null => {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
};

/** The report's data and its scored answers (the XLSX "Answers" sheet); the host's only. */
const loadReport = async (db: PrismaClient, gameId: string, host: User) => {
  const game = isUuid(gameId) ? await db.liveGame.findUnique({ where: { id: gameId } }) : null;
  if (!game || game.hostId !== host.id) {
    throw notFound('Live game');
  }
  const [seats, answers] = await Promise.all([
    db.liveGamePlayer.findMany({ where: { gameId, kickedAt: null }, orderBy: { joinedAt: 'asc' } }),
    db.liveAnswer.findMany({
      where: { gameId },
      select: {
        playerId: true,
        questionIndex: true,
        isCorrect: true,
        elapsedMs: true,
        points: true,
      },
    }),
  ]);
  const questions = questionsOf(game);
  const seatIds = new Set(seats.map((s) => s.id));
  // Answers count once scored (points written at the reveal); an unrevealed question counts none.
  const counted = answers.filter((a) => a.points !== null && seatIds.has(a.playerId));
  const reportQuestions = questions.map((question, index) => {
    const mine = counted.filter((a) => a.questionIndex === index);
    const correct = mine.filter((a) => a.isCorrect).length;
    return {
      index,
      stem: question.stem,
      type: question.type,
      answerCount: mine.length,
      correctCount: correct,
      correctRate: seats.length ? correct / seats.length : 0,
      medianMs: median(mine.map((a) => a.elapsedMs)),
      skipped:
        game.phase === 'CANCELLED' ||
        index > game.questionIndex ||
        (mine.length === 0 &&
          answers.every((a) => a.questionIndex !== index) &&
          index < game.questionIndex),
    };
  });
  const results = new Map<string, (boolean | null)[]>(
    seats.map((s) => [s.id, questions.map(() => null)]),
  );
  for (const answer of counted) {
    const row = results.get(answer.playerId);
    if (row) {
      row[answer.questionIndex] = answer.isCorrect;
    }
  }
  const ranked = rankPlayers(seats);
  const players = ranked.map((seat) => ({
    rank: seat.rank,
    nickname: seat.nickname,
    team: seat.team,
    score: seat.score,
    correctCount: seat.correctCount,
    answerCount: seat.answerCount,
    bestStreak: seat.bestStreak,
    results: results.get(seat.id) ?? [],
  }));
  return {
    game: {
      id: game.id,
      title: game.title,
      phase: game.phase,
      pin: game.pin,
      playerCount: seats.length,
      createdAt: game.createdAt,
      endedAt: game.endedAt,
    },
    questions: reportQuestions,
    players,
    answers: answersOf(ranked, counted),
  };
};

/** Scored answers in the rows' order (rank, then join order), then by question. */
const answersOf = (
  ranked: { id: string; nickname: string }[],
  counted: {
    playerId: string;
    questionIndex: number;
    isCorrect: boolean;
    points: number | null;
    elapsedMs: number;
  }[],
): LiveResultsInput['answers'] => {
  const row = new Map(ranked.map((seat, index) => [seat.id, index]));
  return [...counted]
    .sort(
      (x, y) =>
        (row.get(x.playerId) ?? 0) - (row.get(y.playerId) ?? 0) ||
        x.questionIndex - y.questionIndex,
    )
    .map((a) => ({
      nickname: ranked[row.get(a.playerId) ?? -1]?.nickname ?? '',
      questionIndex: a.questionIndex,
      isCorrect: a.isCorrect,
      points: a.points ?? 0,
      elapsedMs: a.elapsedMs,
    }));
};

export const liveReport = async (db: PrismaClient, gameId: string, host: User) => {
  const { answers: _answers, ...report } = await loadReport(db, gameId, host);
  // The same rows as exportLiveResults, so the field and the file never disagree.
  return { ...report, csv: liveResultsCsv(report) };
};

/** The report as a file (CSV, or XLSX with "Answers" and "Questions" sheets). */
export const exportLiveResults = async ({
  db,
  gameId,
  host,
  format,
  now,
}: {
  db: PrismaClient;
  gameId: string;
  host: User;
  format: 'CSV' | 'XLSX';
  now: Date;
}): Promise<ExportFilePayload> => {
  const report = await loadReport(db, gameId, host);
  const filename = exportFilename(`${slugify(report.game.title)}-live-results`, format, now);
  return format === 'CSV'
    ? filePayload(
        { filename, mimeType: 'text/csv; charset=utf-8', content: liveResultsCsv(report) },
        [],
      )
    : filePayload(
        {
          filename,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await liveResultsXlsx(report),
        },
        [],
      );
};

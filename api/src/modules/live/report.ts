/**
 * After the game: per question (how many answered, how many right, median time) and per player
 * (rank, score, right answers, one result per question), and the same as CSV. Right answers are
 * always there, so a teacher sees what a student knew whatever the speed points said.
 */
import type { PrismaClient, User } from '@quiz/prisma';
import { notFound } from '../../errors';
import { isUuid } from '../../lib/ids';
import { rankPlayers } from './machine';
import { questionsOf } from './views';

/** One CSV field: quoted when needed; a leading = + - @ is defused so spreadsheets show text. */
export const csvField = (value: string | number | null): string => {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

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

export const liveReport = async (db: PrismaClient, gameId: string, host: User) => {
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
  const players = rankPlayers(seats).map((seat) => ({
    rank: seat.rank,
    nickname: seat.nickname,
    team: seat.team,
    score: seat.score,
    correctCount: seat.correctCount,
    answerCount: seat.answerCount,
    bestStreak: seat.bestStreak,
    results: results.get(seat.id) ?? [],
  }));
  const header = [
    'rank',
    'nickname',
    'team',
    'score',
    'correct',
    'answered',
    'best_streak',
    ...questions.map((_, i) => `q${i + 1}`),
  ];
  const lines = [
    header.join(','),
    ...players.map((p) =>
      [
        p.rank,
        p.nickname,
        p.team === null ? null : p.team + 1,
        p.score,
        p.correctCount,
        p.answerCount,
        p.bestStreak,
        ...p.results.map((r) => (r === null ? null : r ? 1 : 0)),
      ]
        .map(csvField)
        .join(','),
    ),
  ];
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
    csv: `${lines.join('\n')}\n`,
  };
};

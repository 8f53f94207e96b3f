/**
 * A finished live game counts on its set's board in the LIVE window (`s:<setId>:live`), apart
 * from played attempts: each signed-in (or guest-account) player is ranked by their first game of
 * the set. Their best over every game counted a replay: one game's reveals teach every key, and
 * another game of the set (another class's PIN) then topped the board with them (probe, 7 Dec);
 * attempts' boards rank the first attempt for the same reason (issue 12).
 * Players who joined with a nickname only have no account to rank. Runs once per game, inside
 * the transaction that ends it (LiveGame.boardedAt guards a second run).
 */
import type { Prisma } from '@quiz/prisma';
import {
  type BoardEntry,
  boardKey,
  bucketsOf,
  type CountDelta,
  mergeDeltas,
} from '../leaderboard/ranking';
import { recordSql } from '../leaderboard/service';

/**
 * What the game's results change on the board, given the players' current entries (pure). A
 * player's seats in one game (before one seat per account) count once, by the best.
 */
export const planLiveBoard = (
  key: string,
  results: readonly { userId: string; score: number }[],
  existing: readonly BoardEntry[],
  at: Date,
): { entries: BoardEntry[]; deltas: CountDelta[] } => {
  const best = new Map<string, number>();
  for (const { userId, score } of results) {
    best.set(userId, Math.max(best.get(userId) ?? 0, score));
  }
  const current = new Map(existing.map((entry) => [entry.userId, entry]));
  const entries: BoardEntry[] = [];
  const raw: CountDelta[] = [];
  for (const [userId, score] of best) {
    const before = current.get(userId);
    if (before) {
      // The first game stands; a later one counts as played, as a retake does on attempts' boards.
      entries.push({ ...before, attemptCount: before.attemptCount + 1 });
      continue;
    }
    const entry: BoardEntry = {
      boardKey: key,
      userId,
      score,
      achievedAt: at,
      attemptId: null,
      attemptCount: 1,
    };
    entries.push(entry);
    raw.push(...bucketsOf(entry, key).map((b) => ({ ...b, boardKey: key, delta: 1 })));
  }
  return { entries, deltas: mergeDeltas(raw) };
};

export const recordLiveBoard = async (
  tx: Prisma.TransactionClient,
  game: { id: string; setId: string },
  at: Date,
): Promise<void> => {
  const marked = await tx.liveGame.updateMany({
    where: { id: game.id, boardedAt: null },
    data: { boardedAt: at },
  });
  if (marked.count === 0) {
    return;
  }
  const seats = await tx.liveGamePlayer.findMany({
    where: { gameId: game.id, kickedAt: null, userId: { not: null } },
    select: { userId: true, score: true },
  });
  if (seats.length === 0) {
    return;
  }
  const key = boardKey(game.setId, 'LIVE', at);
  // One writer per board at a time: two games of one set ending together cannot both insert.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  const userIds = [...new Set(seats.map((s) => s.userId as string))];
  const existing = await tx.leaderboardEntry.findMany({
    where: { boardKey: key, userId: { in: userIds } },
  });
  const plan = planLiveBoard(
    key,
    seats.map((s) => ({ userId: s.userId as string, score: s.score })),
    existing,
    at,
  );
  if (plan.entries.length > 0 && plan.deltas.length > 0) {
    await tx.$executeRaw(recordSql(plan.entries, plan.deltas));
  } else if (plan.entries.length > 0) {
    // Nothing improved: only the counts of games played go up.
    for (const entry of plan.entries) {
      await tx.leaderboardEntry.update({
        where: { boardKey_userId: { boardKey: key, userId: entry.userId } },
        data: { attemptCount: entry.attemptCount },
      });
    }
  }
};

/**
 * A set being played live. answerQuestion shows the key at once, so a set played as an ordinary
 * attempt beside its own live game gave every key while the question was on the projector: a
 * free guest in another tab read it and answered on the phone (probe, 7 Dec). While a game of
 * the set runs, new attempts of it are refused, and so are the answers of an attempt started
 * since the game was created (a start racing the creation) or held by a player seated in the game
 * (an attempt started beforehand, kept for the game: probe round 6's leftover); the set's owner may
 * still preview.
 */
import { Prisma } from '@quiz/prisma';
import { AppError } from '../../errors';
import { pgTimestamp } from '../../lib/pg-time';
import { HOST_ABANDON_MS } from './machine';

/** A game not ended this long after its lobby opened is taken as left behind. */
export const LIVE_GAME_HOLD_MS = 6 * 60 * 60_000;

/**
 * The running games of the set `setId` (an SQL expression) at `now`: not over, and neither left
 * behind (HOLD) nor abandoned (host away, or never there, for HOST_ABANDON_MS). Nothing ends such
 * games on its own, so without these bounds a forgotten lobby would hold its set for ever.
 */
export const runningGamesSql = (setId: Prisma.Sql, now: Date) => Prisma.sql`
  SELECT g.id, g."createdAt" FROM "LiveGame" g
  WHERE g."setId" = ${setId} AND g."phase" NOT IN ('PODIUM', 'CANCELLED')
    AND g."createdAt" > ${pgTimestamp(new Date(now.getTime() - LIVE_GAME_HOLD_MS))}::timestamp(3)
    AND (g."hostConnected"
      OR COALESCE(g."hostAwaySince", g."createdAt")
        > ${pgTimestamp(new Date(now.getTime() - HOST_ABANDON_MS))}::timestamp(3))`;

export const setPlayedLive = () =>
  new AppError(
    'CONFLICT',
    'This set is being played live right now; you can play it once the game has ended',
    { reason: 'LIVE_GAME' },
  );

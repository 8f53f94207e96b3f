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
 * A game at `now` that is still running: not over, and neither left behind (HOLD) nor abandoned
 * (host away, or never there, for HOST_ABANDON_MS). Nothing ends such games on its own, so
 * without these bounds a forgotten lobby would hold its set for ever.
 */
const isRunningSql = (now: Date) => Prisma.sql`g."phase" NOT IN ('PODIUM', 'CANCELLED')
    AND g."createdAt" > ${pgTimestamp(new Date(now.getTime() - LIVE_GAME_HOLD_MS))}::timestamp(3)
    AND (g."hostConnected"
      OR COALESCE(g."hostAwaySince", g."createdAt")
        > ${pgTimestamp(new Date(now.getTime() - HOST_ABANDON_MS))}::timestamp(3))`;

/** The running games of the set `setId` (an SQL expression) at `now`. */
export const runningGamesSql = (setId: Prisma.Sql, now: Date) => Prisma.sql`
  SELECT g.id, g."createdAt" FROM "LiveGame" g
  WHERE g."setId" = ${setId} AND ${isRunningSql(now)}`;

/**
 * A stem as the hold compares it: NFKC, lower case, runs of white space as one space, trimmed. A
 * copy the teacher re-typed with another case or spacing ("Who led Iran in 1980?" and "who led
 * Iran  in 1980?") was not held (probe round 12). Look-alike letters and reworded stems are not
 * caught: the teacher's own text, not a player's.
 */
const stemKeySql = (stem: Prisma.Sql) =>
  Prisma.sql`lower(btrim(regexp_replace(normalize(${stem}, NFKC), '[[:space:]]+', ' ', 'g')))`;

/**
 * The running games of `hostId` that play the question `questionId`, or one with its `stem` (SQL
 * expressions), from any of her sets. A teacher's own question is usually in more than one of
 * them (a unit's homework and its live review), and matching the set alone let a guest answer it
 * in the published homework, reading its key while the review had it on the projector (probe
 * round 11); the same file imported into both sets makes two rows of one question, hence the
 * stem (compared by `stemKeySql`). Only its author's games can play an authored question (sets
 * hold their owner's questions), so the (hostId, createdAt) index finds them; the game's snapshot
 * says what it plays, whatever its set holds now. A bank question (no author) is in any teacher's sets and in
 * practice: studying it is not held here (docs/security.md).
 */
export const runningGamesOfQuestionSql = (
  hostId: Prisma.Sql,
  questionId: Prisma.Sql,
  stem: Prisma.Sql,
  now: Date,
) => Prisma.sql`
  SELECT g.id, g."createdAt" FROM "LiveGame" g
  WHERE g."hostId" = ${hostId} AND ${isRunningSql(now)}
    AND (g."questions" @> jsonb_build_array(jsonb_build_object('id', ${questionId}))
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(g."questions") played
        WHERE ${stemKeySql(Prisma.sql`played->>'stem'`)} = ${stemKeySql(stem)}))`;

export const setPlayedLive = () =>
  new AppError(
    'CONFLICT',
    'This set is being played live right now; you can play it once the game has ended',
    { reason: 'LIVE_GAME' },
  );

export const questionPlayedLive = () =>
  new AppError(
    'CONFLICT',
    'This question is being played in a live game right now; you can answer it once the game has ended',
    { reason: 'LIVE_GAME' },
  );

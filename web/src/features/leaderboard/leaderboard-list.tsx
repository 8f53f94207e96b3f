import type { LeaderboardEntryFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';

type LeaderboardListProps = {
  entries: readonly LeaderboardEntryFieldsFragment[];
  viewerEntry: LeaderboardEntryFieldsFragment | null;
  caption: string;
};

const MEDALS: Record<number, string> = { 1: 'gold', 2: 'silver', 3: 'bronze' };

const Row = ({ entry, isMe }: { entry: LeaderboardEntryFieldsFragment; isMe: boolean }) => (
  <li
    className={isMe ? 'board__row board__row--me' : 'board__row'}
    aria-current={isMe ? 'true' : undefined}
  >
    <span className="board__rank">
      {MEDALS[entry.rank] ? (
        <span
          className={`medal medal--${MEDALS[entry.rank]}`}
          role="img"
          aria-label={`Rank ${entry.rank}`}
        >
          {entry.rank}
        </span>
      ) : (
        <>
          <span className="visually-hidden">Rank </span>#{entry.rank}
        </>
      )}
    </span>
    <span className="board__name">
      {entry.player.displayName}
      {entry.player.isGuest ? <span className="muted small"> · guest</span> : null}
      {isMe ? <strong> (you)</strong> : null}
      <span className="muted small">
        {' · '}
        {entry.attemptCount} {entry.attemptCount === 1 ? 'attempt' : 'attempts'}
      </span>
    </span>
    <span className="board__score">
      {formatNumber(entry.score)}
      <span className="visually-hidden"> points</span>
    </span>
  </li>
);

/**
 * The ranked entries; the viewer's own row is highlighted (colour, a bar, and the words "(you)"),
 * and when it is not on the loaded pages it is pinned below the list with its exact rank.
 */
export const LeaderboardList = ({ entries, viewerEntry, caption }: LeaderboardListProps) => {
  const myId = viewerEntry?.player.id ?? null;
  const isListed = myId !== null && entries.some((entry) => entry.player.id === myId);
  return (
    <div>
      <ol className="board" aria-label={caption}>
        {entries.map((entry) => (
          <Row key={entry.player.id} entry={entry} isMe={entry.player.id === myId} />
        ))}
      </ol>
      {viewerEntry && !isListed ? (
        <>
          <div className="board__gap" aria-hidden="true">
            ⋯
          </div>
          <ol className="board board--pinned" aria-label="Your position">
            <Row entry={viewerEntry} isMe />
          </ol>
        </>
      ) : null}
    </div>
  );
};

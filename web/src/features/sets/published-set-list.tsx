'use client';

import Link from 'next/link';
import { Icon } from '@/components/icon';
import { CardsSkeleton, EmptyState, ErrorState } from '@/components/states';
import { plural } from '@/lib/format';
import { usePublishedSets } from './use-sets';

/** Published sets as cards: title, question count, timed or not, players. */
export const PublishedSetList = () => {
  const query = usePublishedSets();
  if (query.isPending) {
    return <CardsSkeleton count={3} label="Loading quizzes…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="Quizzes could not be loaded"
        level={3}
      />
    );
  }
  if (query.data.length === 0) {
    return (
      <EmptyState icon="book" title="No published quizzes yet">
        <p>Try a practice quiz below: it draws questions straight from the knowledge base.</p>
      </EmptyState>
    );
  }
  // Dynamic routes without a loading.tsx: a prefetch is two server renders per card and saves
  // nothing on the click (see site-header.tsx).
  return (
    <ul className="grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {query.data.map((set) => (
        <li key={set.id} className="card set-card">
          <h3>
            <Link href={`/join/${set.shareCode}`} prefetch={false}>
              {set.title}
            </Link>
          </h3>
          <ul className="card__meta">
            <li>{plural(set.questionCount, 'question')}</li>
            <li>
              {set.isTimed ? (
                <>
                  <Icon name="clock" size={16} /> Timed
                </>
              ) : (
                'No time limit'
              )}
            </li>
            <li>{plural(set.playerCount, 'player')}</li>
          </ul>
          {set.description ? <p>{set.description}</p> : <p className="muted">By {set.ownerName}</p>}
          <div className="card__actions">
            <Link
              className="button button--small"
              href={`/join/${set.shareCode}`}
              prefetch={false}
              aria-label={`Play ${set.title}`}
            >
              Play
            </Link>
            <Link
              className="button button--secondary button--small"
              href={`/leaderboard?set=${set.id}`}
              prefetch={false}
              aria-label={`Leaderboard for ${set.title}`}
            >
              Leaderboard
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
};

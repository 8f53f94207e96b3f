'use client';

import Link from 'next/link';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { formatDateTime, formatNumber } from '@/lib/format';
import { rankWords } from './rank';
import { useMyAttempts } from './use-attempt';

/** The viewer's own attempts, newest first. */
export const HistoryView = () => {
  const query = useMyAttempts();
  if (query.isPending) {
    return <Skeleton lines={5} label="Loading your attempts…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="Your attempts could not be loaded"
      />
    );
  }
  const attempts = query.data.myAttempts;
  if (attempts.length === 0) {
    return (
      <EmptyState
        icon="folder"
        title="No attempts yet"
        action={
          <Link prefetch={false} className="button" href="/">
            Find a quiz
          </Link>
        }
      >
        <p>Every quiz you play appears here, with its score and a full review.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap table-wrap--stack">
      <table className="stack-table">
        <caption>Your attempts, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Quiz</th>
            <th scope="col">Played</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col" className="num">
              Correct
            </th>
            <th scope="col">This attempt’s rank</th>
            <th scope="col" className="num">
              Your best
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => {
            const rank = rankWords(attempt);
            return (
              <tr key={attempt.id}>
                <th scope="row">
                  <Link
                    prefetch={false}
                    href={
                      attempt.status === 'FINISHED'
                        ? `/results/${attempt.id}`
                        : `/play/${attempt.id}`
                    }
                  >
                    {attempt.set.title}
                  </Link>
                  {attempt.status === 'IN_PROGRESS' ? (
                    <span className="badge badge--warn" style={{ marginInlineStart: '0.5rem' }}>
                      In progress
                    </span>
                  ) : null}
                </th>
                <td className="nowrap" data-label="Played">
                  {formatDateTime(attempt.finishedAt ?? attempt.startedAt)}
                </td>
                <td className="num nowrap" data-label="Score">
                  {formatNumber(attempt.score)} / {formatNumber(attempt.maxScore)}
                </td>
                <td className="num" data-label="Correct">
                  {attempt.correctCount}/{attempt.questionCount}
                </td>
                <td data-label="This attempt’s rank">
                  <strong>{rank.value}</strong>
                  {rank.value.startsWith('#') ? null : (
                    <span className="small muted"> ({rank.label})</span>
                  )}
                </td>
                <td className="num" data-label="Your best">
                  {rank.best ?? '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};

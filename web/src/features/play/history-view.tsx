'use client';

import Link from 'next/link';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { useMyAttempts } from './use-attempt';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

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
          <Link className="button" href="/">
            Find a quiz
          </Link>
        }
      >
        <p>Every quiz you play appears here, with its score and a full review.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table>
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
            <th scope="col" className="num">
              Rank
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((attempt) => (
            <tr key={attempt.id}>
              <td>
                <Link
                  href={
                    attempt.status === 'FINISHED' ? `/results/${attempt.id}` : `/play/${attempt.id}`
                  }
                >
                  {attempt.set.title}
                </Link>
                {attempt.status === 'IN_PROGRESS' ? (
                  <span className="badge badge--warn" style={{ marginInlineStart: '0.5rem' }}>
                    In progress
                  </span>
                ) : null}
              </td>
              <td>{dateFormat.format(new Date(attempt.finishedAt ?? attempt.startedAt))}</td>
              <td className="num">
                {attempt.score.toLocaleString('en')} / {attempt.maxScore.toLocaleString('en')}
              </td>
              <td className="num">
                {attempt.correctCount}/{attempt.questionCount}
              </td>
              <td className="num">{attempt.rank ? `#${attempt.rank}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

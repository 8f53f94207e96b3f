'use client';

import { useRouter } from 'next/navigation';
import { describeError } from '@/lib/graphql/error-messages';
import { useReviewDueCount, useStartReview } from './use-sets';

/** Spaced repetition of past mistakes: "N questions due" → a review attempt. */
export const ReviewCard = () => {
  const router = useRouter();
  const due = useReviewDueCount(true);
  const start = useStartReview();
  if (due.isPending) {
    return (
      <section className="card card--flat" aria-busy="true" aria-labelledby="review-title">
        <h2 id="review-title">Review</h2>
        <span className="skeleton" />
      </section>
    );
  }
  if (due.isError) {
    return null;
  }
  const count = due.data;
  return (
    <section
      className={count > 0 ? 'card card--accent' : 'card card--flat'}
      aria-labelledby="review-title"
    >
      <h2 id="review-title">Review</h2>
      {count > 0 ? (
        <>
          <p>
            <strong>
              {count} {count === 1 ? 'question' : 'questions'} due
            </strong>{' '}
            — the ones you missed before, spaced out so they stick.
          </p>
          {start.isError ? (
            <p className="field__error" role="alert">
              {describeError(start.error)}
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(Math.min(count, 10), {
                onSuccess: ({ startReview }) => router.push(`/play/${startReview.id}`),
              })
            }
          >
            {start.isPending ? 'Starting…' : 'Start review'}
          </button>
        </>
      ) : (
        <p className="muted">Nothing due. Questions you miss come back here for review.</p>
      )}
    </section>
  );
};

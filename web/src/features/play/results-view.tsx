'use client';

import Link from 'next/link';
import { ErrorState, Skeleton } from '@/components/states';
import { formatDateTime, formatNumber } from '@/lib/format';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { FeedbackPanel } from './feedback-panel';
import { QuestionCard } from './question-card';
import { rankWords } from './rank';
import { emptyDraft } from './response';
import { useAttempt } from './use-attempt';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Score, correct count, rank on the set's board, and a review of every question. */
export const ResultsView = ({ attemptId }: { attemptId: string }) => {
  const query = useAttempt(attemptId);
  if (query.isPending) {
    return <Skeleton lines={6} label="Loading your results…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="Your results could not be loaded"
      />
    );
  }
  const attempt = query.data.attempt;
  if (!attempt) {
    return (
      <ErrorState
        error={new GraphQLRequestError('Not found', 'NOT_FOUND', 404)}
        title="These results do not exist"
      />
    );
  }
  const isFinished = attempt.status === 'FINISHED';
  const rank = rankWords(attempt);
  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">Results</p>
        <h1>{attempt.set.title}</h1>
        <p>
          {attempt.player.displayName}
          {attempt.finishedAt ? ` · finished ${formatDateTime(attempt.finishedAt)}` : ''}
        </p>
        {!isFinished ? (
          <div className="notice notice--warn">
            <p>
              This attempt is not finished yet.{' '}
              <Link prefetch={false} href={`/play/${attempt.id}`}>
                Continue playing
              </Link>
            </p>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title" className="visually-hidden">
          Summary
        </h2>
        <div className="score-hero">
          <div className="stat">
            <span className="stat__value">{formatNumber(attempt.score)}</span>
            <span className="stat__label">points of {formatNumber(attempt.maxScore)}</span>
          </div>
          <div className="stat">
            <span className="stat__value">
              {attempt.correctCount}/{attempt.questionCount}
            </span>
            <span className="stat__label">
              correct ({percent(attempt.correctCount, attempt.questionCount)}%)
            </span>
          </div>
          <div className="stat">
            <span className="stat__value">{rank.value}</span>
            <span className="stat__label">{rank.label}</span>
          </div>
          {rank.best ? (
            <div className="stat">
              <span className="stat__value">{rank.best}</span>
              <span className="stat__label">
                your place on the set’s board (your first attempt)
              </span>
            </div>
          ) : null}
        </div>
        <div className="row">
          {attempt.set.isPractice ? (
            <Link prefetch={false} className="button" href="/">
              Practise again
            </Link>
          ) : (
            <Link prefetch={false} className="button" href={`/leaderboard?set=${attempt.set.id}`}>
              See the leaderboard
            </Link>
          )}
          {attempt.set.shareCode ? (
            <Link
              prefetch={false}
              className="button button--secondary"
              href={`/join/${attempt.set.shareCode}`}
            >
              Play again
            </Link>
          ) : null}
          <Link prefetch={false} className="button button--quiet" href="/history">
            My past attempts
          </Link>
        </div>
      </section>

      <section aria-labelledby="review-title">
        <h2 id="review-title">Review every question</h2>
        <ol className="review-list">
          {attempt.questions.map((question, index) => (
            <li key={question.position} className="stack">
              <p className="eyebrow">
                Question {index + 1} of {attempt.questions.length}
              </p>
              <QuestionCard
                question={question}
                idPrefix={`review-${question.position}`}
                draft={emptyDraft(question)}
                onChange={() => {}}
                result={question.result}
                level={3}
              />
              {question.result ? (
                <FeedbackPanel
                  question={question}
                  result={question.result}
                  citations={attempt.citations}
                  level={3}
                  isCompact
                />
              ) : (
                <p className="notice">Not answered: this question scored nothing.</p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
};

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Icon } from '@/components/icon';
import { ErrorState, Skeleton } from '@/components/states';
import { GuestForm } from '@/features/viewer/auth-forms';
import { useJoinClass, useViewer } from '@/features/viewer/use-viewer';
import { describeError, errorCode } from '@/lib/graphql/error-messages';
import { useSetByCode, useStartAttempt } from './use-sets';

/**
 * The landing for a code: a published set (start it, as a guest if need be) or, failing that, a
 * class to join.
 */
export const JoinView = ({ code }: { code: string }) => {
  const router = useRouter();
  const set = useSetByCode(code);
  const viewer = useViewer();
  const start = useStartAttempt();
  const joinClass = useJoinClass();

  if (set.isPending || viewer.isPending) {
    return <Skeleton lines={4} label="Looking up the code…" />;
  }
  if (set.isError) {
    return (
      <ErrorState
        error={set.error}
        onRetry={() => set.refetch()}
        title="The code could not be checked"
      />
    );
  }
  const player = viewer.data ?? null;
  const startQuiz = () =>
    start.mutate(
      { code },
      { onSuccess: ({ startAttempt }) => router.push(`/play/${startAttempt.id}`) },
    );

  if (!set.data) {
    const isMember = player && !player.user.isGuest;
    const joined = joinClass.data?.joinClass;
    return (
      <div className="stack">
        <h1>Code {code}</h1>
        <p>
          No published quiz has this code. If your teacher gave it to you for a class, join the
          class.
        </p>
        {joined?.class ? (
          <div className="notice" role="status">
            <p>
              ✓ You joined <strong>{joined.class.name}</strong>. Its quizzes and leaderboard are now
              open to you.
            </p>
            <Link href={`/leaderboard?class=${joined.class.id}`}>See the class leaderboard</Link>
          </div>
        ) : isMember ? (
          <>
            {joined && joined.errors.length > 0 ? (
              <p className="field__error" role="alert">
                {joined.errors[0]?.message}
              </p>
            ) : null}
            {joinClass.isError ? (
              <p className="field__error" role="alert">
                {describeError(joinClass.error)}
              </p>
            ) : null}
            <div className="row">
              <button
                type="button"
                className="button"
                onClick={() => joinClass.mutate(code)}
                disabled={joinClass.isPending}
              >
                {joinClass.isPending ? 'Joining…' : `Join the class with code ${code}`}
              </button>
              <Link className="button button--secondary" href="/">
                Back to quizzes
              </Link>
            </div>
          </>
        ) : (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/join/${code}`)}`}>Sign in</Link> to
            join a class, or <Link href="/">go back to the quizzes</Link>.
          </p>
        )}
      </div>
    );
  }

  const quiz = set.data;
  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">Quiz · code {quiz.shareCode}</p>
        <h1>{quiz.title}</h1>
        {quiz.description ? <p>{quiz.description}</p> : null}
        <ul className="card__meta">
          <li>
            {quiz.questionCount} {quiz.questionCount === 1 ? 'question' : 'questions'}
          </li>
          <li>
            {quiz.isTimed ? (
              <>
                <Icon name="clock" size={16} /> Timed questions
              </>
            ) : (
              'No time limit'
            )}
          </li>
          <li>
            {quiz.scoringMode === 'SPEED_BONUS'
              ? 'Faster answers score more'
              : '1,000 points per correct answer'}
          </li>
          <li>
            {quiz.playerCount} {quiz.playerCount === 1 ? 'player' : 'players'}
          </li>
          <li>By {quiz.ownerName}</li>
          <li>
            {quiz.allowRetakes
              ? 'Your first attempt is ranked; later ones are practice'
              : 'One attempt: your first result is the one that counts'}
          </li>
        </ul>
      </header>
      {start.isError && errorCode(start.error) === 'CONFLICT' && !quiz.allowRetakes ? (
        <div className="notice" role="alert">
          <p>
            You have already played this quiz, and its teacher allows one attempt: your first result
            stands. <Link href={`/leaderboard?set=${quiz.id}`}>See the leaderboard</Link> or your{' '}
            <Link href="/history">past attempts</Link>.
          </p>
        </div>
      ) : start.isError ? (
        <ErrorState error={start.error} onRetry={startQuiz} title="The quiz could not start" />
      ) : null}
      {player ? (
        <section className="card stack" aria-labelledby="start-title">
          <h2 id="start-title">Ready, {player.user.displayName}?</h2>
          <p>Every answer shows the source passage that proves it.</p>
          <div className="row">
            <button type="button" className="button" onClick={startQuiz} disabled={start.isPending}>
              {start.isPending ? 'Starting…' : 'Start quiz'}
            </button>
            <Link className="button button--secondary" href={`/leaderboard?set=${quiz.id}`}>
              Leaderboard
            </Link>
          </div>
        </section>
      ) : (
        <div className="two-col">
          <section className="card" aria-labelledby="guest-title">
            <h2 id="guest-title">Play as a guest</h2>
            <GuestForm idPrefix="join-guest" submitLabel="Join and start" onJoined={startQuiz} />
          </section>
          <section className="card card--flat" aria-labelledby="account-title">
            <h2 id="account-title">Have an account?</h2>
            <p>Sign in to keep your history, review your mistakes and join your class board.</p>
            <Link
              className="button button--secondary"
              href={`/sign-in?next=${encodeURIComponent(`/join/${code}`)}`}
            >
              Sign in
            </Link>
          </section>
        </div>
      )}
    </div>
  );
};

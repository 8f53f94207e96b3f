'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Icon } from '@/components/icon';
import { ErrorState, Skeleton } from '@/components/states';
import { GuestForm } from '@/features/viewer/auth-forms';
import { useJoinClass, useViewer } from '@/features/viewer/use-viewer';
import type { JoinCodeKind } from '@/gql/graphql';
import { describeError, errorCode, JOIN_CODE_MESSAGES } from '@/lib/graphql/error-messages';
import { JoinCodeForm } from './join-code-form';
import { useJoinCode, useStartAttempt } from './use-sets';

/**
 * The landing for a code: a published quiz (start it, as a guest if need be); otherwise what the
 * code is (unknown, an archived quiz, a class to join) and what to do.
 */
export const JoinView = ({ code }: { code: string }) => {
  const router = useRouter();
  const lookup = useJoinCode(code);
  const viewer = useViewer();
  const start = useStartAttempt();

  if (lookup.isPending || viewer.isPending) {
    return <Skeleton lines={4} label="Looking up the code…" />;
  }
  if (lookup.isError) {
    return (
      <ErrorState
        error={lookup.error}
        onRetry={() => lookup.refetch()}
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

  if (lookup.data.kind !== 'QUIZ' || !lookup.data.set) {
    return <NotAQuiz code={code} kind={lookup.data.kind} player={player} />;
  }

  const quiz = lookup.data.set;
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
            stands.{' '}
            <Link prefetch={false} href={`/leaderboard?set=${quiz.id}`}>
              See the leaderboard
            </Link>{' '}
            or your{' '}
            <Link prefetch={false} href="/history">
              past attempts
            </Link>
            .
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
            <Link
              prefetch={false}
              className="button button--secondary"
              href={`/leaderboard?set=${quiz.id}`}
            >
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
              prefetch={false}
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

type Player = NonNullable<ReturnType<typeof useViewer>['data']>;

const HEADINGS: Record<Exclude<JoinCodeKind, 'QUIZ'>, string> = {
  UNKNOWN: 'No quiz or class has this code',
  ARCHIVED_QUIZ: 'This quiz has been archived',
  CLASS: 'This is a class code',
};

/** A code that starts no quiz: what it is, and the one thing to do next. */
const NotAQuiz = ({
  code,
  kind,
  player,
}: {
  code: string;
  kind: JoinCodeKind;
  player: Player | null;
}) => {
  const joinClass = useJoinClass();
  const reason = kind === 'QUIZ' ? 'UNKNOWN' : kind;
  const joined = joinClass.data?.joinClass;
  const isMember = player && !player.user.isGuest;
  const failure =
    joined && joined.errors.length > 0
      ? (joined.errors[0]?.message ?? null)
      : joinClass.isError
        ? describeError(joinClass.error)
        : null;
  return (
    <div className="stack">
      <p className="eyebrow">Code {code}</p>
      <h1>{HEADINGS[reason]}</h1>
      <p>{JOIN_CODE_MESSAGES[reason]}</p>
      {reason !== 'CLASS' ? (
        <div className="stack">
          <section className="card" aria-labelledby="retry-title">
            <h2 id="retry-title">Try another code</h2>
            <JoinCodeForm initialCode={code} />
          </section>
          <p>
            <Link prefetch={false} href="/">
              Back to the quizzes
            </Link>
          </p>
        </div>
      ) : joined?.class ? (
        <div className="notice" role="status">
          <p>
            ✓ You joined <strong>{joined.class.name}</strong>. Its quizzes and leaderboard are now
            open to you.
          </p>
          <Link prefetch={false} href={`/leaderboard?class=${joined.class.id}`}>
            See the class leaderboard
          </Link>
        </div>
      ) : isMember ? (
        <>
          {failure ? (
            <p className="field__error" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="row">
            <button
              type="button"
              className="button"
              onClick={() => joinClass.mutate(code)}
              disabled={joinClass.isPending}
            >
              {joinClass.isPending ? 'Joining…' : 'Join the class'}
            </button>
            <Link prefetch={false} className="button button--secondary" href="/">
              Back to quizzes
            </Link>
          </div>
        </>
      ) : (
        <p>
          Classes are for student accounts.{' '}
          <Link prefetch={false} href={`/sign-in?next=${encodeURIComponent(`/join/${code}`)}`}>
            Sign in
          </Link>{' '}
          (or{' '}
          <Link prefetch={false} href={`/sign-up?next=${encodeURIComponent(`/join/${code}`)}`}>
            create one
          </Link>
          ) to join, or{' '}
          <Link prefetch={false} href="/">
            go back to the quizzes
          </Link>
          .
        </p>
      )}
    </div>
  );
};

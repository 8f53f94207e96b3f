'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { LivePlayerViewFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import { gqlRequest } from '@/lib/graphql/client';
import { describeError, errorCode } from '@/lib/graphql/error-messages';
import { QuestionCard } from '../play/question-card';
import { emptyDraft, type ResponseDraft, toResponseInput } from '../play/response';
import { sendLiveAnswer } from './answer-retry';
import { LivePlayerEventsDocument, SubmitLiveAnswerDocument } from './queries';
import { seatKey } from './seats';
import { Countdown, Explanation, LiveKey } from './shared';
import { useLiveStream } from './socket';

const AnswerForm = ({
  view,
  token,
  offsetMs,
  onAnswered,
}: {
  view: LivePlayerViewFieldsFragment;
  token: string;
  offsetMs: number;
  onAnswered: (index: number) => void;
}) => {
  const question = view.game.question;
  const [draft, setDraft] = useState<ResponseDraft | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  // The answer may have arrived: a retry sends it as it was (the server keeps the first one).
  const [inDoubt, setInDoubt] = useState(false);
  if (!question) {
    return null;
  }
  const current = draft ?? emptyDraft(question);
  const submit = async () => {
    setSending(true);
    setError(null);
    try {
      await sendLiveAnswer(
        () =>
          gqlRequest(SubmitLiveAnswerDocument, {
            token,
            questionIndex: question.index,
            response: toResponseInput(question, current),
          }),
        {
          isOnline: () => navigator.onLine,
          untilOnline: () =>
            new Promise((resolve) =>
              window.addEventListener('online', () => resolve(), { once: true }),
            ),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          onOffline: setOffline,
        },
      );
      onAnswered(question.index);
    } catch (e) {
      const lost = errorCode(e) === 'NETWORK_ERROR';
      setInDoubt(lost);
      setError(
        lost
          ? 'Your answer may not have been recorded: the connection failed. Try again.'
          : describeError(e),
      );
    } finally {
      setSending(false);
      setOffline(false);
    }
  };
  return (
    <div className="stack">
      <Countdown game={view.game} offsetMs={offsetMs} />
      <QuestionCard
        question={question}
        idPrefix={`live-q${question.index}`}
        draft={current}
        onChange={setDraft}
        onSubmit={() => void submit()}
        isSubmitting={sending}
        isHeld={inDoubt}
        submitLabel="Lock in answer"
        pendingLabel={offline ? 'Offline, waiting…' : undefined}
      />
      {offline ? (
        <p className="notice notice--warn" role="status">
          <strong>You are offline.</strong> Keep this page open: your answer will be sent as soon as
          the connection is back.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
};

const OwnResult = ({ view }: { view: LivePlayerViewFieldsFragment }) => {
  const { game, me, myAnswer } = view;
  const answered = myAnswer && myAnswer.questionIndex === game.questionIndex;
  return (
    <section className="card stack" aria-labelledby="live-result">
      <h2 id="live-result">
        {!answered ? 'No answer this time' : myAnswer.isCorrect ? 'Correct!' : 'Not quite'}
      </h2>
      {answered ? <p>+{myAnswer.points ?? 0} points</p> : null}
      <p>
        Score <strong>{formatNumber(me.score)}</strong>
        {me.rank ? ` · rank ${me.rank} of ${game.playerCount}` : ''} · streak {me.streak}
      </p>
      {game.reveal ? (
        <>
          <LiveKey game={game} />
          <Explanation reveal={game.reveal} />
        </>
      ) : null}
    </section>
  );
};

export const PlayerScreen = ({ gameId }: { gameId: string }) => {
  const [token, setToken] = useState<string | null | undefined>(undefined);
  useEffect(() => setToken(window.localStorage.getItem(seatKey(gameId))), [gameId]);
  const stream = useLiveStream(
    String(LivePlayerEventsDocument),
    token ? { token } : null,
    (data) => data.livePlayerEvents as LivePlayerViewFieldsFragment | undefined,
  );
  const [answeredIndex, setAnsweredIndex] = useState(-1);

  if (token === undefined) {
    return <p className="narrow-page">Loading…</p>;
  }
  if (token === null || stream.error?.code === 'UNAUTHENTICATED') {
    return (
      <div className="narrow-page stack">
        <h1>Live game</h1>
        <p>This browser has no seat in this game.</p>
        <Link className="button" href="/live">
          Join a game
        </Link>
      </div>
    );
  }
  const view = stream.view;
  if (!view) {
    return <p className="narrow-page">Connecting to the game…</p>;
  }
  const { game, me } = view;
  const answered =
    answeredIndex === game.questionIndex || view.myAnswer?.questionIndex === game.questionIndex;
  return (
    <div className="live-player narrow-page stack">
      <header className="live-player__bar">
        <h1>{game.title}</h1>
        <p className="muted" data-testid="live-me">
          {/* Nicknames may be right-to-left: isolated, the points beside them stay in place. */}
          <bdi>{me.nickname}</bdi>
          {me.team !== null && me.team !== undefined ? ` · Team ${me.team + 1}` : ''} ·{' '}
          {formatNumber(me.score)} pts
        </p>
      </header>
      {me.kicked ? (
        <p role="alert">The host removed you from this game.</p>
      ) : game.phase === 'LOBBY' ? (
        <section className="card stack">
          <h2>You’re in!</h2>
          <p>
            Waiting for the host to start. Keep this page open; if it reloads, you keep your seat.
          </p>
        </section>
      ) : game.phase === 'QUESTION' ? (
        answered ? (
          <section className="card stack" role="status">
            <h2>Answer locked in</h2>
            <p>Waiting for the reveal…</p>
          </section>
        ) : game.paused ? (
          <p role="status">The host has paused the game.</p>
        ) : (
          <AnswerForm
            key={game.questionIndex}
            view={view}
            token={token}
            offsetMs={stream.offsetMs}
            onAnswered={setAnsweredIndex}
          />
        )
      ) : game.phase === 'REVEAL' || game.phase === 'LEADERBOARD' ? (
        <OwnResult view={view} />
      ) : game.phase === 'PODIUM' ? (
        <section className="card stack" aria-labelledby="live-final">
          <h2 id="live-final">Game over</h2>
          <p>
            You finished <strong>{me.rank ? `#${me.rank}` : ''}</strong> with{' '}
            {formatNumber(me.score)} points and {me.correctCount} right answers.
          </p>
          <ol className="live-board">
            {game.leaderboard.slice(0, 3).map((row) => (
              <li key={row.rank + row.nickname}>
                {/* Isolated: "محمد 1234 · 798 pts" read as "798 · 1234 محمد pts" (probe 7b). */}
                <span className="live-board__rank">{row.rank}</span> <bdi>{row.nickname}</bdi> ·{' '}
                {row.score} pts
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p>The host closed this game.</p>
      )}
    </div>
  );
};

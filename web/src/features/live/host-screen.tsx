'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { renderSVG } from 'uqr';
import type { LiveCommand, LiveHostViewFieldsFragment } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import { KickLivePlayerDocument, LiveCommandDocument, LiveHostEventsDocument } from './queries';
import {
  Countdown,
  Explanation,
  Leaderboard,
  LiveKey,
  optionMark,
  TeamBoard,
  useSecondsLeft,
} from './shared';
import { useLiveStream } from './socket';

const JoinPanel = ({ pin }: { pin: string }) => {
  const [origin, setOrigin] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const link = `${origin}/live?pin=${pin}`;
  // The QR code encodes the join link with the PIN filled in; the PIN stays readable beside it.
  const svg = useMemo(() => (origin ? renderSVG(link, { border: 2 }) : ''), [link, origin]);
  return (
    <section className="card live-join" aria-labelledby="live-join-title">
      <div className="stack">
        <h2 id="live-join-title">Join at {origin ? `${origin}/live` : '/live'}</h2>
        <p className="live-pin">
          <span className="muted">Game PIN</span>
          <strong data-testid="live-pin">{pin.replace(/(\d{3})(\d{3})/, '$1 $2')}</strong>
        </p>
        <p className="small">
          <a href={link}>{link}</a>
        </p>
      </div>
      {svg ? (
        <div
          className="live-qr"
          role="img"
          aria-label={`QR code for ${link}`}
          // uqr renders a plain SVG from our own link; no user text inside.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated locally from the join URL
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : null}
    </section>
  );
};

const Distribution = ({ view }: { view: LiveHostViewFieldsFragment }) => {
  const { question, reveal } = view.game;
  if (!question || !reveal) {
    return null;
  }
  if (reveal.distribution.length === 0) {
    // No options to chart; the reveal already says "n of m answered right" above.
    return null;
  }
  const most = Math.max(1, ...reveal.distribution.map((d) => d.count));
  return (
    <ul className="live-distribution" aria-label="How the room answered">
      {question.prompt.options.map((option, index) => {
        const count = reveal.distribution.find((d) => d.optionId === option.id)?.count ?? 0;
        const correct = reveal.key.optionIds.includes(option.id);
        const mark = optionMark(index);
        return (
          <li key={option.id} className={correct ? 'is-correct' : undefined}>
            <span className={mark.className} aria-hidden="true">
              {mark.shape}
            </span>
            <span>
              {mark.letter}. {option.label} {correct ? <strong>(correct)</strong> : null}
            </span>
            <span
              className="live-bar"
              style={{ width: `${(count / most) * 100}%` }}
              aria-hidden="true"
            />
            <span>
              {count} {count === 1 ? 'answer' : 'answers'}
            </span>
          </li>
        );
      })}
    </ul>
  );
};

export const HostScreen = ({ gameId }: { gameId: string }) => {
  const stream = useLiveStream(
    String(LiveHostEventsDocument),
    { gameId },
    (data) => data.liveHostEvents as LiveHostViewFieldsFragment | undefined,
  );
  const [local, setLocal] = useState<LiveHostViewFieldsFragment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const view =
    local && stream.view && local.game.seq > stream.view.game.seq ? local : (stream.view ?? local);

  const run = async (command: LiveCommand): Promise<LiveHostViewFieldsFragment | null> => {
    setBusy(true);
    setError(null);
    try {
      // The seq of the view shown: a command chosen on it does nothing once the game has moved
      // on (another screen, or the automatic reveal, got there first); the answer is the game now.
      const data = await gqlRequest(LiveCommandDocument, { gameId, command, seq: view?.game.seq });
      const now = data.liveCommand as LiveHostViewFieldsFragment;
      setLocal(now);
      return now;
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The command failed');
      return null;
    } finally {
      setBusy(false);
    }
  };
  const kick = async (playerId: string) => {
    try {
      const data = await gqlRequest(KickLivePlayerDocument, { gameId, playerId });
      setLocal(data.kickLivePlayer as LiveHostViewFieldsFragment);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not remove the player');
    }
  };

  // The question closes by itself: at the deadline, or as soon as everyone has answered.
  const secondsLeft = useSecondsLeft(view?.game.deadline, stream.offsetMs);
  const revealedFor = useRef(-1);
  const game = view?.game;
  useEffect(() => {
    if (game?.phase !== 'QUESTION' || game.paused || revealedFor.current === game.questionIndex) {
      return;
    }
    const everyone = game.playerCount > 0 && game.answerCount >= game.playerCount;
    if (everyone || secondsLeft === 0) {
      const question = game.questionIndex;
      revealedFor.current = question;
      void run('REVEAL').then((now) => {
        // Sent on a view the game had just moved past (a kick, a lock) while this question is
        // still open: try again with the view now shown.
        if (now?.game.phase === 'QUESTION' && now.game.questionIndex === question) {
          revealedFor.current = -1;
        }
      });
    }
  });

  if (stream.error && !view) {
    return (
      <div className="narrow-page stack">
        <h1>Live game</h1>
        <p role="alert">{stream.error.message}</p>
      </div>
    );
  }
  if (!view || !game) {
    return <p className="narrow-page">Connecting to the game…</p>;
  }
  const button = (command: LiveCommand, label: string, secondary = false) => (
    <button
      type="button"
      className={secondary ? 'button button--secondary' : 'button'}
      disabled={busy}
      onClick={() => void run(command)}
    >
      {label}
    </button>
  );
  const atLast = game.questionIndex + 1 >= game.questionCount;

  return (
    <div className="live-host stack">
      <header className="live-host__bar">
        <h1>{game.title}</h1>
        <p className="muted">
          {game.phase === 'LOBBY'
            ? `${game.playerCount} joined`
            : game.phase === 'PODIUM' || game.phase === 'CANCELLED'
              ? 'Game over'
              : `Question ${game.questionIndex + 1} of ${game.questionCount} · ${game.playerCount} players`}
          {game.locked ? ' · Locked' : ''}
        </p>
      </header>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}

      {game.phase === 'LOBBY' ? (
        <>
          {game.pin ? <JoinPanel pin={game.pin} /> : null}
          <div className="form-actions">
            {button('START', 'Start the game')}
            {button(
              game.locked ? 'UNLOCK' : 'LOCK',
              game.locked ? 'Unlock the room' : 'Lock the room',
              true,
            )}
            {button('END', 'Close the game', true)}
          </div>
          <section className="card stack" aria-labelledby="live-roster-title">
            <h2 id="live-roster-title">Players ({game.playerCount})</h2>
            {view.players.length === 0 ? (
              <p className="muted">Waiting for players…</p>
            ) : (
              <ul className="live-roster" aria-live="polite">
                {view.players.map((player) => (
                  <li key={player.id}>
                    <bdi className="live-roster__name">{player.nickname}</bdi>
                    {player.team !== null && player.team !== undefined ? (
                      <span className="badge">Team {player.team + 1}</span>
                    ) : null}
                    <button
                      type="button"
                      className="button button--quiet button--small"
                      onClick={() => void kick(player.id)}
                      aria-label={`Remove ${player.nickname}`}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}

      {game.phase === 'QUESTION' && game.question ? (
        <section className="stack" aria-labelledby="live-question">
          <div className="live-host__status">
            <Countdown game={game} offsetMs={stream.offsetMs} />
            <p className="live-count" role="status">
              {game.answerCount} / {game.playerCount} answered
            </p>
          </div>
          <h2 id="live-question" className="live-stem">
            {game.question.stem}
          </h2>
          {game.question.prompt.quote ? (
            <blockquote className="citation">“{game.question.prompt.quote}”</blockquote>
          ) : null}
          <ul className="live-options">
            {(game.question.prompt.options.length
              ? game.question.prompt.options
              : game.question.prompt.items
            ).map((option, index) => {
              const mark = optionMark(index);
              return (
                <li key={option.id} className={mark.className}>
                  <span aria-hidden="true">{mark.shape}</span> {mark.letter}. {option.label}
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            {button('REVEAL', 'Reveal now')}
            {button(game.paused ? 'RESUME' : 'PAUSE', game.paused ? 'Resume' : 'Pause', true)}
            {button('SKIP', 'Skip question', true)}
            {button('END', 'End game', true)}
          </div>
        </section>
      ) : null}

      {game.phase === 'REVEAL' && game.question && game.reveal ? (
        <section className="stack" aria-labelledby="live-reveal">
          <h2 id="live-reveal" className="live-stem">
            {game.question.stem}
          </h2>
          <LiveKey game={game} />
          <p>
            {game.reveal.correctCount} of {game.reveal.answerCount} answered right.
          </p>
          <Distribution view={view} />
          <Explanation reveal={game.reveal} />
          <div className="form-actions">
            {button(
              'NEXT',
              game.showLeaderboard ? 'Leaderboard' : atLast ? 'Podium' : 'Next question',
            )}
            {button('END', 'End game', true)}
          </div>
        </section>
      ) : null}

      {game.phase === 'LEADERBOARD' ? (
        <>
          <Leaderboard rows={game.leaderboard} />
          <TeamBoard teams={game.teams} />
          <div className="form-actions">
            {button('NEXT', atLast ? 'Podium' : 'Next question')}
            {button('END', 'End game', true)}
          </div>
        </>
      ) : null}

      {game.phase === 'PODIUM' ? (
        <>
          <Leaderboard rows={game.leaderboard.slice(0, 3)} title="Podium" />
          <TeamBoard teams={game.teams} />
          <p>
            <Link className="button" href={`/teacher/live/${game.id}/report`}>
              See the report
            </Link>
          </p>
        </>
      ) : null}
      {game.phase === 'CANCELLED' ? <p>This game was closed before it started.</p> : null}
    </div>
  );
};

'use client';

import { useEffect, useState } from 'react';
import type { LiveGameStateFieldsFragment } from '@/gql/graphql';
import { formatNumber, plural } from '@/lib/format';

/**
 * Every option has a letter, a shape and a colour (never colour alone): colour-blind players
 * and a washed-out projector still tell them apart.
 */
const SHAPES = ['▲', '◆', '●', '■', '★', '⬟'] as const;
export const optionMark = (index: number) => ({
  letter: String.fromCharCode(65 + index),
  shape: SHAPES[index % SHAPES.length],
  className: `live-option live-option--${index % 6}`,
});

/** Seconds left by the server's clock (offsetMs = server − local), recomputed, never ticked down. */
export const useSecondsLeft = (
  deadline: string | null | undefined,
  offsetMs: number,
): number | null => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!deadline) {
      return;
    }
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [deadline]);
  if (!deadline) {
    return null;
  }
  return Math.max(0, Math.ceil((Date.parse(deadline) - (now + offsetMs)) / 1000));
};

export const Countdown = ({
  game,
  offsetMs,
}: {
  game: Pick<LiveGameStateFieldsFragment, 'deadline' | 'paused' | 'remainingMs'>;
  offsetMs: number;
}) => {
  const left = useSecondsLeft(game.deadline, offsetMs);
  if (game.paused) {
    return (
      <p className="live-countdown" role="status">
        Paused · {Math.ceil((game.remainingMs ?? 0) / 1000)} s left
      </p>
    );
  }
  if (left === null) {
    return null;
  }
  return (
    <p className="live-countdown" role="timer">
      {left}
      <span className="small muted"> s left</span>
    </p>
  );
};

export const Leaderboard = ({
  rows,
  title = 'Leaderboard',
}: {
  rows: LiveGameStateFieldsFragment['leaderboard'];
  title?: string;
}) => (
  <section className="card stack" aria-labelledby="live-board-title">
    <h2 id="live-board-title">{title}</h2>
    {rows.length === 0 ? (
      <p className="muted">No scores yet.</p>
    ) : (
      <ol className="live-board">
        {rows.map((row) => (
          <li key={`${row.rank}-${row.nickname}`}>
            <span className="live-board__rank">{row.rank}</span>
            <bdi className="live-board__name">{row.nickname}</bdi>
            <span className="live-board__score">{formatNumber(row.score)} pts</span>
            <span className="muted small">{row.correctCount} right</span>
          </li>
        ))}
      </ol>
    )}
  </section>
);

export const TeamBoard = ({ teams }: { teams: LiveGameStateFieldsFragment['teams'] }) =>
  teams.length === 0 ? null : (
    <section className="card stack" aria-labelledby="live-teams-title">
      <h2 id="live-teams-title">Teams (mean score)</h2>
      <ol className="live-board">
        {teams.map((team) => (
          <li key={team.team}>
            <span className="live-board__name">Team {team.team + 1}</span>
            <span className="live-board__score">{formatNumber(team.score)} pts</span>
            <span className="muted small">{plural(team.members, 'player')}</span>
          </li>
        ))}
      </ol>
    </section>
  );

/** The key in words for any question type. */
export const keyText = (game: LiveGameStateFieldsFragment): string => {
  const { question, reveal } = game;
  if (!question || !reveal) {
    return '';
  }
  const label = (list: { id: string; label: string }[], id: string) =>
    list.find((item) => item.id === id)?.label ?? id;
  const { key } = reveal;
  if (key.optionIds.length > 0) {
    return key.optionIds.map((id) => label(question.prompt.options, id)).join('; ');
  }
  if (key.order.length > 0) {
    return key.order.map((id, i) => `${i + 1}. ${label(question.prompt.items, id)}`).join('  ');
  }
  if (key.pairs.length > 0) {
    return key.pairs
      .map(
        (p) =>
          `${label(question.prompt.items, p.itemId)} → ${label(question.prompt.targets, p.targetId)}`,
      )
      .join('; ');
  }
  if (key.year !== null && key.year !== undefined) {
    return String(key.year);
  }
  return key.answers[0] ?? '';
};

/**
 * The key on the reveal. An order or a set of pairs is a list: run together on one bold line
 * ("1. Syria joins …  2. Russia intervenes …") it read as one sentence on the projector.
 */
export const LiveKey = ({ game }: { game: LiveGameStateFieldsFragment }) => {
  const { question, reveal } = game;
  if (!question || !reveal) {
    return null;
  }
  const label = (list: { id: string; label: string }[], id: string) =>
    list.find((item) => item.id === id)?.label ?? id;
  const { key } = reveal;
  if (key.optionIds.length === 0 && key.order.length > 0) {
    return (
      <div className="live-key">
        <p>Answer, earliest first:</p>
        <ol>
          {key.order.map((id) => (
            <li key={id}>
              <strong>{label(question.prompt.items, id)}</strong>
            </li>
          ))}
        </ol>
      </div>
    );
  }
  if (key.optionIds.length === 0 && key.pairs.length > 0) {
    return (
      <div className="live-key">
        <p>Answer:</p>
        <ul>
          {key.pairs.map((pair) => (
            <li key={pair.itemId}>
              {/* A whole account in bold was a wall of it on a phone: the match stands out. */}
              {label(question.prompt.items, pair.itemId)} →{' '}
              <strong>{label(question.prompt.targets, pair.targetId)}</strong>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <p className="live-key">
      Answer: <strong>{keyText(game)}</strong>
    </p>
  );
};

/** Passages shown before "More sources (n)", as in the quiz's feedback (`VISIBLE_SOURCES`). */
export const LIVE_VISIBLE_SOURCES = 3;

const LiveCitations = ({
  citations,
  label,
}: {
  citations: NonNullable<LiveGameStateFieldsFragment['reveal']>['citations'];
  label: string;
}) => (
  <ul className="citations" aria-label={label}>
    {citations.map((c) => (
      <li key={c.id}>
        <blockquote className="citation">
          <p>“{c.quote}”</p>
          <footer className="small muted">— {c.sourceTitle}</footer>
        </blockquote>
      </li>
    ))}
  </ul>
);

/**
 * The explanation and its passages: the first three, the rest behind a disclosure. A chronology's
 * reveal cited 13 passages, two projector screens of quotes between the answer and "Next".
 */
export const Explanation = ({
  reveal,
}: {
  reveal: NonNullable<LiveGameStateFieldsFragment['reveal']>;
}) => (
  <div className="stack">
    <p>{reveal.explanation}</p>
    {reveal.citations.length > 0 ? (
      <LiveCitations
        citations={reveal.citations.slice(0, LIVE_VISIBLE_SOURCES)}
        label="Sources for this answer"
      />
    ) : null}
    {reveal.citations.length > LIVE_VISIBLE_SOURCES ? (
      <details className="disclosure more-sources">
        <summary>More sources ({reveal.citations.length - LIVE_VISIBLE_SOURCES})</summary>
        <LiveCitations
          citations={reveal.citations.slice(LIVE_VISIBLE_SOURCES)}
          label="More sources for this answer"
        />
      </details>
    ) : null}
  </div>
);

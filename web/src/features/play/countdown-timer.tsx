'use client';

import { useEffect, useRef, useState } from 'react';
import { Icon } from '@/components/icon';

type CountdownTimerProps = {
  /** The server's deadline (ISO instant). */
  deadline: string;
  timeLimitSec: number;
  /** Called once when the time runs out (the page submits; the server decides). */
  onExpire: () => void;
  /** Stops the clock (answer submitted). */
  isStopped?: boolean;
  /** For tests. */
  now?: () => number;
};

const WARN_AT_SEC = 10;

/**
 * When the deadline falls on the local clock, trusting the server's deadline but never more than
 * the full limit from now (a client clock running behind the server's cannot add time).
 */
export const localEnd = (deadline: string, timeLimitSec: number, now: number): number =>
  Math.min(Date.parse(deadline), now + timeLimitSec * 1000);

export const formatClock = (seconds: number): string => {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
};

/**
 * A visible countdown. It announces "10 seconds left" once to screen readers (the clock itself is
 * not a live region, so it does not chatter) and calls onExpire at zero.
 */
export const CountdownTimer = ({
  deadline,
  timeLimitSec,
  onExpire,
  isStopped = false,
  now = Date.now,
}: CountdownTimerProps) => {
  const [end] = useState(() => localEnd(deadline, timeLimitSec, now()));
  const [left, setLeft] = useState(() => Math.max(0, (end - now()) / 1000));
  const [announcement, setAnnouncement] = useState('');
  const hasWarned = useRef(false);
  const hasExpired = useRef(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    if (isStopped) {
      return;
    }
    const tick = () => {
      const remaining = Math.max(0, (end - now()) / 1000);
      setLeft(remaining);
      if (remaining <= WARN_AT_SEC && remaining > 0 && !hasWarned.current) {
        hasWarned.current = true;
        setAnnouncement(`${Math.ceil(remaining)} seconds left.`);
      }
      if (remaining <= 0 && !hasExpired.current) {
        hasExpired.current = true;
        setAnnouncement("Time's up. Your answer is being submitted.");
        expire.current();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [end, isStopped, now]);

  const isLow = left <= WARN_AT_SEC;
  return (
    <>
      <span
        className={isLow ? 'timer timer--low' : 'timer'}
        role="timer"
        aria-label={`Time left: ${Math.ceil(left)} seconds`}
      >
        <Icon name={isLow ? 'warning' : 'clock'} size={18} />
        <span aria-hidden="true">{formatClock(left)}</span>
        <span className="visually-hidden">{`${Math.ceil(left)} seconds left`}</span>
      </span>
      <span className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
        {announcement}
      </span>
    </>
  );
};

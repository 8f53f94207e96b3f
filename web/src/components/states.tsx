'use client';

import type { ReactNode } from 'react';
import { describeError, errorCode } from '@/lib/graphql/error-messages';
import { Icon, type IconName } from './icon';

type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** Heading level of the title, to fit the page outline. */
  level?: 2 | 3;
  /** Said after the error's description (what a retry does). */
  children?: ReactNode;
};

/** An error with the API's code mapped to a human message, and a retry button. */
export const ErrorState = ({
  error,
  onRetry,
  title = 'This could not be loaded',
  level = 2,
  children,
}: ErrorStateProps) => {
  const Heading = level === 2 ? 'h2' : 'h3';
  const code = errorCode(error);
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon">
        <Icon name="warning" size={32} />
      </span>
      <Heading>{title}</Heading>
      <p>{describeError(error)}</p>
      {children}
      {code === 'UNAUTHENTICATED' ? (
        <p>
          <a href="/sign-in">Sign in</a>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
};

type EmptyStateProps = {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  level?: 2 | 3;
};

export const EmptyState = ({
  icon = 'book',
  title,
  children,
  action,
  level = 3,
}: EmptyStateProps) => {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="state">
      <span className="state__icon">
        <Icon name={icon} size={32} />
      </span>
      <Heading>{title}</Heading>
      {children}
      {action ? (
        <div className="row" style={{ justifyContent: 'center' }}>
          {action}
        </div>
      ) : null}
    </div>
  );
};

/** Placeholder lines while data loads; announced once as "Loading…". */
export const Skeleton = ({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) => (
  <div className="stack" aria-busy="true">
    <span className="visually-hidden" role="status">
      {label}
    </span>
    <span className="skeleton skeleton--title" aria-hidden="true" />
    {Array.from({ length: lines }, (_, index) => (
      <span
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        key={index}
        className="skeleton"
        aria-hidden="true"
        style={{ inlineSize: `${90 - index * 12}%` }}
      />
    ))}
  </div>
);

export const CardsSkeleton = ({
  count = 3,
  label = 'Loading…',
}: {
  count?: number;
  label?: string;
}) => (
  <div className="grid" aria-busy="true">
    <span className="visually-hidden" role="status">
      {label}
    </span>
    {Array.from({ length: count }, (_, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
      <div key={index} className="card card--flat" aria-hidden="true">
        <span className="skeleton skeleton--title" />
        <span className="skeleton" style={{ marginBlockStart: '0.75rem' }} />
        <span className="skeleton" style={{ marginBlockStart: '0.5rem', inlineSize: '70%' }} />
      </div>
    ))}
  </div>
);

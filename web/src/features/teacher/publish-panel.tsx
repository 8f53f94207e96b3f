'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { QuestionSetFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/error-messages';
import { SET_STATUS_LABELS } from './dashboard';
import { useArchiveQuestionSet, usePublishQuestionSet } from './use-teacher';

/** Publish (with a share code and a copyable link), then archive. */
export const PublishPanel = ({ set }: { set: QuestionSetFieldsFragment }) => {
  const publish = usePublishQuestionSet(set.id);
  const archive = useArchiveQuestionSet(set.id);
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const status = SET_STATUS_LABELS[set.status];
  const link = set.shareCode ? `${origin}/join/${set.shareCode}` : '';
  const problems = [
    ...(publish.data?.publishQuestionSet.errors ?? []),
    ...(archive.data?.archiveQuestionSet.errors ?? []),
  ];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="publish-title">
      <h2 id="publish-title">Publish and share</h2>
      <p>
        Status: <span className={status.className}>{status.text}</span>
      </p>
      {set.status === 'PUBLISHED' && set.shareCode ? (
        <div className="stack">
          <div className="share-box">
            <span>Code</span>
            <span className="share-code">{set.shareCode}</span>
          </div>
          <div className="field">
            <label htmlFor="share-link">Link for students</label>
            <input
              id="share-link"
              className="input"
              readOnly
              value={link}
              onFocus={(event) => event.target.select()}
            />
          </div>
          <div className="row">
            <button type="button" className="button" onClick={copy}>
              Copy link
            </button>
            <span role="status" className="small">
              {copied ? '✓ Link copied' : ''}
            </span>
          </div>
          <p className="small">
            <Link href={`/join/${set.shareCode}`}>Open the student page</Link> ·{' '}
            <Link href={`/teacher/sets/${set.id}/results`}>Class results</Link>
          </p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <ul className="error-summary" role="alert">
          {problems.map((problem) => (
            <li key={`${problem.field}-${problem.code}`}>{problem.message}</li>
          ))}
        </ul>
      ) : null}
      {publish.isError ? (
        <p className="field__error" role="alert">
          {describeError(publish.error)}
        </p>
      ) : null}
      {archive.isError ? (
        <p className="field__error" role="alert">
          {describeError(archive.error)}
        </p>
      ) : null}
      <div className="row">
        {set.status !== 'PUBLISHED' ? (
          <button
            type="button"
            className="button"
            onClick={() => publish.mutate(undefined)}
            disabled={publish.isPending || set.questionCount === 0}
            aria-describedby={set.questionCount === 0 ? 'publish-hint' : undefined}
          >
            {publish.isPending
              ? 'Publishing…'
              : set.status === 'ARCHIVED'
                ? 'Publish again'
                : 'Publish'}
          </button>
        ) : null}
        {set.status !== 'ARCHIVED' ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => archive.mutate(undefined)}
            disabled={archive.isPending}
          >
            {archive.isPending ? 'Archiving…' : 'Archive'}
          </button>
        ) : null}
      </div>
      {set.questionCount === 0 ? (
        <p id="publish-hint" className="field__hint">
          Add at least one question before publishing.
        </p>
      ) : null}
    </section>
  );
};

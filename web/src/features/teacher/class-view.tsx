'use client';

import Link from 'next/link';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { describeError } from '@/lib/graphql/error-messages';
import { useClass, useRemoveClassMember, useRenewClassJoinCode } from './use-teacher';

export const ClassView = ({ classId }: { classId: string }) => {
  const query = useClass(classId);
  // A code that leaked lets anyone with an account in: the teacher renews it and takes out who
  // should not be there (their results then leave the class board and results).
  const remove = useRemoveClassMember(classId);
  const renew = useRenewClassJoinCode(classId);
  if (query.isPending) {
    return <Skeleton lines={4} label="Loading the class…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="The class could not be loaded"
      />
    );
  }
  const klass = query.data.class;
  if (!klass) {
    return (
      <ErrorState
        error={new GraphQLRequestError('Not found', 'NOT_FOUND', 404)}
        title="This class does not exist"
      />
    );
  }
  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">
          <Link href="/teacher">Teach</Link> / Class
        </p>
        <h1>{klass.name}</h1>
        <div className="share-box">
          <span>Students join with</span>
          <span className="share-code">{klass.joinCode ?? '—'}</span>
          <Link href={`/leaderboard?class=${klass.id}`}>Class leaderboard</Link>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={renew.isPending}
            onClick={() => renew.mutate()}
          >
            New code
          </button>
        </div>
        <p className="small muted">
          A new code stops the old one from letting anyone in; members stay.
        </p>
      </header>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members ({klass.memberCount})</h2>
        {klass.members.length === 0 ? (
          <EmptyState icon="users" title="Nobody has joined yet">
            <p>
              Share the code <strong>{klass.joinCode}</strong>: students enter it under “Join with a
              code” on the home page.
            </p>
          </EmptyState>
        ) : (
          <ul className="board">
            {klass.members.map((member) => (
              <li
                key={member.id}
                className="board__row"
                style={{ gridTemplateColumns: 'minmax(0, 1fr) auto' }}
              >
                <bdi>{member.displayName}</bdi>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(member.id)}
                >
                  Remove<span className="visually-hidden"> {member.displayName}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {remove.isError || renew.isError ? (
          <p className="field__error" role="alert">
            {describeError(remove.error ?? renew.error)}
          </p>
        ) : null}
      </section>
    </div>
  );
};

'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { errorFor, Field, type FieldErrorLike } from '@/components/field';
import { CardsSkeleton, EmptyState, ErrorState } from '@/components/states';
import { SubmitRow } from '@/components/submit-row';
import type { SetStatus } from '@/gql/graphql';
import { InvitationsPanel } from './invitations-panel';
import { useCreateClass, useCreateQuestionSet, useTeacherDashboard } from './use-teacher';

export const SET_STATUS_LABELS: Record<SetStatus, { text: string; className: string }> = {
  DRAFT: { text: '✎ Draft', className: 'badge' },
  PUBLISHED: { text: '● Published', className: 'badge badge--good' },
  ARCHIVED: { text: '▣ Archived', className: 'badge badge--warn' },
};

const NewSetForm = () => {
  const router = useRouter();
  const create = useCreateQuestionSet();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get('title') ?? '').trim();
    if (!title) {
      setErrors([{ field: 'title', message: 'Give the set a title.' }]);
      return;
    }
    setErrors([]);
    create.mutate(
      { title },
      {
        onSuccess: ({ createQuestionSet }) => {
          if (createQuestionSet.questionSet) {
            router.push(`/teacher/sets/${createQuestionSet.questionSet.id}`);
          } else {
            setErrors(createQuestionSet.errors);
          }
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <Field
        id="new-set-title"
        label="New set title"
        error={errorFor(errors, 'title') ?? errors[0]?.message ?? null}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            name="title"
            placeholder="e.g. The alliance under Hafez al-Assad"
          />
        )}
      </Field>
      <SubmitRow
        error={create.error}
        pending={create.isPending}
        label="Create set"
        pendingLabel="Creating…"
      />
    </form>
  );
};

const NewClassForm = () => {
  const create = useCreateClass();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      setErrors([{ field: 'name', message: 'Give the class a name.' }]);
      return;
    }
    setErrors([]);
    create.mutate(name, {
      onSuccess: ({ createClass }) => {
        if (createClass.class) {
          form.reset();
        } else {
          setErrors(createClass.errors);
        }
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <Field
        id="new-class-name"
        label="New class name"
        error={errorFor(errors, 'name') ?? errors[0]?.message ?? null}
      >
        {(control) => (
          <input {...control} className="input" name="name" placeholder="e.g. Year 11 History" />
        )}
      </Field>
      <SubmitRow
        error={create.error}
        pending={create.isPending}
        label="Create class"
        pendingLabel="Creating…"
        secondary
      />
    </form>
  );
};

/** The teacher's sets (status, code, attempts) and classes (join code, members). */
export const TeacherDashboard = () => {
  const query = useTeacherDashboard();
  return (
    <div className="stack-lg">
      <div className="two-col">
        <section aria-labelledby="sets-title" className="stack">
          <h2 id="sets-title">Your question sets</h2>
          {query.isPending ? (
            <CardsSkeleton count={2} label="Loading your sets…" />
          ) : query.isError ? (
            <ErrorState
              error={query.error}
              onRetry={() => query.refetch()}
              title="Your sets could not be loaded"
              level={3}
            />
          ) : query.data.mySets.length === 0 ? (
            <EmptyState icon="book" title="No sets yet">
              <p>
                Create a set, then add questions from the bank or generate new ones from the
                sources.
              </p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              {/* One block per set on a phone: five columns scrolled sideways there, cutting off
                  the counts and breaking "Published" inside the word. */}
              <table className="stack-table">
                <caption className="visually-hidden">Your question sets</caption>
                <thead>
                  <tr>
                    <th scope="col">Set</th>
                    <th scope="col">Status</th>
                    <th scope="col">Code</th>
                    <th scope="col" className="num">
                      Questions
                    </th>
                    <th scope="col" className="num">
                      Attempts
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.mySets.map((set) => {
                    const status = SET_STATUS_LABELS[set.status];
                    return (
                      <tr key={set.id}>
                        <th scope="row">
                          <Link href={`/teacher/sets/${set.id}`}>{set.title}</Link>
                          {set.class ? <div className="small muted">{set.class.name}</div> : null}
                          {set.retiredItems.length > 0 ? (
                            <div className="small">
                              <Link href={`/teacher/sets/${set.id}`} className="badge badge--warn">
                                {set.retiredItems.length === 1
                                  ? '1 question corrected: review it'
                                  : `${set.retiredItems.length} questions corrected: review them`}
                              </Link>
                            </div>
                          ) : null}
                          {set.attemptCount > 0 ? (
                            <div className="small">
                              <Link href={`/teacher/sets/${set.id}/results`}>Class results</Link>
                            </div>
                          ) : null}
                        </th>
                        <td data-label="Status">
                          <span className={status.className}>{status.text}</span>
                        </td>
                        <td data-label="Code">
                          {set.shareCode ? (
                            <code>{set.shareCode}</code>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                        <td className="num" data-label="Questions">
                          {set.questionCount}
                        </td>
                        <td className="num" data-label="Attempts">
                          {set.attemptCount}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div className="card card--flat">
            <NewSetForm />
          </div>
        </section>
        <section aria-labelledby="classes-title" className="stack">
          <h2 id="classes-title">Your classes</h2>
          {query.isPending ? (
            <CardsSkeleton count={1} label="Loading your classes…" />
          ) : query.isError ? null : query.data.myClasses.length === 0 ? (
            <EmptyState icon="users" title="No classes yet">
              <p>
                Students join a class with its code; you then see class leaderboards and results.
              </p>
            </EmptyState>
          ) : (
            <ul className="plain-list stack">
              {query.data.myClasses.map((klass) => (
                <li key={klass.id} className="card card--flat">
                  <h3>
                    <Link href={`/teacher/classes/${klass.id}`}>{klass.name}</Link>
                  </h3>
                  <p className="small" style={{ margin: 0 }}>
                    Join code{' '}
                    <code className="share-code" style={{ fontSize: '1rem' }}>
                      {klass.joinCode ?? '—'}
                    </code>{' '}
                    · {klass.memberCount} {klass.memberCount === 1 ? 'member' : 'members'}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <div className="card card--flat">
            <NewClassForm />
          </div>
        </section>
      </div>
      <InvitationsPanel />
    </div>
  );
};

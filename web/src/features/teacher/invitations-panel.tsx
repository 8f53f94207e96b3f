'use client';

import { type FormEvent, useState } from 'react';
import { errorFor, Field, type FieldErrorLike } from '@/components/field';
import { ErrorState } from '@/components/states';
import { SubmitRow } from '@/components/submit-row';
import type { InvitationStatus } from '@/gql/graphql';
import { formatDayMonth } from '@/lib/format';
import { describeError } from '@/lib/graphql/error-messages';
import {
  useCreateTeacherInvitation,
  useRevokeTeacherInvitation,
  useTeacherInvitations,
} from './use-teacher';

const STATUS: Record<InvitationStatus, { text: string; className: string }> = {
  PENDING: { text: 'Waiting', className: 'badge badge--accent' },
  USED: { text: 'Used', className: 'badge badge--good' },
  EXPIRED: { text: 'Expired', className: 'badge' },
  REVOKED: { text: 'Revoked', className: 'badge badge--warn' },
};

const day = (iso: string) => formatDayMonth(iso);

/**
 * Teachers invite colleagues: a single-use code valid for 7 days, shown once here (only its hash
 * is kept), and a list of the teacher's invitations with a way to revoke a waiting one.
 */
export const InvitationsPanel = () => {
  const list = useTeacherInvitations();
  const create = useCreateTeacherInvitation();
  const revoke = useRevokeTeacherInvitation();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const [code, setCode] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const label = String(new FormData(form).get('label') ?? '').trim();
    setErrors([]);
    setCode(null);
    create.mutate(label, {
      onSuccess: ({ createTeacherInvitation: payload }) => {
        if (payload.code) {
          setCode(payload.code);
          form.reset();
        } else {
          setErrors(payload.errors);
        }
      },
    });
  };

  return (
    <section aria-labelledby="invitations-title" className="stack">
      <h2 id="invitations-title">Invite a teacher</h2>
      <p className="small muted">
        Teacher accounts need an invitation. A code works once, for 7 days; give it to your
        colleague, who enters it when creating an account.
      </p>
      <div className="card card--flat stack">
        <form onSubmit={submit} noValidate className="stack">
          <Field
            id="invitation-label"
            label="Who is it for? (optional)"
            hint="Only you see this."
            error={errorFor(errors, 'label')}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                name="label"
                maxLength={80}
                placeholder="e.g. Leila, history department"
              />
            )}
          </Field>
          <SubmitRow
            error={create.error}
            pending={create.isPending}
            label="Create invitation code"
            pendingLabel="Creating…"
            secondary
          />
        </form>
        {code ? (
          <p className="notice" role="status">
            Code: <code className="share-code">{code}</code> — copy it now; it is not shown again.
          </p>
        ) : null}
      </div>
      {list.isError ? (
        <ErrorState
          error={list.error}
          onRetry={() => list.refetch()}
          title="Your invitations could not be loaded"
          level={3}
        />
      ) : list.data && list.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your invitations</caption>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((invitation) => (
                <tr key={invitation.id}>
                  <td>
                    {invitation.label || <span className="muted">—</span>}
                    {invitation.usedBy ? (
                      <div className="small muted">Used by {invitation.usedBy.displayName}</div>
                    ) : null}
                  </td>
                  <td>
                    <span className={STATUS[invitation.status].className}>
                      {STATUS[invitation.status].text}
                    </span>
                    {invitation.status === 'PENDING' ? (
                      <div className="small muted">until {day(String(invitation.expiresAt))}</div>
                    ) : null}
                  </td>
                  <td>
                    {invitation.status === 'PENDING' ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(invitation.id)}
                      >
                        Revoke
                        <span className="visually-hidden">
                          {' '}
                          the invitation {invitation.label ? `for ${invitation.label}` : ''}
                        </span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {revoke.isError ? (
        <p className="field__error" role="alert">
          {describeError(revoke.error)}
        </p>
      ) : null}
    </section>
  );
};

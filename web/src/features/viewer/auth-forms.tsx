'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { errorFor, Field, type FieldErrorLike } from '@/components/field';
import { describeError } from '@/lib/graphql/error-messages';
import { safeNext } from '@/lib/safe-next';
import { useHydrated } from '@/lib/use-hydrated';
import { useJoinAsGuest, useSignIn } from './use-viewer';

export const required = (value: string, field: string, message: string): FieldErrorLike[] =>
  value.trim() === '' ? [{ field, message, code: 'REQUIRED' }] : [];

/** Sign-in's answer to a wrong email or password: about the pair, so said once, not per field. */
const MISMATCH =
  'That email and password do not match an account. Check both and try again, or create an account below.';

/**
 * Sign in. Each problem is said once: a missing field at that field (focus moves to the first),
 * a wrong email or password in one alert above the form.
 */
export const SignInForm = ({ next }: { next?: string }) => {
  const router = useRouter();
  const signIn = useSignIn();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const [mismatch, setMismatch] = useState(false);
  // Before hydration the browser would send the form itself: a GET with the password in the
  // address (history, logs; probe 7b). Disabled until React runs it.
  const hydrated = useHydrated();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '');
    const password = String(data.get('password') ?? '');
    const local = [
      ...required(email, 'email', 'Enter your email address.'),
      ...required(password, 'password', 'Enter your password.'),
    ];
    setErrors(local);
    setMismatch(false);
    if (local.length > 0) {
      form.querySelector<HTMLElement>(`#sign-in-${local[0]?.field}`)?.focus();
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: ({ signIn: payload }) => {
          if (payload.errors.length > 0 || !payload.viewer) {
            const credentials =
              payload.errors.length === 0 ||
              payload.errors.some((error) => error.code === 'INVALID_CREDENTIALS');
            setMismatch(credentials);
            setErrors(credentials ? [] : payload.errors);
            return;
          }
          router.push(
            safeNext(
              next,
              payload.viewer.user.role === 'TEACHER' ? '/teacher' : '/',
              window.location.origin,
            ),
          );
        },
      },
    );
  };

  const alert = mismatch ? MISMATCH : signIn.isError ? describeError(signIn.error) : null;
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      {alert ? (
        <p className="notice notice--bad" role="alert">
          {alert}
        </p>
      ) : null}
      <Field id="sign-in-email" label="Email" error={errorFor(errors, 'email')}>
        {(control) => (
          <input
            {...control}
            {...(mismatch ? { 'aria-invalid': true } : {})}
            className="input"
            name="email"
            type="email"
            autoComplete="email"
          />
        )}
      </Field>
      <Field id="sign-in-password" label="Password" error={errorFor(errors, 'password')}>
        {(control) => (
          <input
            {...control}
            {...(mismatch ? { 'aria-invalid': true } : {})}
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={signIn.isPending || !hydrated}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      <p className="small muted">
        New here?{' '}
        <Link
          prefetch={false}
          href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
};

type GuestFormProps = {
  /** Called after the guest session exists. */
  onJoined?: () => void;
  submitLabel?: string;
  idPrefix?: string;
};

/** Play without an account: a nickname (the server checks it for abuse) starts a guest session. */
export const GuestForm = ({
  onJoined,
  submitLabel = 'Play as a guest',
  idPrefix = 'guest',
}: GuestFormProps) => {
  const join = useJoinAsGuest();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const fieldId = `${idPrefix}-nickname`;
  const hydrated = useHydrated();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nickname = String(new FormData(event.currentTarget).get('nickname') ?? '').trim();
    if (nickname.length < 2) {
      setErrors([{ field: 'nickname', message: 'Choose a nickname of at least 2 characters.' }]);
      return;
    }
    setErrors([]);
    // mutateAsync: the form may unmount once the session exists (the page re-renders signed in).
    join
      .mutateAsync(nickname)
      .then(({ joinAsGuest }) => {
        if (joinAsGuest.errors.length > 0 || !joinAsGuest.viewer) {
          setErrors(
            joinAsGuest.errors.length > 0
              ? joinAsGuest.errors
              : [{ field: 'nickname', message: 'That nickname cannot be used.' }],
          );
          return;
        }
        onJoined?.();
      })
      .catch(() => {
        // join.isError shows the message.
      });
  };

  const nicknameError =
    errors.find((error) => error.field === 'nickname' || error.field === 'form')?.message ??
    errors[0]?.message ??
    null;
  return (
    <form onSubmit={submit} noValidate className="stack">
      {join.isError ? (
        <p className="notice notice--bad" role="alert">
          {describeError(join.error)}
        </p>
      ) : null}
      <Field
        id={fieldId}
        label="Nickname"
        hint="Shown on the leaderboard. No account needed."
        error={nicknameError}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            name="nickname"
            maxLength={24}
            autoComplete="nickname"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={join.isPending || !hydrated}>
          {join.isPending ? 'Joining…' : submitLabel}
        </button>
      </div>
    </form>
  );
};

'use client';

import { PASSWORD_MIN, PASSWORD_RULE } from '@quiz/password-rule/rule';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, errorFor, Field, type FieldErrorLike } from '@/components/field';
import { describeError } from '@/lib/graphql/error-messages';
import { safeNext } from '@/lib/safe-next';
import { useHydrated } from '@/lib/use-hydrated';
import { required } from './auth-forms';
import { PasswordStrength } from './password-strength';
import { useSignIn, useSignUp } from './use-viewer';

/**
 * Sign-up, then sign-in with the same email and password. The server answers a sign-up alike
 * whether or not the email had an account (docs/security.md); the sign-in that follows is what
 * tells the real person, and only with the right password: a new account signs in, and an
 * existing one signs in only for whoever knows its password.
 */
export const SignUpForm = ({ next }: { next?: string }) => {
  const router = useRouter();
  const signUp = useSignUp();
  const signIn = useSignIn();
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  // Sent before hydration, the form would be a GET with the password in the address (probe 7b).
  const hydrated = useHydrated();
  const [notice, setNotice] = useState<string | null>(null);
  const pending = signUp.isPending || signIn.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invitationCode = String(new FormData(event.currentTarget).get('invitationCode') ?? '');
    setNotice(null);
    const local = [
      ...required(displayName, 'displayName', 'Enter the name others will see.'),
      ...required(email, 'email', 'Enter your email address.'),
      ...([...password].length < PASSWORD_MIN
        ? [
            {
              field: 'password',
              message: `Use at least ${PASSWORD_MIN} characters for your password.`,
              code: 'TOO_SHORT',
            },
          ]
        : []),
    ];
    setErrors(local);
    if (local.length > 0) {
      return;
    }
    const credentials = { email: email.trim(), password };
    signUp.mutate(
      {
        ...credentials,
        displayName: displayName.trim(),
        invitationCode: invitationCode.trim() || null,
      },
      {
        onSuccess: ({ signUp: payload }) => {
          if (!payload.accepted) {
            setErrors(payload.errors);
            return;
          }
          signIn.mutate(credentials, {
            onSuccess: ({ signIn: session }) => {
              if (!session.viewer) {
                setNotice(
                  'We could not sign you in with this password. If this email already had an account, sign in with that account’s password instead.',
                );
                return;
              }
              router.push(
                safeNext(
                  next,
                  session.viewer.user.role === 'TEACHER' ? '/teacher' : '/',
                  window.location.origin,
                ),
              );
            },
          });
        },
      },
    );
  };

  const failure = signUp.error ?? signIn.error;
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} targetFor={(field) => `sign-up-${field}`} />
      {failure ? (
        <p className="notice notice--bad" role="alert">
          {describeError(failure)}
        </p>
      ) : null}
      {notice ? (
        <p className="notice notice--bad" role="alert">
          {notice}{' '}
          <Link
            prefetch={false}
            href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}
          >
            Sign in
          </Link>
        </p>
      ) : null}
      <Field
        id="sign-up-displayName"
        label="Your name"
        hint="Shown on leaderboards."
        error={errorFor(errors, 'displayName')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            name="displayName"
            autoComplete="nickname"
            maxLength={60}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
          />
        )}
      </Field>
      <Field id="sign-up-email" label="Email" error={errorFor(errors, 'email')}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field
        id="sign-up-password"
        label="Password"
        hint={PASSWORD_RULE}
        error={errorFor(errors, 'password')}
      >
        {(control) => (
          <>
            <input
              {...control}
              aria-describedby={[control['aria-describedby'], 'sign-up-password-strength']
                .filter(Boolean)
                .join(' ')}
              className="input"
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <PasswordStrength
              id="sign-up-password-strength"
              password={password}
              userInputs={[email, displayName]}
            />
          </>
        )}
      </Field>
      <Field
        id="sign-up-invitationCode"
        label="Teacher invitation code (optional)"
        hint="Teachers join with a code from a colleague or the administrator. Students leave it empty."
        error={errorFor(errors, 'invitationCode')}
      >
        {(control) => (
          <input
            {...control}
            className="input input--code"
            name="invitationCode"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending || !hydrated}>
          {signUp.isPending
            ? 'Creating your account…'
            : signIn.isPending
              ? 'Signing in…'
              : 'Create account'}
        </button>
      </div>
      <p className="small muted">
        Already have an account?{' '}
        <Link
          prefetch={false}
          href={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
};

'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/field';
import { useHydrated } from '@/lib/use-hydrated';

/** A set's share code or a class code: the join page works out which. */
export const JoinCodeForm = ({ initialCode }: { initialCode?: string } = {}) => {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // Before hydration a press would reload the page as /?code=… (see useHydrated).
  const hydrated = useHydrated();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '')
      .trim()
      .replace(/\s+/g, '');
    if (!/^[A-Za-z0-9-]{3,32}$/.test(code)) {
      setError('Enter the code your teacher gave you: letters and digits, like H7K2QX.');
      return;
    }
    setError(null);
    router.push(`/join/${encodeURIComponent(code.toUpperCase())}`);
  };
  return (
    <form onSubmit={submit} noValidate className="stack">
      <Field id="join-code" label="Quiz or class code" error={error}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="e.g. H7K2QX"
            defaultValue={initialCode}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={!hydrated}>
          Join
        </button>
      </div>
    </form>
  );
};

'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/field';
import { useTaxonomy } from '@/features/knowledge/use-knowledge';
import { describeError } from '@/lib/graphql/error-messages';
import { useStartPractice } from './use-sets';

/** A quick, unranked quiz drawn from the question bank, by era and theme. */
export const PracticeForm = ({ isSignedIn }: { isSignedIn: boolean }) => {
  const router = useRouter();
  const taxonomy = useTaxonomy();
  const start = useStartPractice();
  const [needsSession, setNeedsSession] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isSignedIn) {
      setNeedsSession(true);
      return;
    }
    const data = new FormData(event.currentTarget);
    const era = String(data.get('era') ?? '');
    const theme = String(data.get('theme') ?? '');
    const count = Number(data.get('count') ?? 10);
    start.mutate(
      { count, ...(era ? { eras: [era] } : {}), ...(theme ? { themes: [theme] } : {}) },
      { onSuccess: ({ startPractice }) => router.push(`/play/${startPractice.id}`) },
    );
  };

  const eras = taxonomy.data?.eras ?? [];
  const themes = taxonomy.data?.themes ?? [];
  return (
    <form onSubmit={submit} className="stack" aria-describedby="practice-hint">
      <p id="practice-hint" className="muted small">
        Questions come straight from the cited knowledge base. Practice is not ranked.
      </p>
      <Field id="practice-era" label="Era">
        {(control) => (
          <select
            {...control}
            className="select"
            name="era"
            defaultValue=""
            disabled={taxonomy.isPending}
          >
            <option value="">All eras, 1946–2025</option>
            {eras.map((era) => (
              <option key={era.slug} value={era.slug}>
                {era.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="practice-theme" label="Theme">
        {(control) => (
          <select
            {...control}
            className="select"
            name="theme"
            defaultValue=""
            disabled={taxonomy.isPending}
          >
            <option value="">All themes</option>
            {themes.map((theme) => (
              <option key={theme.slug} value={theme.slug}>
                {theme.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="practice-count" label="Questions">
        {(control) => (
          <select {...control} className="select input--short" name="count" defaultValue="10">
            <option value="5">5</option>
            <option value="10">10</option>
            <option value="15">15</option>
          </select>
        )}
      </Field>
      {taxonomy.isError ? (
        <p className="field__hint">
          Eras and themes could not be loaded; you can still practise on everything.
        </p>
      ) : null}
      {needsSession ? (
        <p className="notice" role="status">
          Choose a nickname under <a href="#guest-nickname">“Play as a guest”</a>, or sign in, to
          start.
        </p>
      ) : null}
      {start.isError ? (
        <p className="notice notice--bad" role="alert">
          {describeError(start.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Start practice'}
        </button>
      </div>
    </form>
  );
};

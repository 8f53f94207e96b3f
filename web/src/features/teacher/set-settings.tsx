'use client';

import { type FormEvent, useState } from 'react';
import { ErrorSummary, errorFor, Field, type FieldErrorLike } from '@/components/field';
import type { QuestionSetFieldsFragment, ScoringMode } from '@/gql/graphql';
import { describeError } from '@/lib/graphql/error-messages';
import { useUpdateQuestionSet } from './use-teacher';

type SetSettingsProps = {
  set: QuestionSetFieldsFragment;
  classes: readonly { id: string; name: string }[];
};

/** Title, description, scoring mode, shuffle, retakes and class, saved together. */
export const SetSettings = ({ set, classes }: SetSettingsProps) => {
  const update = useUpdateQuestionSet(set.id);
  const [errors, setErrors] = useState<FieldErrorLike[]>([]);
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const title = String(data.get('title') ?? '').trim();
    if (!title) {
      setErrors([{ field: 'title', message: 'Give the set a title.' }]);
      return;
    }
    setErrors([]);
    setSaved(false);
    update.mutate(
      {
        title,
        description: String(data.get('description') ?? ''),
        scoringMode: (data.get('scoringMode') === 'SPEED_BONUS'
          ? 'SPEED_BONUS'
          : 'ACCURACY') satisfies ScoringMode,
        shuffleQuestions: data.get('shuffle') === 'on',
        allowRetakes: data.get('allowRetakes') === 'on',
        classId: String(data.get('classId') ?? '') || null,
      },
      {
        onSuccess: ({ updateQuestionSet }) => {
          setErrors(updateQuestionSet.errors);
          setSaved(updateQuestionSet.errors.length === 0);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <ErrorSummary errors={errors} targetFor={(field) => `set-${field}`} />
      <Field id="set-title" label="Title" error={errorFor(errors, 'title')}>
        {(control) => (
          <input {...control} className="input" name="title" defaultValue={set.title} />
        )}
      </Field>
      <Field
        id="set-description"
        label="Description"
        hint="Shown to players before they start."
        error={errorFor(errors, 'description')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            name="description"
            defaultValue={set.description}
          />
        )}
      </Field>
      <fieldset className="field">
        <legend>Scoring</legend>
        <label className="check">
          <input
            type="radio"
            name="scoringMode"
            value="ACCURACY"
            defaultChecked={set.scoringMode === 'ACCURACY'}
          />
          <span>
            <strong>Accuracy</strong> — 1,000 points per correct answer; speed does not matter.
          </span>
        </label>
        <label className="check">
          <input
            type="radio"
            name="scoringMode"
            value="SPEED_BONUS"
            defaultChecked={set.scoringMode === 'SPEED_BONUS'}
          />
          <span>
            <strong>Speed bonus</strong> — up to 1,000 points, half of them for answering quickly
            within the time limit.
          </span>
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" name="shuffle" defaultChecked={set.shuffleQuestions} />
        <span>Shuffle the question order for each player</span>
      </label>
      <label className="check">
        <input type="checkbox" name="allowRetakes" defaultChecked={set.allowRetakes} />
        <span>
          <strong>Retakes allowed</strong> — players may play again; only each player&apos;s first
          attempt is ranked, later ones are practice.
        </span>
      </label>
      <Field
        id="set-classId"
        label="Class"
        hint="Optional: link the set to one of your classes."
        error={errorFor(errors, 'classId')}
      >
        {(control) => (
          <select {...control} className="select" name="classId" defaultValue={set.class?.id ?? ''}>
            <option value="">No class</option>
            {classes.map((klass) => (
              <option key={klass.id} value={klass.id}>
                {klass.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {update.isError ? (
        <p className="field__error" role="alert">
          {describeError(update.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
        {saved ? (
          <span role="status" className="badge badge--good">
            ✓ Saved
          </span>
        ) : null}
      </div>
    </form>
  );
};

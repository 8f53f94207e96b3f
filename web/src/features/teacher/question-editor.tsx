'use client';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, errorFor, Field, type FieldErrorLike } from '@/components/field';
import { TYPE_LABELS } from '@/features/play/response';
import type { QuestionInput } from '@/gql/graphql';
import {
  type Choice,
  controlFor,
  type EditorDraft,
  editorKind,
  newChoiceId,
  rationaleRefs,
  toQuestionInput,
  validateDraft,
} from './editor-draft';

type QuestionEditorProps = {
  initial: EditorDraft;
  /** Errors from the API's payload (FieldError), shown next to their fields. */
  serverErrors: readonly FieldErrorLike[];
  /** The rationale refs of the last input sent, to place `rationales.N.text` errors. */
  onSave: (input: QuestionInput, refs: string[]) => void;
  isSaving: boolean;
  saveLabel?: string;
  onCancel?: () => void;
};

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) {
    next.splice(to, 0, item);
  }
  return next;
};

/**
 * Edits a question's stem, options (or items, pairs, year), per-option rationales and explanation.
 * Problems show next to their fields (aria-describedby, aria-invalid) and in a summary that links
 * to each field.
 */
type YearFieldProps = {
  id: string;
  label: string;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
};

/**
 * The error for a one-name-per-line field: the API names the line (`correctAnswers.2`), which
 * the teacher finds by its number.
 */
const typedError = (errors: readonly FieldErrorLike[], field: string): string | null => {
  const found = errors.find(
    (error) => error.field === field || error.field.startsWith(`${field}.`),
  );
  if (!found) {
    return null;
  }
  const line = found.field.match(/\.(\d+)$/)?.[1];
  return line === undefined ? found.message : `Name ${Number(line) + 1}: ${found.message}`;
};

/** A year typed as text: the server validates it and answers field errors. */
const YearField = ({ id, label, error, value, onChange }: YearFieldProps) => (
  <Field id={id} label={label} error={error}>
    {(control) => (
      <input
        {...control}
        className="input"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    )}
  </Field>
);

export const QuestionEditor = ({
  initial,
  serverErrors,
  onSave,
  isSaving,
  saveLabel = 'Save question',
  onCancel,
}: QuestionEditorProps) => {
  const [draft, setDraft] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrorLike[]>([]);
  const [sentRefs, setSentRefs] = useState<string[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const errors = clientErrors.length > 0 ? clientErrors : serverErrors;
  const kind = editorKind(draft.type);
  const refs = rationaleRefs(draft);

  useEffect(() => {
    if (serverErrors.length > 0) {
      summary.current?.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }, [serverErrors]);

  const rationaleError = (ref: string) => {
    const index = sentRefs.indexOf(ref);
    return index >= 0 ? errorFor(errors, `rationales.${index}.text`) : null;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = validateDraft(draft);
    setClientErrors(problems);
    if (problems.length > 0) {
      requestAnimationFrame(() =>
        summary.current?.querySelector<HTMLElement>('.error-summary')?.focus(),
      );
      return;
    }
    const { input, refs: sent } = toQuestionInput(draft);
    setSentRefs(sent);
    onSave(input, sent);
  };

  const setChoice = (list: 'options' | 'items' | 'targets', index: number, label: string) =>
    setDraft({
      ...draft,
      [list]: draft[list].map((choice: Choice, other: number) =>
        other === index ? { ...choice, label } : choice,
      ),
    });

  const rationaleField = (ref: string, label: string) => (
    <Field
      id={`q-rationale-${ref}`}
      label={`Why “${label || '…'}” is right or wrong`}
      error={rationaleError(ref)}
    >
      {(control) => (
        <textarea
          {...control}
          className="textarea"
          rows={2}
          value={draft.rationales[ref] ?? ''}
          onChange={(event) =>
            setDraft({ ...draft, rationales: { ...draft.rationales, [ref]: event.target.value } })
          }
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate className="stack-lg" aria-label="Edit question">
      <div ref={summary}>
        <ErrorSummary
          errors={errors}
          targetFor={(field) => controlFor(field, sentRefs.length ? sentRefs : refs)}
        />
      </div>
      <p>
        <span className="badge badge--accent">{TYPE_LABELS[draft.type]}</span>
      </p>
      <Field
        id="q-stem"
        label="Question"
        hint="What the student reads first. Name the period if the answer changes over time."
        error={errorFor(errors, 'stem')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={3}
            value={draft.stem}
            onChange={(event) => setDraft({ ...draft, stem: event.target.value })}
          />
        )}
      </Field>
      {draft.type === 'WHO_SAID' ? (
        <Field id="q-quote" label="Words to attribute" error={errorFor(errors, 'quote')}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={3}
              value={draft.quote}
              onChange={(event) => setDraft({ ...draft, quote: event.target.value })}
            />
          )}
        </Field>
      ) : null}

      {kind === 'choice' ? (
        <fieldset
          className="stack"
          aria-describedby={
            errorFor(errors, 'correctOptionIds') || errorFor(errors, 'options')
              ? 'q-options-error'
              : undefined
          }
        >
          <legend className="label">Options</legend>
          {errorFor(errors, 'correctOptionIds') || errorFor(errors, 'options') ? (
            <span id="q-options-error" className="field__error">
              {errorFor(errors, 'correctOptionIds') ?? errorFor(errors, 'options')}
            </span>
          ) : null}
          {draft.options.map((option, index) => (
            <div key={option.id} className="editor-option">
              <Field
                id={`q-options-${index}-label`}
                label={`Option ${index + 1}`}
                error={errorFor(errors, `options.${index}.label`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    value={option.label}
                    readOnly={draft.type === 'TRUE_FALSE'}
                    onChange={(event) => setChoice('options', index, event.target.value)}
                  />
                )}
              </Field>
              <div className="row">
                <label className="check">
                  <input
                    type={draft.type === 'MULTI_SELECT' ? 'checkbox' : 'radio'}
                    name="q-correct"
                    id={`q-options-${index}-correct`}
                    checked={draft.correctOptionIds.includes(option.id)}
                    onChange={(event) =>
                      setDraft({
                        ...draft,
                        correctOptionIds:
                          draft.type === 'MULTI_SELECT'
                            ? event.target.checked
                              ? [...draft.correctOptionIds, option.id]
                              : draft.correctOptionIds.filter((id) => id !== option.id)
                            : [option.id],
                      })
                    }
                  />
                  <span>Correct answer</span>
                </label>
                {draft.type !== 'TRUE_FALSE' && draft.options.length > 2 ? (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() =>
                      setDraft({
                        ...draft,
                        options: draft.options.filter((other) => other.id !== option.id),
                        correctOptionIds: draft.correctOptionIds.filter((id) => id !== option.id),
                      })
                    }
                  >
                    Remove option {index + 1}
                  </button>
                ) : null}
              </div>
              {rationaleField(option.id, option.label)}
            </div>
          ))}
          {draft.type !== 'TRUE_FALSE' && draft.options.length < 6 ? (
            <div>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  setDraft({
                    ...draft,
                    options: [...draft.options, { id: newChoiceId(), label: '' }],
                  })
                }
              >
                + Add an option
              </button>
            </div>
          ) : null}
        </fieldset>
      ) : null}

      {kind === 'typed' ? (
        <fieldset className="stack">
          <legend className="label">The typed answer</legend>
          <Field
            id="q-answerHint"
            label="What kind of answer (hint)"
            hint="Shown under the question, e.g. “a person’s name”, “a state”, “an organisation”."
            error={errorFor(errors, 'answerHint')}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                maxLength={80}
                value={draft.answerHint}
                onChange={(event) => setDraft({ ...draft, answerHint: event.target.value })}
              />
            )}
          </Field>
          <Field
            id="q-correctAnswers"
            label="Accepted answers, one per line"
            hint="First the name as the sources give it, then every alias or short name to accept. Case, accents, “al-” and small spelling slips are forgiven anyway."
            error={typedError(errors, 'correctAnswers')}
          >
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={4}
                value={draft.answers}
                onChange={(event) => setDraft({ ...draft, answers: event.target.value })}
              />
            )}
          </Field>
          <Field
            id="q-nearMisses"
            label="Near misses, one per line (optional)"
            hint="Other names a student might confuse with the answer (Bashar for Hafez al-Assad): typing one, or something closer to one, is marked wrong."
            error={typedError(errors, 'nearMisses')}
          >
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={3}
                value={draft.nearMisses}
                onChange={(event) => setDraft({ ...draft, nearMisses: event.target.value })}
              />
            )}
          </Field>
          {rationaleField('answer', 'the answer')}
        </fieldset>
      ) : null}

      {kind === 'chronology' ? (
        <fieldset className="stack">
          <legend className="label">Events in the correct order (earliest first)</legend>
          {draft.items.map((item, index) => (
            <div key={item.id} className="editor-option">
              <Field
                id={`q-items-${index}-label`}
                label={`Event ${index + 1}`}
                error={errorFor(errors, `items.${index}.label`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    value={item.label}
                    onChange={(event) => setChoice('items', index, event.target.value)}
                  />
                )}
              </Field>
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={index === 0}
                  onClick={() => setDraft({ ...draft, items: move(draft.items, index, index - 1) })}
                >
                  ↑ Earlier<span className="visually-hidden">: event {index + 1}</span>
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={index === draft.items.length - 1}
                  onClick={() => setDraft({ ...draft, items: move(draft.items, index, index + 1) })}
                >
                  ↓ Later<span className="visually-hidden">: event {index + 1}</span>
                </button>
              </div>
              {rationaleField(item.id, item.label)}
            </div>
          ))}
        </fieldset>
      ) : null}

      {kind === 'matching' ? (
        <fieldset className="stack">
          <legend className="label">Pairs</legend>
          {errorFor(errors, 'correctPairs') ? (
            <span className="field__error">{errorFor(errors, 'correctPairs')}</span>
          ) : null}
          {draft.items.map((item, index) => (
            <div key={item.id} className="editor-option">
              <Field
                id={`q-items-${index}-label`}
                label={`Item ${index + 1}`}
                error={errorFor(errors, `items.${index}.label`)}
              >
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    value={item.label}
                    onChange={(event) => setChoice('items', index, event.target.value)}
                  />
                )}
              </Field>
              <Field
                id={`q-pair-${index}`}
                label={`Correct match for item ${index + 1}`}
                error={errorFor(errors, `correctPairs.${index}`)}
              >
                {(control) => (
                  <select
                    {...control}
                    className="select"
                    value={draft.pairs[item.id] ?? ''}
                    onChange={(event) =>
                      setDraft({
                        ...draft,
                        pairs: { ...draft.pairs, [item.id]: event.target.value },
                      })
                    }
                  >
                    <option value="">Choose…</option>
                    {draft.targets.map((target) => (
                      <option key={target.id} value={target.id}>
                        {target.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {rationaleField(item.id, item.label)}
            </div>
          ))}
          {draft.targets.map((target, index) => (
            <Field
              key={target.id}
              id={`q-targets-${index}-label`}
              label={`Match ${index + 1}`}
              error={errorFor(errors, `targets.${index}.label`)}
            >
              {(control) => (
                <input
                  {...control}
                  className="input"
                  value={target.label}
                  onChange={(event) => setChoice('targets', index, event.target.value)}
                />
              )}
            </Field>
          ))}
        </fieldset>
      ) : null}

      {kind === 'year' ? (
        <fieldset className="stack">
          <legend className="label">The year</legend>
          <div className="grid">
            <YearField
              id="q-correctYear"
              label="Correct year"
              error={errorFor(errors, 'correctYear')}
              value={draft.correctYear}
              onChange={(correctYear) => setDraft({ ...draft, correctYear })}
            />
            <YearField
              id="q-numeric-min"
              label="Earliest year allowed"
              error={errorFor(errors, 'numeric.min') ?? errorFor(errors, 'numeric')}
              value={draft.numeric.min}
              onChange={(min) => setDraft({ ...draft, numeric: { ...draft.numeric, min } })}
            />
            <YearField
              id="q-numeric-max"
              label="Latest year allowed"
              error={errorFor(errors, 'numeric.max')}
              value={draft.numeric.max}
              onChange={(max) => setDraft({ ...draft, numeric: { ...draft.numeric, max } })}
            />
            <YearField
              id="q-numeric-tolerance"
              label="Partial credit within (years)"
              error={errorFor(errors, 'numeric.tolerance')}
              value={draft.numeric.tolerance}
              onChange={(tolerance) =>
                setDraft({ ...draft, numeric: { ...draft.numeric, tolerance } })
              }
            />
          </div>
          {rationaleField('year', 'the year')}
        </fieldset>
      ) : null}

      <Field
        id="q-explanation"
        label="Explanation"
        hint="Shown after answering, above the cited sources."
        error={errorFor(errors, 'explanation')}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={4}
            value={draft.explanation}
            onChange={(event) => setDraft({ ...draft, explanation: event.target.value })}
          />
        )}
      </Field>
      <p className="small muted">
        {draft.citationIds.length > 0
          ? `The ${draft.citationIds.length} cited source ${draft.citationIds.length === 1 ? 'passage stays' : 'passages stay'} attached to the question.`
          : 'No source passage is attached: questions you write yourself show your explanation only.'}
      </p>
      <div className="form-actions">
        <button type="submit" className="button" disabled={isSaving}>
          {isSaving ? 'Saving…' : saveLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
};

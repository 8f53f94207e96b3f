'use client';

import { type FormEvent, useState } from 'react';
import { Field } from '@/components/field';
import { EmptyState, ErrorState } from '@/components/states';
import type { BankQuestionFieldsFragment, QuestionType } from '@/gql/graphql';
import { AddButton } from './add-button';
import { BankFilters, EMPTY_BANK_FILTER } from './bank-filters';
import { BankQuestionItem } from './bank-question-item';
import type { BankFilterValues } from './queries';
import { useGenerateQuestions } from './use-teacher';

type GeneratePanelProps = {
  inSet: ReadonlySet<string>;
  onAdd: (questions: BankQuestionFieldsFragment[]) => void;
  isAdding: boolean;
};

/** Draws new questions from the knowledge base by filters and count; each keeps its citations. */
export const GeneratePanel = ({ inSet, onAdd, isAdding }: GeneratePanelProps) => {
  const [filter, setFilter] = useState<BankFilterValues>(EMPTY_BANK_FILTER);
  const [countError, setCountError] = useState<string | null>(null);
  const generate = useGenerateQuestions();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const count = Number(new FormData(event.currentTarget).get('count'));
    if (!Number.isInteger(count) || count < 1 || count > 30) {
      setCountError('Choose between 1 and 30 questions.');
      return;
    }
    setCountError(null);
    generate.mutate({
      count,
      seed: Math.floor(Math.random() * 1_000_000),
      ...(filter.types.length ? { types: filter.types as QuestionType[] } : {}),
      ...(filter.eras.length ? { eras: filter.eras } : {}),
      ...(filter.themes.length ? { themes: filter.themes } : {}),
      ...(filter.actors.length ? { actors: filter.actors } : {}),
      ...(filter.minDifficulty !== null ? { minDifficulty: filter.minDifficulty } : {}),
      ...(filter.maxDifficulty !== null ? { maxDifficulty: filter.maxDifficulty } : {}),
    });
  };

  const result = generate.data?.generateQuestions;
  const fresh = result?.questions.filter((question) => !inSet.has(question.id)) ?? [];
  return (
    <div className="stack">
      <form onSubmit={submit} noValidate className="stack" aria-label="Generate questions">
        <BankFilters idPrefix="gen" value={filter} onChange={setFilter} showMine={false} />
        <Field id="gen-count" label="How many questions" error={countError}>
          {(control) => (
            <input
              {...control}
              className="input input--short"
              name="count"
              type="number"
              min={1}
              max={30}
              defaultValue={5}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={generate.isPending}>
            {generate.isPending ? 'Generating…' : 'Generate questions'}
          </button>
        </div>
      </form>
      {generate.isError ? (
        <ErrorState
          error={generate.error}
          onRetry={() => generate.reset()}
          title="Questions could not be generated"
          level={3}
        />
      ) : null}
      {result ? (
        <section aria-labelledby="generated-title" className="stack">
          <div className="row row--between">
            <h3 id="generated-title" style={{ margin: 0 }}>
              {result.questions.length} generated{' '}
              <span className="muted small">({result.available} matched the filters)</span>
            </h3>
            {fresh.length > 1 ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => onAdd(fresh)}
                disabled={isAdding}
              >
                + Add all {fresh.length}
              </button>
            ) : null}
          </div>
          {result.questions.length === 0 ? (
            <EmptyState icon="sparkle" title="Nothing matched">
              <p>No question in the bank fits all these filters. Remove one and try again.</p>
            </EmptyState>
          ) : (
            <ul className="plain-list stack">
              {result.questions.map((question) => (
                <li key={question.id}>
                  <BankQuestionItem
                    question={question}
                    idPrefix={`gen-${question.id}`}
                    action={
                      <AddButton
                        isInSet={inSet.has(question.id)}
                        isPending={isAdding}
                        onAdd={() => onAdd([question])}
                        stem={question.stem}
                      />
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
};

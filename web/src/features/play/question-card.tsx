'use client';

import { type FormEvent, type ReactNode, useState } from 'react';
import { useHydrated } from '@/lib/use-hydrated';
import { QuestionInput } from './question-types/question-input';
import type { ResultMarks } from './question-types/types';
import {
  isComplete,
  type QuestionLike,
  type ResponseDraft,
  rendererFor,
  TYPE_LABELS,
  textProblem,
  yearProblem,
} from './response';

type QuestionCardProps = {
  question: QuestionLike;
  idPrefix: string;
  draft: ResponseDraft;
  onChange: (draft: ResponseDraft) => void;
  onSubmit?: () => void;
  isSubmitting?: boolean;
  /** The choices are held as sent (an answer whose fate is unknown is retried as it was). */
  isHeld?: boolean;
  result?: ResultMarks | null;
  /** Shown beside the submit button (the timer). */
  aside?: ReactNode;
  /** Heading level of the stem. */
  level?: 2 | 3;
  submitLabel?: string;
  /** The button's words while submitting ("Checking…"); the play page says when it waits offline. */
  pendingLabel?: string;
};

/** One question: its stem as the heading, the native control, and the submit button. */
export const QuestionCard = ({
  question,
  idPrefix,
  draft,
  onChange,
  onSubmit,
  isSubmitting = false,
  isHeld = false,
  result,
  aside,
  level = 2,
  submitLabel = 'Submit answer',
  pendingLabel = 'Checking…',
}: QuestionCardProps) => {
  const [problem, setProblem] = useState<string | null>(null);
  const hydrated = useHydrated();
  const stemId = `${idPrefix}-stem`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const isLocked = Boolean(result);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isLocked || isSubmitting || !onSubmit) {
      return;
    }
    if (!isComplete(question, draft)) {
      const kind = rendererFor(question);
      setProblem(
        kind === 'year'
          ? (yearProblem(question, draft.year) ?? 'Enter a year.')
          : kind === 'short-answer'
            ? (textProblem(draft.text) ?? 'Type an answer.')
            : kind === 'matching'
              ? 'Choose a match for every item first.'
              : 'Choose an answer first.',
      );
      return;
    }
    setProblem(null);
    onSubmit();
  };

  return (
    <form className="question-card" onSubmit={submit} noValidate aria-labelledby={stemId}>
      <p className="question-type">
        <span className="badge badge--accent">{TYPE_LABELS[question.type]}</span>
      </p>
      <Heading className="question-stem" id={stemId} tabIndex={-1}>
        {question.stem}
      </Heading>
      <QuestionInput
        question={question}
        draft={draft}
        onChange={(next) => {
          setProblem(null);
          onChange(next);
        }}
        disabled={isLocked || isSubmitting || isHeld}
        result={result}
        labelledBy={stemId}
        idPrefix={idPrefix}
      />
      {onSubmit && !isLocked ? (
        <div className="play-actions">
          {problem ? (
            <span className="field__error" role="alert">
              {problem}
            </span>
          ) : null}
          {aside}
          <button
            type="submit"
            className="button"
            aria-disabled={isSubmitting || undefined}
            // Before hydration a press would be the browser's own GET (see useHydrated).
            disabled={!hydrated}
          >
            {isSubmitting ? (
              <>
                <span className="spinner" aria-hidden="true" /> {pendingLabel}
              </>
            ) : (
              submitLabel
            )}
          </button>
        </div>
      ) : null}
    </form>
  );
};

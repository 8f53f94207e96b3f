'use client';

import { describeError } from '@/lib/graphql/error-messages';
import { useReplaceRetiredQuestion } from './use-teacher';

type RetiredItem = {
  position: number;
  question: {
    id: string;
    stem: string;
    retirement?: {
      reason: 'FACTS_CHANGED' | 'GATE_BLOCKED';
      note: string;
      replacement?: { id: string; stem: string } | null;
    } | null;
  };
};

const REASONS = {
  FACTS_CHANGED: 'Its facts were corrected',
  GATE_BLOCKED: 'The quality check now rejects it',
} as const;

/**
 * Questions of this set that the rebuilt bank corrected (issue 11.7): students no longer get
 * them in new attempts; finished attempts keep their scores. Each comes with the replacement the
 * bank offers, one click to swap.
 */
export const RetiredNotice = ({
  setId,
  items,
}: {
  setId: string;
  items: readonly RetiredItem[];
}) => {
  const replace = useReplaceRetiredQuestion(setId);
  if (items.length === 0) {
    return null;
  }
  const errors = replace.data?.replaceRetiredQuestion.errors ?? [];
  return (
    <section className="notice notice--warn stack" aria-labelledby="retired-title">
      <h2 id="retired-title">
        {items.length === 1
          ? '1 question was corrected'
          : `${items.length} questions were corrected`}
      </h2>
      <p className="small">
        Students no longer get {items.length === 1 ? 'it' : 'them'} in new attempts; finished
        attempts keep their scores.
      </p>
      {errors.length > 0 || replace.isError ? (
        <p role="alert" className="small">
          {errors[0]?.message ?? describeError(replace.error)}
        </p>
      ) : null}
      <ul className="findings">
        {items.map((item) => {
          const retirement = item.question.retirement;
          return (
            <li key={item.position} className="stack">
              <span>
                <strong>Question {item.position + 1}:</strong> {item.question.stem}
              </span>
              {retirement ? (
                <span className="small">
                  {REASONS[retirement.reason]}. {retirement.note}
                </span>
              ) : null}
              {retirement?.replacement ? (
                <span className="row">
                  <span className="small">Replacement: {retirement.replacement.stem}</span>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={replace.isPending}
                    onClick={() => replace.mutate(item.position)}
                  >
                    Swap in the replacement
                    <span className="visually-hidden"> for question {item.position + 1}</span>
                  </button>
                </span>
              ) : (
                <span className="small">
                  The bank has no question on these facts: remove it or pick another from the bank.
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
};

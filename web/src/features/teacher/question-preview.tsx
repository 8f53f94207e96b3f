'use client';

import { useState } from 'react';
import { FeedbackPanel } from '@/features/play/feedback-panel';
import { QuestionCard } from '@/features/play/question-card';
import { emptyDraft } from '@/features/play/response';
import type { AnswerResultFieldsFragment, BankQuestionFieldsFragment } from '@/gql/graphql';
import { keyDraft } from './bank-text';
import { citationsOf, gradeLocally } from './local-grade';

/** The question exactly as a student sees it (same components), answered and checked locally. */
export const QuestionPreview = ({
  question: stored,
  idPrefix,
}: {
  question: BankQuestionFieldsFragment;
  idPrefix: string;
}) => {
  // In the order students see (probe round 12: the stored order showed a chronology in its key's
  // order and options as written, not "what students see"). The ids are the stored ones, so the
  // key still grades it.
  const question = { ...stored, prompt: stored.presentedPrompt };
  const [draft, setDraft] = useState(() => emptyDraft(question));
  const [result, setResult] = useState<AnswerResultFieldsFragment | null>(null);
  return (
    <div className="stack">
      <p className="notice small">
        <strong>Preview.</strong> This is what students see. Answers you give here are checked in
        your browser and not recorded.
      </p>
      {result ? null : (
        <div className="row">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              // The key as an answer: the feedback, rationales and passages a right answer gets.
              const answer = keyDraft(question);
              setDraft(answer);
              setResult(gradeLocally(question, answer));
            }}
          >
            Show the answer and feedback
          </button>
        </div>
      )}
      <QuestionCard
        question={question}
        idPrefix={idPrefix}
        draft={draft}
        onChange={setDraft}
        onSubmit={() => setResult(gradeLocally(question, draft))}
        result={result}
        level={3}
        submitLabel="Check answer"
      />
      {result ? (
        <FeedbackPanel
          question={question}
          result={result}
          citations={citationsOf(question)}
          level={3}
        >
          <div className="play-actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setDraft(emptyDraft(question));
                setResult(null);
              }}
            >
              Try the preview again
            </button>
          </div>
        </FeedbackPanel>
      ) : null}
    </div>
  );
};

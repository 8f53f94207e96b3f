import { render } from '@testing-library/react';
import { useState } from 'react';
import { QuestionCard } from '../question-card';
import { emptyDraft, type QuestionLike, type ResponseDraft } from '../response';
import type { ResultMarks } from './types';

type HarnessProps = {
  question: QuestionLike;
  onSubmit?: (draft: ResponseDraft) => void;
  result?: ResultMarks | null;
};

const Harness = ({ question, onSubmit, result }: HarnessProps) => {
  const [draft, setDraft] = useState(() => emptyDraft(question));
  return (
    <QuestionCard
      question={question}
      idPrefix="q1"
      draft={draft}
      onChange={setDraft}
      onSubmit={() => onSubmit?.(draft)}
      result={result}
    />
  );
};

/** Renders a question as the play page does, reporting the submitted draft. */
export const renderQuestion = (question: QuestionLike, result?: ResultMarks | null) => {
  const onSubmit = jest.fn<void, [ResponseDraft]>();
  const view = render(<Harness question={question} onSubmit={onSubmit} result={result} />);
  return { ...view, onSubmit };
};

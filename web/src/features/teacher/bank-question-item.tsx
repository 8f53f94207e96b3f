'use client';

import type { ReactNode } from 'react';
import { TYPE_LABELS } from '@/features/play/response';
import type { BankQuestionFieldsFragment } from '@/gql/graphql';
import { difficultyLabel } from './difficulty';
import { QuestionPreview } from './question-preview';

/** One bank question: stem, tags, an action (add), and a preview disclosure. */
export const BankQuestionItem = ({
  question,
  action,
  idPrefix,
}: {
  question: BankQuestionFieldsFragment;
  action: ReactNode;
  idPrefix: string;
}) => (
  <article className="bank-q" aria-labelledby={`${idPrefix}-title`}>
    <p className="bank-q__stem" id={`${idPrefix}-title`}>
      {question.stem}
    </p>
    <div className="event__tags">
      <span className="badge badge--accent">{TYPE_LABELS[question.type]}</span>
      {question.era ? <span className="badge">{question.era.name}</span> : null}
      <span className="badge">{difficultyLabel(question.difficulty)}</span>
      {question.origin === 'AUTHORED' ? (
        <span className="badge badge--warn">✎ Teacher-written</span>
      ) : null}
      <span className="badge">
        {question.citations.length} {question.citations.length === 1 ? 'source' : 'sources'}
      </span>
    </div>
    <div className="row">{action}</div>
    <details className="disclosure">
      <summary>
        Preview as a student<span className="visually-hidden">: {question.stem}</span>
      </summary>
      <QuestionPreview question={question} idPrefix={`${idPrefix}-preview`} />
    </details>
  </article>
);

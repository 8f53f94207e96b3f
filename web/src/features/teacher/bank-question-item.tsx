'use client';

import { type ReactNode, useState } from 'react';
import { TYPE_LABELS } from '@/features/play/response';
import type { BankQuestionFieldsFragment } from '@/gql/graphql';
import { distinguishingOf, erasText, STATUS_LABELS } from './bank-text';
import { difficultyLabel } from './difficulty';
import { QuestionPreview } from './question-preview';
import { useSimilarQuestions } from './use-teacher';

/** What sets this question apart from others with the same stem (an ordering's items, a quote). */
const Distinguishing = ({ question }: { question: BankQuestionFieldsFragment }) => {
  const detail = distinguishingOf(question);
  if (!detail) {
    return null;
  }
  if (detail.kind === 'quote') {
    return <blockquote className="bank-q__detail bank-q__quote">“{detail.text}”</blockquote>;
  }
  return (
    <p className="bank-q__detail">
      <span className="muted">{detail.label}: </span>
      {detail.items.join(' · ')}
    </p>
  );
};

/** "More like this": loaded when opened; each one can be added and previewed like any row. */
const MoreLikeThis = ({
  question,
  idPrefix,
  action,
}: {
  question: BankQuestionFieldsFragment;
  idPrefix: string;
  action: (question: BankQuestionFieldsFragment) => ReactNode;
}) => {
  const [open, setOpen] = useState(false);
  const similar = useSimilarQuestions(question.id, open);
  const list = similar.data?.similarQuestions ?? [];
  return (
    <details className="disclosure" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        More like this<span className="visually-hidden">: {question.stem}</span>
      </summary>
      {!open ? null : similar.isPending ? (
        <p className="muted">Looking for similar questions…</p>
      ) : similar.isError ? (
        <p role="alert">Similar questions could not be loaded.</p>
      ) : list.length === 0 ? (
        <p className="muted">No similar questions in the bank.</p>
      ) : (
        <ul className="plain-list stack">
          {list.map((other) => (
            <li key={other.id}>
              <BankQuestionItem
                question={other}
                idPrefix={`${idPrefix}-like-${other.id}`}
                action={action(other)}
              />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
};

/**
 * One bank question: stem, what tells it apart, tags (type, eras, difficulty, status of its facts,
 * sources), an action (add), a preview with the answer and feedback, and "more like this".
 */
export const BankQuestionItem = ({
  question,
  action,
  idPrefix,
  actionFor,
}: {
  question: BankQuestionFieldsFragment;
  action: ReactNode;
  idPrefix: string;
  /** The action for a similar question; without it "more like this" is not offered. */
  actionFor?: (question: BankQuestionFieldsFragment) => ReactNode;
}) => {
  const eras = erasText(question.eras);
  return (
    <article className="bank-q" aria-labelledby={`${idPrefix}-title`}>
      <p className="bank-q__stem" id={`${idPrefix}-title`}>
        {question.stem}
      </p>
      <Distinguishing question={question} />
      <div className="event__tags">
        <span className="badge badge--accent">{TYPE_LABELS[question.type]}</span>
        {eras ? (
          <span className="badge" title={question.eras.map((era) => era.name).join(', ')}>
            {eras}
          </span>
        ) : null}
        <span className="badge">{difficultyLabel(question.difficulty)}</span>
        {question.factStatus && question.factStatus !== 'FACT' ? (
          <span className="badge badge--warn">{STATUS_LABELS[question.factStatus]}</span>
        ) : null}
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
          Preview with the answer<span className="visually-hidden">: {question.stem}</span>
        </summary>
        <QuestionPreview question={question} idPrefix={`${idPrefix}-preview`} />
      </details>
      {actionFor ? (
        <MoreLikeThis question={question} idPrefix={idPrefix} action={actionFor} />
      ) : null}
    </article>
  );
};

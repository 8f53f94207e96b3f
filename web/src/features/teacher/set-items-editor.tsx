'use client';

import Link from 'next/link';
import { useState } from 'react';
import { SortableList } from '@/components/sortable-list';
import { EmptyState } from '@/components/states';
import { TYPE_LABELS } from '@/features/play/response';
import type { QuestionSetFieldsFragment } from '@/gql/graphql';
import { QuestionPreviewById } from './question-preview-by-id';

export type SetItem = { questionId: string; timeLimitSec: number | null };

export const TIME_LIMITS = [null, 10, 20, 30, 45, 60, 90, 120] as const;

const limitLabel = (seconds: number | null) => (seconds === null ? 'No limit' : `${seconds} s`);

type SetItemsEditorProps = {
  set: QuestionSetFieldsFragment;
  items: readonly SetItem[];
  onChange: (items: SetItem[]) => void;
  isSaving: boolean;
};

/** The set's questions: reorder (drag, keyboard, buttons), time limits, preview, edit, remove. */
export const SetItemsEditor = ({ set, items, onChange, isSaving }: SetItemsEditorProps) => {
  const [previewId, setPreviewId] = useState<string | null>(null);
  const questionOf = (id: string) => set.items.find((item) => item.question.id === id)?.question;
  const previewQuestion = previewId ? questionOf(previewId) : undefined;

  if (items.length === 0) {
    return (
      <EmptyState icon="plus" title="This set has no questions yet">
        <p>Add questions from the bank or generate new ones below.</p>
      </EmptyState>
    );
  }

  const setAll = (value: string) => {
    const seconds = value === '' ? null : Number(value);
    onChange(items.map((item) => ({ ...item, timeLimitSec: seconds })));
  };

  return (
    <div className="stack">
      <div className="row set-items__all">
        <label htmlFor="all-limits" className="label">
          Time limit for every question
        </label>
        <select
          id="all-limits"
          className="select input--short"
          value="keep"
          onChange={(event) => setAll(event.target.value)}
        >
          <option value="keep" disabled>
            Choose…
          </option>
          {TIME_LIMITS.map((seconds) => (
            <option key={String(seconds)} value={seconds ?? ''}>
              {limitLabel(seconds)}
            </option>
          ))}
        </select>
        {isSaving ? (
          <span className="muted small" role="status">
            <span className="spinner" aria-hidden="true" /> Saving…
          </span>
        ) : null}
      </div>
      <h3 id="set-items-title" className="visually-hidden">
        Questions in order
      </h3>
      <SortableList
        labelledBy="set-items-title"
        itemClassName="set-item-row"
        entries={items.map((item, index) => {
          const question = questionOf(item.questionId);
          return {
            id: item.questionId,
            text: `question ${index + 1}`,
            content: (
              <span className="stack" style={{ display: 'block' }}>
                <span className="set-item__stem" style={{ display: 'block' }}>
                  {question?.stem ?? 'Question'}
                </span>
                <span className="event__tags" style={{ marginBlockEnd: 0 }}>
                  {question ? (
                    <span className="badge badge--accent">{TYPE_LABELS[question.type]}</span>
                  ) : null}
                  {question?.origin === 'AUTHORED' ? (
                    <span className="badge badge--warn">✎ Edited</span>
                  ) : null}
                </span>
                <span className="set-item__controls">
                  <label htmlFor={`limit-${item.questionId}`} className="small">
                    Time limit
                  </label>
                  <select
                    id={`limit-${item.questionId}`}
                    className="select input--short"
                    style={{ minBlockSize: '2.25rem' }}
                    value={item.timeLimitSec ?? ''}
                    onChange={(event) =>
                      onChange(
                        items.map((other) =>
                          other.questionId === item.questionId
                            ? {
                                ...other,
                                timeLimitSec:
                                  event.target.value === '' ? null : Number(event.target.value),
                              }
                            : other,
                        ),
                      )
                    }
                  >
                    {TIME_LIMITS.map((seconds) => (
                      <option key={String(seconds)} value={seconds ?? ''}>
                        {limitLabel(seconds)}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    aria-expanded={previewId === item.questionId}
                    aria-controls="set-preview"
                    onClick={() =>
                      setPreviewId(previewId === item.questionId ? null : item.questionId)
                    }
                  >
                    {previewId === item.questionId ? 'Close preview' : 'Preview'}
                    <span className="visually-hidden"> question {index + 1}</span>
                  </button>
                  <Link
                    className="button button--quiet button--small"
                    href={`/teacher/sets/${set.id}/questions/${item.questionId}`}
                  >
                    Edit<span className="visually-hidden"> question {index + 1}</span>
                  </Link>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() =>
                      onChange(items.filter((other) => other.questionId !== item.questionId))
                    }
                  >
                    Remove<span className="visually-hidden"> question {index + 1}</span>
                  </button>
                </span>
              </span>
            ),
          };
        })}
        onReorder={(ids) =>
          onChange(
            ids.map(
              (id) =>
                items.find((item) => item.questionId === id) ?? {
                  questionId: id,
                  timeLimitSec: null,
                },
            ),
          )
        }
      />
      <div id="set-preview" aria-live="polite">
        {previewQuestion ? (
          <section
            className="card stack"
            aria-label={`Preview of question ${items.findIndex((item) => item.questionId === previewId) + 1}`}
          >
            <QuestionPreviewById
              key={previewQuestion.id}
              id={previewQuestion.id}
              idPrefix={`preview-${previewQuestion.id}`}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
};

'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { ErrorState, Skeleton } from '@/components/states';
import { ExportMenu } from '@/features/interop/export-menu';
import type { BankQuestionFieldsFragment } from '@/gql/graphql';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { describeError } from '@/lib/graphql/error-messages';
import { BankBrowser } from './bank-browser';
import { ClueNotice } from './clue-notice';
import { SET_STATUS_LABELS } from './dashboard';
import { GeneratePanel } from './generate-panel';
import { KnowledgePanel } from './knowledge-panel';
import { OverlapNotice } from './overlap-notice';
import { PublishPanel } from './publish-panel';
import { RetiredNotice } from './retired-notice';
import { type SetItem, SetItemsEditor } from './set-items-editor';
import { SetSettings } from './set-settings';
import { useQuestionSet, useSetQuestionSetItems } from './use-teacher';

const TABS = [
  { id: 'bank', label: 'Question bank' },
  { id: 'generate', label: 'Generate' },
  { id: 'knowledge', label: 'Knowledge base' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Builds a set: its questions, where to add more from, its settings, and publishing. */
export const SetBuilder = ({ setId }: { setId: string }) => {
  const query = useQuestionSet(setId);
  const saveItems = useSetQuestionSetItems(setId);
  const [tab, setTab] = useState<TabId>('bank');
  const set = query.data?.questionSet ?? null;
  const serverItems = useMemo<SetItem[]>(
    () =>
      (set?.items ?? [])
        .slice()
        .sort((a, b) => a.position - b.position)
        .map((item) => ({ questionId: item.question.id, timeLimitSec: item.timeLimitSec ?? null })),
    [set],
  );
  // Local order while a save is in flight, so drags never jump back.
  const [items, setItems] = useState<SetItem[]>(serverItems);
  useEffect(() => setItems(serverItems), [serverItems]);
  const inSet = useMemo(() => new Set(items.map((item) => item.questionId)), [items]);

  if (query.isPending) {
    return <Skeleton lines={8} label="Loading the set…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="The set could not be loaded"
      />
    );
  }
  if (!set) {
    return (
      <ErrorState
        error={new GraphQLRequestError('Not found', 'NOT_FOUND', 404)}
        title="This set does not exist"
      />
    );
  }

  const save = (next: SetItem[]) => {
    setItems(next);
    saveItems.mutate(
      next.map((item) => ({ questionId: item.questionId, timeLimitSec: item.timeLimitSec })),
    );
  };
  const add = (questions: BankQuestionFieldsFragment[]) =>
    save([
      ...items,
      ...questions
        .filter((question) => !inSet.has(question.id))
        .map((question) => ({ questionId: question.id, timeLimitSec: null })),
    ]);
  const saveErrors = saveItems.data?.setQuestionSetItems.errors ?? [];
  const status = SET_STATUS_LABELS[set.status];

  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">
          <Link href="/teacher">Teach</Link> / Set builder
        </p>
        <h1>{set.title}</h1>
        <div className="row">
          <span className={status.className}>{status.text}</span>
          <span className="muted">
            {set.questionCount} {set.questionCount === 1 ? 'question' : 'questions'} ·{' '}
            {set.attemptCount} {set.attemptCount === 1 ? 'attempt' : 'attempts'}
          </span>
          <Link href={`/teacher/sets/${set.id}/results`}>Class results</Link>
          <Link href={`/teacher/live/new?setId=${set.id}`}>Host live</Link>
          {/* Below 60 rem the publishing column comes after the whole bank: 14,600 px down a
              390 px phone with 10 questions in the set. Hidden where it sits beside them. */}
          <a href="#publish-title" className="set-builder__jump">
            Publish and share
          </a>
        </div>
      </header>
      <ExportMenu setId={set.id} />
      <RetiredNotice setId={set.id} items={set.retiredItems} />
      <ClueNotice clues={set.clues} items={set.items} />
      <OverlapNotice overlaps={set.overlaps} items={set.items} />
      <div className="two-col">
        <div className="stack-lg">
          <section className="card stack" aria-labelledby="items-title">
            <h2 id="items-title">Questions in this set ({items.length})</h2>
            {saveErrors.length > 0 ? (
              <ul className="error-summary" role="alert">
                {saveErrors.map((error) => (
                  <li key={`${error.field}-${error.code}`}>{error.message}</li>
                ))}
              </ul>
            ) : null}
            {saveItems.isError ? (
              <p className="notice notice--bad" role="alert">
                {describeError(saveItems.error)} Your last change was not saved.
              </p>
            ) : null}
            <SetItemsEditor
              set={set}
              items={items}
              onChange={save}
              isSaving={saveItems.isPending}
            />
          </section>
          <section className="card" aria-labelledby="add-title">
            <h2 id="add-title">Add questions</h2>
            <div role="tablist" aria-label="Where to add questions from" className="tabs">
              {TABS.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="tab"
                  id={`tab-${item.id}`}
                  aria-selected={tab === item.id}
                  aria-controls={`panel-${item.id}`}
                  tabIndex={tab === item.id ? 0 : -1}
                  onClick={() => setTab(item.id)}
                  onKeyDown={(event) => {
                    const index = TABS.findIndex((other) => other.id === tab);
                    const delta =
                      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
                    if (delta) {
                      event.preventDefault();
                      const next = TABS[(index + delta + TABS.length) % TABS.length];
                      if (next) {
                        setTab(next.id);
                        document.getElementById(`tab-${next.id}`)?.focus();
                      }
                    }
                  }}
                >
                  {item.label}
                </button>
              ))}
            </div>
            <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
              {tab === 'bank' ? (
                <BankBrowser inSet={inSet} onAdd={add} isAdding={saveItems.isPending} />
              ) : null}
              {tab === 'generate' ? (
                <GeneratePanel inSet={inSet} onAdd={add} isAdding={saveItems.isPending} />
              ) : null}
              {tab === 'knowledge' ? <KnowledgePanel /> : null}
            </div>
          </section>
        </div>
        <aside className="stack-lg" aria-label="Set settings and publishing">
          <div className="card">
            <PublishPanel set={set} />
          </div>
          <div className="card">
            <SetSettings key={set.id} set={set} classes={query.data?.myClasses ?? []} />
          </div>
        </aside>
      </div>
    </div>
  );
};

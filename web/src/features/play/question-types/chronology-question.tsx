import dynamic from 'next/dynamic';
import { Suspense } from 'react';
import { SortableListPlaceholder, type SortableListProps } from '@/components/sortable-list-view';
import type { QuestionInputProps } from './types';

// Drag and drop (dnd-kit) loads only when a chronology question appears, keeping the play page
// lean. Until it has, the same list stands in without it. With a "Loading the list…" line as the
// fallback, the server-rendered list was swapped for that line and back up to three times per
// load while the chunk arrived, moving the submit button ~340 px each time (play's CLS,
// docs/benchmarks.md); an identical list moves nothing, whenever React shows the fallback.
const SortableList = dynamic(() =>
  import('@/components/sortable-list').then((mod) => mod.SortableList),
);

/** Put events in order: drag and drop (pointer or keyboard) or the Move up / Move down buttons. */
export const ChronologyQuestion = ({
  question,
  draft,
  onChange,
  disabled,
  result,
  labelledBy,
  idPrefix,
}: QuestionInputProps) => {
  const { items } = question.prompt;
  const order = result && result.response.order.length > 0 ? result.response.order : draft.order;
  const entries = order
    .map((id) => items.find((item) => item.id === id))
    .filter((item): item is { id: string; label: string } => Boolean(item))
    .map((item) => ({ id: item.id, text: item.label }));
  const list: SortableListProps = {
    entries,
    onReorder: (next) => onChange({ ...draft, order: next }),
    disabled,
    labelledBy,
    renderMark: result
      ? (entry, index) => {
          const right = result.key.order[index] === entry.id;
          return (
            <span
              className={right ? 'badge badge--good' : 'badge badge--bad'}
              style={{ marginInlineStart: '0.5rem' }}
            >
              {right ? '✓ Right place' : `✗ Belongs at ${result.key.order.indexOf(entry.id) + 1}`}
            </span>
          );
        }
      : undefined,
  };
  return (
    <>
      <p className="instruction" id={`${idPrefix}-instruction`}>
        <strong>Earliest at the top.</strong> Drag a row by its handle, or move it with ↑ and ↓.
      </p>
      <Suspense fallback={<SortableListPlaceholder {...list} />}>
        <SortableList {...list} />
      </Suspense>
    </>
  );
};

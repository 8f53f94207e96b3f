import {
  type SortableDnd,
  SortableListCore,
  type SortableListProps,
} from '@/components/sortable-list-view';
import type { QuestionInputProps } from './types';

// Drag and drop (dnd-kit, 47 KB and a ~260 ms task under Lighthouse's 4x CPU) loads on the first
// pointer, touch, focus or key inside an open chronology list, not with the page; the Move up /
// Move down buttons work before it. Once loaded, later chronology questions start with it.
let sortableDnd: SortableDnd | null = null;
const loadSortableDnd = () =>
  import('@/components/sortable-list').then((mod) => {
    sortableDnd = mod.sortableDnd;
    return mod.sortableDnd;
  });

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
      <SortableListCore {...list} dnd={sortableDnd} loadDnd={loadSortableDnd} />
    </>
  );
};

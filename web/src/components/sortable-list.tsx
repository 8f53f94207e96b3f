'use client';

import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  type SortableDnd,
  type SortableDndContextProps,
  type SortableEntry,
  SortableListCore,
  type SortableListProps,
  SortableRowView,
  type SortableRowViewProps,
} from './sortable-list-view';

export type { SortableEntry, SortableListProps };

// dnd-kit's half of the sortable list (sortable-list-view.tsx has the rest). Importing this module
// loads dnd-kit; play's chronology imports it on first use, the set builder up front.

const DndShell = ({ ids, disabled, textOf, onDrop, children }: SortableDndContextProps) => {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const total = ids.length;
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      onDrop(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    }
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: {
          draggable:
            'To reorder, press Space or Enter to pick up, use the arrow keys to move, and press Space or Enter again to drop. Escape cancels. You can also use the Move up and Move down buttons.',
        },
        announcements: {
          onDragStart: ({ active }) =>
            `Picked up ${textOf(active.id)}, position ${ids.indexOf(String(active.id)) + 1} of ${total}.`,
          onDragOver: ({ active, over }) =>
            over
              ? `${textOf(active.id)} is over position ${ids.indexOf(String(over.id)) + 1} of ${total}.`
              : `${textOf(active.id)} is not over a position.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `${textOf(active.id)} dropped at position ${ids.indexOf(String(over.id)) + 1} of ${total}.`
              : `${textOf(active.id)} dropped.`,
          onDragCancel: ({ active }) => `Moving ${textOf(active.id)} was cancelled.`,
        },
      }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        {children}
      </SortableContext>
    </DndContext>
  );
};

const DndRow = (props: SortableRowViewProps) => {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: props.entry.id, disabled: props.disabled });
  return (
    <SortableRowView
      {...props}
      isDragging={isDragging}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      rowRef={setNodeRef}
      handleRef={setActivatorNodeRef}
      handleProps={{ ...attributes, ...listeners }}
    />
  );
};

export const sortableDnd: SortableDnd = { Context: DndShell, Row: DndRow };

/**
 * A list reordered by drag and drop (pointer or keyboard: focus a handle, Space to lift, arrows
 * to move, Space to drop) with "Move up" / "Move down" buttons as a fallback. Every move is
 * announced in a live region.
 */
export const SortableList = (props: SortableListProps) => (
  <SortableListCore {...props} dnd={sortableDnd} />
);

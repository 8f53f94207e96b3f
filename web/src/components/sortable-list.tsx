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
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { type SortableEntry, type SortableListProps, SortableRowView } from './sortable-list-view';

export type { SortableEntry, SortableListProps };

type Focus = { id: string; direction: 'up' | 'down' } | null;

/**
 * A list reordered by drag and drop (pointer or keyboard: focus a handle, Space to lift, arrows
 * to move, Space to drop) with "Move up" / "Move down" buttons as a fallback. Every move is
 * announced in a live region.
 */
export const SortableList = ({
  entries,
  onReorder,
  disabled = false,
  labelledBy,
  renderExtra,
  itemClassName,
  renderMark,
}: SortableListProps) => {
  const instructionsId = useId();
  const [message, setMessage] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = entries.map((entry) => entry.id);
  const textOf = (id: string | number) => entries.find((entry) => entry.id === id)?.text ?? '';
  const total = entries.length;

  useEffect(() => {
    if (!focus) {
      return;
    }
    const index = ids.indexOf(focus.id);
    // Keep focus on the moved row; when it reaches an end, its button is disabled: use the other.
    const direction =
      (focus.direction === 'up' && index === 0) ||
      (focus.direction === 'down' && index === total - 1)
        ? focus.direction === 'up'
          ? 'down'
          : 'up'
        : focus.direction;
    buttons.current.get(`${focus.id}:${direction}`)?.focus();
    setFocus(null);
  }, [focus, ids, total]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= total || from === to) {
      return;
    }
    const next = arrayMove([...ids], from, to);
    onReorder(next);
    const id = ids[from] ?? '';
    setMessage(`${textOf(id)} moved to position ${to + 1} of ${total}.`);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
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
      <p id={instructionsId} className="visually-hidden">
        Reorder with drag and drop, or with the Move up and Move down buttons.
      </p>
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ol className="sortable" aria-labelledby={labelledBy} aria-describedby={instructionsId}>
          {entries.map((entry, index) => (
            <SortableRow
              key={entry.id}
              entry={entry}
              index={index}
              total={total}
              disabled={disabled}
              className={itemClassName}
              onMove={(to, direction) => {
                move(index, to);
                setFocus({ id: entry.id, direction });
              }}
              registerButton={(key, element) => {
                if (element) {
                  buttons.current.set(key, element);
                } else {
                  buttons.current.delete(key);
                }
              }}
              extra={renderExtra?.(entry, index)}
              mark={renderMark?.(entry, index)}
            />
          ))}
        </ol>
      </SortableContext>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </DndContext>
  );
};

type SortableRowProps = {
  entry: SortableEntry;
  index: number;
  total: number;
  disabled: boolean;
  className?: string;
  onMove: (to: number, direction: 'up' | 'down') => void;
  registerButton: (key: string, element: HTMLButtonElement | null) => void;
  extra?: ReactNode;
  mark?: ReactNode;
};

const SortableRow = ({
  entry,
  index,
  total,
  disabled,
  className,
  onMove,
  registerButton,
  extra,
  mark,
}: SortableRowProps) => {
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: entry.id, disabled });
  return (
    <SortableRowView
      entry={entry}
      index={index}
      total={total}
      disabled={disabled}
      className={className}
      isDragging={isDragging}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      rowRef={setNodeRef}
      handleRef={setActivatorNodeRef}
      handleProps={{ ...attributes, ...listeners }}
      onMove={onMove}
      registerButton={registerButton}
      extra={extra}
      mark={mark}
    />
  );
};

import type { CSSProperties, ReactNode, Ref } from 'react';

// The sortable list's markup without dnd-kit: shared by the draggable list (sortable-list.tsx) and
// the stand-in drawn while dnd-kit's chunk loads, so the two lay out identically and the page does
// not move when one replaces the other (play's layout shift on hydration, docs/benchmarks.md).

export type SortableEntry = {
  id: string;
  /** Plain text, for announcements and button names. */
  text: string;
  content?: ReactNode;
};

export type SortableListProps = {
  entries: readonly SortableEntry[];
  onReorder: (ids: string[]) => void;
  disabled?: boolean;
  labelledBy?: string;
  /** Extra controls per row (time limit, remove…). */
  renderExtra?: (entry: SortableEntry, index: number) => ReactNode;
  itemClassName?: string;
  /** Per-row status after answering, e.g. "✓ In the right place". */
  renderMark?: (entry: SortableEntry, index: number) => ReactNode;
};

type SortableRowViewProps = {
  entry: SortableEntry;
  index: number;
  total: number;
  disabled: boolean;
  className?: string;
  isDragging?: boolean;
  style?: CSSProperties;
  rowRef?: Ref<HTMLLIElement>;
  handleRef?: Ref<HTMLButtonElement>;
  /** dnd-kit's attributes and listeners for the drag handle. */
  handleProps?: Record<string, unknown>;
  onMove?: (to: number, direction: 'up' | 'down') => void;
  registerButton?: (key: string, element: HTMLButtonElement | null) => void;
  extra?: ReactNode;
  mark?: ReactNode;
};

export const SortableRowView = ({
  entry,
  index,
  total,
  disabled,
  className,
  isDragging = false,
  style,
  rowRef,
  handleRef,
  handleProps,
  onMove,
  registerButton,
  extra,
  mark,
}: SortableRowViewProps) => (
  <li
    ref={rowRef}
    className={['sortable__item', isDragging ? 'sortable__item--dragging' : '', className ?? '']
      .filter(Boolean)
      .join(' ')}
    style={style}
  >
    <span className="sortable__rank" aria-hidden="true">
      {index + 1}
    </span>
    {disabled ? null : (
      <button
        type="button"
        ref={handleRef}
        className="sortable__handle"
        {...handleProps}
        aria-label={`Drag ${entry.text}, position ${index + 1} of ${total}`}
      >
        <span aria-hidden="true">⠿</span>
      </button>
    )}
    <span className="sortable__label">
      {entry.content ?? entry.text}
      {mark}
    </span>
    {extra}
    {disabled ? null : (
      <span className="sortable__moves">
        <button
          type="button"
          className="button button--secondary button--small button--icon"
          ref={(element) => registerButton?.(`${entry.id}:up`, element)}
          onClick={() => onMove?.(index - 1, 'up')}
          disabled={index === 0}
          aria-label={`Move ${entry.text} up`}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="button button--secondary button--small button--icon"
          ref={(element) => registerButton?.(`${entry.id}:down`, element)}
          onClick={() => onMove?.(index + 1, 'down')}
          disabled={index === total - 1}
          aria-label={`Move ${entry.text} down`}
        >
          <span aria-hidden="true">↓</span>
        </button>
      </span>
    )}
  </li>
);

/**
 * The list as it will look, inert and hidden from assistive technology: it stands in for the
 * draggable list only for the moment its code is still loading.
 */
export const SortableListPlaceholder = ({
  entries,
  disabled = false,
  labelledBy,
  renderExtra,
  itemClassName,
  renderMark,
}: SortableListProps) => (
  <ol className="sortable" aria-labelledby={labelledBy} aria-hidden="true" inert>
    {entries.map((entry, index) => (
      <SortableRowView
        key={entry.id}
        entry={entry}
        index={index}
        total={entries.length}
        disabled={disabled}
        className={itemClassName}
        extra={renderExtra?.(entry, index)}
        mark={renderMark?.(entry, index)}
      />
    ))}
  </ol>
);

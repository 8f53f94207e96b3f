import {
  type ComponentType,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

// The sortable list without dnd-kit: its markup, the Move up / Move down buttons, focus and
// announcements. Drag and drop plugs in from sortable-list.tsx (`SortableDnd`), either at once
// (the set builder) or on the first pointer, touch, focus or key inside the list (play's
// chronology: dnd-kit's chunk and its ~260 ms task under Lighthouse's 4x CPU, docs/benchmarks.md,
// are paid only by someone about to reorder). Both render the same rows, so the page does not
// move when drag and drop arrives (play's layout shift, docs/benchmarks.md).

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
  handleRef?: (element: HTMLElement | null) => void;
  /** dnd-kit's attributes and listeners for the drag handle. */
  handleProps?: Record<string, unknown>;
  onMove?: (to: number, direction: 'up' | 'down') => void;
  registerButton?: (key: string, element: HTMLButtonElement | null) => void;
  extra?: ReactNode;
  mark?: ReactNode;
};

export type { SortableRowViewProps };

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
        ref={(element) => {
          handleRef?.(element);
          registerButton?.(`${entry.id}:handle`, element);
        }}
        className="sortable__handle"
        data-sortable-key={`${entry.id}:handle`}
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
          data-sortable-key={`${entry.id}:up`}
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
          data-sortable-key={`${entry.id}:down`}
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

/** What sortable-list.tsx adds: dnd-kit's context around the list and a draggable row. */
export type SortableDnd = {
  Context: ComponentType<SortableDndContextProps>;
  Row: ComponentType<SortableRowViewProps>;
};

export type SortableDndContextProps = {
  ids: string[];
  disabled: boolean;
  textOf: (id: string | number) => string;
  /** A drop moved the row at `from` to `to`. */
  onDrop: (from: number, to: number) => void;
  children: ReactNode;
};

type Focus = { id: string; direction: 'up' | 'down' } | null;

type SortableListCoreProps = SortableListProps & {
  /** Drag and drop from the start. */
  dnd?: SortableDnd | null;
  /** Or loaded on the first sign of use (never for a disabled list). */
  loadDnd?: () => Promise<SortableDnd>;
};

const START_CODES = ['Space', 'Enter'];

/**
 * A list reordered with "Move up" / "Move down" buttons and, once `dnd` is there, by drag and
 * drop (pointer or keyboard: focus a handle, Space to lift, arrows to move, Space to drop). Every
 * move is announced in a live region.
 */
export const SortableListCore = ({
  entries,
  onReorder,
  disabled = false,
  labelledBy,
  renderExtra,
  itemClassName,
  renderMark,
  dnd = null,
  loadDnd,
}: SortableListCoreProps) => {
  const instructionsId = useId();
  const [message, setMessage] = useState('');
  const [focus, setFocus] = useState<Focus>(null);
  const [loaded, setLoaded] = useState<SortableDnd | null>(null);
  const active = dnd ?? loaded;
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const list = useRef<HTMLOListElement>(null);
  const loading = useRef(false);
  // While dnd-kit loads: the control that had focus (the list is re-created inside dnd-kit's
  // context, so focus is put back), a key that would have lifted a handle and a pointer still
  // down on one (both handed to dnd-kit once it is there, so the gesture that loaded it works).
  const refocus = useRef<string | null>(null);
  const pendingKey = useRef<{ target: string; key: string; code: string } | null>(null);
  const pendingPointer = useRef<{ target: string; init: PointerEventInit } | null>(null);
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

  useLayoutEffect(() => {
    if (!loaded || !refocus.current) {
      return;
    }
    buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [loaded]);

  // After dnd-kit's rows have registered themselves (their effects run before this one).
  useEffect(() => {
    if (!loaded) {
      return;
    }
    const key = pendingKey.current;
    pendingKey.current = null;
    const handle = key ? buttons.current.get(key.target) : undefined;
    if (key && handle) {
      handle.focus();
      handle.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: key.key,
          code: key.code,
          bubbles: true,
          cancelable: true,
        }),
      );
    }
    const pointer = pendingPointer.current;
    pendingPointer.current = null;
    const pressed = pointer ? buttons.current.get(pointer.target) : undefined;
    if (pointer && pressed && typeof window.PointerEvent === 'function') {
      pressed.dispatchEvent(new window.PointerEvent('pointerdown', pointer.init));
    }
  }, [loaded]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= total || from === to) {
      return;
    }
    const next = [...ids];
    const [id = ''] = next.splice(from, 1);
    next.splice(to, 0, id);
    onReorder(next);
    setMessage(`${textOf(id)} moved to position ${to + 1} of ${total}.`);
  };

  const load = () => {
    if (active || disabled || !loadDnd || loading.current) {
      return;
    }
    loading.current = true;
    loadDnd().then(
      (module) => {
        const focused = document.activeElement;
        refocus.current =
          focused instanceof HTMLElement && list.current?.contains(focused)
            ? (focused.dataset.sortableKey ?? null)
            : null;
        setLoaded(module);
      },
      () => {
        // Offline or a failed chunk: the buttons still work; the next gesture tries again.
        loading.current = false;
      },
    );
  };

  // The control an event is on: a pointer lands on the handle's glyph, not the button itself.
  const keyOf = (target: EventTarget) =>
    target instanceof Element
      ? (target.closest<HTMLElement>('[data-sortable-key]')?.dataset.sortableKey ?? null)
      : null;

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    load();
    const target = keyOf(event.target);
    if (!target || !START_CODES.includes(event.code)) {
      return;
    }
    if (target.endsWith(':handle')) {
      // Lifts the row once dnd-kit is there; Space must not scroll the page meanwhile.
      event.preventDefault();
      pendingKey.current = { target, key: event.key, code: event.code };
    } else if (event.code === 'Space') {
      // A button clicks on Space's keyup, which is lost if the list is re-created in between:
      // click now.
      event.preventDefault();
      buttons.current.get(target)?.click();
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLOListElement>) => {
    load();
    const target = keyOf(event.target);
    if (!target?.endsWith(':handle') || !event.isPrimary || event.button !== 0) {
      return;
    }
    pendingPointer.current = {
      target,
      init: {
        bubbles: true,
        cancelable: true,
        isPrimary: true,
        button: 0,
        buttons: 1,
        pointerId: event.pointerId,
        pointerType: event.pointerType,
        clientX: event.clientX,
        clientY: event.clientY,
      },
    };
    const release = () => {
      pendingPointer.current = null;
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  };

  const Row = active?.Row ?? SortableRowView;
  const rows = (
    <ol
      ref={list}
      className="sortable"
      aria-labelledby={labelledBy}
      aria-describedby={instructionsId}
      {...(active || disabled || !loadDnd
        ? {}
        : { onFocus: load, onTouchStart: load, onPointerDown, onKeyDown })}
    >
      {entries.map((entry, index) => (
        <Row
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
              buttons.current.set(key, element as HTMLButtonElement);
            } else {
              buttons.current.delete(key);
            }
          }}
          extra={renderExtra?.(entry, index)}
          mark={renderMark?.(entry, index)}
        />
      ))}
    </ol>
  );

  return (
    <>
      <p id={instructionsId} className="visually-hidden">
        Reorder with drag and drop, or with the Move up and Move down buttons.
      </p>
      {active ? (
        <active.Context ids={ids} disabled={disabled} textOf={textOf} onDrop={move}>
          {rows}
        </active.Context>
      ) : (
        rows
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </>
  );
};

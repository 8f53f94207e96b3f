import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { press } from '@/test/keyboard';
import { sortableDnd } from './sortable-list';
import { type SortableDnd, SortableListCore } from './sortable-list-view';

// The play page's chronology list loads dnd-kit on first use (SortableListCore with loadDnd): the
// buttons must work before it arrives, a disabled list must never load it, and the key or focus
// that triggered the load must not be lost when the list is re-created with drag and drop.

const ENTRIES = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Beta' },
  { id: 'c', text: 'Gamma' },
];

const Harness = ({
  loadDnd,
  disabled = false,
}: {
  loadDnd: () => Promise<SortableDnd>;
  disabled?: boolean;
}) => {
  const [ids, setIds] = useState(ENTRIES.map((entry) => entry.id));
  return (
    <>
      <h2 id="title">Order</h2>
      <SortableListCore
        entries={ids.map((id) => ENTRIES.find((entry) => entry.id === id) ?? { id, text: id })}
        onReorder={setIds}
        loadDnd={loadDnd}
        disabled={disabled}
        labelledBy="title"
      />
    </>
  );
};

/** A loader that resolves when the test says so. */
const controlledLoader = () => {
  let resolve: (dnd: SortableDnd) => void = () => undefined;
  const loadDnd = jest.fn(
    () =>
      new Promise<SortableDnd>((done) => {
        resolve = done;
      }),
  );
  return {
    loadDnd,
    arrive: async () => {
      await act(async () => {
        resolve(sortableDnd);
        await new Promise((next) => setTimeout(next, 0));
      });
    },
  };
};

const labels = () =>
  within(screen.getByRole('list', { name: 'Order' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.sortable__label')?.textContent);

const tick = () =>
  act(async () => {
    await new Promise((next) => setTimeout(next, 0));
  });

// jsdom has no layout: give each row a position so dnd-kit's keyboard sensor can measure.
const withRows = () =>
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: Element,
  ) {
    const row = this.closest('li');
    const index = row?.parentElement ? Array.from(row.parentElement.children).indexOf(row) : 0;
    return {
      x: 0,
      y: index * 60,
      top: index * 60,
      left: 0,
      right: 300,
      bottom: index * 60 + 50,
      width: 300,
      height: 50,
      toJSON: () => ({}),
    } as DOMRect;
  });

describe('SortableListCore with drag and drop loaded on first use', () => {
  it('reorders with the Move buttons (Enter and Space) before drag and drop has loaded', () => {
    const { loadDnd } = controlledLoader();
    render(<Harness loadDnd={loadDnd} />);
    press(screen.getByRole('button', { name: 'Move Alpha down' }), 'Enter');
    expect(labels()).toEqual(['Beta', 'Alpha', 'Gamma']);
    expect(screen.getByRole('button', { name: 'Move Alpha down' })).toHaveFocus();
    press(screen.getByRole('button', { name: 'Move Alpha down' }), ' ');
    expect(labels()).toEqual(['Beta', 'Gamma', 'Alpha']);
    expect(screen.getByRole('button', { name: 'Move Alpha up' })).toHaveFocus();
    expect(screen.getByText('Alpha moved to position 3 of 3.')).toBeInTheDocument();
    // The focus asked for the library once; it has not arrived, and nothing waited for it.
    expect(loadDnd).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Drag Alpha, position 3 of 3' })).not.toHaveAttribute(
      'aria-roledescription',
    );
  });

  it('loads nothing until the list is touched, then once', () => {
    const { loadDnd } = controlledLoader();
    render(<Harness loadDnd={loadDnd} />);
    expect(loadDnd).not.toHaveBeenCalled();
    const handle = screen.getByRole('button', { name: 'Drag Beta, position 2 of 3' });
    fireEvent.pointerDown(handle);
    fireEvent.touchStart(handle);
    act(() => handle.focus());
    expect(loadDnd).toHaveBeenCalledTimes(1);
  });

  it('never loads drag and drop for a disabled (answered) list', () => {
    const { loadDnd } = controlledLoader();
    render(<Harness loadDnd={loadDnd} disabled />);
    const row = screen.getAllByRole('listitem')[0] as HTMLElement;
    fireEvent.pointerDown(row);
    fireEvent.touchStart(row);
    fireEvent.focus(row);
    fireEvent.keyDown(row, { key: ' ', code: 'Space' });
    expect(loadDnd).not.toHaveBeenCalled();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps focus on the control that had it when drag and drop arrives', async () => {
    const { loadDnd, arrive } = controlledLoader();
    render(<Harness loadDnd={loadDnd} />);
    act(() => screen.getByRole('button', { name: 'Move Beta up' }).focus());
    await arrive();
    expect(screen.getByRole('button', { name: 'Drag Beta, position 2 of 3' })).toHaveAttribute(
      'aria-roledescription',
      'sortable',
    );
    expect(screen.getByRole('button', { name: 'Move Beta up' })).toHaveFocus();
  });

  it('replays the key that lifted a handle while drag and drop was loading', async () => {
    const rect = withRows();
    try {
      const { loadDnd, arrive } = controlledLoader();
      render(<Harness loadDnd={loadDnd} />);
      const handle = screen.getByRole('button', { name: 'Drag Alpha, position 1 of 3' });
      act(() => handle.focus());
      // Space before the library is there: held (and kept from scrolling the page)…
      expect(fireEvent.keyDown(handle, { key: ' ', code: 'Space' })).toBe(false);
      await arrive();
      await tick();
      // …and handed to dnd-kit once it is: the row is lifted, so arrow and Space move it.
      expect(screen.getByRole('button', { name: 'Drag Alpha, position 1 of 3' })).toHaveFocus();
      fireEvent.keyDown(document, { key: 'ArrowDown', code: 'ArrowDown' });
      await tick();
      fireEvent.keyDown(document, { key: ' ', code: 'Space' });
      await tick();
      expect(labels()).toEqual(['Beta', 'Alpha', 'Gamma']);
    } finally {
      rect.mockRestore();
    }
  });

  it('hands a pointer still down on a handle to dnd-kit when it arrives, so that drag works', async () => {
    const rect = withRows();
    try {
      if (typeof window.PointerEvent !== 'function') {
        // jsdom has no PointerEvent: a MouseEvent with the fields dnd-kit reads.
        class PointerEventStub extends MouseEvent {
          isPrimary: boolean;
          pointerId: number;
          pointerType: string;
          constructor(type: string, init: PointerEventInit = {}) {
            super(type, init);
            this.isPrimary = init.isPrimary ?? false;
            this.pointerId = init.pointerId ?? 1;
            this.pointerType = init.pointerType ?? 'mouse';
          }
        }
        Object.assign(window, { PointerEvent: PointerEventStub });
      }
      const { loadDnd, arrive } = controlledLoader();
      render(<Harness loadDnd={loadDnd} />);
      const handle = screen.getByRole('button', { name: 'Drag Alpha, position 1 of 3' });
      // The pointer lands on the handle's glyph, inside the button.
      const glyph = handle.firstElementChild as Element;
      fireEvent.pointerDown(glyph, { isPrimary: true, button: 0, clientX: 10, clientY: 25 });
      expect(loadDnd).toHaveBeenCalledTimes(1);
      await arrive();
      await tick();
      fireEvent.pointerMove(document, { isPrimary: true, clientX: 10, clientY: 40 });
      await tick();
      fireEvent.pointerMove(document, { isPrimary: true, clientX: 10, clientY: 85 });
      await tick();
      fireEvent.pointerUp(document, { isPrimary: true, clientX: 10, clientY: 85 });
      await tick();
      expect(labels()).toEqual(['Beta', 'Alpha', 'Gamma']);
    } finally {
      rect.mockRestore();
    }
  });
});

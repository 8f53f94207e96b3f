import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { questions } from '@/test/fixtures';
import { press } from '@/test/keyboard';
import { renderQuestion } from './harness.test-utils';

const labels = () =>
  within(screen.getByRole('list', { name: questions.chronology.stem }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.sortable__label')?.textContent);

describe('chronology', () => {
  it('is an ordered list named by the stem, with a drag handle and move buttons per item', async () => {
    renderQuestion(questions.chronology);
    expect(
      await screen.findByRole('list', { name: questions.chronology.stem }),
    ).toBeInTheDocument();
    const handle = screen.getByRole('button', {
      name: 'Drag Iranian revolution, position 1 of 3',
    });
    expect(screen.getByRole('button', { name: 'Move Iranian revolution up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Fall of Assad down' })).toBeDisabled();
    // Drag and drop is loaded by the first focus inside the list, and the focus stays put.
    expect(handle).not.toHaveAttribute('aria-roledescription');
    act(() => handle.focus());
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Drag Iranian revolution, position 1 of 3' }),
      ).toHaveAttribute('aria-roledescription', 'sortable'),
    );
    expect(
      screen.getByRole('button', { name: 'Drag Iranian revolution, position 1 of 3' }),
    ).toHaveFocus();
  });

  it('reorders with the Move buttons by mouse, and announces the move', async () => {
    const { onSubmit } = renderQuestion(questions.chronology);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Move Diplomatic relations established up' }),
    );
    expect(labels()).toEqual([
      'Diplomatic relations established',
      'Iranian revolution',
      'Fall of Assad',
    ]);
    expect(
      screen.getByText('Diplomatic relations established moved to position 1 of 3.'),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ order: ['o2', 'o1', 'o3'] }));
  });

  it('reorders with the keyboard and keeps focus on the moved item', async () => {
    renderQuestion(questions.chronology);
    const down = await screen.findByRole('button', { name: 'Move Iranian revolution down' });
    press(down, 'Enter');
    expect(labels()).toEqual([
      'Diplomatic relations established',
      'Iranian revolution',
      'Fall of Assad',
    ]);
    expect(screen.getByRole('button', { name: 'Move Iranian revolution down' })).toHaveFocus();
    press(screen.getByRole('button', { name: 'Move Iranian revolution down' }), ' ');
    expect(labels()).toEqual([
      'Diplomatic relations established',
      'Fall of Assad',
      'Iranian revolution',
    ]);
    // At the bottom "down" is disabled, so focus moves to "up" of the same item.
    expect(screen.getByRole('button', { name: 'Move Iranian revolution up' })).toHaveFocus();
  });

  it('reorders by keyboard drag and drop (Space, arrow, Space)', async () => {
    // jsdom has no layout: give each row a position so dnd-kit's keyboard sensor can measure.
    const rect = jest
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockImplementation(function (this: Element) {
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
    try {
      renderQuestion(questions.chronology);
      const handle = await screen.findByRole('button', {
        name: 'Drag Iranian revolution, position 1 of 3',
      });
      act(() => handle.focus());
      fireEvent.keyDown(handle, { key: ' ', code: 'Space' });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      fireEvent.keyDown(document, { key: 'ArrowDown', code: 'ArrowDown' });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      fireEvent.keyDown(document, { key: ' ', code: 'Space' });
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
      expect(labels()).toEqual([
        'Diplomatic relations established',
        'Iranian revolution',
        'Fall of Assad',
      ]);
    } finally {
      rect.mockRestore();
    }
  });
});

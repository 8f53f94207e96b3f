import { fireEvent, screen } from '@testing-library/react';
import { questions } from '@/test/fixtures';
import { press } from '@/test/keyboard';
import { renderQuestion } from './harness.test-utils';

describe('matching', () => {
  it('has one labelled select per item', () => {
    renderQuestion(questions.matching);
    expect(screen.getByRole('group', { name: questions.matching.stem })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Hafez al-Assad' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Ali Khamenei' })).toBeInTheDocument();
  });

  it('needs every item matched, then submits the pairs', () => {
    const { onSubmit } = renderQuestion(questions.matching);
    fireEvent.change(screen.getByRole('combobox', { name: 'Hafez al-Assad' }), {
      target: { value: 't1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose a match for every item first.');
    // Keyboard users change a native select with the arrow keys; the change event is the same.
    fireEvent.change(screen.getByRole('combobox', { name: 'Ali Khamenei' }), {
      target: { value: 't2' },
    });
    press(screen.getByRole('button', { name: 'Submit answer' }), 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ pairs: { i1: 't1', i2: 't2' } }),
    );
  });

  it('marks a used target in the other selects', () => {
    renderQuestion(questions.matching);
    fireEvent.change(screen.getByRole('combobox', { name: 'Hafez al-Assad' }), {
      target: { value: 't1' },
    });
    expect(screen.getByRole('combobox', { name: 'Ali Khamenei' })).toHaveTextContent(
      'President of Syria (used)',
    );
  });

  it('says the whole chosen match under its select, which a phone cuts short', () => {
    renderQuestion(questions.matching);
    const select = screen.getByRole('combobox', { name: 'Hafez al-Assad' });
    expect(select).not.toHaveAttribute('aria-describedby');
    fireEvent.change(select, { target: { value: 't1' } });
    const said = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(said).toHaveTextContent('President of Syria');
    expect(said).toHaveClass('match-choice');
  });
});

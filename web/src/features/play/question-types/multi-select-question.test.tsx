import { fireEvent, screen } from '@testing-library/react';
import { questions } from '@/test/fixtures';
import { press } from '@/test/keyboard';
import { renderQuestion } from './harness.test-utils';

describe('multi-select', () => {
  it('is a group of checkboxes named by the stem, with "select all that apply"', () => {
    renderQuestion(questions.multi);
    const group = screen.getByRole('group', { name: questions.multi.stem });
    expect(group).toHaveAccessibleDescription(/Select all that apply/);
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
  });

  it('answers with the mouse', () => {
    const { onSubmit } = renderQuestion(questions.multi);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hezbollah' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fatemiyoun Brigade' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hezbollah' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Hezbollah' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(onSubmit.mock.calls[0]?.[0].optionIds.sort()).toEqual(['o1', 'o2']);
  });

  it('answers with the keyboard (Space toggles)', () => {
    const { onSubmit } = renderQuestion(questions.multi);
    const [first, , third] = screen.getAllByRole('checkbox');
    press(first as HTMLElement, ' ');
    press(third as HTMLElement, ' ');
    expect(first).toBeChecked();
    expect(third).toBeChecked();
    press(screen.getByRole('button', { name: 'Submit answer' }), 'Enter');
    expect(onSubmit.mock.calls[0]?.[0].optionIds).toEqual(['o1', 'o3']);
  });
});

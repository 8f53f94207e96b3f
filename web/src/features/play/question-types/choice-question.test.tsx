import { fireEvent, screen } from '@testing-library/react';
import { questions, result } from '@/test/fixtures';
import { press } from '@/test/keyboard';
import { renderQuestion } from './harness.test-utils';

describe.each([
  ['single choice', questions.single, 'Iraq'],
  ['choice-like (event year)', questions.eventYear, '2000'],
  ['true/false', questions.trueFalse, 'False'],
  ['who said', questions.whoSaid, 'Hafez al-Assad'],
  ['timeline placement', questions.timeline, 'C. 2000–2010'],
])('%s', (_name, question, label) => {
  it('is a radio group named by the stem', () => {
    renderQuestion(question);
    const group = screen.getByRole('radiogroup', { name: question.stem });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio').length).toBe(question.prompt.options.length);
  });

  it('answers with the mouse', () => {
    const { onSubmit } = renderQuestion(question);
    fireEvent.click(screen.getByRole('radio', { name: label }));
    expect(screen.getByRole('radio', { name: label })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    const id = question.prompt.options.find((option) => label.endsWith(option.label))?.id;
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ optionIds: [id] }));
  });

  it('answers with the keyboard (arrows move, Enter submits)', () => {
    const { onSubmit } = renderQuestion(question);
    const radios = screen.getAllByRole('radio');
    press(radios[0] as HTMLElement, ' ');
    expect(radios[0]).toBeChecked();
    press(radios[0] as HTMLElement, 'ArrowDown');
    expect(radios[1]).toBeChecked();
    expect(radios[1]).toHaveFocus();
    press(radios[1] as HTMLElement, 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ optionIds: [question.prompt.options[1]?.id] }),
    );
  });

  it('asks for an answer before submitting', () => {
    const { onSubmit } = renderQuestion(question);
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose an answer first.');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

it('shows the quote of a who-said question as a blockquote that describes the group', () => {
  renderQuestion(questions.whoSaid);
  const group = screen.getByRole('radiogroup');
  expect(group).toHaveAccessibleDescription(/golden ring of the resistance/);
});

it('marks the key and a wrong pick with icons and words, not colour alone', () => {
  renderQuestion(questions.single, result());
  expect(screen.getByText('✓ Correct answer')).toBeInTheDocument();
  expect(screen.getByText('✗ Your answer, wrong')).toBeInTheDocument();
  for (const radio of screen.getAllByRole('radio')) {
    expect(radio).toBeDisabled();
  }
  expect(screen.queryByRole('button', { name: 'Submit answer' })).not.toBeInTheDocument();
});

import { fireEvent, screen } from '@testing-library/react';
import { questions, result } from '@/test/fixtures';
import { press, typeInto } from '@/test/keyboard';
import { renderQuestion } from './harness.test-utils';

describe('year entry', () => {
  it('is a number input labelled "Year" with its bounds as a hint', () => {
    renderQuestion(questions.year);
    const input = screen.getByRole('spinbutton', { name: 'Year' });
    expect(input).toHaveAttribute('min', '1900');
    expect(input).toHaveAttribute('max', '2025');
    expect(input).toHaveAccessibleDescription(
      /between 1900 and 2025; within 2 years earns partial credit/,
    );
    expect(screen.getByRole('group', { name: questions.year.stem })).toBeInTheDocument();
  });

  it('submits a year typed and entered with the keyboard', () => {
    const { onSubmit } = renderQuestion(questions.year);
    const input = screen.getByRole('spinbutton', { name: 'Year' });
    typeInto(input, '1946');
    press(input, 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ year: '1946' }));
  });

  it('explains a year out of bounds next to the field', () => {
    const { onSubmit } = renderQuestion(questions.year);
    const input = screen.getByRole('spinbutton', { name: 'Year' });
    typeInto(input, '1850');
    fireEvent.blur(input);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter a year between 1900 and 2025/);
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the correct year after answering', () => {
    renderQuestion(
      questions.year,
      result({
        response: { optionIds: [], order: [], pairs: [], year: 1947, text: null },
        key: { ...result().key, optionIds: [], year: 1946 },
      }),
    );
    expect(screen.getByText('✗ Correct year: 1946')).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Year' })).toHaveValue(1947);
  });
});

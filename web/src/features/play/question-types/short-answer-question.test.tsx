import { fireEvent, screen } from '@testing-library/react';
import { questions, typedResult } from '@/test/fixtures';
import { press, typeInto } from '@/test/keyboard';
import { toResponseInput } from '../response';
import { renderQuestion } from './harness.test-utils';

describe('typed short answer', () => {
  it('is a text field named by the stem, described by the hint, with phone keyboard help off', () => {
    renderQuestion(questions.shortAnswer);
    const input = screen.getByRole('textbox', { name: questions.shortAnswer.stem });
    expect(input).toHaveAccessibleDescription(
      'Type an organisation. Small spelling slips are forgiven.',
    );
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAttribute('autocomplete', 'off');
    expect(input).toHaveAttribute('autocorrect', 'off');
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAttribute('maxlength', '120');
    expect(input).toHaveAttribute('enterkeyhint', 'send');
  });

  it('submits what was typed when Enter is pressed (keyboard)', () => {
    const { onSubmit } = renderQuestion(questions.shortAnswer);
    const input = screen.getByRole('textbox', { name: questions.shortAnswer.stem });
    typeInto(input, '  Hizbulah ');
    press(input, 'Enter');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ text: '  Hizbulah ' }));
    const draft = onSubmit.mock.calls[0]?.[0];
    expect(draft && toResponseInput(questions.shortAnswer, draft)).toEqual({ text: 'Hizbulah' });
  });

  it('submits with the button (mouse)', () => {
    const { onSubmit } = renderQuestion(questions.shortAnswer);
    typeInto(screen.getByRole('textbox'), 'Hezbollah');
    fireEvent.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ text: 'Hezbollah' }));
  });

  it('refuses to submit an empty or blank answer and says why', () => {
    const { onSubmit } = renderQuestion(questions.shortAnswer);
    const input = screen.getByRole('textbox');
    typeInto(input, '   ');
    press(input, 'Enter');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Type an answer.');
  });

  it('shows the typed answer, locked, and whether it was accepted', () => {
    const { rerender } = renderQuestion(
      questions.shortAnswer,
      typedResult('Hizbulah', { match: 'VARIANT', matched: 'Hezbollah' }),
    );
    expect(screen.getByRole('textbox')).toHaveValue('Hizbulah');
    expect(screen.getByRole('textbox')).toBeDisabled();
    expect(screen.getByText('✓ Accepted')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit answer' })).not.toBeInTheDocument();
    rerender(<></>);
    renderQuestion(
      questions.shortAnswer,
      typedResult('Amal', { match: 'NEAR_MISS', matched: 'Amal Movement' }),
    );
    expect(screen.getByText('✗ Answer: Hezbollah')).toBeInTheDocument();
  });
});

import { fireEvent, render, screen, within } from '@testing-library/react';
import { bankQuestion } from '@/test/fixtures';
import { blankDraft, draftFromQuestion } from './editor-draft';
import { QuestionEditor } from './question-editor';

const renderEditor = (
  serverErrors: { field: string; message: string; code: string }[] = [],
  initial = draftFromQuestion(bankQuestion()),
) => {
  const onSave = jest.fn();
  const view = render(
    <QuestionEditor
      initial={initial}
      serverErrors={serverErrors}
      onSave={onSave}
      isSaving={false}
    />,
  );
  return { ...view, onSave };
};

describe('QuestionEditor', () => {
  it('loads the stem, options, key, rationales and explanation', () => {
    renderEditor();
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveValue(bankQuestion().stem);
    expect(screen.getByRole('textbox', { name: 'Option 1' })).toHaveValue('Iran');
    expect(screen.getAllByRole('radio', { name: 'Correct answer' })[0]).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Why “Iraq” is right or wrong' })).toHaveValue(
      'Iraq was the enemy of both Iran and Syria’s Ba’athist rival.',
    );
    expect(screen.getByRole('textbox', { name: 'Explanation' })).toHaveValue(
      'Syria backed Iran throughout the war.',
    );
  });

  it('shows its own validation messages next to the fields and in a linked summary', () => {
    const { onSave } = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 2' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    expect(onSave).not.toHaveBeenCalled();
    const stem = screen.getByRole('textbox', { name: 'Question' });
    expect(stem).toHaveAttribute('aria-invalid', 'true');
    expect(stem).toHaveAccessibleDescription(/Write the question\./);
    expect(screen.getByRole('textbox', { name: 'Option 2' })).toHaveAccessibleDescription(
      'Option 2 needs some text.',
    );
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Write the question.' })).toHaveAttribute(
      'href',
      '#q-stem',
    );
    expect(
      within(summary).getByRole('link', { name: 'Option 2 needs some text.' }),
    ).toHaveAttribute('href', '#q-options-1-label');
  });

  it('shows the FieldErrors of the API payload next to their fields', () => {
    renderEditor([
      { field: 'stem', code: 'TOO_SHORT', message: 'The question must be at least 15 characters.' },
      { field: 'options.2.label', code: 'DUPLICATE', message: 'This option repeats another.' },
      { field: 'explanation', code: 'REQUIRED', message: 'An explanation is required.' },
    ]);
    expect(screen.getByRole('textbox', { name: 'Question' })).toHaveAccessibleDescription(
      /The question must be at least 15 characters\./,
    );
    expect(screen.getByRole('textbox', { name: 'Option 3' })).toHaveAccessibleDescription(
      'This option repeats another.',
    );
    expect(screen.getByRole('textbox', { name: 'Option 3' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.getByRole('textbox', { name: 'Explanation' })).toHaveAccessibleDescription(
      /An explanation is required\./,
    );
    expect(screen.getByRole('textbox', { name: 'Option 1' })).not.toHaveAttribute('aria-invalid');
  });

  it('requires a correct answer for a new question', () => {
    const { onSave } = renderEditor([], blankDraft('SINGLE_CHOICE'));
    fireEvent.change(screen.getByRole('textbox', { name: 'Question' }), {
      target: { value: 'Who was Syria’s president in 1980?' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 1' }), {
      target: { value: 'Hafez al-Assad' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 2' }), {
      target: { value: 'Bashar al-Assad' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 3' }), {
      target: { value: 'Shukri al-Quwatli' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Explanation' }), {
      target: { value: 'Hafez al-Assad ruled 1971–2000.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Mark the correct answer.');
    fireEvent.click(screen.getAllByRole('radio', { name: 'Correct answer' })[0] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'SINGLE_CHOICE',
        stem: 'Who was Syria’s president in 1980?',
        options: expect.arrayContaining([expect.objectContaining({ label: 'Hafez al-Assad' })]),
        correctOptionIds: [expect.any(String)],
      }),
      [],
    );
  });

  it('sends the edited question with its key and citations', () => {
    const { onSave } = renderEditor();
    fireEvent.change(screen.getByRole('textbox', { name: 'Option 3' }), {
      target: { value: 'It stayed neutral' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
    const [input, refs] = onSave.mock.calls[0] ?? [];
    expect(input.options[2]).toEqual({ id: 'o3', label: 'It stayed neutral' });
    expect(input.correctOptionIds).toEqual(['o1']);
    expect(input.citationIds).toEqual(['c1']);
    expect(refs).toEqual(['o1', 'o2', 'o3']);
  });

  describe('a typed short answer', () => {
    const typed = () => ({
      ...blankDraft('SHORT_ANSWER'),
      stem: 'Which Lebanese movement did Iran help found in the 1980s?',
      explanation: 'Hezbollah was founded in 1982 with Iranian help.',
    });

    it('sends the accepted answers, near misses and hint (blank lines dropped)', () => {
      const { onSave } = renderEditor([], typed());
      fireEvent.change(screen.getByRole('textbox', { name: /What kind of answer/ }), {
        target: { value: ' an organisation ' },
      });
      fireEvent.change(screen.getByRole('textbox', { name: 'Accepted answers, one per line' }), {
        target: { value: 'Hezbollah\n\n Hizb Allah \nParty of God' },
      });
      fireEvent.change(screen.getByRole('textbox', { name: /Near misses/ }), {
        target: { value: 'Amal Movement' },
      });
      fireEvent.change(
        screen.getByRole('textbox', { name: 'Why “the answer” is right or wrong' }),
        {
          target: { value: 'Iran’s Revolutionary Guards trained it.' },
        },
      );
      fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({
          type: 'SHORT_ANSWER',
          answerHint: 'an organisation',
          correctAnswers: ['Hezbollah', 'Hizb Allah', 'Party of God'],
          nearMisses: ['Amal Movement'],
          rationales: [
            { ref: 'answer', text: 'Iran’s Revolutionary Guards trained it.', citationIds: [] },
          ],
        }),
        ['answer'],
      );
    });

    it('asks for an answer before saving, and refuses a near miss that is also accepted', () => {
      const { onSave } = renderEditor([], { ...typed(), nearMisses: 'Hezbollah' });
      fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
      expect(onSave).not.toHaveBeenCalled();
      expect(
        screen.getByRole('textbox', { name: 'Accepted answers, one per line' }),
      ).toHaveAccessibleDescription(/Give the answer as the sources name it\./);
      fireEvent.change(screen.getByRole('textbox', { name: 'Accepted answers, one per line' }), {
        target: { value: 'Hezbollah' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Save question' }));
      expect(screen.getByRole('textbox', { name: /Near misses/ })).toHaveAccessibleDescription(
        /A near miss is also an accepted answer\./,
      );
    });

    it('places the API’s per-name errors on the list, naming the entry', () => {
      renderEditor(
        [
          {
            field: 'nearMisses.0',
            code: 'DUPLICATE',
            message:
              'Too close to an accepted answer: a student typing it could not be graded fairly',
          },
        ],
        { ...typed(), answers: 'Hezbollah', nearMisses: 'Hizbollah' },
      );
      expect(screen.getByRole('textbox', { name: /Near misses/ })).toHaveAccessibleDescription(
        /Name 1: Too close to an accepted answer/,
      );
      expect(
        within(screen.getByRole('alert')).getByRole('link', { name: /Too close/ }),
      ).toHaveAttribute('href', '#q-nearMisses');
    });
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { bankQuestion } from '@/test/fixtures';
import { QuestionPreview } from './question-preview';

// Round 12: the preview said "This is what students see" and showed the stored order (options as
// written, a chronology in its key's order); students see the seeded order (`presentedPrompt`).
describe('QuestionPreview', () => {
  it('shows the options in the order students see, and still grades by the key', () => {
    render(<QuestionPreview question={bankQuestion()} idPrefix="p" />);
    const labels = screen.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent);
    expect(labels.map((label) => label?.trim())).toEqual(['Neither', 'Iraq', 'Iran']);
    fireEvent.click(screen.getByRole('button', { name: 'Show the answer and feedback' }));
    expect(screen.getByText('Syria sided with Iran from 1980.')).toBeTruthy();
  });
});

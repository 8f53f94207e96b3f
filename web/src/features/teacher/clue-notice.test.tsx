import { render, screen, within } from '@testing-library/react';
import { ClueNotice } from './clue-notice';

const items = [
  {
    position: 0,
    question: { stem: 'Which Arab states isolated Syria during the Iran–Iraq War (1980–88)?' },
  },
  { position: 1, question: { stem: 'In what year did the Iran–Iraq War begin?' } },
];

describe('ClueNotice', () => {
  it('says which question shows which answer, numbered as the teacher sees them', () => {
    render(<ClueNotice clues={[{ givenBy: 0, answers: 1, answer: '1980' }]} items={items} />);
    const notice = screen.getByRole('region', { name: 'One question is given away by another' });
    const entry = within(notice).getByRole('listitem');
    expect(entry.textContent).toContain('Question 1 shows “1980”, the answer to question 2.');
    expect(entry.textContent).toContain('Question 2: In what year did the Iran–Iraq War begin?');
  });

  it('shows nothing when no question gives another away', () => {
    const { container } = render(<ClueNotice clues={[]} items={items} />);
    expect(container.innerHTML).toBe('');
  });

  it('counts the questions given away, not the clues', () => {
    render(
      <ClueNotice
        clues={[
          { givenBy: 0, answers: 1, answer: '1980' },
          { givenBy: 2, answers: 1, answer: '1980' },
        ]}
        items={items}
      />,
    );
    expect(
      screen.getByRole('region', { name: 'One question is given away by another' }),
    ).toBeTruthy();
  });
});

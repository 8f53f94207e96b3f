import { render, screen, within } from '@testing-library/react';
import { OverlapNotice } from './overlap-notice';

const items = [0, 1, 2, 3, 4, 5, 6].map((position) => ({
  position,
  question: { stem: `Stem ${position + 1}?` },
}));

describe('OverlapNotice', () => {
  it('names the pair asking the same fact, numbered as the teacher sees them', () => {
    render(<OverlapNotice overlaps={[{ a: 2, b: 6, reason: 'SAME_FACT' }]} items={items} />);
    const notice = screen.getByRole('region', { name: 'Two questions ask about the same thing' });
    const entry = within(notice).getByRole('listitem');
    expect(entry.textContent).toContain(
      'Questions 3 and 7 ask the same fact: one may give the other away.',
    );
    expect(entry.textContent).toContain('Question 7: Stem 7?');
  });

  it('says when a pair only shares a passage, and counts the pairs', () => {
    render(
      <OverlapNotice
        overlaps={[
          { a: 0, b: 1, reason: 'SAME_FACT' },
          { a: 1, b: 4, reason: 'SAME_PASSAGE' },
        ]}
        items={items}
      />,
    );
    const notice = screen.getByRole('region', {
      name: '2 pairs of questions ask about the same thing',
    });
    expect(within(notice).getAllByRole('listitem')[1]?.textContent).toContain(
      'Questions 2 and 5 rest on the same passage',
    );
  });

  it('shows nothing for a set without overlaps', () => {
    const { container } = render(<OverlapNotice overlaps={[]} items={items} />);
    expect(container.innerHTML).toBe('');
  });
});

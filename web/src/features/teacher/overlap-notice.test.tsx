import { render, screen, within } from '@testing-library/react';
import { OverlapNotice } from './overlap-notice';

const items = [0, 1, 2, 3, 4, 5, 6].map((position) => ({
  position,
  question: { stem: `Stem ${position + 1}?` },
}));

describe('OverlapNotice', () => {
  it('names the pair asking the same fact, numbered as the teacher sees them', () => {
    render(<OverlapNotice overlaps={[{ a: 2, b: 6, reason: 'SAME_FACT' }]} items={items} />);
    const notice = screen.getByRole('region', { name: 'Two questions ask the same fact' });
    const entry = within(notice).getByRole('listitem');
    expect(entry.textContent).toContain(
      'Questions 3 and 7 ask the same fact: one may give the other away.',
    );
    expect(entry.textContent).toContain('Question 7: Stem 7?');
    expect(notice.querySelector('details')).toBeNull();
  });

  it('shows same-fact pairs open and keeps passage-only pairs behind a disclosure', () => {
    render(
      <OverlapNotice
        overlaps={[
          { a: 0, b: 1, reason: 'SAME_FACT' },
          { a: 1, b: 4, reason: 'SAME_PASSAGE' },
          { a: 2, b: 5, reason: 'SAME_PASSAGE' },
        ]}
        items={items}
      />,
    );
    const notice = screen.getByRole('region', { name: 'Two questions ask the same fact' });
    const details = notice.querySelector('details');
    expect(details).not.toBeNull();
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe(
      '2 pairs of questions rest on the same passage only',
    );
    // Only the same-fact pair is in the open list; the passage pairs are inside the closed one.
    const open = [...notice.querySelectorAll('li')].filter((li) => !details?.contains(li));
    expect(open.map((li) => li.textContent)).toEqual([
      expect.stringContaining('Questions 1 and 2 ask the same fact'),
    ]);
    expect(details?.textContent).toContain('Questions 2 and 5 rest on the same passage.');
  });

  it('has no warning when pairs share only a passage: one quiet, closed disclosure', () => {
    render(<OverlapNotice overlaps={[{ a: 0, b: 3, reason: 'SAME_PASSAGE' }]} items={items} />);
    const notice = screen.getByRole('region', { name: 'Questions on the same passage' });
    expect(notice.className).not.toContain('notice--warn');
    expect(within(notice).queryByRole('heading')).toBeNull();
    const details = notice.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe(
      'One pair of questions rests on the same passage',
    );
  });

  it('shows nothing for a set without overlaps', () => {
    const { container } = render(<OverlapNotice overlaps={[]} items={items} />);
    expect(container.innerHTML).toBe('');
  });
});

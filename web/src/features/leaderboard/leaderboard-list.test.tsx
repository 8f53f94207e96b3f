import { render, screen, within } from '@testing-library/react';
import type { LeaderboardEntryFieldsFragment } from '@/gql/graphql';
import { LeaderboardList } from './leaderboard-list';

const entry = (rank: number, name: string, score: number): LeaderboardEntryFieldsFragment => ({
  rank,
  score,
  attemptCount: 1,
  achievedAt: '2026-11-25T10:00:00.000Z',
  player: { id: `p-${name}`, displayName: name, isGuest: false },
});

const top = [
  entry(1, 'Leila', 9000),
  entry(2, 'Omar', 8000),
  entry(3, 'Sara', 7000),
  entry(4, 'Yusuf', 6000),
];

describe('LeaderboardList', () => {
  it('ranks the entries in order', () => {
    render(<LeaderboardList entries={top} viewerEntry={null} caption="Overall ranks" />);
    const rows = within(screen.getByRole('list', { name: 'Overall ranks' })).getAllByRole(
      'listitem',
    );
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Leila'),
      expect.stringContaining('Omar'),
      expect.stringContaining('Sara'),
      expect.stringContaining('Rank #4Yusuf'),
    ]);
    expect(screen.getByRole('img', { name: 'Rank 1' })).toBeInTheDocument();
  });

  it('highlights the viewer in the list with words, not colour alone', () => {
    render(<LeaderboardList entries={top} viewerEntry={top[1] ?? null} caption="Overall ranks" />);
    const mine = screen.getByText('(you)').closest('li');
    expect(mine).toHaveAttribute('aria-current', 'true');
    expect(mine).toHaveClass('board__row--me');
    expect(mine).toHaveTextContent('Omar');
    expect(screen.queryByRole('list', { name: 'Your position' })).not.toBeInTheDocument();
  });

  it('pins the viewer below the list with the exact rank when far from the top', () => {
    render(
      <LeaderboardList
        entries={top}
        viewerEntry={entry(1234, 'Dana', 1500)}
        caption="Overall ranks"
      />,
    );
    const pinned = screen.getByRole('list', { name: 'Your position' });
    const row = within(pinned).getByRole('listitem');
    expect(row).toHaveTextContent('Rank #1234Dana (you)');
    expect(row).toHaveTextContent('1,500 points');
    expect(row).toHaveAttribute('aria-current', 'true');
  });
});

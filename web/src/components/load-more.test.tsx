import { fireEvent, render, screen } from '@testing-library/react';
import { LoadMore } from './load-more';

const pages = (over: Partial<Parameters<typeof LoadMore>[0]['pages']> = {}) => ({
  hasNextPage: true,
  isFetchingNextPage: false,
  isFetchNextPageError: false,
  fetchNextPage: jest.fn(),
  ...over,
});

describe('LoadMore', () => {
  it('loads the next page on click', () => {
    const query = pages();
    render(<LoadMore pages={query} label="Load more events" failure="Failed." />);
    fireEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(query.fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it('is busy while the page loads, and absent on the last page', () => {
    const { rerender } = render(
      <LoadMore pages={pages({ isFetchingNextPage: true })} label="More" failure="Failed." />,
    );
    expect(screen.getByRole('button', { name: 'Loading…' })).toBeDisabled();
    rerender(<LoadMore pages={pages({ hasNextPage: false })} label="More" failure="Failed." />);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('says so when the next page fails, and keeps the button to try again', () => {
    render(
      <LoadMore
        pages={pages({ isFetchNextPageError: true })}
        label="More"
        failure="More events could not be loaded. Try again."
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('More events could not be loaded');
    expect(screen.getByRole('button', { name: 'More' })).toBeEnabled();
  });
});

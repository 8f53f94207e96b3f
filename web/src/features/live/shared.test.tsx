import { render, screen, within } from '@testing-library/react';
import type { LiveGameStateFieldsFragment } from '@/gql/graphql';
import { Explanation, LiveKey } from './shared';

type Reveal = NonNullable<LiveGameStateFieldsFragment['reveal']>;

const citations = (count: number): Reveal['citations'] =>
  Array.from({ length: count }, (_, index) => ({
    id: `c${index + 1}`,
    quote: `Passage ${index + 1}`,
    locator: `line ${index + 1}`,
    sourceTitle: 'Iran–Syria relations',
    url: null,
  }));

const reveal = (overrides: Partial<Reveal> = {}): Reveal => ({
  explanation: 'In order: A (1979); B (1990); C (2018).',
  answerCount: 3,
  correctCount: 0,
  key: { optionIds: [], order: [], year: null, answers: [], pairs: [] },
  citations: citations(2),
  distribution: [],
  ...overrides,
});

const game = (key: Partial<Reveal['key']>): LiveGameStateFieldsFragment =>
  ({
    question: {
      index: 0,
      type: 'CHRONOLOGY',
      stem: 'Put these events in order, earliest first.',
      timeLimitSec: 30,
      prompt: {
        quote: null,
        selectMany: false,
        answerHint: null,
        options: [],
        items: [
          { id: 'i1', label: 'Islamic Revolution transforms Iran' },
          { id: 'i2', label: 'Syria joins the US-led coalition against Iraq' },
        ],
        targets: [{ id: 't1', label: '1979' }],
        numeric: null,
      },
    },
    reveal: reveal({ key: { ...reveal().key, ...key } }),
  }) as unknown as LiveGameStateFieldsFragment;

describe('LiveKey', () => {
  it('lists an order, one event per line, instead of one run-on bold line', () => {
    render(<LiveKey game={game({ order: ['i1', 'i2'] })} />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Islamic Revolution transforms Iran',
      'Syria joins the US-led coalition against Iraq',
    ]);
    expect(screen.getByText('Answer, earliest first:')).toBeInTheDocument();
  });

  it('lists pairs, and keeps one line for a single answer', () => {
    const { unmount } = render(
      <LiveKey game={game({ pairs: [{ itemId: 'i1', targetId: 't1' }] })} />,
    );
    expect(screen.getByRole('listitem').textContent).toBe(
      'Islamic Revolution transforms Iran → 1979',
    );
    unmount();
    render(<LiveKey game={game({ year: 1979 })} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('1979').tagName).toBe('STRONG');
  });
});

describe('Explanation', () => {
  it('shows three passages and keeps the rest behind "More sources (n)"', () => {
    const { container } = render(<Explanation reveal={reveal({ citations: citations(13) })} />);
    const first = screen.getByRole('list', { name: 'Sources for this answer' });
    expect(within(first).getAllByRole('listitem')).toHaveLength(3);
    const details = container.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('More sources (10)');
    expect(
      within(
        screen.getByRole('list', { name: 'More sources for this answer', hidden: true }),
      ).getAllByRole('listitem', { hidden: true }),
    ).toHaveLength(10);
  });

  it('has no disclosure for three passages or fewer', () => {
    const { container } = render(<Explanation reveal={reveal()} />);
    expect(container.querySelector('details')).toBeNull();
  });
});

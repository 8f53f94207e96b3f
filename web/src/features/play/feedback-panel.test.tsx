import { render, screen, within } from '@testing-library/react';
import { questions, result } from '@/test/fixtures';
import { FeedbackPanel } from './feedback-panel';

describe('FeedbackPanel', () => {
  it('says "Not quite" with an icon and words, and compares the answers', () => {
    render(<FeedbackPanel question={questions.single} result={result()} />);
    expect(screen.getByRole('heading', { name: /Not quite/ })).toBeInTheDocument();
    expect(screen.getByText('0 points')).toBeInTheDocument();
    expect(screen.getByText('Your answer').nextSibling).toHaveTextContent('Iraq');
    expect(screen.getByText('Correct answer').nextSibling).toHaveTextContent('Iran');
  });

  it('says "Correct" with the points won', () => {
    render(
      <FeedbackPanel
        question={questions.single}
        result={result({
          isCorrect: true,
          credit: 1,
          points: 1000,
          response: { optionIds: ['o1'], order: [], pairs: [], year: null },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: /Correct/ })).toBeInTheDocument();
    expect(screen.getByText('+1,000 points')).toBeInTheDocument();
  });

  it('explains why each option is right or wrong, marking the player pick', () => {
    render(<FeedbackPanel question={questions.single} result={result()} />);
    const items = within(screen.getByRole('list', { name: '' }).closest('section') as HTMLElement)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('rationale'));
    expect(items).toHaveLength(3);
    expect(items[1]).toHaveTextContent('Iraq✗ WrongYour pick');
    expect(items[1]).toHaveTextContent('Iraq was the enemy');
    expect(items[0]).toHaveTextContent('Iran✓ Right');
  });

  it('shows each cited passage as a blockquote with source, publisher and locator', () => {
    render(<FeedbackPanel question={questions.single} result={result()} />);
    const sources = screen.getByRole('list', { name: 'Sources for this answer' });
    const quote = within(sources).getByText('Syria sided with Iran during the Iran–Iraq War.');
    expect(quote.closest('blockquote')).toBeInTheDocument();
    const caption = within(sources).getByText('Iran–Syria relations').closest('figcaption');
    expect(caption).toHaveTextContent('Wikipedia (English)');
    expect(caption).toHaveTextContent('Location in the source: paragraph 2');
    // A rationale's own passage shows once, under the rationale, when it is not among the sources.
    expect(
      screen.getAllByText('Relations between the two Ba’athist regimes were hostile.'),
    ).toHaveLength(1);
    expect(screen.getAllByText('Syria sided with Iran during the Iran–Iraq War.')).toHaveLength(1);
  });

  it('shows partial credit and time-outs in words', () => {
    const { rerender } = render(
      <FeedbackPanel question={questions.single} result={result({ credit: 0.5, points: 500 })} />,
    );
    expect(screen.getByRole('heading', { name: /Partly right/ })).toBeInTheDocument();
    expect(screen.getByText('50% credit')).toBeInTheDocument();
    rerender(
      <FeedbackPanel
        question={questions.single}
        result={result({
          timedOut: true,
          response: { optionIds: [], order: [], pairs: [], year: null },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: /Time's up/ })).toBeInTheDocument();
    expect(screen.getByText('No answer in time')).toBeInTheDocument();
  });
});

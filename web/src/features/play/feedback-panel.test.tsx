import { render, screen, within } from '@testing-library/react';
import { citationTable, questions, result, typedResult } from '@/test/fixtures';
import { FeedbackPanel, passagesOf } from './feedback-panel';

describe('FeedbackPanel', () => {
  it('says "Not quite" with an icon and words, and compares the answers', () => {
    render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={result()} />,
    );
    expect(screen.getByRole('heading', { name: /Not quite/ })).toBeInTheDocument();
    expect(screen.getByText('0 points')).toBeInTheDocument();
    expect(screen.getByText('Your answer').nextSibling).toHaveTextContent('Iraq');
    expect(screen.getByText('Correct answer').nextSibling).toHaveTextContent('Iran');
  });

  it('says "Correct" with the points won', () => {
    render(
      <FeedbackPanel
        citations={citationTable}
        question={questions.single}
        result={result({
          isCorrect: true,
          credit: 1,
          points: 1000,
          response: { optionIds: ['o1'], order: [], pairs: [], year: null, text: null },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: /Correct/ })).toBeInTheDocument();
    expect(screen.getByText('+1,000 points')).toBeInTheDocument();
  });

  it('explains what is true of each option, marking the player pick', () => {
    render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={result()} />,
    );
    const items = within(screen.getByRole('list', { name: '' }).closest('section') as HTMLElement)
      .getAllByRole('listitem')
      .filter((item) => item.classList.contains('rationale'));
    expect(items).toHaveLength(3);
    expect(items[1]).toHaveTextContent('Iraq✗ WrongYour pick');
    expect(items[1]).toHaveTextContent('Iraq was the enemy');
    expect(items[0]).toHaveTextContent('Iran✓ Right');
  });

  it('shows each passage once as a blockquote with source, publisher and date in words', () => {
    render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={result()} />,
    );
    const sources = screen.getByRole('list', { name: 'Sources for this answer' });
    const quote = within(sources).getByText('Syria sided with Iran during the Iran–Iraq War.');
    expect(quote.closest('blockquote')).toBeInTheDocument();
    const caption = quote.closest('figure')?.querySelector('figcaption');
    expect(caption).toHaveTextContent('Wikipedia (English)');
    expect(caption).toHaveTextContent('December 2024');
    // The rationale's own passage joins the sources once; the answer's is not repeated.
    expect(
      within(sources).getByText('Relations between the two Ba’athist regimes were hostile.'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Syria sided with Iran during the Iran–Iraq War.')).toHaveLength(1);
  });

  it('never shows a locator (line numbers, paragraph refs) to the student', () => {
    const { container } = render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={result()} />,
    );
    expect(container).not.toHaveTextContent(/paragraph \d|Location in the source/);
  });

  it('shows one explanation and what is true of each option', () => {
    render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={result()} />,
    );
    expect(screen.getAllByText(result().explanation)).toHaveLength(1);
    expect(
      screen.getByRole('heading', { name: 'What is true of each answer' }),
    ).toBeInTheDocument();
  });

  it('says the explanation once when the right option’s rationale repeats it', () => {
    const base = result();
    const repeated = result({
      key: {
        ...base.key,
        rationales: base.key.rationales.map((rationale) =>
          rationale.isCorrect ? { ...rationale, text: base.explanation } : rationale,
        ),
      },
    });
    render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={repeated} />,
    );
    expect(screen.getAllByText(base.explanation)).toHaveLength(1);
    const right = document.querySelector('.rationale--correct');
    expect(right).toHaveTextContent('Iran✓ Right');
    expect(right?.querySelector('p')).toBeNull();
    expect(
      screen.getByText('Iraq was the enemy of both Iran and Syria’s Ba’athist rival.'),
    ).toBeInTheDocument();
  });

  it('says each right option’s line once when the explanation strings them together', () => {
    const lines = [
      'Wikipedia says Syria became increasingly dependent on Iran for political and military support.',
      'Wikipedia says the disagreements over Kuwait never threatened to derail the relationship.',
    ];
    const base = result();
    const strung = result({
      explanation: lines.join(' '),
      key: {
        ...base.key,
        rationales: base.key.rationales.map((rationale) =>
          rationale.ref === 'o1'
            ? { ...rationale, text: lines[0] as string }
            : rationale.ref === 'o3'
              ? { ...rationale, isCorrect: true, text: lines[1] as string }
              : rationale,
        ),
      },
    });
    const { container } = render(
      <FeedbackPanel citations={citationTable} question={questions.single} result={strung} />,
    );
    for (const line of lines) {
      expect(container.textContent?.split(line)).toHaveLength(2);
    }
    // A wrong option's own line is still shown under it.
    expect(
      screen.getByText('Iraq was the enemy of both Iran and Syria’s Ba’athist rival.'),
    ).toBeInTheDocument();
  });

  it('says a true/false reason once, not again under True and False behind a verdict word', () => {
    const reason =
      'According to IranWire, the Boeing agreement was worth $16 billion, not $24 billion.';
    const tf = result({
      explanation: `False. ${reason}`,
      response: { optionIds: ['true'], order: [], pairs: [], year: null, text: null },
      key: {
        ...result().key,
        optionIds: ['false'],
        rationales: [
          { ref: 'true', isCorrect: false, text: `Incorrect: ${reason}`, citationIds: ['c1'] },
          { ref: 'false', isCorrect: true, text: `Correct: ${reason}`, citationIds: ['c1'] },
        ],
      },
    });
    const { container } = render(
      <FeedbackPanel citations={citationTable} question={questions.trueFalse} result={tf} />,
    );
    expect(container.textContent?.split(reason)).toHaveLength(2);
    const rows = container.querySelectorAll('.rationale');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('True✗ WrongYour pick');
    expect(rows[1]).toHaveTextContent('False✓ Right');
    expect(container.querySelector('.rationale p')).toBeNull();
  });

  it('keeps a true/false rationale that says something the explanation does not', () => {
    const tf = result({
      explanation: 'True. Syria joined the coalition in 1990.',
      key: {
        ...result().key,
        optionIds: ['true'],
        rationales: [
          {
            ref: 'true',
            isCorrect: true,
            text: 'Correct: Syria joined the coalition in 1990.',
            citationIds: ['c1'],
          },
          {
            ref: 'false',
            isCorrect: false,
            text: 'Incorrect: Wikipedia records it.',
            citationIds: ['c1'],
          },
        ],
      },
    });
    render(<FeedbackPanel citations={citationTable} question={questions.trueFalse} result={tf} />);
    expect(screen.getByText('Incorrect: Wikipedia records it.')).toBeInTheDocument();
    expect(screen.queryByText('Correct: Syria joined the coalition in 1990.')).toBeNull();
  });

  it('shows at most three passages first and the rest behind "More sources (n)"', () => {
    const { container } = render(
      <FeedbackPanel
        citations={citationTable}
        question={questions.shortAnswer}
        result={typedResult('Hezbollah', { match: 'EXACT', matched: 'Hezbollah' })}
      />,
    );
    const first = screen.getByRole('list', { name: 'Sources for this answer' });
    expect(within(first).getAllByRole('listitem')).toHaveLength(3);
    const more = screen.getByText('More sources (2)');
    const details = more.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(within(details).getAllByRole('listitem')).toHaveLength(2);
    // Outside the closed disclosure, at most three passages are on screen.
    const shown = [...container.querySelectorAll('blockquote')].filter(
      (quote) => !quote.closest('details'),
    );
    expect(shown).toHaveLength(3);
  });

  it('says the answer is "No answer" rather than blank for a skipped typed question', () => {
    render(
      <FeedbackPanel
        citations={citationTable}
        question={questions.shortAnswer}
        result={typedResult('', null, {
          response: { optionIds: [], order: [], pairs: [], year: null, text: null },
        })}
      />,
    );
    expect(screen.getByText('Your answer').nextSibling).toHaveTextContent('No answer');
  });

  it.each([
    ['EXACT', 'Hezbollah', 'Hezbollah', null],
    [
      'ALIAS',
      'party of god',
      'Party of God',
      'Accepted: “party of god” is another name for Hezbollah.',
    ],
    [
      'VARIANT',
      'Hizbulah',
      'Hezbollah',
      'Accepted: you wrote “Hizbulah”; the usual spelling is Hezbollah.',
    ],
    [
      'TYPO',
      'Hezbolalh',
      'Hezbollah',
      'Accepted with a spelling slip: you wrote “Hezbolalh”; the usual spelling is Hezbollah.',
    ],
    [
      'NEAR_MISS',
      'Amal',
      'Amal Movement',
      'Not accepted: “Amal” names Amal Movement, not Hezbollah.',
    ],
    ['WRONG', 'Hamas', null, null],
  ] as const)('a typed answer graded %s says how (%s)', (match, typed, matched, note) => {
    render(
      <FeedbackPanel
        citations={citationTable}
        question={questions.shortAnswer}
        result={typedResult(typed, { match, matched })}
      />,
    );
    expect(screen.getByText('Your answer').nextSibling).toHaveTextContent(typed);
    const correct = screen.getByText('Correct answer').nextSibling;
    expect(correct).toHaveTextContent('Hezbollah');
    expect(correct).toHaveTextContent('Also accepted: Hizb Allah, Party of God');
    if (note) {
      expect(screen.getByText(note)).toBeInTheDocument();
    } else {
      expect(screen.queryByText(/^(Accepted|Not accepted)/)).not.toBeInTheDocument();
    }
    expect(screen.getByRole('heading', { name: /Correct|Not quite/ })).toHaveTextContent(
      ['EXACT', 'ALIAS', 'VARIANT', 'TYPO'].includes(match) ? 'Correct' : 'Not quite',
    );
  });

  it('shows partial credit and time-outs in words', () => {
    const { rerender } = render(
      <FeedbackPanel
        citations={citationTable}
        question={questions.single}
        result={result({ credit: 0.5, points: 500 })}
      />,
    );
    expect(screen.getByRole('heading', { name: /Partly right/ })).toBeInTheDocument();
    expect(screen.getByText('50% credit')).toBeInTheDocument();
    rerender(
      <FeedbackPanel
        citations={citationTable}
        question={questions.single}
        result={result({
          timedOut: true,
          response: { optionIds: [], order: [], pairs: [], year: null, text: null },
        })}
      />,
    );
    expect(screen.getByRole('heading', { name: /Time's up/ })).toBeInTheDocument();
    expect(screen.getByText('No answer in time')).toBeInTheDocument();
  });

  it('looks passages up by id: the answer’s first, then the right rationale’s, each once', () => {
    const ids = passagesOf(
      result({
        citationIds: ['c2'],
        key: {
          ...result().key,
          rationales: [
            { ref: 'o2', isCorrect: false, text: 'No.', citationIds: ['c4', 'c2'] },
            { ref: 'o1', isCorrect: true, text: 'Yes.', citationIds: ['c1', 'c2', 'missing'] },
          ],
        },
      }),
      citationTable,
    ).map((citation) => citation.id);
    // An id the table lacks is skipped rather than shown empty.
    expect(ids).toEqual(['c2', 'c1', 'c4']);
  });
});

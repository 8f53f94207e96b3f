import type { ReactNode, Ref } from 'react';
import { CitationList } from '@/components/citation-list';
import type { AnswerResultFieldsFragment, CitationFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import { gradingNote, otherAnswers } from './grading';
import { labelForRef, type QuestionLike, rendererFor, responseLines } from './response';

type FeedbackPanelProps = {
  question: QuestionLike;
  result: AnswerResultFieldsFragment;
  /** The response's table of passages (each sent once); the result points into it by id. */
  citations: readonly CitationFieldsFragment[];
  /** Heading level, to fit the page outline. */
  level?: 2 | 3;
  /** Review lists: rationales and sources fold into a disclosure. */
  isCompact?: boolean;
  children?: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
};

/** Passages shown before the "More sources (n)" disclosure. */
export const VISIBLE_SOURCES = 3;

/**
 * Every passage once, looked up by id in the response's table: the answer's own first, then
 * those behind the right option's rationale, then the rest, so the three shown first are the
 * ones that prove the answer. An id missing from the table is skipped.
 */
export const passagesOf = (
  result: Pick<AnswerResultFieldsFragment, 'citationIds' | 'key'>,
  citations: readonly CitationFieldsFragment[],
): CitationFieldsFragment[] => {
  const byId = new Map(citations.map((citation) => [citation.id, citation]));
  const byRationale = [...result.key.rationales].sort(
    (a, b) => Number(b.isCorrect) - Number(a.isCorrect),
  );
  const ids = new Set([
    ...result.citationIds,
    ...byRationale.flatMap((rationale) => rationale.citationIds),
  ]);
  return [...ids].flatMap((id) => {
    const citation = byId.get(id);
    return citation ? [citation] : [];
  });
};

export const verdictOf = (
  result: Pick<AnswerResultFieldsFragment, 'isCorrect' | 'credit' | 'timedOut'>,
) => {
  if (result.isCorrect) {
    return { icon: '✓', text: 'Correct', tone: 'correct' as const };
  }
  if (result.timedOut) {
    return { icon: '!', text: "Time's up", tone: 'wrong' as const };
  }
  if (result.credit > 0) {
    return { icon: '◐', text: 'Partly right', tone: 'wrong' as const };
  }
  return { icon: '✗', text: 'Not quite', tone: 'wrong' as const };
};

const Answer = ({ lines, isOrdered }: { lines: string[]; isOrdered: boolean }) => {
  if (lines.length === 0 || (lines.length === 1 && lines[0] === 'No answer')) {
    return <>No answer</>;
  }
  if (lines.length === 1) {
    return <>{lines[0]}</>;
  }
  const List = isOrdered ? 'ol' : 'ul';
  return (
    <List className="answer-lines">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </List>
  );
};

/** A rationale or explanation without its verdict word, to tell when two say the same thing. */
export const sayingOf = (text: string): string =>
  text
    .trim()
    .replace(/^(?:(?:Correct|Incorrect|Right|Wrong)\s*[:.]|(?:True|False)\.)\s*/i, '')
    .trim();

/**
 * What the player learns after answering: the verdict (icon + words), points, the explanation,
 * why each option is right or wrong, and the source passages that prove it.
 */
export const FeedbackPanel = ({
  question,
  result,
  citations,
  level = 2,
  isCompact = false,
  children,
  ref,
}: FeedbackPanelProps) => {
  const verdict = verdictOf(result);
  const Heading = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const kind = rendererFor(question);
  const isChoice =
    kind !== 'chronology' && kind !== 'matching' && kind !== 'year' && kind !== 'short-answer';
  const isTyped = kind === 'short-answer';
  const yours = responseLines(question, result.response);
  const passages = passagesOf(result, citations);
  const note = isTyped ? gradingNote(result) : null;
  const alsoAccepted = isTyped ? otherAnswers(result.key) : [];
  // The generator often writes the right option's rationale as the explanation itself (95 of the
  // 163 seeded questions): said once, above. A choice keeps its row and badges without the text;
  // a fact that only repeats the explanation is left out.
  // True/false rationales restate the explanation under both options behind a "Correct:" or
  // "Incorrect:" (the explanation behind "True."/"False."): the same reason three times.
  // Several right options' lines strung together as the explanation (a select-all or a matching
  // item) are repeats too: each is said once, above.
  const explained = sayingOf(result.explanation);
  const repeats = (text: string) => {
    const saying = sayingOf(text);
    return saying === explained || (saying.length >= 40 && explained.includes(saying));
  };
  const shownRationales = isChoice
    ? result.key.rationales
    : result.key.rationales.filter((rationale) => !repeats(rationale.text));
  const rationales = (
    <>
      {shownRationales.length > 0 ? (
        <>
          <Sub className="section-title">
            {isChoice ? 'What is true of each answer' : 'The facts behind the answer'}
          </Sub>
          <ul className="rationales">
            {shownRationales.map((rationale) => {
              const isPicked = result.response.optionIds.includes(rationale.ref);
              return (
                <li
                  key={rationale.ref}
                  className={`rationale ${rationale.isCorrect ? 'rationale--correct' : 'rationale--wrong'}`}
                >
                  <div className="rationale__head">
                    <span>{labelForRef(question, rationale.ref)}</span>
                    {isChoice ? (
                      <span
                        className={rationale.isCorrect ? 'badge badge--good' : 'badge badge--bad'}
                      >
                        {rationale.isCorrect ? '✓ Right' : '✗ Wrong'}
                      </span>
                    ) : null}
                    {isPicked ? <span className="badge">Your pick</span> : null}
                  </div>
                  {repeats(rationale.text) ? null : <p>{rationale.text}</p>}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <Sub className="section-title">Sources</Sub>
      <CitationList
        citations={passages.slice(0, VISIBLE_SOURCES)}
        label="Sources for this answer"
      />
      {passages.length > VISIBLE_SOURCES ? (
        <details className="disclosure more-sources">
          <summary>More sources ({passages.length - VISIBLE_SOURCES})</summary>
          <CitationList
            citations={passages.slice(VISIBLE_SOURCES)}
            label="More sources for this answer"
          />
        </details>
      ) : null}
    </>
  );
  return (
    <section className={`feedback feedback--${verdict.tone}`} aria-label="Feedback on your answer">
      <div className="verdict">
        <Heading className="verdict__title" ref={ref} tabIndex={-1}>
          <span className="verdict__icon" aria-hidden="true">
            {verdict.icon}
          </span>
          {verdict.text}
        </Heading>
        <span className="points">
          {result.points > 0 ? `+${formatNumber(result.points)}` : '0'} points
        </span>
        {!result.isCorrect && result.credit > 0 ? (
          <span className="badge">{Math.round(result.credit * 100)}% credit</span>
        ) : null}
      </div>
      <dl className="answer-compare">
        <div>
          <dt>Your answer</dt>
          <dd>
            {result.timedOut && yours.length === 0 ? (
              'No answer in time'
            ) : result.timedOut && yours[0] === 'No answer' ? (
              'No answer in time'
            ) : (
              <Answer lines={yours} isOrdered={kind === 'chronology'} />
            )}
          </dd>
        </div>
        <div>
          <dt>Correct answer</dt>
          <dd>
            <Answer lines={responseLines(question, result.key)} isOrdered={kind === 'chronology'} />
            {alsoAccepted.length > 0 ? (
              <span className="muted small also-accepted">
                Also accepted: {alsoAccepted.join(', ')}
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
      {note ? <p className="grading-note">{note}</p> : null}
      <p>{result.explanation}</p>
      {isCompact ? (
        <details className="disclosure">
          <summary>Why, with the sources ({passages.length})</summary>
          {rationales}
        </details>
      ) : (
        rationales
      )}
      {children}
    </section>
  );
};

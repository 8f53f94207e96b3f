'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ErrorState, Skeleton } from '@/components/states';
import type { PrintSetQuery } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import { PrintSetDocument } from './queries';

type Item = NonNullable<PrintSetQuery['questionSet']>['items'][number];
type Question = Item['question'];

const LETTERS = 'ABCDEF';

const rationaleOf = (question: Question, ref: string) =>
  question.key?.rationales.find((rationale) => rationale.ref === ref)?.text;

/** What the student writes on: options to tick, items to number, a line to write on. */
const Answers = ({ question, withKey }: { question: Question; withKey: boolean }) => {
  // The order players see (probe round 12: the stored order printed a chronology solved).
  const { presentedPrompt: prompt, key } = question;
  if (question.type === 'CHRONOLOGY') {
    const rank = new Map((key?.order ?? []).map((id, index) => [id, index + 1]));
    return (
      <>
        <p className="print-hint">Number them 1 to {prompt.items.length}, earliest first.</p>
        <ul className="print-list">
          {prompt.items.map((item) => (
            <li key={item.id}>
              <span className="print-box">{withKey ? rank.get(item.id) : ''}</span> {item.label}
            </li>
          ))}
        </ul>
      </>
    );
  }
  if (question.type === 'MATCHING') {
    const targetOf = new Map((key?.pairs ?? []).map((pair) => [pair.itemId, pair.targetId]));
    const letterOf = new Map(prompt.targets.map((target, index) => [target.id, LETTERS[index]]));
    return (
      <div className="print-columns">
        <ul className="print-list">
          {prompt.items.map((item) => (
            <li key={item.id}>
              <span className="print-box">
                {withKey ? letterOf.get(targetOf.get(item.id) ?? '') : ''}
              </span>{' '}
              {item.label}
            </li>
          ))}
        </ul>
        <ul className="print-list">
          {prompt.targets.map((target, index) => (
            <li key={target.id}>
              {LETTERS[index]}. {target.label}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (question.type === 'NUMERIC_YEAR') {
    return (
      <p>
        Year: <span className="print-line">{withKey ? key?.year : ''}</span>
        {withKey && prompt.numeric?.tolerance ? ` (± ${prompt.numeric.tolerance} accepted)` : ''}
      </p>
    );
  }
  if (question.type === 'SHORT_ANSWER') {
    return (
      <p>
        {prompt.answerHint ? <span className="print-hint">Write {prompt.answerHint}: </span> : null}
        <span className="print-line">{withKey ? key?.answers.join(' / ') : ''}</span>
      </p>
    );
  }
  const correct = new Set(key?.optionIds ?? []);
  return (
    <>
      {prompt.selectMany ? <p className="print-hint">Tick every correct answer.</p> : null}
      <ul className="print-list">
        {prompt.options.map((option, index) => (
          <li key={option.id} className={withKey && correct.has(option.id) ? 'print-correct' : ''}>
            <span className="print-box">{withKey && correct.has(option.id) ? '✓' : ''}</span>{' '}
            {LETTERS[index]}. {option.label}
            {withKey && rationaleOf(question, option.id) ? (
              <span className="print-rationale"> — {rationaleOf(question, option.id)}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
};

/**
 * A printable worksheet, or its answer key (`withKey`), for the browser's print dialog and "Save
 * as PDF". The worksheet's query asks for no key, explanation or citation.
 */
export const PrintView = ({ setId, withKey }: { setId: string; withKey: boolean }) => {
  const query = useQuery({
    queryKey: ['print-set', setId, withKey],
    queryFn: ({ signal }) => gqlRequest(PrintSetDocument, { id: setId, withKey }, { signal }),
  });
  if (query.isPending) {
    return <Skeleton lines={8} label="Preparing the worksheet…" />;
  }
  if (query.isError || !query.data.questionSet) {
    return <ErrorState error={query.error} title="The set could not be loaded" />;
  }
  const set = query.data.questionSet;
  return (
    <article className="print-sheet stack">
      <div className="no-print row">
        <Link href={`/teacher/sets/${setId}`}>Back to the set</Link>
        <Link href={`/teacher/sets/${setId}/print${withKey ? '' : '?key=1'}`}>
          {withKey ? 'Worksheet' : 'Answer key'}
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <header className="print-head">
        <h1>
          {set.title}
          {withKey ? ': answer key' : ''}
        </h1>
        {withKey ? null : (
          <p className="print-fields">
            Name <span className="print-line" /> Date{' '}
            <span className="print-line print-line--short" />
          </p>
        )}
      </header>
      <ol className="print-questions">
        {set.items.map((item) => {
          const question = item.question;
          return (
            <li key={item.position} className="print-question">
              <p className="print-stem">{question.stem}</p>
              {question.presentedPrompt.quote ? (
                <blockquote>“{question.presentedPrompt.quote}”</blockquote>
              ) : null}
              <Answers question={question} withKey={withKey} />
              {withKey && question.explanation ? (
                <div className="print-key">
                  <p>
                    <strong>Why:</strong> {question.explanation}
                  </p>
                  {question.citations && question.citations.length > 0 ? (
                    <ol className="print-sources small">
                      {question.citations.map((citation) => (
                        <li key={citation.id}>
                          {citation.source.title}: “{citation.quote}”
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="small">
                      No knowledge-base citation (an imported or uncited question).
                    </p>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
};

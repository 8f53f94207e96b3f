'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useState } from 'react';
import { EmptyState, ErrorState, Skeleton } from '@/components/states';
import { TYPE_LABELS } from '@/features/play/response';
import { formatDateTime, formatNumber, nounFor, plural } from '@/lib/format';
import { decimal, measuredText, percent } from './analytics-format';
import { useSetAnalytics } from './use-teacher';

// recharts is loaded only here, after the tables, so no other page pays for it.
const ItemAnalysisChart = dynamic(
  () => import('./analytics-charts').then((mod) => mod.ItemAnalysisChart),
  {
    ssr: false,
    loading: () => <span className="skeleton skeleton--block" />,
  },
);
const ScoreDistributionChart = dynamic(
  () => import('./analytics-charts').then((mod) => mod.ScoreDistributionChart),
  {
    ssr: false,
    loading: () => <span className="skeleton skeleton--block" />,
  },
);
const DistractorChart = dynamic(
  () => import('./analytics-charts').then((mod) => mod.DistractorChart),
  {
    ssr: false,
    loading: () => <span className="skeleton skeleton--block" />,
  },
);

const binLabel = (bin: { fromPercent: number; toPercent: number }) =>
  bin.toPercent === 100 ? '90–100%' : `${bin.fromPercent}–${bin.toPercent - 1}%`;

/** Anomalies in a student's first (ranked) attempt: a prompt to look, not a verdict. */
const STUDENT_FLAGS = {
  RAPID_ANSWERS: 'All correct, answered in under a second each: check',
};

const answerMark = (answer: {
  answered: boolean;
  isCorrect?: boolean | null;
  credit?: number | null;
  timedOut: boolean;
}) =>
  !answer.answered
    ? 'not answered'
    : answer.timedOut
      ? 'out of time'
      : answer.isCorrect
        ? '✓ right'
        : (answer.credit ?? 0) > 0
          ? `partly right (${percent(answer.credit)})`
          : '✗ wrong';
/** Class results of a set: per-student scores, and item analysis as charts with table alternatives. */
export const AnalyticsView = ({ setId }: { setId: string }) => {
  const [classId, setClassId] = useState<string | null>(null);
  const query = useSetAnalytics(setId, classId);
  const [questionIndex, setQuestionIndex] = useState(0);

  if (query.isPending) {
    return <Skeleton lines={8} label="Loading class results…" />;
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="Class results could not be loaded"
      />
    );
  }
  const analytics = query.data.setAnalytics;
  const classes = query.data.myClasses;
  const selected = analytics.questions[questionIndex] ?? analytics.questions[0];
  const minimum = (code: string) =>
    analytics.minimumAnswers.find((m) => m.code === code)?.minimum ?? 0;
  const positionLabel = new Map(
    analytics.questions.map((question, index) => [question.position, `Q${index + 1}`]),
  );

  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">
          <Link href="/teacher">Teach</Link> /{' '}
          <Link href={`/teacher/sets/${setId}`}>{analytics.set.title}</Link> / Class results
        </p>
        <h1>Class results: {analytics.set.title}</h1>
        {classes.length > 0 ? (
          <div className="field" style={{ maxInlineSize: '22rem' }}>
            <label htmlFor="analytics-class">Class</label>
            <select
              id="analytics-class"
              className="select"
              value={classId ?? ''}
              onChange={(event) => setClassId(event.target.value || null)}
            >
              <option value="">All players</option>
              {classes.map((klass) => (
                <option key={klass.id} value={klass.id}>
                  {klass.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </header>

      <div className="score-hero">
        <div className="stat">
          <span className="stat__value">{analytics.playerCount}</span>
          <span className="stat__label">{nounFor(analytics.playerCount, 'player')}</span>
        </div>
        <div className="stat">
          <span className="stat__value">{analytics.attemptCount}</span>
          <span className="stat__label">{nounFor(analytics.attemptCount, 'finished attempt')}</span>
        </div>
        <div className="stat">
          <span className="stat__value">
            {analytics.meanScore === null || analytics.meanScore === undefined
              ? '—'
              : formatNumber(Math.round(analytics.meanScore))}
          </span>
          <span className="stat__label">mean score</span>
        </div>
      </div>

      <section aria-labelledby="students-title" className="stack">
        <h2 id="students-title">Students</h2>
        {analytics.students.length === 0 ? (
          <EmptyState icon="users" title="No finished attempts yet">
            <p>Share the set&apos;s code; results appear here as soon as students finish.</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Scores per student</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col" className="num">
                    First score (ranked)
                  </th>
                  <th scope="col" className="num">
                    Best score
                  </th>
                  <th scope="col" className="num">
                    Best correct
                  </th>
                  <th scope="col" className="num">
                    Last score
                  </th>
                  <th scope="col" className="num">
                    Retakes
                  </th>
                  <th scope="col">Check</th>
                  <th scope="col">Last finished</th>
                </tr>
              </thead>
              <tbody>
                {analytics.students.map((student) => (
                  <tr key={student.player.id}>
                    <th scope="row">
                      {student.player.displayName}
                      {student.player.isGuest ? (
                        <span className="muted small"> · guest</span>
                      ) : null}
                      {student.answers.length > 0 ? (
                        <details className="disclosure small">
                          <summary>
                            Answers
                            <span className="visually-hidden">
                              {' '}
                              of {student.player.displayName}
                            </span>
                          </summary>
                          <ol className="answer-list" aria-label="Latest finished attempt">
                            {student.answers.map((answer) => (
                              <li key={answer.position}>
                                {positionLabel.get(answer.position) ?? `#${answer.position + 1}`}:{' '}
                                {answerMark(answer)}
                                {answer.given ? (
                                  <span className="muted"> · gave “{answer.given}”</span>
                                ) : null}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : null}
                    </th>
                    <td className="num">{formatNumber(student.firstScore)}</td>
                    <td className="num">{formatNumber(student.bestScore)}</td>
                    <td className="num">
                      {student.bestCorrectCount}/{analytics.set.questionCount}
                    </td>
                    <td className="num">{formatNumber(student.lastScore)}</td>
                    <td className="num">{student.retakeCount}</td>
                    <td>
                      {student.flags.includes('RAPID_ANSWERS') ? (
                        <span className="badge badge--warn">
                          {STUDENT_FLAGS.RAPID_ANSWERS}
                          {student.medianAnswerSeconds === null ||
                          student.medianAnswerSeconds === undefined
                            ? ''
                            : ` (median ${formatNumber(student.medianAnswerSeconds)} s)`}
                        </span>
                      ) : (
                        <span className="muted small">—</span>
                      )}
                    </td>
                    <td>{student.lastFinishedAt ? formatDateTime(student.lastFinishedAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {analytics.students.length > 0 ? (
        <section aria-labelledby="scores-title" className="stack">
          <h2 id="scores-title">How the class scored</h2>
          <figure className="card stack" style={{ margin: 0 }}>
            <figcaption className="label">
              Players by the share of the maximum score on their first attempt
            </figcaption>
            <ScoreDistributionChart bins={analytics.scoreDistribution} />
            <p className="small muted">
              {analytics.scoreDistribution
                .filter((bin) => bin.count > 0)
                .map((bin) => `${binLabel(bin)}: ${plural(bin.count, 'player')}`)
                .join('; ')}
            </p>
          </figure>
        </section>
      ) : null}

      <section aria-labelledby="items-title" className="stack">
        <h2 id="items-title">Questions</h2>
        <p className="muted">
          <strong>Facility</strong> is the share who answered fully correctly on their first
          attempt. <strong>Discrimination</strong> compares each question with the rest of the
          score: near 0 or negative means the question does not separate stronger from weaker
          students. <strong>Measured difficulty</strong> is fitted from first answers in every
          class, starting from the generator&apos;s estimate.
        </p>
        <details className="disclosure">
          <summary>How many answers each figure needs</summary>
          <ul className="findings">
            {analytics.minimumAnswers.map((m) => (
              <li key={m.code}>
                <strong>{m.label}:</strong> {plural(m.minimum, 'answer')}. {m.why}
              </li>
            ))}
          </ul>
        </details>
        {analytics.questions.length === 0 ? (
          <EmptyState icon="chart" title="No answers to analyse yet" />
        ) : (
          <>
            <figure className="card stack" style={{ margin: 0 }}>
              <figcaption className="label">
                Facility and discrimination per question (the table below has the same figures)
              </figcaption>
              <ItemAnalysisChart
                points={analytics.questions.map((question, index) => ({
                  label: `Q${index + 1}`,
                  facility: question.facility ?? null,
                  discrimination: question.discrimination ?? null,
                }))}
              />
            </figure>
            <div className="table-wrap">
              <table>
                <caption>Item analysis</caption>
                <thead>
                  <tr>
                    <th scope="col">Question</th>
                    <th scope="col" className="num">
                      Answers
                    </th>
                    <th scope="col" className="num">
                      Facility
                    </th>
                    <th scope="col" className="num">
                      Discrimination
                    </th>
                    <th scope="col">Measured difficulty</th>
                    <th scope="col">What to look at</th>
                  </tr>
                </thead>
                <tbody>
                  {analytics.questions.map((question, index) => (
                    <tr key={question.position}>
                      <th scope="row">
                        Q{index + 1}. {question.question.stem}
                        <div className="small muted">{TYPE_LABELS[question.question.type]}</div>
                      </th>
                      <td className="num">{question.answerCount}</td>
                      <td className="num">
                        {question.answerCount >= minimum('FACILITY') ? (
                          percent(question.facility)
                        ) : (
                          <span
                            className="muted"
                            title={`Shown from ${minimum('FACILITY')} answers`}
                          >
                            {percent(question.facility)}*
                          </span>
                        )}
                      </td>
                      <td className="num">
                        {question.answerCount >= minimum('DISCRIMINATION') ? (
                          decimal(question.discrimination)
                        ) : (
                          <span
                            className="muted"
                            title={`Reliable from ${minimum('DISCRIMINATION')} answers`}
                          >
                            {decimal(question.discrimination)}*
                          </span>
                        )}
                      </td>
                      <td className="small">
                        {measuredText(question.measured, minimum('MEASURED_DIFFICULTY'))}
                      </td>
                      <td>
                        {question.findings.length === 0 ? (
                          <span className="muted small">Nothing to act on</span>
                        ) : (
                          <ul className="findings">
                            {question.findings.map((finding) => (
                              <li key={finding.code}>{finding.message}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="small muted">
              * Fewer answers than this figure needs (see “How many answers each figure needs”):
              read it as a hint, not a verdict.
            </p>
            {selected ? (
              <section className="card stack" aria-labelledby="distractor-title">
                <h3 id="distractor-title">Which options were picked</h3>
                <div className="field" style={{ maxInlineSize: '30rem' }}>
                  <label htmlFor="distractor-question">Question</label>
                  <select
                    id="distractor-question"
                    className="select"
                    aria-describedby="distractor-stem"
                    data-choice-shown=""
                    value={questionIndex}
                    onChange={(event) => setQuestionIndex(Number(event.target.value))}
                  >
                    {analytics.questions.map((question, index) => (
                      <option key={question.position} value={index}>
                        Q{index + 1}. {question.question.stem.slice(0, 80)}
                      </option>
                    ))}
                  </select>
                  {/* A phone's closed select cuts a long stem: the whole stem is said here. */}
                  <p id="distractor-stem" className="small">
                    {analytics.questions[questionIndex]?.question.stem}
                  </p>
                </div>
                {selected.options.length === 0 ? (
                  <>
                    <DistractorChart
                      points={[
                        {
                          label: 'Fully right',
                          pickRate: selected.answerCount
                            ? selected.correctCount / selected.answerCount
                            : 0,
                          isCorrect: true,
                        },
                        {
                          label: 'Not fully right',
                          pickRate: selected.answerCount
                            ? 1 - selected.correctCount / selected.answerCount
                            : 0,
                          isCorrect: false,
                        },
                      ]}
                    />
                    <p className="small muted">
                      {selected.correctCount} of {plural(selected.answerCount, 'first answer')}{' '}
                      fully right; mean credit {percent(selected.meanCredit)}.
                    </p>
                  </>
                ) : (
                  <>
                    <DistractorChart
                      points={selected.options.map((option) => ({
                        label: option.label,
                        pickRate: option.pickRate,
                        isCorrect: option.isCorrect,
                      }))}
                    />
                    <div className="table-wrap">
                      <table>
                        <caption>Picks for Q{analytics.questions.indexOf(selected) + 1}</caption>
                        <thead>
                          <tr>
                            <th scope="col">Option</th>
                            <th scope="col">Correct?</th>
                            <th scope="col" className="num">
                              Picked by
                            </th>
                            <th scope="col" className="num">
                              Share
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {selected.options.map((option) => (
                            <tr key={option.optionId}>
                              <th scope="row">{option.label}</th>
                              <td>{option.isCorrect ? '✓ Key' : '✗ Distractor'}</td>
                              <td className="num">{option.pickCount}</td>
                              <td className="num">{percent(option.pickRate)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </>
                )}
              </section>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
};

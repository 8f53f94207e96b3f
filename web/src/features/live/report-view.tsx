'use client';

import { useQuery } from '@tanstack/react-query';
import { gqlRequest } from '@/lib/graphql/client';
import { LiveReportDocument } from './queries';

/** Per question and per player after the game, with a CSV download. */
export const LiveReportView = ({ gameId }: { gameId: string }) => {
  const { data, error } = useQuery({
    queryKey: ['liveReport', gameId],
    queryFn: () => gqlRequest(LiveReportDocument, { id: gameId }),
  });
  if (error) {
    return <p role="alert">{error.message}</p>;
  }
  if (!data) {
    return <p>Loading the report…</p>;
  }
  const report = data.liveReport;
  const download = () => {
    const url = URL.createObjectURL(new Blob([report.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `live-${report.game.title.replace(/[^\w-]+/g, '-').slice(0, 40)}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="stack">
      <h1>Report: {report.game.title}</h1>
      <p>
        {report.game.playerCount} players ·{' '}
        <button type="button" className="button button--secondary" onClick={download}>
          Download CSV
        </button>
      </p>
      <section className="card stack" aria-labelledby="report-questions">
        <h2 id="report-questions">Questions</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Question</th>
              <th scope="col">Answered</th>
              <th scope="col">Right</th>
              <th scope="col">Median time</th>
            </tr>
          </thead>
          <tbody>
            {report.questions.map((q) => (
              <tr key={q.index}>
                <td>{q.index + 1}</td>
                <td>{q.stem}</td>
                <td>{q.skipped ? 'skipped' : q.answerCount}</td>
                <td>
                  {q.skipped ? '—' : `${q.correctCount} (${Math.round(q.correctRate * 100)}%)`}
                </td>
                <td>
                  {q.medianMs === null || q.medianMs === undefined
                    ? '—'
                    : `${(q.medianMs / 1000).toFixed(1)} s`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card stack" aria-labelledby="report-players">
        <h2 id="report-players">Players</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Nickname</th>
              <th scope="col">Score</th>
              <th scope="col">Right answers</th>
              <th scope="col">Per question</th>
            </tr>
          </thead>
          <tbody>
            {report.players.map((p) => (
              <tr key={p.nickname}>
                <td>{p.rank}</td>
                <td>{p.nickname}</td>
                <td>{p.score}</td>
                <td>
                  {p.correctCount} / {report.questions.length}
                </td>
                <td>{p.results.map((r) => (r === null ? '–' : r ? '✓' : '✗')).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
};

'use client';

import { useQuery } from '@tanstack/react-query';
import { useDownload } from '@/features/interop/use-download';
import type { ResultsFormat } from '@/gql/graphql';
import { plural } from '@/lib/format';
import { gqlRequest } from '@/lib/graphql/client';
import { ExportLiveResultsDocument, LiveReportDocument } from './queries';

/** Per question and per player after the game, with CSV and XLSX downloads (as set results). */
export const LiveReportView = ({ gameId }: { gameId: string }) => {
  const { data, error } = useQuery({
    queryKey: ['liveReport', gameId],
    queryFn: () => gqlRequest(LiveReportDocument, { id: gameId }),
  });
  const {
    busy,
    error: downloadError,
    download,
  } = useDownload(
    async (format: ResultsFormat) =>
      (await gqlRequest(ExportLiveResultsDocument, { gameId, format })).exportLiveResults,
  );
  if (error) {
    return <p role="alert">{error.message}</p>;
  }
  if (!data) {
    return <p>Loading the report…</p>;
  }
  const report = data.liveReport;
  return (
    <div className="stack">
      <h1>Report: {report.game.title}</h1>
      <div className="row">
        <p>{plural(report.game.playerCount, 'player')}</p>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => download('CSV')}
        >
          Download CSV
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => download('XLSX')}
        >
          Download XLSX
        </button>
      </div>
      {downloadError ? (
        <p className="notice notice--bad" role="alert">
          {downloadError}
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="report-questions">
        <h2 id="report-questions">Questions</h2>
        <div className="table-wrap">
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
        </div>
      </section>
      <section className="card stack" aria-labelledby="report-players">
        <h2 id="report-players">Players</h2>
        <div className="table-wrap">
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
        </div>
      </section>
    </div>
  );
};

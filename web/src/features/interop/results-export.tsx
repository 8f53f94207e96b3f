'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Field } from '@/components/field';
import type { ResultsFormat } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import { ExportSetResultsDocument, ResultsExportClassesDocument } from './queries';
import { useDownload } from './use-download';

/** Download the set's results: one row per student, one column per question. */
export const ResultsExport = ({ setId }: { setId: string }) => {
  const classes = useQuery({
    queryKey: ['results-export-classes'],
    queryFn: ({ signal }) => gqlRequest(ResultsExportClassesDocument, undefined, { signal }),
  });
  const [classId, setClassId] = useState('');
  const { busy, error, download } = useDownload(
    async (format: ResultsFormat) =>
      (await gqlRequest(ExportSetResultsDocument, { setId, classId: classId || null, format }))
        .exportSetResults,
  );

  return (
    <section className="card stack no-print" aria-labelledby="results-export-title">
      <h2 id="results-export-title">Download results</h2>
      <p className="muted small">
        One row per student (best score, best correct, last score, attempts, as below) and one
        column per question with the points of the student’s best attempt. The Excel file adds every
        answer of every attempt.
      </p>
      <div className="row">
        <Field label="Students">
          {(control) => (
            <select
              {...control}
              className="select"
              value={classId}
              onChange={(event) => setClassId(event.target.value)}
            >
              <option value="">Everyone who played</option>
              {(classes.data?.myClasses ?? []).map((klass) => (
                <option key={klass.id} value={klass.id}>
                  {klass.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => download('CSV')}
        >
          CSV
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => download('XLSX')}
        >
          Excel (XLSX)
        </button>
      </div>
      {error ? (
        <p className="notice notice--bad" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
};

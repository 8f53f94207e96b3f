'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Field } from '@/components/field';
import type { ExportFormat, ExportQuestionSetQuery } from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import { ExportQuestionSetDocument } from './queries';
import { useDownload } from './use-download';

/** Short labels fit a phone's closed select; what each format is for is the field's hint. */
export const EXPORT_OPTIONS: { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'MOODLE_XML', label: 'Moodle XML', detail: 'Moodle: every question type.' },
  { format: 'GIFT', label: 'GIFT', detail: 'Moodle’s text format.' },
  { format: 'QTI12', label: 'QTI 1.2 package', detail: 'Canvas.' },
  { format: 'QTI21', label: 'QTI 2.1 package', detail: 'Other learning systems.' },
  { format: 'AIKEN', label: 'Aiken', detail: 'Single-answer multiple choice only.' },
  { format: 'CSV', label: 'CSV spreadsheet', detail: 'Any spreadsheet; citations as text.' },
  { format: 'XLSX', label: 'Excel workbook', detail: 'XLSX; citations as text.' },
  { format: 'JSON', label: 'JSON', detail: 'Complete, with citations.' },
];

type Report = ExportQuestionSetQuery['exportQuestionSet'];

/** Export a set's questions (keys, feedback, citations) to a file, and say what the format lost. */
export const ExportMenu = ({ setId }: { setId: string }) => {
  const [format, setFormat] = useState<ExportFormat>('MOODLE_XML');
  const [report, setReport] = useState<Report | null>(null);
  const {
    busy,
    error,
    download: fetchAndSave,
  } = useDownload(
    async () => (await gqlRequest(ExportQuestionSetDocument, { setId, format })).exportQuestionSet,
  );
  const download = async () => {
    const file = await fetchAndSave();
    if (file) {
      setReport(file);
    }
  };

  return (
    <section className="card stack" aria-labelledby="export-title">
      <h2 id="export-title">Export, print and import</h2>
      <div className="row">
        <Field
          label="Format"
          hint={EXPORT_OPTIONS.find((option) => option.format === format)?.detail}
        >
          {(control) => (
            <select
              {...control}
              className="select"
              value={format}
              onChange={(event) => setFormat(event.target.value as ExportFormat)}
            >
              {EXPORT_OPTIONS.map((option) => (
                <option key={option.format} value={option.format}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" className="button" onClick={download} disabled={busy}>
          {busy ? 'Exporting…' : 'Download'}
        </button>
      </div>
      {error ? (
        <p className="notice notice--bad" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <div className="stack" aria-live="polite">
          <p>
            Saved <strong>{report.filename}</strong>.
            {report.notes.length === 0
              ? ' Nothing was left out.'
              : ' What this format could not hold:'}
          </p>
          {report.notes.length > 0 ? (
            <ul className="export-report small">
              {report.notes.map((note) => (
                <li key={`${note.position}-${note.message}`}>
                  {note.position === null ? 'All questions' : `Question ${note.position}`}
                  {note.kind === 'SKIPPED' ? ' (left out)' : ''}: {note.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <p className="row">
        <Link href={`/teacher/sets/${setId}/print`}>Print worksheet</Link>
        <Link href={`/teacher/sets/${setId}/print?key=1`}>Print answer key</Link>
        <Link href={`/teacher/sets/${setId}/import`}>Import questions</Link>
      </p>
    </section>
  );
};

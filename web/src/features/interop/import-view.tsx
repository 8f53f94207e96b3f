'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Field } from '@/components/field';
import { TYPE_LABELS } from '@/features/play/response';
import type { ImportFormat, ImportQuestionsMutation } from '@/gql/graphql';
import { GraphQLRequestError, gqlRequest } from '@/lib/graphql/client';
import { describeError } from '@/lib/graphql/error-messages';
import { readUpload } from './download';
import { ImportQuestionsDocument } from './queries';

const FORMATS: { format: ImportFormat; label: string; accept: string }[] = [
  { format: 'GIFT', label: 'GIFT (.txt, .gift)', accept: '.txt,.gift' },
  { format: 'MOODLE_XML', label: 'Moodle XML (.xml)', accept: '.xml' },
  { format: 'AIKEN', label: 'Aiken (.txt)', accept: '.txt' },
  { format: 'CSV', label: 'CSV in our layout (.csv)', accept: '.csv' },
  { format: 'XLSX', label: 'Excel in our layout (.xlsx)', accept: '.xlsx' },
];

/** Files larger than this are refused before upload (the API refuses them too). */
const MAX_BYTES = 64_000;

const guessFormat = (name: string): ImportFormat | null => {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xml')) {
    return 'MOODLE_XML';
  }
  if (lower.endsWith('.csv')) {
    return 'CSV';
  }
  if (lower.endsWith('.xlsx')) {
    return 'XLSX';
  }
  if (lower.includes('aiken')) {
    return 'AIKEN';
  }
  if (lower.endsWith('.gift') || lower.endsWith('.txt')) {
    return 'GIFT';
  }
  return null;
};

type Result = ImportQuestionsMutation['importQuestions'];

const messageOf = (error: unknown) =>
  error instanceof GraphQLRequestError && error.code === 'BAD_USER_INPUT'
    ? error.message
    : describeError(error);

/** Check a file (dry run) and import its questions into the teacher's own questions and this set. */
export const ImportView = ({ setId }: { setId: string }) => {
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<ImportFormat>('GIFT');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) {
      setError('Choose a file first.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setError(`The file is too large: import at most ${MAX_BYTES / 1000} kB at a time.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const upload = await readUpload(file, format === 'XLSX');
      const data = await gqlRequest(ImportQuestionsDocument, {
        input: { format, ...upload, dryRun, setId },
      });
      setResult(data.importQuestions);
      if (data.importQuestions.imported) {
        await queryClient.invalidateQueries();
      }
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const canImport = result && !result.imported && result.problems.length === 0;

  return (
    <div className="stack-lg">
      <header className="page-head">
        <p className="eyebrow">
          <Link href="/teacher">Teach</Link> /{' '}
          <Link href={`/teacher/sets/${setId}`}>Set builder</Link> / Import
        </p>
        <h1>Import questions</h1>
        <p className="muted">
          Questions come in as your own, are added to the end of this set, and carry no citation
          from the knowledge base: add one in the editor to cite a source. Nothing is imported while
          any problem remains.
        </p>
      </header>
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          void run(true);
        }}
      >
        <Field label="File" hint="At most 64 kB and 200 questions.">
          {(control) => (
            <input
              {...control}
              type="file"
              name="file"
              accept={FORMATS.map((f) => f.accept).join(',')}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                setResult(null);
                const guessed = chosen ? guessFormat(chosen.name) : null;
                if (guessed) {
                  setFormat(guessed);
                }
              }}
            />
          )}
        </Field>
        <Field label="Format">
          {(control) => (
            <select
              {...control}
              className="select"
              value={format}
              onChange={(event) => {
                setFormat(event.target.value as ImportFormat);
                setResult(null);
              }}
            >
              {FORMATS.map((option) => (
                <option key={option.format} value={option.format}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row">
          <button type="submit" className="button button--secondary" disabled={busy}>
            Check file
          </button>
          {canImport ? (
            <button type="button" className="button" disabled={busy} onClick={() => run(false)}>
              Import {result.preview.length}{' '}
              {result.preview.length === 1 ? 'question' : 'questions'}
            </button>
          ) : null}
        </div>
        {error ? (
          <p className="notice notice--bad" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {result ? <ImportReport result={result} setId={setId} /> : null}
    </div>
  );
};

const ImportReport = ({ result, setId }: { result: Result; setId: string }) => (
  <section className="card stack" aria-labelledby="import-report" aria-live="polite">
    <h2 id="import-report">
      {result.imported
        ? `Imported ${result.questions.length} ${result.questions.length === 1 ? 'question' : 'questions'}`
        : result.problems.length > 0
          ? `${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}: nothing was imported`
          : `Ready to import ${result.preview.length} ${result.preview.length === 1 ? 'question' : 'questions'}`}
    </h2>
    {result.imported ? (
      <p className="notice">
        They are at the end of the set. <Link href={`/teacher/sets/${setId}`}>Back to the set</Link>
      </p>
    ) : null}
    {result.problems.length > 0 ? (
      <ul className="error-summary" role="alert">
        {result.problems.map((problem) => (
          <li key={`${problem.line}-${problem.field}-${problem.message}`}>
            {problem.line === null ? 'File' : `Line ${problem.line}`}
            {problem.field ? ` (${problem.field})` : ''}: {problem.message}
          </li>
        ))}
      </ul>
    ) : null}
    {result.notes.length > 0 ? (
      <ul className="small muted">
        {result.notes.map((note) => (
          <li key={`${note.line}-${note.message}`}>
            {note.line === null ? '' : `Line ${note.line}: `}
            {note.message}
          </li>
        ))}
      </ul>
    ) : null}
    {result.preview.length > 0 ? (
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Type</th>
              <th scope="col">Question</th>
              <th scope="col">Not kept</th>
            </tr>
          </thead>
          <tbody>
            {result.preview.map((row) => (
              <tr key={row.line}>
                <td className="num">{row.line}</td>
                <td>{TYPE_LABELS[row.type]}</td>
                <td>{row.stem}</td>
                <td className="small">{row.notes.join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : null}
  </section>
);

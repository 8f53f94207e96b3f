'use client';

import { useState } from 'react';
import { describeError } from '@/lib/graphql/error-messages';
import { type DownloadableFile, saveFile } from './download';

/**
 * Fetches a file from the API and saves it, with the busy flag and the error message every
 * download button shows. `download` resolves to the file (for a caller that reports on it), or
 * null when it failed and `error` says why.
 */
export const useDownload = <Args extends unknown[], File extends DownloadableFile>(
  fetchFile: (...args: Args) => Promise<File>,
) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (...args: Args): Promise<File | null> => {
    setBusy(true);
    setError(null);
    try {
      const file = await fetchFile(...args);
      saveFile(file);
      return file;
    } catch (caught) {
      setError(describeError(caught));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, download };
};

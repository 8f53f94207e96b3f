/** A file the API sent (text, or base64 for zips and workbooks), saved through the browser. */
export type DownloadableFile = {
  filename: string;
  mimeType: string;
  encoding: 'TEXT' | 'BASE64';
  content: string;
};

export const fileBlob = (file: DownloadableFile): Blob => {
  if (file.encoding === 'TEXT') {
    return new Blob([file.content], { type: file.mimeType });
  }
  const binary = atob(file.content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return new Blob([bytes], { type: file.mimeType });
};

export const saveFile = (file: DownloadableFile) => {
  const url = URL.createObjectURL(fileBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A chosen file as the API takes it: text, or base64 for XLSX. */
export const readUpload = async (
  file: File,
  binary: boolean,
): Promise<{ content: string; encoding: 'TEXT' | 'BASE64' }> => {
  if (!binary) {
    return { content: await file.text(), encoding: 'TEXT' };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { content: btoa(text), encoding: 'BASE64' };
};

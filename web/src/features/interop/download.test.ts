/**
 * @jest-environment node
 */
import { fileBlob, readUpload } from './download';

const bytesOf = async (blob: Blob) => new Uint8Array(await new Response(blob).arrayBuffer());

describe('files between the browser and the API', () => {
  it('decodes a base64 file to its exact bytes, and keeps text as text', async () => {
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80]);
    const content = Buffer.from(bytes).toString('base64');
    const blob = fileBlob({
      filename: 'a.zip',
      mimeType: 'application/zip',
      encoding: 'BASE64',
      content,
    });
    expect(await bytesOf(blob)).toEqual(bytes);
    const text = fileBlob({
      filename: 'a.txt',
      mimeType: 'text/plain',
      encoding: 'TEXT',
      content: 'Āb\n',
    });
    expect(new TextDecoder().decode(await bytesOf(text))).toBe('Āb\n');
  });

  it('encodes an upload as base64 for XLSX and as text otherwise', async () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_v, i) => (i * 7) % 256);
    const file = new File([bytes], 'q.xlsx');
    const upload = await readUpload(file, true);
    expect(upload.encoding).toBe('BASE64');
    expect(new Uint8Array(Buffer.from(upload.content, 'base64'))).toEqual(bytes);
    const gift = await readUpload(new File(['Q?{=a ~b}'], 'q.txt'), false);
    expect(gift).toEqual({ content: 'Q?{=a ~b}', encoding: 'TEXT' });
  });
});

/**
 * Issue 11: every relation, figure and quote of the KB is asked by some question, or named in
 * docs/kb-coverage.md with the reason it is not. Regenerate with `npx tsx scripts/kb-coverage.ts
 * --out ../docs/kb-coverage.md` when the bank changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kbCoverage } from './coverage';
import { loadKbFiles } from './load-kb-files';

const doc = readFileSync(path.resolve(__dirname, '../../../../../docs/kb-coverage.md'), 'utf8');
const { rows } = kbCoverage(loadKbFiles(), 1);

describe('docs/kb-coverage.md', () => {
  it('names every relation, figure and quote the bank does not ask, with a reason', () => {
    const unasked = rows.filter((r) => r.reason !== null);
    expect(unasked.length).toBeGreaterThan(0);
    const missing = unasked.filter((r) => !doc.includes(`| ${r.kind} | \`${r.id}\``));
    expect(missing.map((r) => `${r.kind} ${r.id}`)).toEqual([]);
    for (const r of unasked) {
      expect(r.reason?.length).toBeGreaterThan(20);
    }
  });

  it('lists no record as unasked that the bank now asks', () => {
    const asked = rows.filter((r) => r.reason === null);
    expect(asked.length).toBeGreaterThan(0);
    const stale = asked.filter((r) => doc.includes(`| ${r.kind} | \`${r.id}\``));
    expect(stale.map((r) => `${r.kind} ${r.id}`)).toEqual([]);
  });
});

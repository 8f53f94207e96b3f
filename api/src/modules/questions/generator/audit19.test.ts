/**
 * What the nineteenth round found (blind audit 19, sample-19, seed 311, two independent readers:
 * 10 and 10 of 90 defective, 0 factual, nearly all in the two families added that day). Each
 * assertion fails on the code and KB that round saw.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { buildKbIndex } from '.';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import { TEMPLATES } from './templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const draftsOf = draftsFrom(idx);

describe('audit 19', () => {
  it('items 11, 33, 71, 80, 83, 87: quote-context is withheld from the bank', () => {
    expect(TEMPLATES.map((t) => t.id)).not.toContain('quote-context');
    const bank = sharedBank({ kb, seed: 1 }).questions;
    expect(bank.filter((q) => q.template === 'quote-context')).toEqual([]);
  });

  it('items 50, 53, 68: figure-period asks no election seats and no duration without a date', () => {
    const drafts = draftsOf('figure-period');
    expect(drafts.length).toBeGreaterThan(0);
    const asked = drafts.map((d) => d.factIds[0]);
    for (const id of [
      'badr-organization-seats',
      'state-of-law-seats',
      'iran-syria-relationship-34-years',
    ]) {
      expect(asked).not.toContain(`figure:${id}`);
    }
    expect(drafts.map((d) => d.stem).join('\n')).not.toMatch(/figure of (?:29|34) count/);
  });

  it('item 34: a false reason in explain-true-false comes from the same era as its development', () => {
    const stems = draftsOf('explain-true-false').map((d) => d.stem);
    const hezbollah = stems.filter((s) => /set up and trained Hezbollah/.test(s));
    expect(hezbollah.length).toBeGreaterThan(0);
    for (const s of hezbollah) {
      expect(s).not.toMatch(/protesters/);
    }
  });

  it('item 35: no stem says "its support" where "its" could be the source', () => {
    const stems = draftsOf('source-true-false', 'source-which', 'explain-true-false').map(
      (d) => d.stem,
    );
    expect(
      stems.some((s) => /backing Assad cost Iran|backing Bashar al-Assad cost Iran/.test(s)),
    ).toBe(true);
    expect(stems.join('\n')).not.toMatch(/\bits support for (?:Bashar al-)?Assad cost Iran/);
  });
});

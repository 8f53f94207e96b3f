/**
 * What the twenty-ninth round found (blind audit 29, sample-29, seed 461, two readers: 2 and 1 of 90
 * defective, 0 factual). Each assertion fails on the code that round saw. Item 54 (the typed
 * "Ba'ath Party" said to refuse "Baath") is graded right in the app; the LMS exports now list the
 * apostrophe-free spelling too (`interop/round-trip.test.ts`, "typed answers in an LMS").
 */
import { buildKbIndex } from '.';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);

describe('audit 29', () => {
  it('item 8: no "what did the figure of about 2 count?" over a duration (the source says "about two weeks")', () => {
    const drafts = draftsFrom(idx)('figure-period');
    expect(drafts.length).toBeGreaterThan(0);
    const durations = new Set(
      kb.figures.filter((f) => f.measures === 'DURATION').map((f) => `figure:${f.id}`),
    );
    expect(durations.size).toBeGreaterThan(0);
    for (const d of drafts) {
      expect(d.factIds.filter((f) => durations.has(f))).toEqual([]);
      expect(d.stem).not.toMatch(/figure of about 2 count/);
    }
  });
});

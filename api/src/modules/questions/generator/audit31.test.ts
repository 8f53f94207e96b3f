/**
 * What the thirty-first round found (blind audit 31, sample-31 + sample-31-new, seed 479, two
 * readers: 1 and 1 of 102 defective, 0 factual). Each assertion fails on the code that round saw.
 */
import { buildKbIndex } from '.';
import { span, yearOfDay } from './dates';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const drafts = draftsFrom(idx);

describe('audit 31', () => {
  it('item 5 (reader A): an event part is asked as what is true of the party, not its "part" in the war', () => {
    const stems = drafts('event-role').map((d) => d.stem);
    expect(stems.length).toBeGreaterThan(0);
    for (const stem of stems) {
      expect(stem).not.toMatch(/what part did/);
      expect(stem).toMatch(/^According to [^,]+, which of these is true of .+ (?:during|in) .+\?$/);
    }
  });

  it('item 32 (reader B): "took place in 1946" offers the nearest events, not the Bashar era', () => {
    const y1946 = drafts('year-event').filter((d) => d.stem.endsWith('in 1946?'));
    expect(y1946.length).toBeGreaterThan(0);
    const yearsOf = (d: (typeof y1946)[number]) =>
      d.factIds.map((f) => {
        const e = kb.events.find((x) => `event:${x.slug}` === f);
        return e ? yearOfDay(span(e.start).lo) : Number.NaN;
      });
    // The first draft (the bank's, when the gate passes it): the three nearest events' years.
    expect(yearsOf(y1946[0] as (typeof y1946)[number]).sort()).toEqual([1946, 1953, 1979, 1980]);
    // Its fallbacks (taken only when the gate refuses it) come next in nearness.
    for (const d of y1946) {
      expect(Math.max(...yearsOf(d))).toBeLessThanOrEqual(2000);
    }
  });
});

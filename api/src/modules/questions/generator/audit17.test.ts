/**
 * What the seventeenth round found (blind audit 17, sample-17, seed 293, two independent readers:
 * 2 and 4 of 90 defective, 0 factual), with what it left for the next round. Each assertion fails
 * on the code and KB that round saw.
 */
import { buildKbIndex } from '.';
import { loadKbFiles } from './load-kb-files';
import { TEMPLATES } from './templates';
import type { Draft } from './types';

const idx = buildKbIndex(loadKbFiles());
const draftsOf = (...ids: string[]): Draft[] =>
  TEMPLATES.filter((t) => ids.includes(t.id)).flatMap((t) => t.generate(idx).flat());

describe('audit 17', () => {
  it('items 16, 49, 83: no "alike" option a stem saying the position changed rules out, no 50/50', () => {
    const drafts = draftsOf('stance-change');
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      const options = d.prompt.options ?? [];
      expect(options.length).toBeGreaterThanOrEqual(4);
      for (const o of options) {
        expect(o.label).not.toMatch(/\balike\b/);
        // Every option names two different positions, so each reads as a change.
        const [first, second] = o.label.split('; in ');
        expect(first?.replace(/^In \d{4} it /, '')).not.toBe(second?.replace(/^\d{4} it /, ''));
      }
      const wrong = (d.key.rationales ?? []).filter((r) => !r.isCorrect);
      expect(wrong).toHaveLength(options.length - 1);
      for (const r of wrong) {
        expect(r.text.length).toBeGreaterThan(20);
      }
    }
  });
});

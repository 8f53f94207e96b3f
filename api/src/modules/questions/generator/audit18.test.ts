/**
 * What the eighteenth round found (blind audit 18, sample-18, seed 307, two independent readers:
 * 4 and 3 of 90 defective, 0 factual). Each assertion fails on the code and KB that round saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import type { Draft } from './types';

const idx = buildKbIndex(loadKbFiles());
const draftsOf = draftsFrom(idx);
const labels = (d: Draft): string[] => (d.prompt.options ?? []).map((o) => o.label);

describe('audit 18', () => {
  it('item 19: the flagship offers states that kept ties with Syria, never one that isolated it', () => {
    const flagship = draftsOf('stance-single').filter((d) =>
      /^Which Arab state sided with Iran during the Iran–Iraq War/.test(d.stem),
    );
    expect(flagship.length).toBeGreaterThan(0);
    const nearMiss = new Set(['Lebanon', 'Algeria', 'Sudan', 'Oman']);
    for (const d of flagship) {
      const wrong = labels(d).filter((l) => l !== 'Syria');
      expect(wrong.length).toBeGreaterThanOrEqual(2);
      for (const l of wrong) {
        expect(nearMiss.has(l)).toBe(true);
      }
    }
  });

  it('item 45: a source that sums up a message is not said to quote the speaker', () => {
    const summed = draftsOf('who-said').filter((d) => /^Whose message does/.test(d.stem));
    expect(summed.length).toBeGreaterThan(0);
    for (const d of summed) {
      expect(d.explanation).not.toMatch(/\bquotes\b/);
      expect(d.explanation).toMatch(/sums up the message of/);
      for (const r of (d.key.rationales ?? []).filter((x) => !x.isCorrect)) {
        expect(r.text).not.toMatch(/gives these words to/);
      }
    }
  });

  it('item 26: every wrong cost of backing Assad is a consequence for Iran', () => {
    const costs = draftsOf('why-rival-multi').filter((d) => /cost Iran\?/.test(d.stem));
    expect(costs.length).toBeGreaterThan(0);
    for (const d of costs) {
      const all = labels(d).join('\n');
      expect(all).not.toMatch(/Isolation by Saudi Arabia/);
      expect(all).not.toMatch(/condolences/);
    }
  });

  it('item 74: an outlet that roots the bond in resistance or hostility is not offered as silent', () => {
    const hostility = draftsOf('source-which').filter((d) => /shared hostility/.test(d.stem));
    expect(hostility.length).toBeGreaterThan(0);
    for (const d of hostility) {
      expect(labels(d)).not.toContain('IranWire');
      expect(labels(d)).not.toContain('Wikipedia');
    }
  });

  it('item 81: a stance shared with unnamed others is not asked as a typed "which state"', () => {
    const stems = draftsOf('stance-who').map((d) => d.stem);
    expect(stems.length).toBeGreaterThan(0);
    expect(stems.join('\n')).not.toMatch(/with some other Arab countries/);
  });

  it('item 84: Iran’s early support is not asked against rivals the stem rules out', () => {
    const early = draftsOf('why-rival').filter((d) => /early in the civil war/.test(d.stem));
    expect(early).toEqual([]);
  });

  it('item 65: the consulate strike in feedback has no month without a year', () => {
    // IranWire's "April this year" gives no year the passage carries (the KB infers 2024), so
    // the feedback names the strike without a date rather than "the April strike".
    const x = idx.kb.explanations.find((e) => e.id === 'strikes-killed-senior-commanders');
    expect(x?.detail).toMatch(/airstrike on Iran's consulate/);
    expect(x?.detail).not.toMatch(/\bApril\b(?! \d{4})/);
  });
});

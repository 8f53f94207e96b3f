/**
 * What the thirteenth round found (blind audit 13, sample-13, seed 227, two independent reviewers:
 * 5 and 4 of 90 defective, 0 factual). Each assertion runs over every draft of the templates
 * concerned and fails on the code that round saw.
 */
import { buildKbIndex } from '.';
import { toInterval } from './dates';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import { claimant } from './templates/common';
import { MAX_SWAP_YEARS, yearsApart } from './templates/true-false';

const idx = buildKbIndex(loadKbFiles());
const draftsOf = draftsFrom(idx);

describe('audit 13', () => {
  it('item 65: an office swap is a holder within ten years of the date, never one from 1953 for 2022', () => {
    const swaps = draftsOf('true-false').filter(
      (d) => d.factIds.length === 2 && d.factIds.every((f) => f.startsWith('office:')),
    );
    expect(swaps.length).toBeGreaterThan(0);
    expect(swaps.map((d) => d.stem)).not.toContain(
      'True or false: On 8 May 2022, Fawzi Selou was President of Syria.',
    );
    for (const d of swaps) {
      const [truth, swap] = d.factIds.map((f) => idx.offices.find((o) => o.id === f));
      const when = truth?.office.attested.map((a) => toInterval({ ...a, label: undefined }));
      expect(truth && swap && when).toBeTruthy();
      if (swap && when) {
        expect(Math.min(...when.map((w) => yearsApart(swap, w)))).toBeLessThanOrEqual(
          MAX_SWAP_YEARS,
        );
      }
    }
  });

  it('items 45, 69: a matching of people to offices is never solvable by nationality alone', () => {
    const matches = draftsOf('match-offices');
    expect(matches.length).toBeGreaterThan(10);
    for (const d of matches) {
      const nations = new Set(
        (d.prompt.items ?? []).map((i) => idx.actors.get(i.id)?.nationality ?? i.id),
      );
      expect(nations.size).toBe(1);
    }
  });

  it('item 85: a claimant is named in full, never by an acronym alone', () => {
    expect(claimant(idx, 'Syrian Observatory for Human Rights')).toBe(
      'the Syrian Observatory for Human Rights',
    );
    const stems = draftsOf('figure-meaning', 'figure-true-false', 'figure-amount', 'source-which')
      .map((d) => d.stem)
      .join('\n');
    expect(stems).not.toMatch(/\bthe SOHR\b/);
  });

  it('item 24: student text names Wikipedia, not the file label "Wikipedia (English)"', () => {
    const texts = draftsOf('who-said', 'source-which', 'stance-who').flatMap((d) => [
      d.stem,
      d.explanation ?? '',
      ...(d.key.rationales ?? []).map((r) => r.text),
    ]);
    expect(texts.some((t) => /Wikipedia quotes/.test(t))).toBe(true);
    expect(texts.join('\n')).not.toMatch(/Wikipedia \(English\)/);
  });
});

/**
 * What the thirty-seventh round found (blind audit 37, sample-37 + sample-37-new with grow12's
 * quote and story items, seed 557, two readers: 5 and 1 of 91 defective, 0 and 1 factual). Each
 * assertion fails on the code or KB that round saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom, draftText } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const drafts = draftsFrom(idx);

describe('audit 37', () => {
  it('item 14 (reader A): the remarks matching says what to match each remark to', () => {
    const remarks = drafts('quote-match').filter((d) => /remarks refer to or answer/.test(d.stem));
    expect(remarks).toHaveLength(1);
    expect(remarks[0]?.stem).toMatch(/Match each remark to what it referred to or answered\.$/);
  });

  it('item 29 (reader A): a war offered for a later year is said to have ended, not only to have begun', () => {
    const war = drafts('year-event').flatMap((d) =>
      (d.key.rationales ?? []).filter((r) => !r.isCorrect && /Iran–Iraq War/.test(r.text)),
    );
    expect(war.length).toBeGreaterThan(0);
    for (const r of war) {
      expect(r.text).toMatch(
        /^The Iran–Iraq War lasted from 1980 to 1988, so it was not under way in \d{4}\.$/,
      );
    }
  });

  it('item 33 (reader A): no true/false on an office nobody else held near the date', () => {
    const office = drafts('true-false').filter((d) => /was Supreme Leader of Iran\.$/.test(d.stem));
    for (const d of office) {
      expect(d.stem).not.toMatch(/^True or false: In June 2011, Ali Khamenei was Supreme Leader/);
    }
  });

  it('item 39 (reader A): "who was X" never sets one nationality against others', () => {
    for (const d of drafts('actor-role')) {
      const opening = (d.prompt.options ?? []).map(
        (o) => /^The (US|German|Israeli|Russian|Iranian|Syrian)\b/.exec(o.label)?.[1] ?? null,
      );
      const key = (d.prompt.options ?? []).findIndex((o) => o.id === d.key.optionIds?.[0]);
      const own = opening[key];
      if (own) {
        expect(opening.filter((x) => x === own).length).toBeGreaterThan(1);
      }
    }
    expect(drafts('actor-role').some((d) => /Olaf Scholz/.test(d.stem))).toBe(false);
  });

  it('item 41 (reader A): Nasrallah is not asked by his own office', () => {
    const stems = drafts('actor-who').map((d) => d.stem);
    expect(stems.join('\n')).not.toMatch(/Hezbollah Secretary-General who used his influence/);
  });

  it('item 37 (reader B): the CSIS snippet is not dated as if published on the search page date', () => {
    const text = drafts('source-which', 'source-true-false', 'source-multi', 'explain-true-false')
      .map(draftText)
      .join('\n');
    expect(text).toMatch(/CSIS says|Center for Strategic and International Studies/);
    expect(text).not.toMatch(/5 August 2025/);
    expect(JSON.stringify(kb.explanations)).not.toMatch(/5 August 2025/);
  });
});

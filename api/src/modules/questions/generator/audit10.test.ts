/**
 * What the tenth round found (blind audit 10, sample-10, seed 181 plus every item of the new
 * families): 16 of 90 defective, 0 factual. Each assertion fails on the bank that round sampled.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { buildKbIndex } from '.';
import { loadKbFiles } from './load-kb-files';
import { TEMPLATES } from './templates';
import { reasonSentence } from './templates/understanding-templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const banks = [1, 181].map((seed) => sharedBank({ kb, seed }).questions);
const all = banks.flat();
const feedback = (q: (typeof all)[number]): string[] => (q.key.rationales ?? []).map((r) => r.text);

describe('audit 10', () => {
  it('items 39, 42: no statement is keyed False because the Wikipedia extracts do not give it', () => {
    const tf = all.filter((q) => q.template === 'source-true-false');
    expect(tf.length).toBeGreaterThan(0);
    for (const q of tf.filter((x) => x.key.optionIds?.[0] === 'false')) {
      expect(q.stem).not.toMatch(/^True or false: Wikipedia gives/);
    }
  });

  it('items 19, 25, 27, 34, 47, 56, 64, 79, 88: wrong-outlet feedback names who does give the claim', () => {
    const which = all.filter((q) => q.template === 'source-which');
    expect(which.length).toBeGreaterThan(0);
    for (const q of which) {
      for (const line of feedback(q)) {
        expect(line).not.toMatch(/In the texts we have/);
      }
    }
    // Item 47: IranWire reports what the brigades did; it does not explain why.
    expect(all.flatMap(feedback).join('\n')).not.toMatch(
      /IranWire explains why the IRGC recruited/,
    );
  });

  it('items 6, 43: a reason follows its development, with no "this" and no "one reason" for three', () => {
    expect(all.map((q) => q.stem).join('\n')).not.toMatch(/this is one reason why/);
    expect(
      reasonSentence(
        "Syria's ties to Iran deepened under Bashar",
        'its reliance on Hezbollah, its serious economic woes and its isolation from the West',
      ),
    ).toBe(
      "Syria's ties to Iran deepened under Bashar partly because of its reliance on Hezbollah, its serious economic woes and its isolation from the West",
    );
    expect(
      reasonSentence('Iran would not let Syria go', 'Syria was a "golden counterweight"'),
    ).toMatch(/go partly because Syria was/);
    expect(
      reasonSentence('Khamenei insisted on it', 'to keep Syria within the Iranian sphere'),
    ).toBe('Khamenei insisted on it, in part to keep Syria within the Iranian sphere');
  });

  it('item 78: a count is a bare number ("the number of agreements … was 11", not "11 agreements")', () => {
    const drafts =
      TEMPLATES.find((t) => t.id === 'figure-true-false')
        ?.generate(idx)
        .flat() ?? [];
    const count = drafts.filter((d) => /the number of agreements/.test(d.stem));
    expect(count.length).toBeGreaterThan(0);
    for (const d of count) {
      expect(d.stem).toMatch(/was \d+\.$/);
    }
  });

  it('item 38: a quote is offered only rival topics from its own era', () => {
    const eraOf = (optionId: string): string | undefined =>
      idx.facts.get(`quote:${optionId.replace(/^topic-/, '')}`)?.era ?? undefined;
    const drafts =
      TEMPLATES.find((t) => t.id === 'quote-topic')
        ?.generate(idx)
        .flat() ?? [];
    expect(drafts.length).toBeGreaterThan(0);
    for (const d of drafts) {
      const keyEra = eraOf(d.key.optionIds?.[0] ?? '');
      for (const o of d.prompt.options ?? []) {
        const era = eraOf(o.id);
        if (keyEra && era) {
          expect(`${d.stem} / ${o.label}: ${era}`).toMatch(new RegExp(`: ${keyEra}$`));
        }
      }
    }
  });

  it('items 8, 51: no item whose wrong options could only be excluded by the stem or by general knowledge', () => {
    const stems = all.map((q) => q.stem).join('\n');
    expect(stems).not.toMatch(/what did the fall of Bashar al-Assad's regime mean for Iran's Axis/);
    expect(stems).not.toMatch(/the United States' position on the Syrian government/);
  });
});

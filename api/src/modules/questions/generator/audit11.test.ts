/**
 * What the eleventh round found (blind audit 11, sample-11, seed 199, two independent reviewers):
 * 7 and 8 of 90 defective; the only "factual" findings rested on a reviewer's outside knowledge of
 * a title the source states (Kash Patel), which the brief excludes. Each assertion fails on the bank
 * that round sampled.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { loadKbFiles } from './load-kb-files';
import { purposeSentence } from './templates/understanding-templates';

const kb = loadKbFiles();
const all = [1, 199].flatMap((seed) => sharedBank({ kb, seed }).questions);
const texts = all.flatMap((q) => [
  q.stem,
  q.explanation ?? '',
  ...(q.key.rationales ?? []).map((r) => r.text),
]);
const joined = texts.join('\n');

describe('audit 11', () => {
  it('item 22: an office statement never swaps in a holder from decades away', () => {
    expect(joined).not.toMatch(/On 8 May 2022, Hafez al-Assad was President of Syria/);
    expect(
      all.some((q) => q.template === 'true-false' && /was President of Syria/.test(q.stem)),
    ).toBe(true);
  });

  it('item 31: no reason that points back at its own development ("… contributed to it")', () => {
    expect(joined).not.toMatch(/partly because [^.]*contributed to it/);
  });

  it('items 49, 80: feedback says whose words they are, never an editor note', () => {
    expect(joined).not.toMatch(/does not date the remark/);
    expect(joined).not.toMatch(/The source quotes [^.]*: Supreme Leader/);
  });

  it('item 82: an aim reported for a wrong outlet keeps its "because"', () => {
    expect(
      purposeSentence(
        'Iran wanted Western sanctions on Syria lifted',
        'Syria is a key strategic link connecting Iran with Iraq, Lebanon and Palestine',
      ),
    ).toBe(
      'Iran wanted Western sanctions on Syria lifted because Syria is a key strategic link connecting Iran with Iraq, Lebanon and Palestine',
    );
    expect(purposeSentence('Iran prioritised Syria', 'for its strategic location')).toBe(
      'Iran prioritised Syria for its strategic location',
    );
    expect(joined).not.toMatch(/sanctions on Syria lifted Syria is/);
  });

  it('items 38, 51: why-items whose rivals could not explain the development are gone; feedback in words', () => {
    expect(joined).not.toMatch(/what did Russia's intervention in Syria mean for Iran/i);
    expect(joined).not.toMatch(
      /Iran planned to evacuate IRGC members[^?\n]*\. According to [^,\n]*, why\?/,
    );
    expect(joined).not.toMatch(/\(a different step of the same actor\)|\(another party's reason\)/);
  });
});

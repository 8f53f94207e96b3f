/**
 * What the thirty-fourth round found (blind audit 34, sample-34 + sample-34-new with grow11's
 * cause items, seed 517, two readers: 0 and 1 of 101 defective, 0 factual). Each assertion fails on
 * the code or KB that round saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom, draftText } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const idx = buildKbIndex(loadKbFiles());
const drafts = draftsFrom(idx);

describe('audit 34', () => {
  it('item N8 (reader B): the kept-alliance item asks why he kept it, not "which reasons" after the cooling', () => {
    const kept = drafts('cause-multi').filter((d) =>
      /yet he kept his alliance with Iran/.test(d.stem),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]?.stem).toMatch(/why did he keep it\? Select all that apply\.$/);
  });

  it('items N3 and N10 (reader B): IranWire’s oil sentence is quoted, not glossed as Hafez’s favour', () => {
    const oil = drafts('cause-multi').filter((d) => /supplying Syria with oil/.test(draftText(d)));
    expect(oil.length).toBeGreaterThan(0);
    for (const d of oil) {
      expect(draftText(d)).not.toMatch(/Hafez al-Assad's favour|repaid the favour/);
    }
  });

  it('items 52, 61 and 7 (reader A, notes): statements keep the sources’ own terms', () => {
    const text = drafts('explain-true-false', 'why-rival-multi').map(draftText).join('\n');
    expect(text).not.toMatch(/spearheaded|terrorist designations of|in part to recover part/);
    expect(text).toMatch(/terrorist-supporting entity/);
  });
});

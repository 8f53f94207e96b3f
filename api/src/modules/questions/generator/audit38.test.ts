/**
 * What the thirty-eighth round found (blind audit 38, sample-38, seed 563, two readers: 0 and 1 of
 * 90 defective, 0 factual). The assertion fails on the code that round saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const drafts = draftsFrom(buildKbIndex(loadKbFiles()));

describe('audit 38', () => {
  it('item 82 (reader B): the alliance select-all asks what it was based on or reinforced by, as IranWire puts it', () => {
    const alliance = drafts('cause-multi').filter((d) =>
      /alliance between Syria and Iran/.test(d.stem),
    );
    expect(alliance).toHaveLength(1);
    expect(alliance[0]?.stem).toMatch(/based on or reinforced by\?/);
    expect(alliance[0]?.stem).not.toMatch(/underlay/);
  });
});

/**
 * What the twelfth round found (blind audit 12, sample-12, seed 211): 18 of 90 flagged, 0 factual,
 * 13 of them the key line naming its source twice. The assertions run over every draft of the
 * templates concerned (not only the bank one seed keeps), and each fails on the code that round saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import type { Draft } from './types';

const idx = buildKbIndex(loadKbFiles());
const draftsOf = draftsFrom(idx);
const textsOf = (d: Draft): string[] => [
  d.stem,
  d.explanation ?? '',
  ...(d.key.rationales ?? []).map((r) => r.text),
];

describe('audit 12', () => {
  it('item 11: a war\'s own attack is never a key of "what happened during" that war', () => {
    const roles = draftsOf('relation-role');
    expect(roles.length).toBeGreaterThan(0);
    for (const d of roles) {
      const keys = (d.prompt.options ?? []).filter((o) => d.key.optionIds?.includes(o.id));
      expect(keys.map((o) => o.label).join('|')).not.toMatch(/\battacked\b/);
    }
  });

  it('item 53: a stem names the speaker once; the outlet stands in when the topic names them', () => {
    const tf = draftsOf('explain-true-false');
    const kerry = tf.find((d) => /Kerry confronted/.test(d.stem));
    expect(kerry?.stem).toMatch(/^True or false: According to IranWire, US Secretary of State/);
    for (const d of tf) {
      expect(d.stem).not.toMatch(/According to (?:Ali )?Khamenei[^,]*, Khamenei\b/);
      expect(d.stem).not.toMatch(/Mohammad Javad Zarif[^.]*Mohammad Javad Zarif/);
    }
  });

  it('items 3, 25–76: the key line never names its source twice', () => {
    const texts = draftsOf(
      'explain-true-false',
      'why-rival',
      'why-rival-multi',
      'source-which',
      'explain-what',
    ).flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(50);
    const twice = texts.filter((t) =>
      /^(?:Correct: |Incorrect: )?According to [^:]{2,120}: (?:According to|In [^,]{0,40}account|[^,;]{0,120}\b(?:says|writes|reports|reported|said|recounted|cited by|lists|presents)\b)/.test(
        t,
      ),
    );
    expect(twice).toEqual([]);
  });

  it("item 32: a fragment with no subject is asked inside the source's own framing", () => {
    const frag = draftsOf('who-said').find((d) =>
      d.prompt.quote?.startsWith('seeking to overthrow'),
    );
    expect(frag?.stem).toBe('Who accused the West and its regional allies of the following?');
  });

  it('item 49: a figure is stated in the past (the Boeing deal was cancelled)', () => {
    const figs = draftsOf('figure-true-false');
    expect(figs.some((d) => /Boeing was \$/.test(d.stem))).toBe(true);
    for (const d of figs) {
      expect(d.stem).not.toMatch(/ is (?:about )?\$?\d/);
    }
  });
});

/**
 * What the thirty-second round found (blind audit 32, sample-32 + sample-32-new, seed 491, two
 * readers: 4 and 1 of 102 defective, 1 and 0 factual). Each assertion fails on the code that round
 * saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom, draftText } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import { reasonSentence } from './templates/understanding-templates';

const idx = buildKbIndex(loadKbFiles());
const drafts = draftsFrom(idx);

describe('audit 32', () => {
  it('item N3: the calls to scale back support are asked as MENA reports them, with no "cost" link of ours', () => {
    const calls = drafts('claim-who').filter((d) =>
      d.factIds.includes('explanation:calls-in-iran-to-scale-back-support'),
    );
    expect(calls).toHaveLength(1);
    expect(draftText(calls[0] as (typeof calls)[number])).not.toMatch(/cost of supporting Syria/);
  });

  it('item 7: words said beside an act are not made its cause ("welcomed the deal, saying that …")', () => {
    expect(
      reasonSentence(
        'Hassan Nasrallah welcomed the nuclear deal',
        'he said that whenever Iran had funds, groups like his would benefit',
      ),
    ).toBe(
      'Hassan Nasrallah welcomed the nuclear deal, saying that whenever Iran had funds, groups like his would benefit',
    );
  });

  it('item N2: the mediator item offers no 1970s figure beside Bashar al-Assad', () => {
    const mediator = drafts('in-account').filter((d) =>
      /to mediate and resolve disputes/.test(d.stem),
    );
    expect(mediator).toHaveLength(1);
    const labels = (mediator[0]?.prompt.options ?? []).map((o) => o.label);
    expect(labels).toContain('Hassan Nasrallah');
    expect(labels).not.toContain('Musa al-Sadr');
  });
});

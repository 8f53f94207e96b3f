/**
 * What the thirty-third round found (blind audit 33, sample-33 + sample-33-new, seed 503, two
 * readers: 2 and 2 of 102 defective, 1 and 1 factual). Each assertion fails on the code that round
 * saw.
 */
import { buildKbIndex } from '.';
import { draftsFrom, draftText } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const idx = buildKbIndex(loadKbFiles());
const drafts = draftsFrom(idx);

describe('audit 33', () => {
  it('item N12 (both readers): Haniyeh is named as MENA names him, with no year it does not give', () => {
    const mediator = drafts('in-account').find((d) =>
      /to mediate and resolve disputes/.test(d.stem),
    );
    const haniyeh = mediator?.key.rationales.find((r) => /Haniyeh/.test(r.text));
    expect(haniyeh?.text).toMatch(/“?"?Hassan Haniyeh/);
    expect(haniyeh?.text).not.toMatch(/\b20\d\d\b/);
  });

  it('item N3 (reader A): the counterweight item asks the history, not the bracket', () => {
    const velayati = drafts('in-account').filter((d) => /golden counterweight/.test(d.stem));
    expect(velayati).toHaveLength(1);
    expect(velayati[0]?.stem).not.toMatch(/bracket/i);
    expect(velayati[0]?.stem).toMatch(/to which state\?$/);
  });

  it('item 28 (reader B): no true/false on who held a third state’s office', () => {
    const offices = drafts('true-false').filter((d) =>
      /^True or false: (?:In|On) .+, .+ was .+\.$/.test(d.stem),
    );
    expect(offices.length).toBeGreaterThan(0);
    for (const d of offices) {
      expect(draftText(d)).not.toMatch(
        /Chancellor of Germany|of Israel|of the United States|of Russia|of Iraq/,
      );
    }
  });

  it('seen on a phone: the exceptions item explains once, naming every exception, not each key line again', () => {
    const items = drafts('stance-multi').filter((d) => /as exceptions\?/.test(d.stem));
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) {
      expect(d.explanation).toMatch(
        /^Wikipedia names Algeria, Lebanon, Libya, Oman and Sudan as the exceptions when Saudi Arabia/,
      );
      for (const r of d.key.rationales.filter((x) => x.isCorrect)) {
        expect(d.explanation).not.toContain(r.text);
      }
    }
  });

  it('item 48 (reader B, borderline): the leak suspicion is Alrumaihi’s; MENA reports only speculation', () => {
    const leaks = drafts('explain-true-false').filter((d) =>
      d.factIds.includes('explanation:suspected-syrian-leaks-eroded-trust'),
    );
    expect(leaks.length).toBeGreaterThan(0);
    for (const d of leaks) {
      expect(d.stem).toMatch(/^True or false: According to Mohammad Alrumaihi \(2024\), /);
    }
  });
});

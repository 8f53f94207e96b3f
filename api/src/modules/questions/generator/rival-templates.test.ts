/**
 * why-rival / why-rival-multi over a fixture: the real KB cut down to the records one table entry
 * needs, so a test shows what the template does when records are missing and when a rival turns
 * out to explain the same development (the re-query must then find two keys and the gate block).
 */
import type { KnowledgeBase as Knowledge } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { finalise } from './build-bank';
import { buildKbIndex } from './kb-index';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import {
  multiKeys,
  RIVAL_ITEMS,
  RIVAL_MULTIS,
  rivalStem,
  whyRivalMultiTemplate,
  whyRivalTemplate,
} from './templates/rival-templates';

const real = loadKbFiles();
/** The real KB with only the named explanation records (every other table is kept). */
const fixture = (ids: readonly string[]): Knowledge => ({
  ...real,
  explanations: real.explanations.filter((x) => ids.includes(x.id)),
});
const drafts = (kb: Knowledge, t = whyRivalTemplate): BankQuestion[] => {
  const idx = buildKbIndex(kb);
  const rng = seededRng(7);
  return t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
};

// Iran's 2015 escalation: an entry whose rivals are all the same actor's, within an era (audit 22).
const hafez = RIVAL_ITEMS.find((i) => i.key === 'assad-survival-a-strategic-imperative');
if (!hafez) {
  throw new Error('the escalation entry is gone from RIVAL_ITEMS');
}
const hafezIds = [hafez.key, ...hafez.rivals.map((r) => r.id)];

describe('why-rival on a fixture', () => {
  it('builds one item from an entry whose records all exist, and none from an entry missing one', () => {
    const qs = drafts(fixture(hafezIds));
    expect(qs).toHaveLength(1);
    expect(qs[0]?.stem).toBe(
      'Iran stepped up its intervention in Syria about four years into the war. According to IranWire, why?',
    );
    expect(drafts(fixture(hafezIds.slice(0, -1)))).toEqual([]);
  });

  it('keys the asked record; each wrong option cites its own record and says what it explains', () => {
    const [q] = drafts(fixture(hafezIds));
    expect(q?.key.optionIds).toEqual([`why-${hafez.key}`]);
    for (const r of hafez.rivals) {
      const why = q?.key.rationales.find((x) => x.ref === `why-${r.id}`);
      expect(why?.isCorrect).toBe(false);
      expect(why?.factIds).toEqual([`explanation:${r.id}`]);
      // A claimed or reported development is said as the claim or report it is (audit 30).
      expect(why?.text).toMatch(
        /^Not here: .+ gives this as the (?:reason|aim) (?:when|in the (?:claim|report) that) /,
      );
    }
    const idx = buildKbIndex(fixture(hafezIds));
    expect(checkQuestion(q as BankQuestion, idx).filter((f) => f.severity === 'BLOCK')).toEqual([]);
  });

  it('finds a second key when a rival explains the same development, and the gate blocks it', () => {
    // A KB in which another step's reason is (wrongly) filed as a reason for the 2015 escalation.
    const kb = fixture(hafezIds);
    const moved: Knowledge = {
      ...kb,
      explanations: kb.explanations.map((x) =>
        x.id === 'iran-seeks-to-recover-war-costs'
          ? {
              ...x,
              topic: 'Iran stepped up its intervention in Syria about four years into the war',
            }
          : x,
      ),
    };
    const [q] = drafts(kb);
    const idx = buildKbIndex(moved);
    const re = whyRivalTemplate.requery(q as BankQuestion, idx);
    expect(re.ok && [...re.key].sort()).toEqual(
      [`why-${hafez.key}`, 'why-iran-seeks-to-recover-war-costs'].sort(),
    );
    expect(checkQuestion(q as BankQuestion, idx).map((f) => f.id)).toContain('A1');
  });

  it('asks a consequence as "According to …, what …?" and a why as "… According to …, why?"', () => {
    const x = real.explanations.find(
      (e) => e.id === 'russian-intervention-brought-rivalry-with-iran',
    );
    expect(x).toBeDefined();
    if (x) {
      expect(rivalStem(x, { ask: 'what did it mean for Iran?', source: 'Alrumaihi' })).toBe(
        'According to Alrumaihi, what did it mean for Iran?',
      );
      expect(rivalStem(x, {})).toBe(
        'What Russia’s intervention in Syria meant for Iran. According to Mohammad Alrumaihi (2024), why?'.replace(
          '’',
          "'",
        ),
      );
    }
  });

  it("frames a development one party's claim tells of another as that claim (audit 30)", () => {
    const gantz = real.explanations.find(
      (e) => e.id === 'gantz-says-iran-builds-missiles-in-syria',
    );
    const khamenei = RIVAL_ITEMS.find((i) => i.key.startsWith('khamenei'));
    const own = real.explanations.find((e) => e.id === khamenei?.key);
    expect(gantz?.status).toBe('CLAIM');
    if (gantz && own && khamenei) {
      expect(rivalStem(gantz, { source: 'Benny Gantz' })).toBe(
        'According to Benny Gantz, Iran used proxy facilities in Syria. Why, by the same account?',
      );
      // A speaker's reasons for his own recorded act keep the act as fact.
      expect(rivalStem(own, khamenei)).toMatch(/^Supreme Leader Ali Khamenei backed .+, why\?$/);
    }
  });
});

describe('why-rival-multi on a fixture', () => {
  const cooling = RIVAL_MULTIS[0];
  if (!cooling) {
    throw new Error('no multi entry');
  }
  it("keys every reason the named source gives for the topic, and no other source's", () => {
    const idx = buildKbIndex(real);
    const keys = multiKeys(idx, cooling).map((k) => k.id);
    expect(keys).toEqual(
      expect.arrayContaining([
        'gaza-neutrality-drove-decline',
        'arab-rapprochement-worried-tehran',
        'iranian-advisers-a-point-of-contention',
      ]),
    );
    // The MENA Research Center's reason and the Syrian official's words Alrumaihi quotes are not his.
    expect(keys).not.toContain('exclusion-and-unpaid-debt-frustrated-iran');
    expect(keys).not.toContain('unkept-iranian-promises');
  });

  it('drops a variant whose keys the KB no longer has, and re-derives the key from the KB', () => {
    const keep = [
      'arab-rapprochement-worried-tehran',
      'iranian-advisers-a-point-of-contention',
      ...cooling.rivals.map((r) => r.id),
    ];
    const qs = drafts(fixture(keep), whyRivalMultiTemplate);
    expect(qs).toHaveLength(1);
    const q = qs[0] as BankQuestion;
    expect([...(q.key.optionIds ?? [])].sort()).toEqual(
      [
        'why-arab-rapprochement-worried-tehran',
        'why-iranian-advisers-a-point-of-contention',
      ].sort(),
    );
    expect(q.stem).toMatch(/Which of these reasons does Mohammad Alrumaihi give\? Select all/);
    const re = whyRivalMultiTemplate.requery(q, buildKbIndex(fixture(keep)));
    expect(re.ok && [...re.key].sort()).toEqual([...(q.key.optionIds ?? [])].sort());
  });
});

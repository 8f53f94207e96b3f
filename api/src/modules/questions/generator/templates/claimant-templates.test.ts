/**
 * claim-who (why8): one test per item that fails if the table's key and a wrong claimant were
 * swapped, and the re-query that keys the option naming the record's own claimant, so a swap in
 * the table (or a record filed under another claimant) is blocked by the gate (A1).
 */
import type { KnowledgeBase as Knowledge } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../../gate';
import type { BankQuestion } from '../../types';
import { finalise } from '../build-bank';
import { buildKbIndex } from '../kb-index';
import { loadKbFiles } from '../load-kb-files';
import { seededRng } from '../rng';
import { CLAIM_ITEMS, claimantHead, claimantId, claimWhoTemplate } from './claimant-templates';

const real = loadKbFiles();
const items = (kb: Knowledge): BankQuestion[] => {
  const rng = seededRng(3);
  return claimWhoTemplate.generate(buildKbIndex(kb)).flatMap((g) => g.map((d) => finalise(d, rng)));
};
const byKey = (kb: Knowledge, key: string): BankQuestion | undefined =>
  items(kb).find((q) => q.factIds[0] === `explanation:${key}`);
const label = (q: BankQuestion | undefined, id: string | undefined) =>
  q?.prompt.options?.find((o) => o.id === id)?.label;
const blocks = (q: BankQuestion, kb: Knowledge) =>
  checkQuestion(q, buildKbIndex(kb))
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);

/** Each item's record, its claimant (the key) and the claimants offered as wrong. */
const EXPECTED: ReadonlyArray<[string, string, readonly string[]]> = [
  [
    'assad-restraint-for-rewards',
    'Diplomatic sources cited by the MENA Research Center',
    [
      'An Israeli report cited by the MENA Research Center',
      'Andrew Tabler, a Washington Institute analyst cited by the MENA Research Center',
      "Hassan Nasrallah, Hezbollah's leader, as Mohammad Alrumaihi reports",
    ],
  ],
  [
    'unkept-iranian-promises',
    'A Syrian official quoted by Mohammad Alrumaihi',
    [
      'Heshmatollah Falahatpisheh, a former Iranian parliamentary committee head',
      'Amer al-Sabaileh, a Jordanian researcher cited by the MENA Research Center',
      'Mohammad Al-Abdullah, a Syrian researcher cited by the MENA Research Center',
    ],
  ],
  [
    'exclusion-and-unpaid-debt-frustrated-iran',
    'Heshmatollah Falahatpisheh, a former Iranian parliamentary committee head',
    [
      'A Syrian official quoted by Mohammad Alrumaihi',
      'An Iranian general quoted by Mohammad Alrumaihi',
      'Amer al-Sabaileh, a Jordanian researcher cited by the MENA Research Center',
    ],
  ],
  [
    'leak-puts-iran-war-cost-at-50bn',
    'A leaked Iranian presidency document, as Mohammad Alrumaihi reports',
    [
      'Heshmatollah Falahatpisheh, a former Iranian parliamentary committee head',
      'Abdul Amir Rabihaoui, an Iranian trade official quoted by Iranian media',
      'Mohammad Al-Abdullah, a Syrian researcher cited by the MENA Research Center',
    ],
  ],
  [
    'why-assad-would-not-break-with-iran',
    'The MENA Research Center (2024)',
    ['Mohammad Alrumaihi (2024)', 'IranWire', "Wikipedia's article on Iran–Syria relations"],
  ],
  [
    'omitted-greetings-and-quds-day-absence',
    'Mohammad Alrumaihi (2024)',
    ['The MENA Research Center (2024)', 'IranWire', 'The Atlantic (December 2025)'],
  ],
  [
    'calls-in-iran-to-scale-back-support',
    'The MENA Research Center (2024)',
    [
      'Mohammad Alrumaihi (2024)',
      "Wikipedia's article on Iran–Syria relations",
      'The Atlantic (December 2025)',
    ],
  ],
];

describe('claim-who on the real KB', () => {
  it('asks exactly the reviewed entries', () => {
    expect(CLAIM_ITEMS.map((i) => i.key)).toEqual(EXPECTED.map(([k]) => k));
  });

  it.each(EXPECTED)('%s: keys %s, against the reviewed wrong claimants', (key, who, wrong) => {
    const q = byKey(real, key);
    expect(q).toBeDefined();
    const q1 = q as BankQuestion;
    expect(label(q1, q1.key.optionIds?.[0])).toBe(who);
    expect(
      (q1.prompt.options ?? [])
        .filter((o) => !q1.key.optionIds?.includes(o.id))
        .map((o) => o.label)
        .sort(),
    ).toEqual([...wrong].sort());
    expect(blocks(q1, real)).toEqual([]);
    // The record itself names the key as its claimant and none of the wrong ones.
    const x = real.explanations.find((e) => e.id === key);
    expect(claimWhoTemplate.requery(q1, buildKbIndex(real))).toEqual({
      ok: true,
      key: [claimantId(who)],
    });
    for (const w of wrong) {
      expect(x?.accordingTo.toLowerCase()).not.toContain(claimantHead(w));
    }
    // Each wrong option's feedback says what that claimant does say, citing its own record.
    for (const r of q1.key.rationales.filter((z) => !z.isCorrect)) {
      expect(r.text).toMatch(/^Not /);
      expect(r.factIds).not.toContain(`explanation:${key}`);
      expect(r.citationIds.length).toBeGreaterThan(0);
    }
  });

  it.each(EXPECTED)(
    '%s: the gate blocks the item with a wrong claimant keyed',
    (key, _who, wrong) => {
      const q = byKey(real, key) as BankQuestion;
      for (const w of wrong) {
        const swapped: BankQuestion = { ...q, key: { ...q.key, optionIds: [claimantId(w)] } };
        expect(blocks(swapped, real)).toContain('A1');
      }
    },
  );

  it('follows the KB: a record filed under another claimant keys that claimant', () => {
    const moved: Knowledge = {
      ...real,
      explanations: real.explanations.map((x) =>
        x.id === 'assad-restraint-for-rewards'
          ? { ...x, accordingTo: 'an Israeli report cited by the MENA Research Center' }
          : x,
      ),
    };
    const q = byKey(real, 'assad-restraint-for-rewards') as BankQuestion;
    expect(claimWhoTemplate.requery(q, buildKbIndex(moved))).toEqual({
      ok: true,
      key: [claimantId('An Israeli report cited by the MENA Research Center')],
    });
    expect(blocks(q, moved)).toContain('A1');
  });

  it('asks nothing when the record or a wrong claimant’s record is gone', () => {
    const without: Knowledge = {
      ...real,
      explanations: real.explanations.filter((x) => x.id !== 'unkept-iranian-promises'),
    };
    const keys = items(without).map((q) => q.factIds[0]);
    // Its own item, and the debt item whose wrong option it refutes.
    expect(keys).not.toContain('explanation:unkept-iranian-promises');
    expect(keys).not.toContain('explanation:exclusion-and-unpaid-debt-frustrated-iran');
    expect(keys).toContain('explanation:assad-restraint-for-rewards');
  });
});

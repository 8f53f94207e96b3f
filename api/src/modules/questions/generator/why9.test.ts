/**
 * why9 (audits 30–31: more items that test understanding): five new stems in the seed-1 bank. Each
 * case pins the key and every wrong option of one item, so swapping the key with a wrong option,
 * or a wrong option for another, fails; on the code before why9 none of the stems existed.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { buildKbIndex } from '.';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const { questions } = sharedBank({ kb, seed: 1 });

const CASES: { stem: RegExp; key: string; wrong: string[] }[] = [
  {
    stem: /^According to Mohammad Javad Zarif's leaked account.*Who, in that account, had personally requested the increased flights\?$/,
    key: 'Qassem Soleimani, the Quds Force commander',
    wrong: [
      "Iran's Minister of Roads and Urban Development",
      'The head of Iran Air',
      'John Kerry, the US Secretary of State',
    ],
  },
  {
    stem: /used his influence with Bashar al-Assad to mediate and resolve disputes.*Who, according to that official\?$/,
    key: 'Hassan Nasrallah',
    wrong: ['Vladimir Putin', 'Ismail Haniyeh'],
  },
  {
    stem: /Velayati.*“this golden counterweight”\. According to Wikipedia, a counterweight to which state\?$/,
    key: 'Israel',
    wrong: ['Iraq', 'United States', 'Turkey'],
  },
  {
    stem: /Falahatpisheh pointed out that Turkey.*What did he mean this to illustrate\?$/,
    key: 'The saying that nations have no permanent friends, only permanent interests',
    wrong: [
      'That Syrian merchants feared Iran would flood their markets with low-quality goods',
      'That the $50 billion Iran spent on the war in Syria was a debt for Syria to repay',
      'That Tehran, unlike Western and Arab initiatives, imposed no unwanted political changes on Damascus',
    ],
  },
  {
    stem: /^Who gives this account of the signs of a downturn in Syrian–Iranian relations: .*Quds Day event in the Yarmouk camp\?$/,
    key: 'Mohammad Alrumaihi (2024)',
    wrong: ['The MENA Research Center (2024)', 'IranWire', 'The Atlantic (December 2025)'],
  },
];

describe('why9: new understanding items in the bank (seed 1)', () => {
  it.each(CASES)(
    '$key keys its stem, against exactly its wrong options',
    ({ stem, key, wrong }) => {
      const found = questions.filter((q) => stem.test(q.stem));
      expect(found).toHaveLength(1);
      const q = found[0];
      const label = (id: string) => q?.prompt.options?.find((o) => o.id === id)?.label;
      expect((q?.key.optionIds ?? []).map(label)).toEqual([key]);
      const others = (q?.prompt.options ?? [])
        .filter((o) => !q?.key.optionIds?.includes(o.id))
        .map((o) => o.label);
      expect(others.sort()).toEqual([...wrong].sort());
      // Feedback per wrong option says what is true of it, with its own citations.
      for (const r of q?.key.rationales.filter((x) => !x.isCorrect) ?? []) {
        expect(r.text).toMatch(/^Not /);
        expect(r.citationIds.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(CASES)('$key: the gate blocks the item with a wrong option keyed', ({ stem }) => {
    const q = questions.find((x) => stem.test(x.stem)) as BankQuestion;
    const wrong = (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id));
    expect(wrong.length).toBeGreaterThan(1);
    for (const o of wrong) {
      const swapped: BankQuestion = { ...q, key: { ...q.key, optionIds: [o.id] } };
      expect(checkQuestion(swapped, idx).map((f) => f.id)).toContain('A1');
    }
  });
});

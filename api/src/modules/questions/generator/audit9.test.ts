/**
 * What the ninth round found on the real KB (blind audit 9, sample-9, seed 157): 4 of 90 defective,
 * 0 factual. Each assertion fails on the bank or code that round sampled.
 */
import type { Event } from '@quiz/prisma/knowledge';
import { sharedBank } from '../../../../test/factories/bank';
import { gradeShortAnswer, isAccepted } from '../short-answer';
import { loadKbFiles } from './load-kb-files';
import { orderGivenAway } from './templates/order-templates';

const kb = loadKbFiles();
const banks = [1, 157].map((seed) => sharedBank({ kb, seed }).questions);
const event = (title: string): Event => ({ title }) as Event;

describe('audit 9', () => {
  it('item 33: no ordering pairs the fall of a regime with another step of the same ruler', () => {
    expect(
      orderGivenAway([
        event('Ned Price opens the door to normalisation with Bashar al-Assad'),
        event('Rebels capture Damascus and the Assad regime falls'),
      ]),
    ).toBe(true);
    expect(
      orderGivenAway([
        event('Israel and Lebanon agree a maritime border deal'),
        event('Rebels capture Damascus and the Assad regime falls'),
      ]),
    ).toBe(false);
    for (const q of banks.flat().filter((x) => ['CHRONOLOGY', 'WHICH_FIRST'].includes(x.type))) {
      const labels = [...(q.prompt.options ?? []), ...(q.prompt.items ?? [])].map((o) => o.label);
      if (labels.some((l) => /regime of .*Assad falls/.test(l))) {
        expect(labels.filter((l) => /\bAssad\b/.test(l))).toHaveLength(1);
      }
    }
  });

  it('item 11: a typed "USA", "U.S.A." or "United States of America" is the United States', () => {
    const us = kb.actors.find((a) => a.slug === 'united-states');
    const key = { answers: [us?.name ?? '', ...(us?.aliases ?? [])] };
    for (const typed of ['USA', 'U.S.A.', 'United States of America', 'usa']) {
      expect([typed, isAccepted(gradeShortAnswer(typed, key).match)]).toEqual([typed, true]);
    }
  });

  it('item 30: a why-statement never attributes a reason to the person whose step it explains', () => {
    for (const q of banks.flat()) {
      const m = /^(?:True or false: )?According to ([^,(]+?)(?: \(|,)/.exec(q.stem);
      if (m?.[1] && /one reason why/.test(q.stem)) {
        expect([q.stem, q.stem.split('one reason why')[1]?.includes(m[1].trim())]).toEqual([
          q.stem,
          false,
        ]);
      }
    }
    expect(banks.flat().some((q) => /in his words/.test(JSON.stringify(q)))).toBe(false);
  });
});

/**
 * What the twenty-eighth round found (blind audit 28, sample-28, seed 449 plus the four new why-rival
 * items and their statements, two readers: 1 and 4 of 94 defective). Each assertion fails on the
 * code that round saw.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { buildKbIndex } from '.';
import { draftsFrom, draftText as textOf } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import type { Draft } from './types';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const draftsOf = draftsFrom(idx);

describe('audit 28', () => {
  it("item 10: Kash Patel's title is MENA's, never printed as an office he held", () => {
    const patel = kb.actors.find((a) => a.slug === 'kash-patel');
    expect(patel?.offices).toEqual([]);
    expect(patel?.role?.text).not.toMatch(/Chief of Staff/);
    expect(patel?.description).toMatch(
      /MENA calls him the then-White House National Security Council Chief of Staff/,
    );
    const text = sharedBank({ kb, seed: 1 })
      .questions.map((q) => textOf(q as unknown as Draft))
      .join('\n');
    expect(text).not.toMatch(
      /Kash Patel was (the )?White House National Security Council Chief of Staff/,
    );
    expect(text).not.toMatch(/^White House National Security Council Chief of Staff$/m);
  });

  it('items 20 and 90: a wrong half of a change says when it was true, not the key again', () => {
    const items = draftsOf('stance-change');
    expect(items.length).toBeGreaterThanOrEqual(2);
    const wrong = items.flatMap((d) => (d.key.rationales ?? []).filter((r) => !r.isCorrect));
    const coalition = wrong.filter((r) =>
      /joined a US-led coalition against Iraq in 1990, not in 2006/.test(r.text),
    );
    expect(coalition.length).toBeGreaterThan(0);
    for (const r of wrong) {
      expect(r.text).not.toMatch(/^Not so in \d{4}:/);
    }
  });

  it('item 84: no head of state offered for a lesser office', () => {
    const items = draftsOf('office-holder');
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) {
      const key = d.key.optionIds?.[0];
      const asked = idx.offices.find((o) => o.person === key && d.stem.includes(o.office.title));
      expect(asked).toBeDefined();
      for (const o of (d.prompt.options ?? []).filter((x) => x.id !== key)) {
        const others = idx.offices.filter((x) => x.person === o.id);
        if (asked?.office.role !== 'HEAD_OF_STATE') {
          expect([o.id, others.some((x) => x.office.role === 'HEAD_OF_STATE')]).toEqual([
            o.id,
            false,
          ]);
        }
      }
    }
    expect(items.map((d) => d.stem)).not.toContain(
      'Who was Foreign Minister of Syria on 21 November 2025?',
    );
  });
});

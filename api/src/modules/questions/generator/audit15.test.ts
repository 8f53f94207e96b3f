/**
 * What the fifteenth round found (blind audit 15, sample-15, seed 263, two independent reviewers:
 * 4 and 4 of 90 defective, 0 factual from the sources; the second reviewer's 2 "factual" rest on
 * its own knowledge of Kash Patel's title, which the MENA paper gives). Each assertion fails on the
 * code and KB that round saw.
 */
import { buildKbIndex } from '.';
import { toInterval } from './dates';
import { draftsFrom } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';
import { yearsApart } from './templates/true-false';
import { whySource } from './templates/understanding-templates';

const idx = buildKbIndex(loadKbFiles());
const draftsOf = draftsFrom(idx);

describe('audit 15', () => {
  it('item 40: a relayed speaker keeps its own words and a closed bracket', () => {
    const x = idx.explanations.get('russia-feared-us-iran-deal-so-bolstered-presence');
    // Round 16 dropped the relay "(via Alrumaihi)" from stems as well.
    expect(x && whySource(x)).toBe('a political expert quoted by Asharq Al Awsat');
    const stems = draftsOf('explain-true-false', 'why-rival').map((d) => d.stem);
    expect(stems.join('\n')).not.toMatch(/\(via Alrumaihi,/);
  });

  it('item 60: what the militias allowed is not asked as why the IRGC built them', () => {
    const stems = draftsOf('explain-true-false').map((d) => d.stem);
    expect(stems.join('\n')).not.toMatch(/nominally independent militias[^.]*in part to direct/);
    expect(idx.explanations.get('axis-militias-gave-deniability')?.kind).toBe('CONSEQUENCE');
  });

  it('item 26: wrong reasons for the cooling are never reasons the ties grew closer', () => {
    const cooling = draftsOf('why-rival-multi').filter((d) => /cooled/.test(d.stem));
    expect(cooling.length).toBeGreaterThan(0);
    for (const d of cooling) {
      const labels = (d.prompt.options ?? []).map((o) => o.label).join('\n');
      expect(labels).not.toMatch(/Cedar Revolution|could not keep positive ties/);
    }
  });

  it("item 33: Hafez al-Assad's turn to Iran is never explained by events after his death", () => {
    // Since audit 22 the Hafez item is not asked at all (its rivals were other actors' reasons);
    // no why-rival option may still explain it by later events.
    const hafez = draftsOf('why-rival').filter((d) => /^Hafez al-Assad drew close/.test(d.stem));
    for (const d of hafez) {
      expect((d.prompt.options ?? []).map((o) => o.label).join('\n')).not.toMatch(
        /Iraq War|Cedar Revolution|2006/,
      );
    }
  });

  it('items 9, 83: a wrong office holder held an office within a generation of the date', () => {
    const items = draftsOf('office-holder');
    expect(items.length).toBeGreaterThan(0);
    for (const d of items) {
      const key = d.key.optionIds?.[0];
      const office = idx.offices.find((o) => o.id === d.factIds[0]);
      const date = office?.office.attested.find((a) => d.stem.includes(a.value.slice(0, 4)));
      expect(office && date).toBeTruthy();
      const when = toInterval({ ...(date as NonNullable<typeof date>), label: undefined });
      for (const o of d.prompt.options ?? []) {
        if (o.id !== key) {
          const near = idx.offices.some((x) => x.person === o.id && yearsApart(x, when) <= 25);
          expect([o.id, near]).toEqual([o.id, true]);
        }
      }
    }
  });
});

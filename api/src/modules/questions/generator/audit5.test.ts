/**
 * What the fifth round found on the real KB (genfix5 brief and blind audit 5, sample5, seed 73,
 * on main at ce197b8): each assertion fails on that bank or on its templates' drafts.
 */

import { sharedBank } from '../../../../test/factories/bank';
import { buildKbIndex } from './kb-index';
import { loadKbFiles } from './load-kb-files';
import { TEMPLATES } from './templates';
import { formatAmount } from './templates/choice-templates';
import { topicActor } from './templates/understanding-templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const drafts = (id: string) => (TEMPLATES.find((t) => t.id === id)?.generate(idx) ?? []).flat();
const allDrafts = TEMPLATES.flatMap((t) => t.generate(idx).flat());
const banks = [1, 73].flatMap((seed) => sharedBank({ kb, seed }).questions);
const text = [...banks, ...allDrafts].map((q) => JSON.stringify(q)).join('\n');
const figureOf = (factId: string | undefined) =>
  kb.figures.find((f) => `figure:${f.id}` === factId);

describe('audit 5: factual', () => {
  it('never asks how Iraqi militias view Syria as the reason they were there (item 47)', () => {
    expect(text).not.toMatch(/reason why Iraqi militias operated in Syria/);
    // A perception is a reason only where the source ties it to an act ("viewing …, ramped up").
    for (const x of kb.explanations.filter((e) => e.kind !== 'CONSEQUENCE')) {
      const perception = /^(they|it) (saw|sees|see|views?|viewed)\b/.test(x.answer);
      const tied = /\b(viewing|because|prompt\w*)\b/.test(x.detail);
      expect(perception && !tied ? x.id : '').toBe('');
    }
  });
});

describe('audit 5: ambiguity', () => {
  it('offers no quote topic about the key topic’s own actor as a distractor (item 56)', () => {
    const d = drafts('quote-topic').find((q) => q.factIds[0] === 'quote:khamenei-we-support-it');
    // Since audit 10 the 2011 statement has no same-era rivals left, so it may have no draft at all.
    const labels = d?.prompt.options?.map((o) => o.label) ?? [];
    expect(labels).not.toContain('Syria\'s place in the region\'s "resistance"');
    for (const q of drafts('quote-topic')) {
      const key = q.prompt.options?.find((o) => o.id === q.key.optionIds?.[0])?.label ?? '';
      const actor = topicActor(idx, key);
      for (const o of q.prompt.options ?? []) {
        if (o.label !== key && actor) {
          expect(`${key} / ${o.label}: ${topicActor(idx, o.label) === actor}`).toMatch(/false$/);
        }
      }
    }
  });
});

describe('audit 5: wording', () => {
  it('words Rabihaoui\'s "last year" as the previous year, never anchored to the MENA paper (items 71, 60, 67, 4)', () => {
    expect(text).not.toMatch(/(year before the (MENA )?paper)/);
    expect(JSON.stringify(kb)).not.toMatch(/year before the (MENA )?paper/);
    expect(text).toMatch(/exported to Syria in the previous year/);
  });

  it('prints a lower bound as "more than", never as an exact amount (items 4 and 60)', () => {
    const bound = kb.figures.filter((f) => f.lowerBound);
    expect(bound.length).toBeGreaterThan(0);
    for (const f of bound) {
      const bare = formatAmount({ ...f, lowerBound: false }).replace(/[$.]/g, '\\$&');
      const exact = new RegExp(`(?<!more than )(?<!More than )${bare}(?! or more)`);
      for (const q of allDrafts.filter((x) =>
        JSON.stringify(x).includes(bare.replace(/\\/g, '')),
      )) {
        expect(exact.test(JSON.stringify(q)) ? q.stem : '').toBe('');
      }
    }
  });

  it("says a ratio plainly, with no false ratio near one the source's figures imply (item 6)", () => {
    const stems = drafts('figure-true-false').map((d) => d.stem);
    expect(stems.join('\n')).not.toMatch(/the figure for how many/);
    const ratio = drafts('figure-true-false').find(
      (d) => d.factIds[0] === 'figure:turkey-vs-iran-trade-ratio-2023',
    );
    expect(ratio?.stem).toMatch(/Turkey's 2023 trade with Syria was \d+ times larger than Iran's/);
    // $2 billion against $244 million is about 8 times: 10 times is no clear falsehood.
    const shown = Number(/was (\d+) times/.exec(ratio?.stem ?? '')?.[1]);
    expect(shown === 20 || shown >= 12.3 || shown <= 5.5).toBe(true);
  });
});

describe('audit 5: cues', () => {
  it('never makes a false figure exactly double the true one (items 42, 68, 71)', () => {
    const falses = drafts('figure-true-false').filter((d) => d.key.optionIds?.[0] === 'false');
    expect(falses.length).toBeGreaterThan(2);
    for (const d of falses) {
      const f = figureOf(d.factIds[0]);
      expect(f).toBeDefined();
      if (f) {
        expect(d.stem).not.toContain(` ${formatAmount({ ...f, amount: f.amount * 2 })}`);
      }
    }
  });
});

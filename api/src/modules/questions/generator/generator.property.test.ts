import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import fc from 'fast-check';
import { kbSmall } from '../../../../test/fixtures/kb-small';
import { checkQuestion } from '../gate';
import { buildBank, buildKbIndex, templateById } from '.';

/** The stored key in the shape a template's re-query returns. */
const storedKey = (q: ReturnType<typeof buildBank>['questions'][number]): string[] =>
  q.type === 'CHRONOLOGY'
    ? (q.key.order ?? [])
    : q.type === 'MATCHING'
      ? (q.key.pairs ?? []).map((p) => `${p.itemId}>${p.targetId}`).sort()
      : q.type === 'NUMERIC_YEAR'
        ? [String(q.key.year)]
        : q.type === 'SHORT_ANSWER'
          ? (q.key.answers ?? []).slice(0, 1)
          : [...(q.key.optionIds ?? [])].sort();

/** A sub-KB without some events (and the relations set in them): the generator must stay sound. */
const withoutEvents = (kb: KnowledgeBase, drop: readonly string[]): KnowledgeBase => ({
  ...kb,
  events: kb.events.filter((e) => !drop.includes(e.slug)),
  relations: kb.relations.filter((r) => !r.context || !drop.includes(r.context)),
});

describe('generator properties (fast-check)', () => {
  it('for any seed and any event subset, every question passes the gate and re-queries to its key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.subarray(
          kbSmall.events.map((e) => e.slug),
          { maxLength: 4 },
        ),
        (seed, drop) => {
          const kb = withoutEvents(kbSmall, drop);
          const idx = buildKbIndex(kb);
          const { questions } = buildBank({ kb, seed });
          for (const q of questions) {
            const blocks = checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK');
            if (blocks.length > 0) {
              throw new Error(
                `${q.id} ${q.stem}: ${blocks.map((b) => `${b.id} ${b.message}`).join('; ')}`,
              );
            }
            const r = templateById(q.template)?.requery(q, idx);
            if (!r?.ok) {
              throw new Error(`${q.id} does not re-query`);
            }
            const expected = q.type === 'CHRONOLOGY' ? r.key : [...r.key].sort();
            if (expected.join('|') !== storedKey(q).join('|')) {
              throw new Error(`${q.id}: key ${storedKey(q)} but the KB gives ${expected}`);
            }
            const keyCount = q.type === 'MULTI_SELECT' ? expected.length : 1;
            if (q.type !== 'CHRONOLOGY' && q.type !== 'MATCHING' && expected.length !== keyCount) {
              throw new Error(`${q.id}: key not unique`);
            }
          }
        },
      ),
      { numRuns: 12, seed: 4242 },
    );
  });

  it('for any seed, ids depend on the KB alone and the key slot follows the seed', () => {
    const base = new Set(buildBank({ kb: kbSmall, seed: 1 }).questions.map((q) => q.id));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 31 - 1 }), (seed) => {
        const ids = buildBank({ kb: kbSmall, seed }).questions.map((q) => q.id);
        return ids.length === base.size && ids.every((id) => base.has(id));
      }),
      { numRuns: 6, seed: 7 },
    );
  });
});

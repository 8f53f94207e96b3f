import { KnowledgeBase } from '@quiz/prisma/knowledge';
import { kbSmall } from '../../../../../test/fixtures/kb-small';
import { buildKbIndex, eventFactId } from '../kb-index';
import { citeFacts } from './common';

// Feedback shows three passages and hides the rest behind "More sources": the first three must
// prove the key, one passage per fact, not three on the first event of a chronology.

const EVENTS = ['diplomatic-relations', 'friendship-treaty', 'islamic-revolution', 'iran-iraq-war'];

/** The fixture KB with three undated passages before the dated one on every event. */
const kb = (() => {
  const copy = structuredClone(kbSmall) as KnowledgeBase;
  for (const slug of EVENTS) {
    const e = copy.events.find((x) => x.slug === slug);
    if (!e) {
      throw new Error(slug);
    }
    const extra = [1, 2, 3].map((n) => ({
      id: `c-${slug}-context-${n}`,
      source: copy.citations[0]?.source ?? 'wiki',
      quote: `Background passage ${n} on this event, without its date.`,
      locator: `paragraph ${n}`,
    }));
    copy.citations.push(...extra);
    e.citations = [...extra.map((c) => c.id), ...e.citations];
  }
  return KnowledgeBase.parse(copy);
})();
const idx = buildKbIndex(kb);
const facts = EVENTS.map(eventFactId);
const eventOf = (citationId: string): string | undefined =>
  EVENTS.find((slug) => kb.events.find((e) => e.slug === slug)?.citations.includes(citationId));

describe('citeFacts', () => {
  it('puts one passage per fact first, so the first three of a 4-event chronology prove three events', () => {
    const cited = citeFacts(idx, facts);
    expect(cited.slice(0, 4).map(eventOf)).toEqual(EVENTS);
    expect(new Set(cited.slice(0, 3).map(eventOf)).size).toBe(3);
  });

  it('leads each fact with the passage that carries its date', () => {
    const cited = citeFacts(idx, facts);
    for (const [i, slug] of EVENTS.entries()) {
      const lead = kb.citations.find((c) => c.id === cited[i]);
      const year = kb.events.find((e) => e.slug === slug)?.start.value.slice(0, 4) ?? '????';
      if (slug === 'islamic-revolution') {
        // Its fixture passage does not say 1979: no passage carries the date, so the KB's order.
        expect(lead?.id).toBe('c-islamic-revolution-context-1');
      } else {
        expect({ slug, quote: lead?.quote }).toEqual({
          slug,
          quote: expect.stringContaining(year),
        });
      }
    }
  });

  it('keeps every passage once, in rounds (each fact’s second passage after every first)', () => {
    const cited = citeFacts(idx, facts);
    const all = new Set(facts.flatMap((f) => idx.facts.get(f)?.citations ?? []));
    expect([...cited].sort()).toEqual([...all].sort());
    expect(cited.slice(4, 8).map(eventOf)).toEqual(EVENTS);
  });

  it('skips a passage another fact already took, offering its next one in that round', () => {
    // The Damascus meeting cited first by the 1946 passage, then by one of its own.
    const copy = structuredClone(kb) as KnowledgeBase;
    const meeting = copy.events.find((e) => e.slug === 'damascus-meeting');
    if (!meeting) {
      throw new Error('damascus-meeting');
    }
    copy.citations.push({
      id: 'c-meeting-own',
      source: copy.citations[0]?.source ?? 'wiki',
      quote: 'The two leaders met in Damascus.',
      locator: 'paragraph 9',
    });
    meeting.citations = ['c-relations-1946', 'c-meeting-own'];
    const shared = buildKbIndex(KnowledgeBase.parse(copy));
    const cited = citeFacts(shared, [facts[0] as string, eventFactId('damascus-meeting')]);
    expect(cited.slice(0, 2)).toEqual(['c-relations-1946', 'c-meeting-own']);
    expect(new Set(cited).size).toBe(cited.length);
  });
});

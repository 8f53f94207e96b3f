/**
 * What the thirtieth round found (blind audit 30, sample-30, seed 467, two readers: 4 and 5 of 90
 * defective, 2 and 2 factual). Each assertion fails on the code that round saw. Item 23 (the
 * flagship "Which Arab state sided with Iran", trivial to one reader) is kept as before (audit 27).
 */
import { buildKbIndex } from '.';
import { draftsFrom, draftText } from './drafts.test-utils';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const drafts = draftsFrom(idx);

describe('audit 30', () => {
  it("items 29, 53: Gantz's claim is framed as his, in the stem and in feedback", () => {
    const all = drafts('why-rival', 'why-rival-multi').map(draftText).join('\n');
    expect(all).toMatch(
      /According to [^.]*Benny Gantz[^.]*, Iran used proxy facilities in Syria\./,
    );
    expect(all).not.toMatch(/(?:^|\n)Iran used proxy facilities in Syria\./);
    expect(all).not.toMatch(/as the aim when Iran used proxy facilities/);
  });

  it('items 85, 87: the Iran Air flights are no longer asked "why" with rivals from elsewhere', () => {
    const why = drafts('why-rival').filter((d) =>
      d.factIds.includes('explanation:iran-air-flights-for-weapons'),
    );
    expect(why).toEqual([]);
  });

  it('item 26: a quote statement says whose record it tests', () => {
    const quotes = drafts('true-false').filter((d) => / said: “/.test(d.stem));
    expect(quotes.length).toBeGreaterThan(0);
    for (const d of quotes) {
      expect(d.stem).toMatch(/^True or false: According to [^,]+, (?:in|on) /);
    }
  });

  it('item 65: "Iran Air" takes no article, and its role line does not say "Iranian"', () => {
    const text = drafts('actor-who', 'actor-role').map(draftText).join('\n');
    expect(text).toMatch(/Iran Air was the airline whose flights/);
    expect(text).not.toMatch(/\bthe Iran Air\b/i);
    expect(text).not.toMatch(/Iranian airline whose flights/);
  });

  it("item 66: the Ned Price remark is conditional, and the contrast is MENA's reading", () => {
    const event = kb.events.find((e) => e.slug === 'ned-price-normalisation-remark');
    expect(event?.title).not.toMatch(/opens the door/);
    expect(event?.summary).toMatch(/MENA Research Center sets this against/);
    const stems = drafts('event-year').map((d) => d.stem);
    expect(stems).toContain(
      'In what year did Ned Price tie US normalisation with Bashar al-Assad to a political resolution?',
    );
  });
});

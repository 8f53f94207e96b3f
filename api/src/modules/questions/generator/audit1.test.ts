/**
 * What the blind review of audit 1 found, bank-wide, on the real KB: each assertion fails on the
 * bank the audit sampled (gen at 374cb78).
 */
import { buildBank } from '.';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const { questions } = buildBank({ kb, seed: 23 });
const byTemplate = (t: string) => questions.filter((q) => q.template === t);
const distractorLabels = (t: string) =>
  byTemplate(t).flatMap((q) =>
    (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id)).map((o) => o.label),
  );

describe('audit 1: why/purpose/consequence items', () => {
  it('offer no wrong option the stem excludes by itself: no dangling pronoun, no dollar figure, no later name', () => {
    for (const label of distractorLabels('explain-why')) {
      expect(label).not.toMatch(/^(It|Its|They|Their|This|He)\b|\b(it|its timing|them)\b/);
      expect(label).not.toMatch(/\$\d/);
    }
    // Item 87: the 1982 founding of Hezbollah never faces a reason naming Bashar al-Assad or Raisi.
    for (const q of byTemplate('explain-why').filter((x) =>
      /1982|Hezbollah was founded/.test(x.stem),
    )) {
      expect(JSON.stringify(q.prompt.options)).not.toMatch(/Bashar|Raisi/);
    }
  });

  it('never offer an effect IranWire also gives for the same support as a wrong option (item 54)', () => {
    for (const q of byTemplate('explain-why').filter((x) => /Quds Force/.test(x.stem))) {
      expect(JSON.stringify(q.prompt.options)).not.toMatch(/crippled Iranian economy/);
    }
  });

  it('never face a motive with the opposite direction or another side (ceasefire monitoring as an Iranian aim)', () => {
    for (const q of [...byTemplate('explain-why'), ...byTemplate('explain-true-false')]) {
      if (/Iran|IRGC/.test(q.stem) && !/Russia/.test(q.stem)) {
        expect(q.stem + JSON.stringify(q.prompt.options)).not.toMatch(/observe ceasefire/);
      }
      if (/cooled/.test(q.stem)) {
        expect(JSON.stringify(q.prompt.options)).not.toMatch(/not shared ideology/);
      }
    }
  });

  it('word their stems plainly: no "what does this reason explain", no doubled attribution, no quoted paraphrase', () => {
    for (const q of questions) {
      expect(q.stem).not.toMatch(/what does this (reason|aim) explain/);
      expect(q.stem).not.toMatch(/an Iranian official.*an (unnamed )?Iranian official/i);
      expect([q.stem, (q.stem.match(/according to/gi) ?? []).length]).toEqual([
        q.stem,
        expect.any(Number),
      ]);
      expect((q.stem.match(/according to/gi) ?? []).length).toBeLessThanOrEqual(1);
    }
    for (const q of byTemplate('explain-what')) {
      expect(q.stem).not.toMatch(/[“”]/);
    }
  });
});

describe('audit 1: typed answers', () => {
  const typed = questions.filter((q) => q.type === 'SHORT_ANSWER');

  it('never ask what several actors did (items 14, 25, 77, 81) or what the quiz subject gives away (65)', () => {
    for (const q of typed) {
      expect(q.stem).not.toMatch(
        /negotiated with (Iran|Russia)|supplied weapons to Iran|attacked Syria in 2024/,
      );
      expect(q.key.answers ?? []).not.toContain('Syria');
      expect(q.key.answers ?? []).not.toContain('Iran');
    }
  });

  it('never cut a name short ("the Badr", item 90)', () => {
    for (const q of typed) {
      expect(q.stem).not.toMatch(/\bthe Badr\?/);
    }
  });
});

describe('audit 1: orderings', () => {
  it('never pair a start with what followed from it (Bashar president before he disclosed talks, item 48)', () => {
    for (const q of questions.filter((x) => x.type === 'WHICH_FIRST' || x.type === 'CHRONOLOGY')) {
      const labels = [...(q.prompt.options ?? []), ...(q.prompt.items ?? [])].map((o) => o.label);
      if (labels.some((l) => /Bashar al-Assad succeeds/.test(l))) {
        expect(labels.filter((l) => /Bashar al-Assad/.test(l))).toHaveLength(1);
      }
    }
  });
});

describe('audit 1: Libya and the revolution', () => {
  it('never offers Libya, which sold weapons to Iran, as a wrong answer to which Arab state sided with Iran (item 16)', () => {
    for (const q of questions.filter((x) =>
      /sided with Iran|supported Iran|backed Iran/.test(x.stem),
    )) {
      const wrong = (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id));
      expect(wrong.map((o) => o.label)).not.toContain('Libya');
    }
  });

  it('never keys "the Islamic Revolution … in 1978" (or 1980) as false (item 61)', () => {
    for (const q of questions.filter((x) => x.template === 'true-false')) {
      expect(q.stem).not.toMatch(/Islamic Revolution[^.]* in 19(78|80)\b/);
    }
  });
});

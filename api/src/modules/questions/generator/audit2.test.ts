/**
 * What the blind review of audit 2 (sample2, seed 31) found, bank-wide, on the real KB: each
 * assertion fails on the bank the audit sampled (branch genfix at 6e7ec78).
 */
import { buildBank } from '.';
import { loadKbFiles } from './load-kb-files';

const kb = loadKbFiles();
const { questions } = buildBank({ kb, seed: 31 });
const text = questions.map((q) => JSON.stringify(q)).join('\n');

describe('audit 2', () => {
  it('joins no headline into a sentence without its article or with a second verb', () => {
    expect(text).not.toMatch(/opened door|open door/);
    expect(text).not.toMatch(/\b(erupts|opens|begins|falls|kills|meets) took place/);
    expect(text).not.toMatch(
      /Syria war cost|avoid Gaza war|to Umayyad Mosque|in Israeli operation/,
    );
    expect(text).not.toMatch(/pull IRGC|from Damascus area|for supervisory-body seat/);
    expect(text).not.toMatch(/with new Syrian government/);
  });

  it('never calls the 2015 nuclear deal an Iran–US deal (items 27, 57, 74, 80, 81, 87)', () => {
    expect(text).not.toMatch(/Iran and the United States conclude/);
    expect(text).toMatch(/Iran nuclear deal was concluded in 2015/);
  });

  it('never offers a recurring series occurrence (missile strikes on IS) as an event of another year', () => {
    for (const q of questions.filter((x) => x.template === 'year-event')) {
      expect(JSON.stringify(q.prompt.options)).not.toMatch(/missiles at Islamic State/);
    }
    expect(text).not.toMatch(/June 2017\. That is not/);
  });

  it('labels the 2011–2019 era by what it covers, not as the whole civil war (item 19)', () => {
    expect(text).not.toMatch(/The Syrian civil war, 2011–2019/);
  });

  it('offers for an office only its other holders or people of the same state (items 13, 68)', () => {
    for (const q of questions.filter((x) => x.template === 'office-holder')) {
      const state = q.stem.match(/ of (Iran|Syria)\b/)?.[1];
      const labels = (q.prompt.options ?? []).map((o) => o.label).join('|');
      if (state === 'Iran') {
        expect(labels).not.toMatch(/Assad|Saddam|Selou|Sharaa/);
      }
      if (state === 'Syria') {
        expect(labels).not.toMatch(/Khamenei|Raisi|Saddam|Ahmadinejad/);
      }
    }
  });

  it("offers for a side's words only that side's people, with one true line each (items 22, 38, 44, 76)", () => {
    for (const q of questions.filter((x) => x.template === 'who-said')) {
      const labels = (q.prompt.options ?? []).map((o) => o.label);
      if (labels.includes('Ali Khamenei') && q.key.optionIds?.includes('ali-khamenei')) {
        expect(labels).not.toContain('Saddam Hussein');
      }
      expect(JSON.stringify(q.key.rationales)).not.toMatch(/quoted elsewhere/);
    }
  });

  it('asks no fact in more than four non-drill items (Soleimani 2020 in 6 of 90)', () => {
    const per = new Map<string, number>();
    for (const q of questions.filter(
      (x) => !['chronology', 'which-first', 'match-offices', 'match-years'].includes(x.template),
    )) {
      const f = q.factIds[0] ?? '';
      per.set(f, (per.get(f) ?? 0) + 1);
    }
    expect(Math.max(...per.values())).toBeLessThanOrEqual(4);
  });

  it('never matches an office whose title does not say whose it is (item 65: al Shatri)', () => {
    for (const q of questions.filter((x) => x.template === 'match-offices')) {
      expect(JSON.stringify(q.prompt.items)).not.toMatch(/Shatri/);
    }
  });

  it("states a source's reason as 'one reason why …', not 'when …, the aim or reason was:' (items 4, 43)", () => {
    expect(text).not.toMatch(/the aim or reason was/);
    // Since audit 10 the reason follows the development: "X partly because …" / "X, in part to …".
    expect(questions.some((q) => /(partly because|, in part (to|for)) /.test(q.stem))).toBe(true);
    expect(text).not.toMatch(/this is one reason why/);
  });
});

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
});

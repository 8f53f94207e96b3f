/**
 * The checks added for what the issue-11 audit caught (S1–S8), each fed the case the issue names
 * (built from a real bank item, then broken) and a clean item it must leave alone.
 */
import { buildBank, buildKbIndex } from '../generator';
import { loadKbFiles } from '../generator/load-kb-files';
import type { BankQuestion } from '../types';
import { checkQuestion } from '.';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const { questions } = buildBank({ kb, seed: 3 });
const ids = (q: BankQuestion) =>
  checkQuestion(q, idx)
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);
const clone = (q: BankQuestion): BankQuestion => JSON.parse(JSON.stringify(q)) as BankQuestion;
const find = (p: (q: BankQuestion) => boolean): BankQuestion => {
  const q = questions.find(p);
  if (!q) {
    throw new Error('no such item in the bank');
  }
  return clone(q);
};

describe('issue-11 gate checks', () => {
  it('S1: a "wrong" year that is another leaders\' meeting (2022) is blocked for the 1984 meeting', () => {
    const q = find(
      (x) => x.type === 'EVENT_YEAR' && x.factIds[0] === 'event:hafez-khamenei-damascus-meeting',
    );
    expect(ids(q)).not.toContain('S1');
    const wrong = (q.prompt.options ?? []).find((o) => !q.key.optionIds?.includes(o.id));
    if (wrong) {
      wrong.label = '2022';
      wrong.id = 'y2022';
      const r = q.key.rationales.find((x) => !x.isCorrect);
      if (r) {
        r.ref = 'y2022';
      }
    }
    expect(ids(q)).toContain('S1');
  });

  it('S2: Akbari\'s statement ("post-Mousavi\'s death", an AFTER date) is never asked as an exact year', () => {
    const q = find((x) => x.type === 'EVENT_YEAR');
    expect(ids(q)).not.toContain('S2');
    q.factIds = ['event:akbari-rules-out-withdrawal'];
    expect(ids(q)).toContain('S2');
  });

  it('S3: a stem that quotes a headline is blocked', () => {
    const q = find((x) => x.type === 'EVENT_YEAR');
    expect(ids(q)).not.toContain('S3');
    const e = idx.events.get('mezzeh-strike-kills-irgc-officers');
    q.stem = `In what year did “${e?.title}” happen?`;
    expect(ids(q)).toContain('S3');
  });

  it('S4: Iraq offered as an Arab state that sided with Iran in the Iran–Iraq War is blocked; so is "Raisi was President of which state?"', () => {
    const q = find(
      (x) => x.stem === 'Which Arab state sided with Iran during the Iran–Iraq War (1980–88)?',
    );
    expect(ids(q)).not.toContain('S4');
    const d = (q.prompt.options ?? []).find((o) => !q.key.optionIds?.includes(o.id));
    if (d) {
      const r = q.key.rationales.find((x) => x.ref === d.id);
      d.id = 'iraq';
      d.label = 'Iraq';
      if (r) {
        r.ref = 'iraq';
      }
    }
    expect(ids(q)).toContain('S4');
    const raisi: BankQuestion = {
      ...clone(q),
      template: 'office-state',
      stem: 'Ebrahim Raisi was President of which state?',
      actorSlugs: ['ebrahim-raisi'],
      key: { ...q.key, optionIds: ['iran'] },
    };
    expect(ids(raisi)).toContain('S4');
  });

  it('S5: a three-word quote fragment without context is blocked', () => {
    const q = find((x) => x.type === 'WHO_SAID');
    expect(ids(q)).not.toContain('S5');
    q.prompt.quote = 'soldiers without borders';
    expect(ids(q)).toContain('S5');
  });

  it('S6: a distractor rationale that repeats the key sentence is blocked ("Not Syria: Raisi was President of Iran…")', () => {
    const q = find((x) => x.template === 'explain-why');
    expect(ids(q)).not.toContain('S6');
    const key = q.key.rationales.find((r) => r.isCorrect);
    const wrong = q.key.rationales.find((r) => !r.isCorrect);
    if (key && wrong) {
      wrong.text = `Not this one: ${key.text}`;
    }
    expect(ids(q)).toContain('S6');
  });

  it('S7/S8: source plumbing and "Hassan Haniyeh" printed as fact are blocked', () => {
    const q = find((x) => x.type === 'EVENT_YEAR');
    expect(ids(q)).not.toContain('S7');
    expect(ids({ ...clone(q), explanation: `${q.explanation} (paragraph at line 30)` })).toContain(
      'S7',
    );
    expect(ids({ ...clone(q), explanation: 'Hassan Haniyeh was assassinated in Iran.' })).toContain(
      'S8',
    );
    expect(
      ids({
        ...clone(q),
        explanation: 'Ismail Haniyeh was killed; the source calls him Hassan Haniyeh.',
      }),
    ).not.toContain('S8');
  });
});

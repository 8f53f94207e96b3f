/**
 * The checks added for what the issue-11 audit caught (S1–S8), each fed the case the issue names
 * (built from a real template draft, then broken) and a clean item it must leave alone.
 *
 * The items come from the templates' drafts (`finalise`, no gate), never the built bank: the bank is
 * filtered by the checks under test, so building it at load made every gate mutant static for
 * Stryker (a full run each) and a stricter check only shrank it (issue 11, mutation testing). The
 * bank-wide date-precision check lives in `date-precision.test.ts`.
 */
import { buildKbIndex } from '../generator';
import { finalise } from '../generator/build-bank';
import { loadKbFiles } from '../generator/load-kb-files';
import { seededRng } from '../generator/rng';
import { eventYearTemplate } from '../generator/templates/year-templates';
import type { BankQuestion } from '../types';
import { auditCases } from './audit-cases.test-utils';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
// Only the templates the cases draw their clean items from (in registry order, so each case finds
// the draft it found among all templates): Stryker runs this file once per mutant.
const DRAFT_TEMPLATES = new Set([
  'why-rival',
  'explain-true-false',
  'figure-meaning',
  'stance-single',
  'arab-states',
  'office-state',
  'true-false',
  'event-year',
  'chronology',
  'who-said',
]);
const { blocks: ids, clone, clean: find } = auditCases(idx, DRAFT_TEMPLATES, 3);

describe('issue-11 gate checks', () => {
  it('S1: a "wrong" year that is another leaders\' meeting (2022) is blocked for the 1984 meeting', () => {
    // Straight from the template: the per-fact cap may leave this item out of the bank.
    const drafts = eventYearTemplate
      .generate(idx)
      .flat()
      .filter((d) => d.factIds[0] === 'event:hafez-khamenei-damascus-meeting');
    const q = drafts
      .map((d) => finalise(d, seededRng(3)))
      .find((x) => !ids(x).includes('S1')) as BankQuestion;
    expect(q).toBeDefined();
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

  it('S5: a seven-word quote under a bare "Who said these words?" is blocked, with its occasion it is not (audit 8, item 22)', () => {
    const q = find((x) => x.type === 'WHO_SAID');
    q.prompt.quote = 'a commander in the fight against terrorism';
    q.stem = 'Who said these words?';
    expect(ids(q)).toContain('S5');
    q.stem = 'Who said these words about Qassem Soleimani in 2020?';
    expect(ids(q)).not.toContain('S5');
  });

  it('S6: a distractor rationale that repeats the key sentence is blocked ("Not Syria: Raisi was President of Iran…")', () => {
    const q = find((x) => x.template === 'figure-meaning');
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

  it('S9 (audit 1): editorial notes, search-page plumbing and dates more exact than the sources are blocked', () => {
    const q = find((x) => x.type === 'EVENT_YEAR');
    expect(ids(q)).not.toContain('S9');
    const bad = [
      'Iran exported $244 million (period: the year before the MENA paper (2023, inferred)).',
      'The year is inferred from the visit.',
      'The treaty fell apart (the sources do not date the overthrows).',
      'Web search engine results page (snippets from several publishers) quotes Ahmed al-Sharaa.',
      'Ned Price opened the door to normalisation in March 2022.',
      'Bashar al-Assad began disclosing talks with Washington in September 2020.',
      'The Syrian uprising turned into civil war in March 2011.',
      'A leaked document disclosed the figure in August 2023.',
      'Ahmed al-Sharaa said these words on 11 November 2025.',
    ];
    for (const text of bad) {
      expect([text, ids({ ...clone(q), explanation: text })]).toEqual([
        text,
        expect.arrayContaining(['S9']),
      ]);
      const r = clone(q);
      const wrong = r.key.rationales.find((x) => !x.isCorrect);
      if (wrong) {
        wrong.text = text;
      }
      expect(ids(r)).toContain('S9');
    }
    const fine = [
      'Ned Price opened the door to normalisation in spring 2022.',
      'The Syrian crisis erupted in March 2011.',
      'Iran International quotes Ahmed al-Sharaa.',
    ];
    for (const text of fine) {
      expect(ids({ ...clone(q), explanation: text })).not.toContain('S9');
    }
  });
});

/**
 * The gate's option checks (C1–C16) case by case, each pinned at its boundary, on the small
 * fixture KB: a check made stricter or looser, or a message changed, fails a case here (the
 * real-bank flaw injection in gate.mutation.test.ts shows each flaw is caught; this shows the
 * checks stop exactly where they should).
 */
import { kbSmall } from '../../../../test/fixtures/kb-small';
import { buildBankFromIndex, buildKbIndex } from '../generator';
import type { BankQuestion, Choice } from '../types';
import { checkQuestion } from '.';

const idx = buildKbIndex(kbSmall);
const { questions } = buildBankFromIndex(idx, 1);
const clone = (q: BankQuestion): BankQuestion => JSON.parse(JSON.stringify(q)) as BankQuestion;
const first = (pred: (q: BankQuestion) => boolean): BankQuestion => {
  const q = questions.find(pred);
  if (!q) {
    throw new Error('the fixture bank lacks this kind of question');
  }
  return clone(q);
};
const byType = (type: BankQuestion['type']) => first((q) => q.type === type);

/** The blocking findings of one check. */
const found = (q: BankQuestion, id: string) =>
  checkQuestion(q, idx).filter((f) => f.id === id && f.severity === 'BLOCK');
const blocks = (q: BankQuestion, id: string) => found(q, id).length > 0;
const message = (q: BankQuestion, id: string) => found(q, id)[0]?.message;

const withOptions = (q: BankQuestion, options: Choice[]): BankQuestion => ({
  ...clone(q),
  prompt: { ...q.prompt, options },
});

describe('the fixture bank passes every option check', () => {
  it.each(['C1', 'C2', 'C3', 'C4', 'C5', 'C9', 'C10', 'C13', 'C14', 'C16'])('%s', (id) => {
    expect(questions.filter((q) => blocks(q, id)).map((q) => q.id)).toEqual([]);
  });
});

describe('C1 option counts per type', () => {
  const tf = byType('TRUE_FALSE');
  const single = first((q) => q.type === 'OFFICE_HOLDER');
  const chrono = byType('CHRONOLOGY');
  const matching = byType('MATCHING');

  it('true/false and which-first need exactly 2', () => {
    expect(blocks(tf, 'C1')).toBe(false);
    const three = withOptions(tf, [...(tf.prompt.options ?? []), { id: 'maybe', label: 'Maybe' }]);
    expect(message(three, 'C1')).toBe('TRUE_FALSE needs 2 options, has 3');
    const wf = byType('WHICH_FIRST');
    expect(message(withOptions(wf, (wf.prompt.options ?? []).slice(0, 1)), 'C1')).toBe(
      'WHICH_FIRST needs 2 options, has 1',
    );
  });

  it('choices need 3–4', () => {
    const four = first((q) => q.type === 'EVENT_YEAR' && (q.prompt.options ?? []).length === 4);
    const opts = four.prompt.options ?? [];
    expect(blocks(withOptions(four, opts.slice(0, 3)), 'C1')).toBe(false);
    expect(blocks(four, 'C1')).toBe(false);
    expect(message(withOptions(four, opts.slice(0, 2)), 'C1')).toBe('needs 3–4 options, has 2');
    expect(message(withOptions(four, [...opts, { id: 'y1999', label: '1999' }]), 'C1')).toBe(
      'needs 3–4 options, has 5',
    );
    expect(single.type).toBe('OFFICE_HOLDER');
  });

  it('chronologies need 3–5 items', () => {
    const items = chrono.prompt.items ?? [];
    expect(items.length).toBe(5);
    const withItems = (n: number) => ({ ...clone(chrono), prompt: { items: items.slice(0, n) } });
    expect(blocks(withItems(3), 'C1')).toBe(false);
    expect(blocks(withItems(5), 'C1')).toBe(false);
    expect(message(withItems(2), 'C1')).toBe('chronology needs 3–5 items, has 2');
    const six = { ...clone(chrono), prompt: { items: [...items, { id: 'x', label: 'X' }] } };
    expect(message(six, 'C1')).toBe('chronology needs 3–5 items, has 6');
  });

  it('matchings need 3–4 pairs with as many targets as items', () => {
    const items = matching.prompt.items ?? [];
    const targets = matching.prompt.targets ?? [];
    const m = (i: Choice[], t: Choice[]) => ({
      ...clone(matching),
      prompt: { items: i, targets: t },
    });
    const extra = (n: number, p: string) =>
      Array.from({ length: n }, (_, k) => ({ id: `${p}${k}`, label: `${p} ${k}` }));
    expect(blocks(m(items, targets), 'C1')).toBe(false);
    expect(blocks(m([...items, ...extra(1, 'i')], [...targets, ...extra(1, 't')]), 'C1')).toBe(
      false,
    );
    expect(message(m(items.slice(0, 2), targets.slice(0, 2)), 'C1')).toBe(
      'matching needs 3–4 pairs, has 2/2',
    );
    expect(message(m([...items, ...extra(2, 'i')], [...targets, ...extra(2, 't')]), 'C1')).toBe(
      'matching needs 3–4 pairs, has 5/5',
    );
    expect(message(m(items, [...targets, ...extra(1, 't')]), 'C1')).toBe(
      'matching needs 3–4 pairs, has 3/4',
    );
  });

  it('a typed year needs its bounds', () => {
    const numeric = byType('NUMERIC_YEAR');
    expect(blocks(numeric, 'C1')).toBe(false);
    expect(message({ ...numeric, prompt: {} }, 'C1')).toBe('numeric question without bounds');
  });
});

describe('C2 duplicates, alias-aware', () => {
  const q = first((x) => x.template === 'office-holder');
  const opts = q.prompt.options ?? [];

  it('the same id, the same label or another name of an option', () => {
    expect(message(withOptions(q, [...opts.slice(0, 2), { ...(opts[0] as Choice) }]), 'C2')).toBe(
      'duplicate option id',
    );
    expect(
      message(
        withOptions(q, [
          ...opts.slice(0, 2),
          { id: 'other', label: ` ${opts[0]?.label.toUpperCase()} ` },
        ]),
        'C2',
      ),
    ).toBe('duplicate option label');
    // An option named by another option's KB name (here under a made-up label).
    const aliased = withOptions(q, [
      { id: 'hafez-al-assad', label: 'H. Assad' },
      { id: 'imad-khamis', label: 'Hafez al-Assad' },
      ...opts.filter((o) => o.id !== 'hafez-al-assad' && o.id !== 'imad-khamis').slice(0, 1),
    ]);
    expect(message(aliased, 'C2')).toBe('"Hafez al-Assad" is another name of "H. Assad"');
  });

  it('looks in items and targets too', () => {
    const chrono = byType('CHRONOLOGY');
    const items = chrono.prompt.items ?? [];
    const dup = {
      ...clone(chrono),
      prompt: { items: [...items.slice(0, 3), { ...(items[0] as Choice) }] },
    };
    expect(message(dup, 'C2')).toBe('duplicate option id');
    const matching = byType('MATCHING');
    const targets = matching.prompt.targets ?? [];
    const dupTargets = {
      ...clone(matching),
      prompt: {
        ...matching.prompt,
        targets: [
          targets[0] as Choice,
          { ...(targets[1] as Choice), label: targets[0]?.label as string },
          targets[2] as Choice,
        ],
      },
    };
    expect(message(dupTargets, 'C2')).toBe('duplicate option label');
  });
});

describe('C3 all/none of the above', () => {
  const q = first((x) => x.type === 'YEAR_EVENT');
  const opts = q.prompt.options ?? [];
  const distractorAt = opts.findIndex((o) => !(q.key.optionIds ?? []).includes(o.id));
  const relabel = (label: string) =>
    withOptions(
      q,
      opts.map((o, i) => (i === distractorAt ? { ...o, label } : o)),
    );
  it.each([
    ['All of the above', true],
    ['None of these', true],
    ['all of above', true],
    ['Both Iraq and Libya', true],
    ['A and B', true],
    ['A and E', false],
    ['Above all, Iraq', false],
    ['None of them', false],
    ['Iran and Syria sign a pact', false],
  ])('"%s" blocks: %s', (label, blocked) => {
    expect(blocks(relabel(label), 'C3')).toBe(blocked);
    if (blocked) {
      expect(message(relabel(label), 'C3')).toBe('"all/none of the above" style option');
    }
  });
});

describe('C4 one kind of option; Arab states only for an Arab-states stem', () => {
  const flagship = first((q) => q.template === 'stance-single');
  const opts = flagship.prompt.options ?? [];

  it('the flagship passes; a non-Arab state among its options blocks', () => {
    expect(blocks(flagship, 'C4')).toBe(false);
    for (const state of ['iran', 'israel']) {
      const swapped = withOptions(flagship, [
        ...opts.slice(0, 3),
        { id: state, label: state === 'iran' ? 'Iran' : 'Israel' },
      ]);
      expect(message(swapped, 'C4')).toBe('a non-Arab state among Arab-state options');
    }
    const plural = {
      ...withOptions(flagship, [...opts.slice(0, 3), { id: 'iran', label: 'Iran' }]),
      stem: 'Which of these Arab states sided with Iran?',
    };
    expect(blocks(plural, 'C4')).toBe(true);
    const otherStem = {
      ...withOptions(flagship, [...opts.slice(0, 3), { id: 'iran', label: 'Iran' }]),
      stem: 'Which state sided with Iran during the war?',
    };
    expect(blocks(otherStem, 'C4')).toBe(false);
  });

  it('unknown and mixed kinds block', () => {
    expect(
      message(
        withOptions(flagship, [...opts.slice(0, 3), { id: 'atlantis', label: 'Atlantis' }]),
        'C4',
      ),
    ).toBe('an option is not a KB entity');
    expect(
      message(withOptions(flagship, [...opts.slice(0, 3), { id: 'y1980', label: '1980' }]), 'C4'),
    ).toBe('mixed option kinds: actor:STATE, year');
    expect(blocks(withOptions(flagship, []), 'C4')).toBe(false);
    const kinds = withOptions(flagship, [
      { id: 'early-relations', label: 'Early relations' },
      { id: 'diplomatic-relations', label: 'Relations' },
      { id: 'true', label: 'True' },
      { id: 'amt-1', label: '$1bn' },
    ]);
    expect(message(kinds, 'C4')).toBe('mixed option kinds: era, event, bool, amount');
  });
});

describe('C5 the key is not conspicuously long', () => {
  const q = first((x) => x.type === 'YEAR_EVENT');
  const keyId = q.key.optionIds?.[0] as string;
  const distractorIds = (q.prompt.options ?? []).map((o) => o.id).filter((id) => id !== keyId);
  const sized = (key: number, ...others: number[]) =>
    withOptions(q, [
      { id: keyId, label: 'k'.repeat(key) },
      ...distractorIds.map((id, i) => ({
        id,
        label: String.fromCharCode(97 + i).repeat(others[i] ?? 10),
      })),
    ]);

  it('over 1.5× the mean distractor blocks; exactly 1.5× does not', () => {
    expect(blocks(sized(15, 10, 10, 10), 'C5')).toBe(false);
    expect(message(sized(16, 10, 10, 10), 'C5')).toBe('key is 1.60× the mean distractor length');
  });

  it('over 1.25× the longest distractor and more than 8 characters longer blocks', () => {
    expect(message(sized(51, 40, 40, 40), 'C5')).toBe(
      'key is the longest option by a clear margin',
    );
    expect(blocks(sized(50, 40, 40, 40), 'C5')).toBe(false);
    expect(blocks(sized(29, 20, 20, 20), 'C5')).toBe(true);
    expect(blocks(sized(28, 20, 20, 20), 'C5')).toBe(false);
  });

  it('does not judge true/false, timelines, select-all or year distractors', () => {
    expect(blocks({ ...sized(40, 10, 10, 10), type: 'TRUE_FALSE' }, 'C5')).toBe(false);
    expect(blocks({ ...sized(40, 10, 10, 10), type: 'TIMELINE_PLACEMENT' }, 'C5')).toBe(false);
    const multi = {
      ...sized(40, 10, 10, 10),
      key: { ...q.key, optionIds: [keyId, distractorIds[0] as string] },
    };
    expect(blocks(multi, 'C5')).toBe(false);
    const years = withOptions(q, [
      { id: keyId, label: 'k'.repeat(40) },
      ...distractorIds.map((_id, i) => ({ id: `y19${50 + i}`, label: `19${50 + i}` })),
    ]);
    expect(blocks(years, 'C5')).toBe(false);
    expect(blocks({ ...sized(40, 10, 10, 10), type: 'SHORT_ANSWER' }, 'C5')).toBe(false);
  });
});

describe('C9 no option inside another', () => {
  const q = first((x) => x.type === 'YEAR_EVENT');
  const opts = q.prompt.options ?? [];
  it('a label contained in another blocks; years are exempt', () => {
    const contained = withOptions(q, [
      ...opts.slice(0, 3),
      { ...(opts[3] as Choice), label: (opts[0]?.label ?? '').split(' ').slice(0, 3).join(' ') },
    ]);
    expect(message(contained, 'C9')).toMatch(/^".+" is contained in ".+"$/);
    expect(blocks(q, 'C9')).toBe(false);
    const ey = first((x) => x.type === 'EVENT_YEAR');
    expect(blocks(ey, 'C9')).toBe(false);
  });
});

describe('C10 years ascending, periods in time order', () => {
  const ey = first((x) => x.type === 'EVENT_YEAR');
  const years = ey.prompt.options ?? [];
  it('years', () => {
    expect(blocks(ey, 'C10')).toBe(false);
    expect(message(withOptions(ey, [...years].reverse()), 'C10')).toBe(
      'years not in ascending order',
    );
    const equal = withOptions(ey, [
      years[0] as Choice,
      { id: 'y1946', label: years[0]?.label as string },
      ...years.slice(2),
    ]);
    expect(blocks(equal, 'C10')).toBe(true);
  });
  it('periods', () => {
    const tl = byType('TIMELINE_PLACEMENT');
    const eras = tl.prompt.options ?? [];
    expect(blocks(tl, 'C10')).toBe(false);
    expect(message(withOptions(tl, [...eras].reverse()), 'C10')).toBe('periods not in time order');
  });
});

describe('C14 and C16 surface forms of years and names', () => {
  const ey = first((x) => x.type === 'EVENT_YEAR');
  const years = ey.prompt.options ?? [];
  const keyLabel = years.find((o) => ey.key.optionIds?.includes(o.id))?.label as string;

  it('a year distractor equal to the key blocks', () => {
    const twin = withOptions(
      ey,
      years
        .map((o) => (ey.key.optionIds?.includes(o.id) ? o : { ...o, label: keyLabel }))
        .slice(0, 2)
        .concat(years.slice(2)),
    );
    expect(found(twin, 'C14').map((f) => f.message)).toContain(
      `distractor ${keyLabel} equals the key`,
    );
    expect(blocks(ey, 'C14')).toBe(false);
  });

  it('state names short, people "Given Family", years four digits', () => {
    const flagship = first((q) => q.template === 'stance-single');
    const opts = flagship.prompt.options ?? [];
    const long = withOptions(flagship, [
      { ...(opts[0] as Choice), label: 'Syrian Arab Republic' },
      ...opts.slice(1),
    ]);
    expect(message(long, 'C16')).toBe(
      `"Syrian Arab Republic" is not the short form "${(opts[0] as Choice).label}"`,
    );
    const yearLabel = withOptions(ey, [
      { ...(years[0] as Choice), label: '46' },
      ...years.slice(1),
    ]);
    expect(message(yearLabel, 'C16')).toBe('year option "46" is not a four-digit year');
    expect(blocks(flagship, 'C16')).toBe(false);
    expect(blocks(ey, 'C16')).toBe(false);
  });
});

/**
 * The gate's option checks (C1–C16) case by case, each pinned at its boundary, on the small
 * fixture KB: a check made stricter or looser, or a message changed, fails a case here (the
 * real-bank flaw injection in gate.mutation.test.ts shows each flaw is caught; this shows the
 * checks stop exactly where they should).
 *
 * The cases start from the templates' drafts, not from the built bank: the bank is filtered by
 * these very checks, so a check made stricter would only shrink it and no case built on it would
 * fail (issue 11: 38% mutation score). Every check runs inside a test, never at load time.
 */
import { kbSmall } from '../../../../test/fixtures/kb-small';
import { buildKbIndex, seededRng, TEMPLATES } from '../generator';
import { finalise } from '../generator/build-bank';
import type { KbIndex } from '../generator/kb-index';
import { type BankQuestion, type Choice, QUESTION_TYPES } from '../types';
import { checkQuestion } from '.';

const idx = buildKbIndex(kbSmall);
const rng = seededRng(1);
const drafts = TEMPLATES.flatMap((t) =>
  t
    .generate(idx)
    .flat()
    .map((d) => finalise(d, rng)),
);
const clone = (q: BankQuestion): BankQuestion => JSON.parse(JSON.stringify(q)) as BankQuestion;

/** Every finding; a check that crashed (F5) fails the case, as a crash is no verdict. */
const findings = (q: BankQuestion, kb: KbIndex = idx) => {
  const all = checkQuestion(q, kb);
  const crashed = all.filter((f) => f.id === 'F5' && f.message.startsWith('check crashed'));
  expect(crashed).toEqual([]);
  // A passing check returns no finding at all, never a malformed one.
  expect(all.filter((f) => typeof f.id !== 'string' || typeof f.message !== 'string')).toEqual([]);
  return all;
};
const found = (q: BankQuestion, id: string, kb: KbIndex = idx) =>
  findings(q, kb).filter((f) => f.id === id && f.severity === 'BLOCK');
const blocks = (q: BankQuestion, id: string, kb: KbIndex = idx) => found(q, id, kb).length > 0;
const message = (q: BankQuestion, id: string, kb: KbIndex = idx) =>
  found(q, id, kb).map((f) => f.message)[0];

/** The first draft of this kind the whole gate accepts (checked inside the calling test). */
const first = (pred: (q: BankQuestion) => boolean): BankQuestion => {
  const q = drafts.find(
    (x) => pred(x) && checkQuestion(x, idx).every((f) => f.severity !== 'BLOCK'),
  );
  if (!q) {
    throw new Error('the fixture drafts lack a clean question of this kind');
  }
  return clone(q);
};
const byType = (type: BankQuestion['type']) => first((q) => q.type === type);
const longest = (type: BankQuestion['type']) =>
  first((q) => q.type === type && (q.prompt.items ?? []).length === 5);
const draftById = (id: string): BankQuestion => {
  const q = drafts.find((x) => x.id === id);
  if (!q) {
    throw new Error(`no draft ${id}`);
  }
  return clone(q);
};

const withOptions = (q: BankQuestion, options: Choice[]): BankQuestion => ({
  ...clone(q),
  prompt: { ...q.prompt, options },
});
const opt = (id: string, label: string): Choice => ({ id, label });

describe('clean drafts of every type pass every option check', () => {
  // Every type but SHORT_ANSWER, which has no options (its C1 cases are below).
  const TYPES = QUESTION_TYPES.filter((t) => t !== 'SHORT_ANSWER');
  it.each(TYPES)('%s', (type) => {
    const q = byType(type);
    const ids = ['C1', 'C2', 'C3', 'C4', 'C5', 'C9', 'C10', 'C13', 'C14', 'C16'];
    expect(findings(q).filter((f) => ids.includes(f.id))).toEqual([]);
  });

  it('every draft the gate accepts for C5 ... is also accepted by each option check alone', () => {
    // The rejected drafts are C5's alone (see the C5 cases); nothing else in the fixture trips.
    const rejected = drafts
      .flatMap((q) =>
        checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK' && f.id[0] === 'C'),
      )
      .map((f) => f.id);
    expect([...new Set(rejected)]).toEqual(['C5']);
  });
});

describe('C1 option counts per type', () => {
  it('true/false and which-first need exactly 2', () => {
    const tf = byType('TRUE_FALSE');
    expect(tf.prompt.options).toHaveLength(2);
    expect(blocks(tf, 'C1')).toBe(false);
    const three = withOptions(tf, [...(tf.prompt.options ?? []), opt('maybe', 'Maybe')]);
    expect(message(three, 'C1')).toBe('TRUE_FALSE needs 2 options, has 3');
    const wf = byType('WHICH_FIRST');
    expect(wf.prompt.options).toHaveLength(2);
    expect(blocks(wf, 'C1')).toBe(false);
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
    expect(message(withOptions(four, [...opts, opt('y1999', '1999')]), 'C1')).toBe(
      'needs 3–4 options, has 5',
    );
    const single = byType('OFFICE_HOLDER');
    expect(message(withOptions(single, (single.prompt.options ?? []).slice(0, 2)), 'C1')).toBe(
      'needs 3–4 options, has 2',
    );
  });

  it('chronologies need 3–5 items', () => {
    const chrono = longest('CHRONOLOGY');
    const items = chrono.prompt.items ?? [];
    expect(items.length).toBe(5);
    const withItems = (n: number) => ({ ...clone(chrono), prompt: { items: items.slice(0, n) } });
    expect(blocks(withItems(3), 'C1')).toBe(false);
    expect(blocks(withItems(5), 'C1')).toBe(false);
    expect(message(withItems(2), 'C1')).toBe('chronology needs 3–5 items, has 2');
    const six = { ...clone(chrono), prompt: { items: [...items, opt('x', 'X')] } };
    expect(message(six, 'C1')).toBe('chronology needs 3–5 items, has 6');
    expect(message({ ...clone(chrono), prompt: {} }, 'C1')).toBe(
      'chronology needs 3–5 items, has 0',
    );
  });

  it('matchings need 3–4 pairs with as many targets as items', () => {
    const matching = byType('MATCHING');
    // Three pairs whatever size the first draft has (C1 counts, not which pairs).
    const items = (matching.prompt.items ?? []).slice(0, 3);
    const targets = (matching.prompt.targets ?? []).slice(0, 3);
    expect(items).toHaveLength(3);
    const m = (i: Choice[] | undefined, t: Choice[] | undefined) => ({
      ...clone(matching),
      prompt: { ...(i ? { items: i } : {}), ...(t ? { targets: t } : {}) },
    });
    const extra = (n: number, p: string) =>
      Array.from({ length: n }, (_, k) => opt(`${p}${k}`, `${p} ${k}`));
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
    expect(message(m(items, undefined), 'C1')).toBe('matching needs 3–4 pairs, has 3/0');
    expect(message(m(undefined, targets), 'C1')).toBe('matching needs 3–4 pairs, has 0/3');
  });

  it('a typed year needs its bounds', () => {
    const numeric = byType('NUMERIC_YEAR');
    expect(blocks(numeric, 'C1')).toBe(false);
    expect(message({ ...numeric, prompt: {} }, 'C1')).toBe('numeric question without bounds');
  });

  it('a typed answer needs accepted answers and no options', () => {
    const tf = byType('TRUE_FALSE');
    const typed = (options: Choice[] | undefined, answers: string[] | undefined) =>
      ({
        ...clone(tf),
        type: 'SHORT_ANSWER',
        prompt: { ...(options ? { options } : {}), answerHint: 'a state' },
        key: { rationales: tf.key.rationales, ...(answers ? { answers } : {}) },
      }) as BankQuestion;
    expect(blocks(typed(undefined, ['Iran']), 'C1')).toBe(false);
    const refused = 'a typed answer needs accepted answers and no options';
    expect(message(typed([opt('iran', 'Iran')], ['Iran']), 'C1')).toBe(refused);
    expect(message(typed(undefined, []), 'C1')).toBe(refused);
    expect(message(typed(undefined, undefined), 'C1')).toBe(refused);
  });
});

describe('C2 duplicates, alias-aware', () => {
  it('the same id, the same label or another name of an option', () => {
    const q = first((x) => x.template === 'office-holder');
    const opts = q.prompt.options ?? [];
    expect(blocks(q, 'C2')).toBe(false);
    expect(message(withOptions(q, [...opts.slice(0, 2), { ...(opts[0] as Choice) }]), 'C2')).toBe(
      'duplicate option id',
    );
    expect(
      message(
        withOptions(q, [...opts.slice(0, 2), opt('other', ` ${opts[0]?.label.toUpperCase()} `)]),
        'C2',
      ),
    ).toBe('duplicate option label');
    // An option named by another option's KB name (here under a made-up label).
    const aliased = withOptions(q, [
      opt('hafez-al-assad', 'H. Assad'),
      opt('imad-khamis', 'Hafez al-Assad'),
      ...opts.filter((o) => o.id !== 'hafez-al-assad' && o.id !== 'imad-khamis').slice(0, 1),
    ]);
    expect(message(aliased, 'C2')).toBe('"Hafez al-Assad" is another name of "H. Assad"');
    // Only an actor's KB names count: an event's id labelled by another event's title is C2-clean.
    const events = first((x) => x.type === 'YEAR_EVENT');
    expect(blocks(events, 'C2')).toBe(false);
  });

  it('looks in items and targets too', () => {
    const chrono = byType('CHRONOLOGY');
    const items = chrono.prompt.items ?? [];
    expect(blocks(chrono, 'C2')).toBe(false);
    const dup = {
      ...clone(chrono),
      prompt: { items: [...items.slice(0, 3), { ...(items[0] as Choice) }] },
    };
    expect(message(dup, 'C2')).toBe('duplicate option id');
    const dupLabel = {
      ...clone(chrono),
      prompt: { items: [...items.slice(0, 3), opt('other', items[0]?.label as string)] },
    };
    expect(message(dupLabel, 'C2')).toBe('duplicate option label');
    const matching = first((x) => x.template === 'match-offices');
    expect(blocks(matching, 'C2')).toBe(false);
    const targets = matching.prompt.targets ?? [];
    const dupTargets = {
      ...clone(matching),
      prompt: {
        ...matching.prompt,
        targets: [
          targets[0] as Choice,
          { ...(targets[1] as Choice), label: targets[0]?.label as string },
          ...targets.slice(2),
        ],
      },
    };
    expect(message(dupTargets, 'C2')).toBe('duplicate option label');
    const dupTargetIds = {
      ...clone(matching),
      prompt: {
        ...matching.prompt,
        targets: [targets[0] as Choice, { ...(targets[0] as Choice), label: 'Other' }],
      },
    };
    expect(message(dupTargetIds, 'C2')).toBe('duplicate option id');
    // Another name of a person among the matching's items.
    const people = matching.prompt.items ?? [];
    const person = people.find((i) => idx.actors.has(i.id)) as Choice;
    const aliasItems = {
      ...clone(matching),
      prompt: {
        ...matching.prompt,
        items: [...people.filter((i) => i !== person), person, opt('x-alias', person.label)],
      },
    };
    expect(message(aliasItems, 'C2')).toBe('duplicate option label');
    const renamed = {
      ...clone(matching),
      prompt: {
        ...matching.prompt,
        items: [
          ...people.filter((i) => i !== person),
          { ...person, label: 'Somebody' },
          opt('x-alias', person.label),
        ],
      },
    };
    expect(message(renamed, 'C2')).toBe(`"${person.label}" is another name of "Somebody"`);
  });
});

describe('C3 all/none of the above', () => {
  it.each([
    ['All of the above', true],
    ['None of these', true],
    ['all of above', true],
    ['NONE OF THE ABOVE', true],
    ['Both Iraq and Libya', true],
    ['Iran, both in 1980 and 1982', true],
    ['A and B', true],
    ['C and D', true],
    ['A and E', false],
    ['A and Bahrain', false],
    ['Plan A and B', false],
    ['Above all, Iraq', false],
    ['None of them', false],
    ['Overall of the above', false],
    ['All of these-days', true],
    ['Bothand and', false],
    ['Iran and Syria sign a pact', false],
  ])('"%s" blocks: %s', (label, blocked) => {
    const q = first((x) => x.type === 'YEAR_EVENT');
    const opts = q.prompt.options ?? [];
    const distractorAt = opts.findIndex((o) => !(q.key.optionIds ?? []).includes(o.id));
    const relabelled = withOptions(
      q,
      opts.map((o, i) => (i === distractorAt ? { ...o, label } : o)),
    );
    expect(message(relabelled, 'C3')).toBe(
      blocked ? '"all/none of the above" style option' : undefined,
    );
  });
});

describe('C4 one kind of option; Arab states only for an Arab-states stem', () => {
  it('the flagship passes; a non-Arab state among its options blocks', () => {
    const flagship = first((q) => q.template === 'stance-single');
    const opts = flagship.prompt.options ?? [];
    expect(blocks(flagship, 'C4')).toBe(false);
    // Iran is marked non-Arab; Israel is not marked at all: neither may stand among Arab states.
    for (const [state, label] of [
      ['iran', 'Iran'],
      ['israel', 'Israel'],
    ] as const) {
      const swapped = withOptions(flagship, [...opts.slice(0, 3), opt(state, label)]);
      expect(message(swapped, 'C4')).toBe('a non-Arab state among Arab-state options');
    }
    const withIran = withOptions(flagship, [...opts.slice(0, 3), opt('iran', 'Iran')]);
    for (const stem of [
      'Which of these Arab states sided with Iran?',
      'Which Arab state sided with Iran?',
      'which arab states sided with Iran?',
      'During the war, which Arab state sided with Iran?',
    ]) {
      expect(message({ ...withIran, stem }, 'C4')).toBe(
        'a non-Arab state among Arab-state options',
      );
    }
    for (const stem of [
      'Which state sided with Iran during the war?',
      'Which of these states sided with Iran?',
      'Which Arab statesmen sided with Iran?',
      'Which of these, all Arab states, sided with Iran?',
    ]) {
      expect(blocks({ ...withIran, stem }, 'C4')).toBe(false);
    }
  });

  it('unknown and mixed kinds block', () => {
    const flagship = first((q) => q.template === 'stance-single');
    const opts = flagship.prompt.options ?? [];
    expect(
      message(withOptions(flagship, [...opts.slice(0, 3), opt('atlantis', 'Atlantis')]), 'C4'),
    ).toBe('an option is not a KB entity');
    expect(message(withOptions(flagship, [...opts.slice(0, 3), opt('y1980', '1980')]), 'C4')).toBe(
      'mixed option kinds: actor:STATE, year',
    );
    expect(message(withOptions(flagship, [...opts.slice(0, 3), opt('y80', '80')]), 'C4')).toBe(
      'an option is not a KB entity',
    );
    expect(blocks(withOptions(flagship, []), 'C4')).toBe(false);
    const kinds = withOptions(flagship, [
      opt('early-relations', 'Early relations'),
      opt('diplomatic-relations', 'Relations'),
      opt('true', 'True'),
      opt('amt-1', '$1bn'),
    ]);
    expect(message(kinds, 'C4')).toBe('mixed option kinds: era, event, bool, amount');
    const people = withOptions(flagship, [
      opt('hafez-al-assad', 'Hafez al-Assad'),
      opt('false', 'False'),
      opt('why-a', 'to keep a land route'),
    ]);
    expect(message(people, 'C4')).toBe('mixed option kinds: actor:PERSON, bool, explanation');
    const prefixes = withOptions(flagship, [
      opt('what-a', 'the alliance'),
      opt('fig-a', 'Debt Syria owed Iran'),
      opt('topic-a', 'the war'),
      opt('src-a', 'IranWire'),
    ]);
    expect(message(prefixes, 'C4')).toBe('mixed option kinds: explained, figure, topic, outlet');
    for (const id of ['xwhy-a', 'xamt-1', 'xfig-a', 'xtopic-a', 'xsrc-a', 'xwhat-a', 'truth']) {
      expect(message(withOptions(flagship, [opt(id, 'X'), ...opts.slice(1)]), 'C4')).toBe(
        'an option is not a KB entity',
      );
    }
  });

  it('options of one kind pass, whatever the kind', () => {
    const flagship = first((q) => q.template === 'stance-single');
    for (const ids of [
      ['why-a', 'why-b', 'why-c'],
      ['fig-a', 'fig-b', 'fig-c'],
      ['amt-1', 'amt-2', 'amt-3'],
      ['src-a', 'src-b', 'src-c'],
    ]) {
      const same = withOptions(
        flagship,
        ids.map((id, i) => opt(id, `option ${'abc'[i]}`)),
      );
      expect(blocks({ ...same, stem: 'What did this aim explain?' }, 'C4')).toBe(false);
    }
  });
});

describe('C5 the key is not conspicuously long', () => {
  const sized = (key: number, ...others: number[]) => {
    const q = first((x) => x.type === 'YEAR_EVENT');
    const keyId = q.key.optionIds?.[0] as string;
    const distractorIds = (q.prompt.options ?? []).map((o) => o.id).filter((id) => id !== keyId);
    return withOptions(q, [
      opt(keyId, 'k'.repeat(key)),
      ...distractorIds.map((id, i) => opt(id, String.fromCharCode(97 + i).repeat(others[i] ?? 10))),
    ]);
  };

  it('the fixture drafts it refuses: Saudi Arabia among Lebanon, Algeria and Libya', () => {
    const saudi = draftById('q_59500d6a98670b59f0cb');
    expect(saudi.stem).toBe(
      'Which of these Arab states isolated Syria during the Iran–Iraq War (1980–88)?',
    );
    expect(message(saudi, 'C5')).toBe('key is 1.89× the mean distractor length');
    // Its other draft (other wrong states). The year-event drafts that stood here (1.55×, and the
    // 1984 meeting's long title) are gone since audit 31 picks the nearest years' events.
    expect(message(draftById('q_1d7cd0535f2dc8bea2e0'), 'C5')).toBe(
      'key is 1.71× the mean distractor length',
    );
    expect(message(draftById('q_464c60fc58cd955e3d10'), 'C5')).toBe(
      'key is the longest option by a clear margin',
    );
    expect(message(draftById('q_2bd0e2c100246e43369a'), 'C5')).toBe(
      'key is the longest option by a clear margin',
    );
  });

  it('over 1.5× the mean distractor blocks; exactly 1.5× does not', () => {
    expect(blocks(sized(15, 10, 10, 10), 'C5')).toBe(false);
    expect(message(sized(16, 10, 10, 10), 'C5')).toBe('key is 1.60× the mean distractor length');
    expect(message(sized(16, 4, 10, 16), 'C5')).toBe('key is 1.60× the mean distractor length');
    expect(blocks(sized(15, 5, 10, 15), 'C5')).toBe(false);
  });

  it('over 1.25× the longest distractor and more than 8 characters longer blocks', () => {
    expect(message(sized(51, 40, 40, 40), 'C5')).toBe(
      'key is the longest option by a clear margin',
    );
    expect(blocks(sized(50, 40, 40, 40), 'C5')).toBe(false);
    expect(message(sized(29, 20, 20, 20), 'C5')).toBe(
      'key is the longest option by a clear margin',
    );
    expect(blocks(sized(28, 20, 20, 20), 'C5')).toBe(false);
    // 1.43× the longest but only 3 characters longer: short labels pass.
    expect(blocks(sized(10, 7, 7, 7), 'C5')).toBe(false);
    // Measured against the longest distractor, not the shortest.
    expect(blocks(sized(30, 30, 20, 10), 'C5')).toBe(false);
    expect(blocks(sized(30, 10, 20, 30), 'C5')).toBe(false);
  });

  it('does not judge true/false, timelines, select-all, typed answers or year distractors', () => {
    const long = sized(40, 10, 10, 10);
    expect(message(long, 'C5')).toBe('key is 4.00× the mean distractor length');
    expect(blocks({ ...long, type: 'TRUE_FALSE' }, 'C5')).toBe(false);
    expect(blocks({ ...long, type: 'TIMELINE_PLACEMENT' }, 'C5')).toBe(false);
    expect(blocks({ ...long, type: 'SHORT_ANSWER' }, 'C5')).toBe(false);
    expect(blocks({ ...long, type: 'CHRONOLOGY' }, 'C5')).toBe(false);
    expect(message({ ...long, type: 'SINGLE_CHOICE' }, 'C5')).toBe(
      'key is 4.00× the mean distractor length',
    );
    const [keyId, d1] = (long.prompt.options ?? []).map((o) => o.id);
    expect(
      blocks({ ...long, key: { ...long.key, optionIds: [keyId as string, d1 as string] } }, 'C5'),
    ).toBe(false);
    expect(blocks({ ...long, key: { ...long.key, optionIds: [] } }, 'C5')).toBe(false);
    // A key that is not among the options, or no distractor at all: nothing to compare.
    expect(blocks({ ...long, key: { ...long.key, optionIds: ['elsewhere'] } }, 'C5')).toBe(false);
    expect(blocks(withOptions(long, (long.prompt.options ?? []).slice(0, 1)), 'C5')).toBe(false);
    const years = withOptions(long, [
      (long.prompt.options ?? [])[0] as Choice,
      opt('y1950', '1950'),
      opt('y1951', '1951'),
      opt('y1952', '1952'),
    ]);
    expect(blocks(years, 'C5')).toBe(false);
    // One year among worded distractors does not exempt the rest.
    const someYears = withOptions(long, [
      (long.prompt.options ?? [])[0] as Choice,
      opt('y1950', '1950'),
      ...(long.prompt.options ?? []).slice(2),
    ]);
    expect(blocks(someYears, 'C5')).toBe(true);
  });
});

describe('C9 no option inside another', () => {
  it('a label contained in another blocks; years are exempt', () => {
    const q = first((x) => x.type === 'YEAR_EVENT');
    const opts = q.prompt.options ?? [];
    expect(blocks(q, 'C9')).toBe(false);
    const part = (opts[0]?.label ?? '').split(' ').slice(0, 3).join(' ');
    const contained = withOptions(q, [
      ...opts.slice(0, 3),
      { ...(opts[3] as Choice), label: part },
    ]);
    expect(message(contained, 'C9')).toBe(`"${part}" is contained in "${opts[0]?.label}"`);
    const ey = first((x) => x.type === 'EVENT_YEAR');
    expect(blocks(ey, 'C9')).toBe(false);
    // Twin year labels are C14's to report (the key repeated), not C9's.
    const years = ey.prompt.options ?? [];
    const twin = withOptions(ey, [
      years[0] as Choice,
      { ...(years[1] as Choice), label: years[0]?.label as string },
      ...years.slice(2),
    ]);
    expect(blocks(twin, 'C9')).toBe(false);
  });

  it('a label with no words is contained in nothing', () => {
    const q = first((x) => x.type === 'YEAR_EVENT');
    const opts = q.prompt.options ?? [];
    expect(
      blocks(withOptions(q, [...opts.slice(0, 3), { ...(opts[3] as Choice), label: '—' }]), 'C9'),
    ).toBe(false);
  });
});

describe('C10 years ascending, periods in time order', () => {
  it('years', () => {
    const ey = first((x) => x.type === 'EVENT_YEAR');
    const years = ey.prompt.options ?? [];
    expect(blocks(ey, 'C10')).toBe(false);
    expect(message(withOptions(ey, [...years].reverse()), 'C10')).toBe(
      'years not in ascending order',
    );
    const swappedLast = [...years.slice(0, -2), years.at(-1) as Choice, years.at(-2) as Choice];
    expect(message(withOptions(ey, swappedLast), 'C10')).toBe('years not in ascending order');
    const equal = withOptions(ey, [
      years[0] as Choice,
      opt('y1946', years[0]?.label as string),
      ...years.slice(2),
    ]);
    expect(message(equal, 'C10')).toBe('years not in ascending order');
    // Years among other kinds are C4's to report.
    const mixed = withOptions(ey, [
      opt('y2000', '2000'),
      opt('uprising', 'Syrian uprising'),
      opt('y1990', '1990'),
    ]);
    expect(blocks(mixed, 'C10')).toBe(false);
  });

  it('periods', () => {
    const tl = byType('TIMELINE_PLACEMENT');
    const eras = tl.prompt.options ?? [];
    expect(blocks(tl, 'C10')).toBe(false);
    expect(message(withOptions(tl, [...eras].reverse()), 'C10')).toBe('periods not in time order');
    const swappedLast = [...eras.slice(0, -2), eras.at(-1) as Choice, eras.at(-2) as Choice];
    expect(message(withOptions(tl, swappedLast), 'C10')).toBe('periods not in time order');
    expect(message(withOptions(tl, [eras[0] as Choice, eras[0] as Choice]), 'C10')).toBe(
      'periods not in time order',
    );
    const mixed = withOptions(tl, [
      ...eras.slice(0, 2).reverse(),
      opt('uprising', 'Syrian uprising'),
    ]);
    expect(blocks(mixed, 'C10')).toBe(false);
  });
});

describe('C13 no anachronistic actor', () => {
  it('Bashar al-Assad (first seen in 2000) is refused as a President of Syria in 1984', () => {
    // Built from any office-holder draft: since audit 15 the template offers no holder from
    // decades away, so "Bashar, Hafez al-Assad or Fawzi Selou in 2006" is no draft any more.
    const base = first((x) => x.type === 'OFFICE_HOLDER');
    const q: BankQuestion = {
      ...base,
      stem: 'Who was President of Syria in 2006?',
      prompt: {
        ...base.prompt,
        options: [
          opt('bashar-al-assad', 'Bashar al-Assad'),
          opt('hafez-al-assad', 'Hafez al-Assad'),
          opt('fawzi-selou', 'Fawzi Selou'),
        ],
      },
      key: { ...base.key, optionIds: ['bashar-al-assad'] },
    };
    expect(blocks(q, 'C13')).toBe(false);
    const in1984 = { ...q, stem: 'Who was President of Syria in 1984?' };
    expect(message(in1984, 'C13')).toBe(
      '"Bashar al-Assad" is not in public life at the stem\'s time',
    );
    const without = withOptions(
      in1984,
      (q.prompt.options ?? []).map((o) =>
        o.id === 'bashar-al-assad' ? opt('imad-khamis', 'Imad Khamis') : o,
      ),
    );
    expect(message(without, 'C13')).toBe('"Imad Khamis" is not in public life at the stem\'s time');
    // Hafez al-Assad and Fawzi Selou were; states are never anachronistic here.
    const earlier = withOptions(in1984, [
      opt('hafez-al-assad', 'Hafez al-Assad'),
      opt('fawzi-selou', 'Fawzi Selou'),
      opt('israel', 'Israel'),
    ]);
    expect(found(earlier, 'C13')).toEqual([]);
  });
});

describe('C14 year distractors', () => {
  it('a year distractor equal to the key blocks', () => {
    const ey = first((x) => x.type === 'EVENT_YEAR');
    const years = ey.prompt.options ?? [];
    const keyLabel = years.find((o) => ey.key.optionIds?.includes(o.id))?.label as string;
    const twin = withOptions(
      ey,
      years.map((o) => (ey.key.optionIds?.includes(o.id) ? o : { ...o, label: keyLabel })),
    );
    expect(message(twin, 'C14')).toBe(`distractor ${keyLabel} equals the key`);
    expect(blocks(ey, 'C14')).toBe(false);
  });

  it('a year inside an event dated only to its decade blocks; years outside it pass', () => {
    const ey = first((x) => x.type === 'EVENT_YEAR' && x.factIds[0] === 'event:islamic-revolution');
    const decade = buildKbIndex({
      ...kbSmall,
      events: kbSmall.events.map((e) =>
        e.slug === 'islamic-revolution'
          ? { ...e, start: { value: '1970', precision: 'DECADE' } }
          : e,
      ),
    });
    const asked = (key: number, ...ys: number[]) => ({
      ...withOptions(
        ey,
        [key, ...ys].sort().map((y) => opt(`y${y}`, String(y))),
      ),
      key: { ...ey.key, optionIds: [`y${key}`] },
    });
    // Dated "1970s", the revolution could be in any of 1970–79.
    expect(message(asked(1979, 1975, 1990), 'C14', decade)).toBe(
      "distractor 1975 lies inside the key's date uncertainty",
    );
    expect(message(asked(1979, 1970, 1990), 'C14', decade)).toBe(
      "distractor 1970 lies inside the key's date uncertainty",
    );
    expect(message(asked(1975, 1969, 1979), 'C14', decade)).toBe(
      "distractor 1979 lies inside the key's date uncertainty",
    );
    expect(found(asked(1979, 1969, 1980, 1990), 'C14', decade)).toEqual([]);
    // The same years against the exact 1979 date: only the key's own year is inside it.
    expect(found(asked(1979, 1975, 1990), 'C14')).toEqual([]);
    expect(found(asked(1979, 1978, 1980), 'C14')).toEqual([]);
    expect(message(asked(1975, 1979, 1990), 'C14')).toBe(
      "distractor 1979 lies inside the key's date uncertainty",
    );
  });
});

describe('C16 surface forms of years and names', () => {
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
    const ey = first((x) => x.type === 'EVENT_YEAR');
    const years = ey.prompt.options ?? [];
    const yearLabel = withOptions(ey, [
      { ...(years[0] as Choice), label: '46' },
      ...years.slice(1),
    ]);
    expect(message(yearLabel, 'C16')).toBe('year option "46" is not a four-digit year');
    const otherYear = withOptions(ey, [
      { ...(years[0] as Choice), label: '1901' },
      ...years.slice(1),
    ]);
    expect(message(otherYear, 'C16')).toBe('year option "1901" is not a four-digit year');
    expect(blocks(flagship, 'C16')).toBe(false);
    expect(blocks(ey, 'C16')).toBe(false);
    // Events and eras keep their titles.
    expect(
      blocks(
        first((x) => x.type === 'YEAR_EVENT'),
        'C16',
      ),
    ).toBe(false);
  });

  it('a person the KB names by title or one word is refused', () => {
    const q = first((x) => x.template === 'office-holder');
    const person = (q.prompt.options ?? []).find((o) => o.id !== q.key.optionIds?.[0]) as Choice;
    for (const name of ['President Hafez al-Assad', 'Sheikh Imad Khamis', 'Khamis']) {
      const renamed = buildKbIndex({
        ...kbSmall,
        actors: kbSmall.actors.map((a) => (a.slug === person.id ? { ...a, name } : a)),
      });
      const relabelled = withOptions(
        q,
        (q.prompt.options ?? []).map((o) => (o.id === person.id ? { ...o, label: name } : o)),
      );
      expect(message(relabelled, 'C16', renamed)).toBe(
        `person option "${name}" is not "Given Family"`,
      );
    }
  });
});

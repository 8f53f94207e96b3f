/**
 * The audit checks' (S1–S11) remaining lines, found by Stryker (issue 11, 7 Dec 2026): a case per
 * alternative of the PLUMBING and EDITORIAL patterns, per template-specific branch of S4, per verb of
 * S11's split, per student text S7 reads, per date certainty, and the message each check prints.
 * A case sits one step either side of the line (a clean item passes, the broken one is blocked).
 * Items come from a few templates' drafts, never the built bank (see audit-checks.test.ts).
 */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import { buildKbIndex } from '../generator';
import type { KbIndex } from '../generator/kb-index';
import { loadKbFiles } from '../generator/load-kb-files';
import type { BankQuestion } from '../types';
import { auditCases } from './audit-cases.test-utils';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
const DRAFT_TEMPLATES = new Set([
  'stance-single',
  'office-state',
  'arab-states',
  'true-false',
  'event-year',
  'year-event',
  'numeric-year',
  'chronology',
  'which-first',
  'who-said',
  'match-years',
]);
const { drafts, findings, blocks, clone, clean } = auditCases(idx, DRAFT_TEMPLATES, 7, {
  strict: true,
});
const eventYear = () => clean((x) => x.type === 'EVENT_YEAR');
const withExplanation = (q: BankQuestion, text: string): BankQuestion => ({
  ...clone(q),
  explanation: text,
});
/** An index of the KB with one event changed (the KB has no such date of its own). */
const withEvent = (
  slug: string,
  change: (e: KnowledgeBase['events'][number]) => KnowledgeBase['events'][number],
): KbIndex =>
  buildKbIndex({ ...kb, events: kb.events.map((e) => (e.slug === slug ? change(e) : e)) });
/** A wrong option swapped for another id and label, its rationale following it. */
const swapDistractor = (q: BankQuestion, id: string, label: string, n = 0): BankQuestion => {
  const r = clone(q);
  const d = (r.prompt.options ?? []).filter((o) => !r.key.optionIds?.includes(o.id))[n];
  if (!d) {
    throw new Error('no distractor');
  }
  const rationale = r.key.rationales.find((x) => x.ref === d.id);
  d.id = id;
  d.label = label;
  if (rationale) {
    rationale.ref = id;
  }
  return r;
};

describe('S1: the own year is not another occurrence', () => {
  it('leaves a false-keyed statement of the event’s own year alone, blocks a sibling’s year', () => {
    const q = clean((x) => x.type === 'TRUE_FALSE' && x.template === 'true-false');
    q.factIds = ['event:khamenei-raisi-meet-assad'];
    q.key = { ...q.key, optionIds: ['false'] };
    q.stem = 'True or false: Ali Khamenei and Ebrahim Raisi met Bashar al-Assad in 2022.';
    expect(blocks(q)).not.toContain('S1');
    expect(blocks({ ...q, stem: q.stem.replace('2022', '2024') })).toContain('S1');
    expect(blocks({ ...q, factIds: ['khamenei-raisi-meet-assad'] })).not.toContain('S1');
    const numeric = clean((x) => x.type === 'NUMERIC_YEAR');
    expect(
      blocks({ ...numeric, factIds: ['event:khamenei-raisi-meet-assad'], stem: q.stem }),
    ).not.toContain('S1');
    expect(
      blocks({
        ...q,
        factIds: ['khamenei-raisi-meet-assad'],
        stem: q.stem.replace('2022', '1984'),
      }),
    ).toContain('S1');
  });
});

describe('S2: every year type, and the certainty of start and end', () => {
  const inexact = 'gaza-war-begins';
  it.each(['EVENT_YEAR', 'NUMERIC_YEAR'] as const)(
    'blocks %s asking an inferred date by its key fact',
    (type) => {
      const q = clean((x) => x.type === type);
      expect(blocks(q)).not.toContain('S2');
      expect(blocks({ ...q, factIds: [`event:${inexact}`] })).toContain('S2');
    },
  );

  it.each(['YEAR_EVENT', 'WHICH_FIRST'] as const)(
    'blocks %s offering an event of an approximate date as a wrong option',
    (type) => {
      const q = clean((x) => x.type === type);
      expect(blocks(q)).not.toContain('S2');
      expect(
        blocks(swapDistractor(q, 'iran-escalates-syria-intervention', 'Iran escalates')),
      ).toContain('S2');
    },
  );

  it('leaves a single-choice item on an inferred event alone (it asks no date)', () => {
    const q = clean((x) => x.type === 'SINGLE_CHOICE');
    expect(blocks({ ...q, factIds: [`event:${inexact}`] })).not.toContain('S2');
  });

  it('counts an explicit EXACT as exact, and an inferred end as not', () => {
    const q = eventYear();
    const slug = (q.factIds[0] ?? '').replace(/^event:/, '');
    const start = idx.events.get(slug)?.start;
    if (!start) {
      throw new Error('no start');
    }
    expect(
      blocks(
        q,
        withEvent(slug, (e) => ({ ...e, start: { ...start, certainty: 'EXACT' } })),
      ),
    ).not.toContain('S2');
    expect(
      blocks(
        q,
        withEvent(slug, (e) => ({ ...e, end: { ...start, certainty: 'EXACT' } })),
      ),
    ).not.toContain('S2');
    expect(
      blocks(
        q,
        withEvent(slug, (e) => ({ ...e, end: { ...start, certainty: 'INFERRED' } })),
      ),
    ).toContain('S2');
  });
});

describe('S3: eight characters, each pair of quotes on its own', () => {
  const title = idx.events.get('consulate-strike-damascus')?.title ?? '';
  it('leaves eight dots in quotes alone', () => {
    expect(blocks({ ...eventYear(), stem: 'When did “........” happen?' })).not.toContain('S3');
  });

  it('blocks the headline’s first eight characters, and a headline after another quotation', () => {
    expect(blocks({ ...eventYear(), stem: `When did “${title.slice(0, 8)}” happen?` })).toContain(
      'S3',
    );
    // Straight quotes pair up in order: the closing quote of "the" opens nothing (it did, and
    // hid the headline, before 7 Dec 2026).
    expect(blocks({ ...eventYear(), stem: `Was “the” strike, “${title}”, in 2024?` })).toContain(
      'S3',
    );
    expect(
      blocks({ ...eventYear(), stem: `Was “the strike of 2024”, “${title}”, known?` }),
    ).toContain('S3');
    expect(blocks({ ...eventYear(), stem: `Was "the" strike, "${title}", in 2024?` })).toContain(
      'S3',
    );
  });
});

describe('S4: names of more than three letters, Arab states, nationality', () => {
  const stance = () =>
    clean((x) => x.template === 'stance-single' && !/Emirates|UAE/.test(JSON.stringify(x)));
  it('blocks the Emirates named in full in the stem and offered, not "UAE" (three letters)', () => {
    const q = swapDistractor(stance(), 'united-arab-emirates', 'United Arab Emirates');
    expect(blocks({ ...q, stem: `${q.stem} (as the UAE did)` })).not.toContain('S4');
    expect(blocks({ ...q, stem: `${q.stem} (as the United Arab Emirates did)` })).toContain('S4');
  });

  // Every draft of both templates is blocked by these very branches (one non-Arab state; the
  // nationality is the key), so the cases start from a blocked draft and move it across the line.
  const draft = (template: string): BankQuestion => {
    const q = drafts.find((x) => x.template === template);
    if (!q) {
      throw new Error(`no ${template} draft`);
    }
    return clone(q);
  };

  it('blocks an Arab-states item with one wrong option, not with two', () => {
    const q = draft('arab-states');
    const wrong = (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id));
    expect(wrong).toHaveLength(1);
    expect(blocks(q)).toContain('S4');
    const two: BankQuestion = {
      ...q,
      prompt: {
        ...q.prompt,
        options: [...(q.prompt.options ?? []), { id: 'turkey', label: 'Turkey' }],
      },
      key: {
        ...q.key,
        rationales: [
          ...q.key.rationales,
          {
            ref: 'turkey',
            isCorrect: false,
            text: 'Turkey is not an Arab state.',
            citationIds: [],
            factIds: [],
          },
        ],
      },
    };
    expect(blocks(two)).not.toContain('S4');
    expect(blocks({ ...q, template: 'stance-single' })).not.toContain('S4');
  });

  it('finds the person among the item’s actors, and blocks only when the key is their nationality', () => {
    const q = draft('office-state');
    const person = q.actorSlugs.find((s) => idx.actors.get(s)?.kind === 'PERSON') ?? '';
    const nationality = idx.actors.get(person)?.nationality ?? '';
    expect(q.key.optionIds).toEqual([nationality]);
    const stateFirst = { ...q, actorSlugs: [...q.actorSlugs.filter((s) => s !== person), person] };
    expect(blocks(stateFirst)).toContain('S4');
    const other = (q.prompt.options ?? []).find((o) => o.id !== nationality)?.id ?? '';
    expect(blocks({ ...stateFirst, key: { ...q.key, optionIds: [other] } })).not.toContain('S4');
    expect(blocks({ ...stateFirst, template: 'stance-single' })).not.toContain('S4');
  });
});

describe('S5: only the bare stem, whole, asks for an occasion', () => {
  const q = () => clean((x) => x.type === 'WHO_SAID');
  const seven = 'one two three four five six seven';
  const at = (stem: string) => ({ ...q(), stem, prompt: { ...q().prompt, quote: seven } });
  it.each([
    ['Who said these words', true],
    ['Who said these words?', true],
    ['In 2020, who said these words?', false],
    ['Asked in 2020: Who said these words?', false],
    ['Who said these words? (2020)', false],
    ['Who said these words?!', false],
  ] as const)('"%s" with a seven-word quote blocked: %s', (stem, blocked) => {
    expect(blocks(at(stem)).includes('S5')).toBe(blocked);
  });
});

describe('S6: the key sentence’s length line (over 20 characters)', () => {
  it('blocks a 21-character key sentence repeated, not a 20-character one', () => {
    const q = clean((x) => x.type === 'SINGLE_CHOICE' && x.key.rationales.length > 2);
    const key = q.key.rationales.find((r) => r.isCorrect);
    const wrong = q.key.rationales.find((r) => !r.isCorrect);
    if (!key || !wrong) {
      throw new Error('no rationales');
    }
    key.text = 'Syria backed Iran now. It was alone.'; // "syria backed iran now": 21
    wrong.text = 'Not this: Syria backed Iran now.';
    expect(blocks(q)).toContain('S6');
    key.text = 'Syria backed Iran so. It was alone.'; // "syria backed iran so": 20
    wrong.text = 'Not this: Syria backed Iran so.';
    expect(blocks(q)).not.toContain('S6');
  });
});

describe('S7: every PLUMBING alternative, in every text a student reads', () => {
  it.each([
    'Seen at line 30.',
    'No headline in the copy.',
    'The snippets agree.',
    'The search result says so.',
    'The search page says so.',
    'A search engine says so.',
    'The caption says so.',
    'The captions say so.',
    'The headline says so.',
    'The headlines say so.',
    'It is in the copy.',
    'The source gives no first year.',
    'The source gives no date.',
    'The source gives no year.',
    'The source gives no month.',
    'The source gives no dates for it.',
    'The source names neither.',
    'The locator says so.',
    'The citation id says so.',
    'It was published on Tuesday.',
    'It was said on Wednesday.',
    'It was reported on Thursday.',
    'It was reported on Friday.',
    'It was reported on Saturday.',
    'It was reported on Sunday.',
    'IT WAS REPORTED ON SUNDAY.',
  ])('blocks "%s"', (text) => {
    expect(blocks(withExplanation(eventYear(), text))).toContain('S7');
  });

  it.each([
    'The lines held.',
    'It was reported that Monday.',
    'The sources gave no dates.',
    'The outline of the deal.',
  ])('lets "%s" through', (text) => {
    expect(blocks(withExplanation(eventYear(), text))).not.toContain('S7');
  });

  it('reads the stem, options, items, targets and rationales', () => {
    const note = ' (paragraph at line 30)';
    const q = eventYear();
    expect(blocks({ ...q, stem: q.stem + note })).toContain('S7');
    expect(blocks(swapDistractor(q, 'y1999', `1999${note}`))).toContain('S7');
    const r = clone(q);
    const rationale = r.key.rationales[0];
    if (rationale) {
      rationale.text += note;
    }
    expect(blocks(r)).toContain('S7');
    const chronology = clean((x) => x.type === 'CHRONOLOGY');
    const items = (chronology.prompt.items ?? []).map((o, i) =>
      i === 0 ? { ...o, label: o.label + note } : o,
    );
    expect(blocks(chronology)).not.toContain('S7');
    expect(blocks({ ...chronology, prompt: { ...chronology.prompt, items } })).toContain('S7');
    const matching = clean((x) => (x.prompt.targets ?? []).length > 0);
    const targets = (matching.prompt.targets ?? []).map((o, i) =>
      i === 0 ? { ...o, label: o.label + note } : o,
    );
    expect(blocks(matching)).not.toContain('S7');
    expect(blocks({ ...matching, prompt: { ...matching.prompt, targets } })).toContain('S7');
  });
});

describe('S8: only NAME errors are printed-as-fact errors', () => {
  it('leaves the source’s wording error (kind OTHER) alone', () => {
    const other = kb.sourceErrors.find((e) => e.kind !== 'NAME');
    expect(other).toBeDefined();
    expect(
      blocks(withExplanation(eventYear(), `Officials said: ${other?.asWritten} it would stay.`)),
    ).not.toContain('S8');
  });
});

describe('S9: every EDITORIAL alternative', () => {
  it.each([
    'The source does not date it.',
    'The sources do not date it.',
    'Iran gave it (once described).',
    'Iran gave it ("once described").',
    'Iran gave it (“once described”).',
    'The place is not given.',
    'The occasions are not given.',
    'The date and place are not given.',
    'The place of the words is not given.',
    'The date not given, it stays open.',
    'Where and when she made them is not said.',
    'Where they were made is not said.',
    'Where it was made is not said.',
    "The paper's date puts it in 2024.",
    "The sources' timeline puts it in 2024.",
    "The sources' dates put it in 2024.",
    'Snippets from several publishers quote it.',
    'THE YEAR IS INFERRED.',
  ])('blocks "%s"', (text) => {
    expect(blocks(withExplanation(eventYear(), text))).toContain('S9');
  });

  it.each([
    'He was described once as a friend.',
    'Where he made them is known; who heard them is not said.',
    'Where he made them is known. Who heard them is not said.',
    'The date is given.',
  ])('lets "%s" through', (text) => {
    expect(blocks(withExplanation(eventYear(), text))).not.toContain('S9');
  });

  it('blocks an inferred day but not its month that an exact date gives; a month only when no exact date gives it', () => {
    const q = eventYear();
    expect(blocks(withExplanation(q, 'It came on 1 April 2024.'))).toContain('S9');
    expect(blocks(withExplanation(q, 'It came in April 2024.'))).not.toContain('S9');
    expect(blocks(withExplanation(q, 'It came on 7 October 2023.'))).toContain('S9');
    expect(blocks(withExplanation(q, 'It came in December 2023.'))).toContain('S9');
    expect(blocks(withExplanation(q, 'It came on 21 November 2025.'))).not.toContain('S9');
    const exact = withEvent('gaza-war-begins', (e) => ({
      ...e,
      start: { ...e.start, certainty: 'EXACT' },
    }));
    expect(blocks(withExplanation(q, 'It came on 7 October 2023.'), exact)).not.toContain('S9');
  });

  it('keeps the civil war and March 2011 apart across a semicolon, either way round', () => {
    const q = eventYear();
    for (const text of [
      'The civil war is told elsewhere. In March 2011 the crisis erupted.',
      'The civil war is told elsewhere; in March 2011 the crisis erupted.',
      'In March 2011 the crisis erupted; the civil war followed.',
    ]) {
      expect(blocks(withExplanation(q, text))).not.toContain('S9');
    }
    expect(blocks(withExplanation(q, 'The Civil War began in March 2011.'))).toContain('S9');
  });
});

describe('S10: the units of the KB’s figures', () => {
  it.each([
    ['3 rocket attacks: Claimed', true],
    ['12 agreements: Signed', true],
    ['2–3 weeks: Duration', true],
    ['244 USD: Value of goods', false],
    ['20 times:How many', false],
  ] as const)('"%s" blocked: %s', (text, blocked) => {
    expect(blocks(withExplanation(eventYear(), text)).includes('S10')).toBe(blocked);
  });
});

describe('S11: every stance verb, "during" and an attribution', () => {
  const q = () => clean((x) => x.type === 'TRUE_FALSE');
  const clause = 'When Syria joined the US-led coalition against Iraq (1990), ';
  it.each([
    [`${clause}Syria allied with the United States.`, true],
    [`${clause}Syria supported the United States.`, true],
    [`${clause}Syria opposed Iraq.`, true],
    [`${clause}Syria and Iran sided with the United States.`, true],
    [`${clause}Syria sided with Iran and the United States.`, true],
    [`According to Reuters, ${clause.toLowerCase()}Syria sided with the United States.`, true],
    ['During the war Syria fought against Iraq (1991), Syria opposed Iraq.', true],
    [
      'When Syria restored relations with Saudi Arabia (2023), Syria kept its ties with Saudi Arabia.',
      true,
    ],
    ['When Saudi Arabia cut ties with Syria (2012), Saudi Arabia isolated Syria.', true],
    [`${clause}Syria sided with Iran, not with Syria’s neighbours.`, false],
    [`${clause}Iran opposed Iraq.`, false],
    [`${clause}Iran sided with Syria and the United States.`, false],
    [`${clause}Syria and the United States sided with Iran.`, false],
    [`${clause}Syria sided with Iran for Syria.`, false],
    [`${clause}Syria praised Iraq.`, false],
  ] as const)('"%s" blocked: %s', (statement, blocked) => {
    const stem = `True or false: ${statement}`;
    expect(blocks({ ...q(), stem }).includes('S11')).toBe(blocked);
    expect(blocks({ ...q(), stem: `Note. ${stem}` })).not.toContain('S11');
  });
});

describe('each check says what it found', () => {
  it('names the year, the event, the headline, the option, the fragment and the text', () => {
    const messageOf = (q: BankQuestion, id: string, index: KbIndex = idx) =>
      findings(q, index).find((f) => f.id === id)?.message;
    const q = eventYear();
    const tf = clean((x) => x.type === 'TRUE_FALSE' && x.template === 'true-false');
    expect(
      messageOf(
        {
          ...tf,
          factIds: ['event:khamenei-raisi-meet-assad'],
          key: { ...tf.key, optionIds: ['false'] },
          stem: 'True or false: Ali Khamenei and Ebrahim Raisi met Bashar al-Assad in 1984.',
        },
        'S1',
      ),
    ).toBe('1984 is another occurrence of a recurring event');
    const ey = { ...q, factIds: ['event:hafez-khamenei-damascus-meeting'] };
    expect(messageOf(swapDistractor(ey, 'y2022', '2022'), 'S1')).toBe(
      '2022 is another occurrence of a recurring event',
    );
    expect(messageOf({ ...q, factIds: ['event:gaza-war-begins'] }, 'S2')).toBe(
      '"gaza-war-begins" has a INFERRED date',
    );
    const title = idx.events.get('consulate-strike-damascus')?.title ?? '';
    expect(messageOf({ ...q, stem: `When did “${title}” happen?` }, 'S3')).toBe(
      'the stem quotes the headline of "consulate-strike-damascus"',
    );
    const stance = swapDistractor(
      clean((x) => x.template === 'stance-single'),
      'iraq',
      'Iraq',
    );
    expect(messageOf({ ...stance, stem: `${stance.stem} Not Iraq.` }, 'S4')).toBe(
      '"Iraq" is named in the stem',
    );
    const arab = drafts.find((x) => x.template === 'arab-states');
    const office = drafts.find((x) => x.template === 'office-state');
    expect(arab && messageOf(arab, 'S4')).toBe(
      'one non-Arab state among Arab states: excluded without knowledge',
    );
    expect(office && messageOf(office, 'S4')).toBe("the person's nationality answers the question");
    const six = clean((x) => x.type === 'SINGLE_CHOICE' && x.key.rationales.length > 2);
    const key = six.key.rationales.find((r) => r.isCorrect);
    const wrong = six.key.rationales.find((r) => !r.isCorrect);
    if (key && wrong) {
      key.text = 'Syria sided with Iran in the war. It was alone.';
      wrong.text = 'Not this: Syria sided with Iran in the war.';
      expect(messageOf(six, 'S6')).toBe(`the rationale for ${wrong.ref} repeats the key`);
    }
    const long = 'x'.repeat(70);
    expect(messageOf(withExplanation(q, `${long} The snippet.`), 'S7')).toBe(
      `source plumbing in "${'x'.repeat(60)}"`,
    );
    expect(messageOf(withExplanation(q, `${long} It is undated.`), 'S9')).toBe(
      `editorial note "undated" in "${'x'.repeat(60)}"`,
    );
    expect(messageOf(withExplanation(q, `${long} 20 times: How`), 'S10')).toBe(
      `amount pasted as a label in "${'x'.repeat(60)}"`,
    );
    const who = clean((x) => x.type === 'WHO_SAID');
    expect(messageOf({ ...who, prompt: { ...who.prompt, quote: 'one two' } }, 'S5')).toBe(
      'a 2-word quote fragment',
    );
    expect(
      messageOf(
        {
          ...who,
          stem: 'Who said these words?',
          prompt: { ...who.prompt, quote: 'a b c d e f g' },
        },
        'S5',
      ),
    ).toBe('a 7-word quote with no occasion in the stem');
    expect(messageOf(withExplanation(q, 'The snippet says so.'), 'S7')).toBe(
      'source plumbing in "The snippet says so."',
    );
    expect(messageOf(withExplanation(q, 'Hassan Haniyeh was killed.'), 'S8')).toBe(
      '"Hassan Haniyeh" (a source error) printed as fact',
    );
    expect(messageOf(withExplanation(q, 'It is undated.'), 'S9')).toBe(
      'editorial note "undated" in "It is undated."',
    );
    expect(messageOf(withExplanation(q, 'It came in December 2023.'), 'S9')).toBe(
      '"December 2023" is more exact than the sources',
    );
    expect(messageOf(withExplanation(q, 'The civil war began in March 2011.'), 'S9')).toBe(
      'the civil war dated to March 2011',
    );
    expect(messageOf(withExplanation(q, '20 times: How many'), 'S10')).toBe(
      'amount pasted as a label in "20 times: How many"',
    );
    const stem =
      'True or false: When Syria joined the US-led coalition against Iraq (1990), Syria sided with the United States.';
    expect(messageOf({ ...tf, stem }, 'S11')).toBe(
      'the context clause already states the statement',
    );
  });
});

/**
 * The edges of the audit's item checks (S1–S11): each case sits on the line a check draws, one
 * step either side, so that loosening or tightening the check fails a test (issue 11: the gate's
 * mutation score). Items come from template drafts, never the built bank (see audit-checks.test.ts).
 */
import { buildKbIndex } from '../generator';
import { loadKbFiles } from '../generator/load-kb-files';
import type { BankQuestion } from '../types';
import { auditCases } from './audit-cases.test-utils';

const idx = buildKbIndex(loadKbFiles());
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
const { blocks, clone, clean } = auditCases(idx, DRAFT_TEMPLATES, 5);
const withExplanation = (q: BankQuestion, text: string): BankQuestion => ({
  ...clone(q),
  explanation: text,
});

describe('S1: a recurring event’s other years', () => {
  const tf = () =>
    clean((x) => x.type === 'TRUE_FALSE' && x.template === 'true-false' && /\d{4}\.$/.test(x.stem));

  it('blocks a false "… in YEAR" statement whose year is another occurrence, not a true one', () => {
    const q = tf();
    q.factIds = ['event:khamenei-raisi-meet-assad', ...q.factIds.slice(1)];
    q.stem = 'True or false: Ali Khamenei and Ebrahim Raisi met Bashar al-Assad in 1984.';
    q.key = { ...q.key, optionIds: ['false'] };
    expect(blocks(q)).toContain('S1');
    expect(blocks({ ...q, key: { ...q.key, optionIds: ['true'] } })).not.toContain('S1');
    expect(blocks({ ...q, stem: q.stem.replace('1984', '1977') })).not.toContain('S1');
  });

  it('leaves an event of no series alone', () => {
    const q = tf();
    q.factIds = ['event:syria-joins-coalition-against-iraq'];
    q.key = { ...q.key, optionIds: ['false'] };
    expect(blocks(q)).not.toContain('S1');
  });
});

describe('S2: dates that are not exact', () => {
  it('blocks an inferred start in a year item and in a true/false with a year, not without one', () => {
    const q = clean((x) => x.type === 'EVENT_YEAR');
    expect(blocks({ ...q, factIds: ['event:gaza-war-begins'] })).toContain('S2');
    const tf = clean((x) => x.type === 'TRUE_FALSE' && /\b\d{4}\b/.test(x.stem));
    expect(blocks({ ...tf, factIds: ['event:kash-patel-visits-damascus'] })).toContain('S2');
    const noYear = clean((x) => x.type === 'TRUE_FALSE' && !/\b\d{4}\b/.test(x.stem));
    expect(blocks({ ...noYear, factIds: ['event:kash-patel-visits-damascus'] })).not.toContain(
      'S2',
    );
  });

  it('blocks an ordering whose items include an approximate date', () => {
    const q = clean((x) => x.type === 'CHRONOLOGY');
    const items = [...(q.prompt.items ?? [])];
    const first = items[0];
    if (first) {
      items[0] = { ...first, id: 'iran-escalates-syria-intervention' };
    }
    expect(blocks({ ...q, prompt: { ...q.prompt, items } })).toContain('S2');
  });
});

describe('S3: quoted headlines', () => {
  const q = () => clean((x) => x.type === 'EVENT_YEAR');
  const title = idx.kb.events.find((e) => e.slug === 'consulate-strike-damascus')?.title ?? '';

  it('blocks a quoted headline, whole, cut with an ellipsis or in straight quotes', () => {
    expect(blocks({ ...q(), stem: `When did “${title}” happen?` })).toContain('S3');
    expect(blocks({ ...q(), stem: `When did "${title}" happen?` })).toContain('S3');
    const cut = `${title.slice(0, 12)}…`;
    expect(blocks({ ...q(), stem: `When did “${cut}” happen?` })).toContain('S3');
  });

  it('leaves short quotations and quotes of no headline alone', () => {
    expect(blocks({ ...q(), stem: `When did “${title.slice(0, 7)}” happen?` })).not.toContain('S3');
    expect(blocks({ ...q(), stem: 'Who called it “a golden counterweight” then?' })).not.toContain(
      'S3',
    );
  });
});

describe('S5: quote fragments', () => {
  const q = () => clean((x) => x.type === 'WHO_SAID');
  it('draws the lines at six words, and at eight under a bare stem', () => {
    const five = 'one two three four five';
    const six = 'one two three four five six';
    const seven = 'one two three four five six seven';
    const eight = 'one two three four five six seven eight';
    const withQuote = (quote: string, stem: string) => ({
      ...q(),
      stem,
      prompt: { ...q().prompt, quote },
    });
    const bare = 'Who said these words?';
    const occasion = 'Who said these words about Qassem Soleimani in 2020?';
    expect(blocks(withQuote(five, occasion))).toContain('S5');
    expect(blocks(withQuote(six, occasion))).not.toContain('S5');
    expect(blocks(withQuote(seven, bare))).toContain('S5');
    expect(blocks(withQuote(eight, bare))).not.toContain('S5');
    expect(blocks(withQuote(seven, `${bare} `))).toContain('S5');
  });
});

describe('S6: a wrong option’s rationale repeating the key', () => {
  it('blocks a long key sentence repeated, not a short one, and never on true/false', () => {
    const q = clean((x) => x.type === 'SINGLE_CHOICE' && x.key.rationales.length > 2);
    const key = q.key.rationales.find((r) => r.isCorrect);
    const wrong = q.key.rationales.find((r) => !r.isCorrect);
    if (!key || !wrong) {
      throw new Error('no rationales');
    }
    key.text = 'Syria sided with Iran in the war. It was alone.';
    wrong.text = 'Not this: Syria sided with Iran in the war.';
    expect(blocks(q)).toContain('S6');
    key.text = 'Syria sided, yes. It was alone.';
    wrong.text = 'Not this: Syria sided, yes.';
    expect(blocks(q)).not.toContain('S6');
    const tf = clean((x) => x.type === 'TRUE_FALSE');
    expect(blocks(tf)).not.toContain('S6');
  });
});

describe('S7/S8: plumbing and source errors in student text', () => {
  const q = () => clean((x) => x.type === 'EVENT_YEAR');
  it.each([
    'Seen at lines 12–14.',
    'The paragraph at the top says so.',
    'As an image caption shows.',
    'The snippet says so.',
    'The search results say so.',
    'Iraqi by general knowledge.',
    'The source gives no start year.',
    'It is not clear they are his words.',
    'The source does not name him.',
    'It was reported on Monday.',
  ])('blocks "%s"', (text) => {
    expect(blocks(withExplanation(q(), text))).toContain('S7');
  });

  it('lets "a line of fighters" and a named weekday without a report through', () => {
    expect(blocks(withExplanation(q(), 'A line of fighters held the road.'))).not.toContain('S7');
    expect(blocks(withExplanation(q(), 'On Monday the talks began.'))).not.toContain('S7');
  });

  it('prints the source’s wrong name only as what the source writes', () => {
    expect(blocks(withExplanation(q(), 'Hassan Haniyeh was killed in Tehran.'))).toContain('S8');
    for (const verb of ['calls', 'writes', 'has']) {
      expect(
        blocks(
          withExplanation(q(), `Ismail Haniyeh was killed; the source ${verb} Hassan Haniyeh.`),
        ),
      ).not.toContain('S8');
    }
  });
});

describe('S9: editorial notes and dates more exact than the sources', () => {
  const q = () => clean((x) => x.type === 'EVENT_YEAR');
  it.each([
    'It is undated.',
    'The date is not given.',
    'The occasion and date are not given.',
    'Where he made them is not said.',
    'The article’s date puts it in 2024.'.replace('’', "'"),
    'The year not given, it stays open.',
    'Web search engine results page quotes it.',
  ])('blocks "%s"', (text) => {
    expect(blocks(withExplanation(q(), text))).toContain('S9');
  });

  it('blocks the civil war dated to March 2011 either way round, not the crisis', () => {
    expect(blocks(withExplanation(q(), 'The civil war began in March 2011.'))).toContain('S9');
    expect(blocks(withExplanation(q(), 'In March 2011 the civil war began.'))).toContain('S9');
    expect(blocks(withExplanation(q(), 'In March 2011 the crisis erupted.'))).not.toContain('S9');
    expect(
      blocks(withExplanation(q(), 'In March 2011 the crisis erupted. The civil war followed.')),
    ).not.toContain('S9');
  });
});

describe('S10: an amount pasted as a field label', () => {
  const q = () => clean((x) => x.type === 'EVENT_YEAR');
  it.each([
    ['$244 million: Value of goods', true],
    ['$16 billion: Value of the deal', true],
    ['$2–3 billion: Range', true],
    ['20 times: How many times larger', true],
    ['7 people: Killed', true],
    ['$244 million: value of goods', false],
    ['$244 million, the value of goods', false],
    ['20 apples: Many', false],
  ] as const)('"%s" blocked: %s', (text, blocked) => {
    expect(blocks(withExplanation(q(), text)).includes('S10')).toBe(blocked);
  });
});

describe('S11: a context clause that states the statement', () => {
  const q = () => clean((x) => x.type === 'TRUE_FALSE');
  it('blocks "When Syria joined the coalition (1990), Syria sided with the United States", not an unrelated pair', () => {
    const stem =
      'True or false: When Syria joined the US-led coalition against Iraq (1990), Syria sided with the United States.';
    expect(blocks({ ...q(), stem })).toContain('S11');
    const other =
      'True or false: When Syria joined the US-led coalition against Iraq (1990), Iran sided with Israel.';
    expect(blocks({ ...q(), stem: other })).not.toContain('S11');
    expect(
      blocks({ ...q(), stem: 'True or false: Syria sided with the United States.' }),
    ).not.toContain('S11');
    expect(blocks({ ...clean((x) => x.type === 'SINGLE_CHOICE'), stem })).not.toContain('S11');
  });
});

import { kbSmall } from '../../../test/fixtures/kb-small';
import { buildBankFromIndex, buildKbIndex } from './generator';
import { replacementFor, retirementOf } from './retirement';
import type { BankQuestion } from './types';

describe('why a question left the bank', () => {
  const idx = buildKbIndex(kbSmall);
  const { questions } = buildBankFromIndex(idx, 1);
  const choice = questions.find(
    (q) => q.type === 'SINGLE_CHOICE' && (q.prompt.options ?? []).length >= 3,
  ) as BankQuestion;

  it('has a choice question to work on', () => {
    expect(choice).toBeDefined();
  });

  it('a question the gate now blocks names the checks', () => {
    const flawed: BankQuestion = JSON.parse(JSON.stringify(choice));
    const distractor = (flawed.prompt.options ?? []).find(
      (o) => !(flawed.key.optionIds ?? []).includes(o.id),
    );
    if (distractor) {
      distractor.label = 'All of the above';
    }
    const retired = retirementOf(flawed, idx);
    expect(retired.reason).toBe('GATE_BLOCKED');
    expect(retired.note).toMatch(/^The quality gate now blocks it: .*\(C3\)/);
  });

  it('a question resting on a fact the KB no longer has says which', () => {
    const gone = { ...choice, factIds: [...choice.factIds, 'event:no-such-event'] };
    expect(retirementOf(gone, idx)).toEqual({
      reason: 'FACTS_CHANGED',
      note: 'Facts it rests on were corrected or removed from the knowledge base: event:no-such-event.',
    });
    const many = { ...choice, factIds: ['event:a', 'event:b', 'event:c', 'event:d', 'event:e'] };
    expect(retirementOf(many, idx).note).toBe(
      'Facts it rests on were corrected or removed from the knowledge base: event:a; event:b; event:c and 2 more.',
    );
  });

  it('otherwise the generator now asks about the same facts differently', () => {
    expect(retirementOf(choice, idx)).toEqual({
      reason: 'FACTS_CHANGED',
      note: 'The rebuilt bank asks about these facts differently (a corrected key, options or wording).',
    });
  });
});

describe('the replacement the rebuilt bank offers', () => {
  const q = (id: string, template: string, factIds: string[], type = 'SINGLE_CHOICE') =>
    ({ id, template, factIds, type }) as Pick<BankQuestion, 'id' | 'template' | 'type' | 'factIds'>;
  const retired = q('old', 'event-year', ['e:1', 'e:2']);

  it('prefers the same facts and template, then the same template, then shared facts', () => {
    const sameAll = q('z-same', 'event-year', ['e:2', 'e:1']);
    const sameTemplate = q('a-template', 'event-year', ['e:1', 'e:9']);
    const otherTemplateMore = q('b-other', 'who-said', ['e:1', 'e:2', 'e:3']);
    const unrelated = q('c-none', 'event-year', ['e:7']);
    expect(replacementFor(retired, [unrelated, otherTemplateMore, sameTemplate, sameAll])).toBe(
      'z-same',
    );
    expect(replacementFor(retired, [unrelated, otherTemplateMore, sameTemplate])).toBe(
      'a-template',
    );
    expect(replacementFor(retired, [unrelated, otherTemplateMore])).toBe('b-other');
    expect(replacementFor(retired, [unrelated])).toBeNull();
    expect(replacementFor(retired, [])).toBeNull();
  });

  it('same template with fewer facts still beats another template; subsets are not "same facts"', () => {
    const subset = q('b-subset', 'event-year', ['e:1']);
    const superset = q('a-superset', 'event-year', ['e:1', 'e:2', 'e:3']);
    expect(replacementFor(retired, [superset, subset])).toBe('a-superset');
    expect(replacementFor(retired, [q('x', 'who-said', ['e:1', 'e:2']), subset])).toBe('b-subset');
  });

  it('breaks ties by type, then by the lowest id; skips itself and excluded ids', () => {
    const a = q('b', 'who-said', ['e:1'], 'TRUE_FALSE');
    const b = q('c', 'who-said', ['e:1'], 'SINGLE_CHOICE');
    const c = q('a', 'who-said', ['e:1'], 'TRUE_FALSE');
    expect(replacementFor(retired, [a, b, c])).toBe('c');
    expect(replacementFor(retired, [a, c])).toBe('a');
    expect(replacementFor(retired, [c, a])).toBe('a');
    expect(replacementFor(retired, [a, c], new Set(['a']))).toBe('b');
    expect(replacementFor(retired, [q('old', 'event-year', ['e:1', 'e:2'])])).toBeNull();
  });
});

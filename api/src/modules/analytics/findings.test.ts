import {
  describeFindings,
  ESTIMATE_MINIMUMS,
  type FindingInput,
  formatDecimal,
  formatPercent,
  optionLetter,
  plural,
} from './findings';

describe('number formatting', () => {
  it.each([
    [0, '0.00'],
    [-0, '0.00'],
    [-0.004, '0.00'],
    [-0.005, '−0.01'],
    [0.004, '0.00'],
    [-0.32, '−0.32'],
    [0.3, '0.30'],
    [1, '1.00'],
  ])('%d → %s (never "-0.00")', (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });

  it('percentages, plurals and option letters', () => {
    expect(formatDecimal(-0.123, 1)).toBe('−0.1');
    expect(formatPercent(0.125)).toBe('13%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(plural(1, 'answer')).toBe('1 answer');
    expect(plural(0, 'answer')).toBe('0 answers');
    expect(plural(1200, 'answer')).toBe('1,200 answers');
    expect(plural(2, 'class', 'classes')).toBe('2 classes');
    expect([0, 1, 2, 3].map(optionLetter)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('findings as sentences', () => {
  const options = [
    { label: 'Iraq', isCorrect: false, pickCount: 9, pickRate: 0.375, discrimination: 0.3 },
    { label: 'Syria', isCorrect: true, pickCount: 12, pickRate: 0.5, discrimination: -0.3 },
    { label: 'Libya', isCorrect: false, pickCount: 3, pickRate: 0.125, discrimination: -0.1 },
    { label: 'Egypt', isCorrect: false, pickCount: 0, pickRate: 0, discrimination: null },
  ];
  const input = (over: Partial<FindingInput>): FindingInput => ({
    flags: [],
    answers: 24,
    correctCount: 12,
    facility: 0.5,
    discrimination: -0.004,
    options,
    measured: {
      answerCount: 4,
      expectedCorrect: 0.7,
      priorExpectedCorrect: 0.7,
      status: 'TOO_FEW',
    },
    ...over,
  });
  const say = (over: Partial<FindingInput>) => describeFindings(input(over));

  it('negative discrimination: check the key and the option strong students chose', () => {
    expect(say({ flags: ['NEGATIVE_DISCRIMINATION'], discrimination: -0.32 })).toEqual([
      {
        code: 'NEGATIVE_DISCRIMINATION',
        message:
          'Few strong students chose the key: the students who did best overall got this one wrong more often than the rest (discrimination −0.32). Check the key and option A (“Iraq”), then the wording.',
      },
    ]);
    const noPick = options.map((o) => ({ ...o, discrimination: o.isCorrect ? 0.1 : -0.1 }));
    expect(
      say({ flags: ['NEGATIVE_DISCRIMINATION'], discrimination: -0.004, options: noPick })[0]
        ?.message,
    ).toBe(
      'Few strong students chose the key: the students who did best overall got this one wrong more often than the rest (discrimination 0.00). Check the key, then the wording.',
    );
  });

  it('low discrimination', () => {
    expect(say({ flags: ['LOW_DISCRIMINATION'], discrimination: 0.12 })[0]?.message).toBe(
      'It hardly separates stronger from weaker students (discrimination 0.12, below 0.20). Reword it or swap it for another question on the same facts.',
    );
  });

  it('easy and hard: this class while the measure is young, the measure once it is', () => {
    expect(say({ flags: ['TOO_HARD'], correctCount: 2, facility: 2 / 24 })[0]?.message).toBe(
      'Almost nobody got it: 2 of 24 answered it fully right (8%). Check the key, then whether the class has met these facts.',
    );
    expect(say({ flags: ['TOO_EASY'], correctCount: 24, facility: 1 })[0]?.message).toBe(
      'Almost everyone got it: 24 of 24 answered it fully right (100%). Use it as a warm-up; it tells you little about who understood.',
    );
    const measured = {
      answerCount: 45,
      expectedCorrect: 0.12,
      priorExpectedCorrect: 0.6,
      status: 'MEASURED',
    } as const;
    expect(say({ flags: ['TOO_HARD'], measured })[0]?.message).toBe(
      'Hard for everyone: across 45 first answers in every class, a typical student gets it right 12% of the time. Keep it for stretch work or teach its facts first.',
    );
    expect(
      say({ flags: ['TOO_EASY'], measured: { ...measured, expectedCorrect: 0.97 } })[0]?.message,
    ).toBe(
      'Easy for everyone: across 45 first answers in every class, a typical student gets it right 97% of the time. Use it as a warm-up; it tells you little about who understood.',
    );
    // Provisional is not measured: the class's own share speaks.
    expect(
      say({ flags: ['TOO_HARD'], measured: { ...measured, status: 'PROVISIONAL' } })[0]?.message,
    ).toMatch(/^Almost nobody got it: 12 of 24/);
    expect(say({ flags: ['TOO_HARD'], facility: null })[0]?.message).toMatch(/\(0%\)/);
  });

  it('weak distractors are named with their letters', () => {
    expect(say({ flags: ['WEAK_DISTRACTOR'] })[0]?.message).toBe(
      'Hardly anyone chose option D (“Egypt”) (under 5% of 24 answers). It gives the answer away; a more plausible wrong option would make the question work harder.',
    );
    const two = options.map((o) => (o.label === 'Libya' ? { ...o, pickRate: 0.04 } : o));
    expect(say({ flags: ['WEAK_DISTRACTOR'], options: two })[0]?.message).toBe(
      'Hardly anyone chose option C (“Libya”) and option D (“Egypt”) (under 5% of 24 answers). They give the answer away; a more plausible wrong option would make the question work harder.',
    );
    // A key nobody picks is not a weak distractor; exactly 5% is not under 5%.
    const keyUnpicked = options.map((o) =>
      o.isCorrect ? { ...o, pickRate: 0 } : { ...o, pickRate: 0.05 },
    );
    expect(say({ flags: ['WEAK_DISTRACTOR'], options: keyUnpicked })[0]?.message).toMatch(
      /^Hardly anyone chose {2}\(under/,
    );
  });

  it('strong picks: one or several', () => {
    expect(say({ flags: ['STRONG_PICK_DISTRACTOR'] })[0]?.message).toBe(
      'Stronger students were drawn to option A (“Iraq”). Check that it is really wrong and that the question cannot be read another way.',
    );
    const three = options.map((o) => (o.isCorrect ? o : { ...o, discrimination: 0.1 }));
    expect(say({ flags: ['STRONG_PICK_DISTRACTOR'], options: three })[0]?.message).toBe(
      'Stronger students were drawn to option A (“Iraq”), option C (“Libya”) and option D (“Egypt”). Check that they are really wrong and that the question cannot be read another way.',
    );
    // A key with positive discrimination is not a strong-pick distractor; 0 is not positive.
    const zero = options.map((o) =>
      o.isCorrect ? { ...o, discrimination: 0.5 } : { ...o, discrimination: 0 },
    );
    expect(say({ flags: ['STRONG_PICK_DISTRACTOR'], options: zero })[0]?.message).toMatch(
      /^Stronger students were drawn to \. Check that they are/,
    );
  });

  it('prior mismatch, harder or easier', () => {
    const measured = {
      answerCount: 31,
      expectedCorrect: 0.35,
      priorExpectedCorrect: 0.8,
      status: 'MEASURED',
    } as const;
    expect(say({ flags: ['PRIOR_MISMATCH'], measured })[0]?.message).toBe(
      'Harder than the generator expected: it predicted 80% right for a typical student; across 31 first answers in every class, a typical student gets it right 35% of the time. Place it later in a set.',
    );
    expect(
      say({
        flags: ['PRIOR_MISMATCH'],
        measured: { ...measured, expectedCorrect: 0.95, priorExpectedCorrect: 0.5 },
      })[0]?.message,
    ).toBe(
      'Easier than the generator expected: it predicted 50% right for a typical student; across 31 first answers in every class, a typical student gets it right 95% of the time. Place it earlier in a set.',
    );
  });

  it('one sentence per flag, in order; an unknown flag keeps its code', () => {
    const found = say({ flags: ['TOO_HARD', 'STRONG_PICK_DISTRACTOR', 'SOMETHING_NEW'] });
    expect(found.map((f) => f.code)).toEqual([
      'TOO_HARD',
      'STRONG_PICK_DISTRACTOR',
      'SOMETHING_NEW',
    ]);
    expect(found[2]?.message).toBe('SOMETHING_NEW');
    expect(say({ flags: [] })).toEqual([]);
  });

  it('states the minimum answers of every estimate', () => {
    expect(ESTIMATE_MINIMUMS.map((m) => [m.code, m.minimum])).toEqual([
      ['FACILITY', 5],
      ['DISCRIMINATION', 15],
      ['DISTRACTOR', 20],
      ['MEASURED_DIFFICULTY', 10],
      ['MEASURED_DIFFICULTY_FINAL', 30],
    ]);
    for (const m of ESTIMATE_MINIMUMS) {
      expect(m.label.length).toBeGreaterThan(10);
      expect(m.why).toMatch(/\.$/);
    }
  });
});

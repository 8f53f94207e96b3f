import type { Question } from '@quiz/prisma';
import { kendallTauDistance } from '../questions/scoring';
import {
  idMapsOf,
  playerPrompt,
  publicKey,
  publicPrompt,
  publicResponse,
  storedResponse,
} from './public-ids';

const prompt = {
  options: [
    { id: 'syrian-crisis-erupts', label: 'The Syrian crisis erupts' },
    { id: '1979', label: '1979' },
  ],
  items: [
    { id: 'hezbollah', label: 'Hezbollah' },
    { id: 'amal', label: 'Amal' },
  ],
  targets: [{ id: 'lebanon', label: 'Lebanon' }],
  quote: 'kept as it is',
};

describe('public ids', () => {
  const maps = idMapsOf(prompt);

  it('names choices by place only, keeping labels, order and the other fields', () => {
    expect(publicPrompt(prompt)).toEqual({
      options: [
        { id: 'o1', label: 'The Syrian crisis erupts' },
        { id: 'o2', label: '1979' },
      ],
      items: [
        { id: 'i1', label: 'Hezbollah' },
        { id: 'i2', label: 'Amal' },
      ],
      targets: [{ id: 't1', label: 'Lebanon' }],
      quote: 'kept as it is',
    });
    expect(JSON.stringify(publicPrompt(prompt))).not.toMatch(/syrian-crisis|hezbollah|lebanon/);
  });

  it('is stable: the same question always gets the same ids', () => {
    expect(publicPrompt(prompt)).toEqual(publicPrompt(structuredClone(prompt)));
  });

  it('maps a response back to stored ids, and forward again', () => {
    const response = {
      optionIds: ['o2'],
      order: ['i2', 'i1'],
      pairs: [{ itemId: 'i1', targetId: 't1' }],
    };
    const stored = storedResponse(response, maps);
    expect(stored).toEqual({
      optionIds: ['1979'],
      order: ['amal', 'hezbollah'],
      pairs: [{ itemId: 'hezbollah', targetId: 'lebanon' }],
    });
    expect(publicResponse(stored, maps)).toEqual(response);
  });

  it('keeps ids it does not know unknown: a stored slug or another list’s id is no option', () => {
    const stored = storedResponse(
      {
        optionIds: ['syrian-crisis-erupts', 'i1', 'O1', 'o1 '],
        order: ['o1'],
        pairs: [{ itemId: 't1', targetId: 'i1' }],
      },
      maps,
    );
    const known = new Set(['syrian-crisis-erupts', '1979', 'hezbollah', 'amal', 'lebanon']);
    const all = [
      ...(stored.optionIds ?? []),
      ...(stored.order ?? []),
      ...(stored.pairs ?? []).flatMap((p) => [p.itemId, p.targetId]),
    ];
    expect(all).toHaveLength(7);
    expect(all.filter((id) => known.has(id))).toEqual([]);
  });

  it('leaves fields without ids alone', () => {
    expect(storedResponse({ year: 1979 }, maps)).toEqual({ year: 1979 });
    expect(storedResponse({ text: 'o1' }, maps)).toEqual({ text: 'o1' });
  });

  it('shows the key and its rationales in public ids ("year" stays)', () => {
    const key = {
      optionIds: ['1979'],
      order: ['amal', 'hezbollah'],
      pairs: [{ itemId: 'amal', targetId: 'lebanon' }],
      rationales: [
        { ref: '1979', isCorrect: true, text: 'a', citationIds: [], factIds: [] },
        { ref: 'amal', isCorrect: false, text: 'b', citationIds: [], factIds: [] },
        { ref: 'lebanon', isCorrect: false, text: 'c', citationIds: [], factIds: [] },
        { ref: 'year', isCorrect: true, text: 'd', citationIds: [], factIds: [] },
      ],
    };
    expect(publicKey(key, maps)).toEqual({
      optionIds: ['o2'],
      order: ['i2', 'i1'],
      pairs: [{ itemId: 'i2', targetId: 't1' }],
      rationales: [
        { ref: 'o2', isCorrect: true, text: 'a', citationIds: [], factIds: [] },
        { ref: 'i2', isCorrect: false, text: 'b', citationIds: [], factIds: [] },
        { ref: 't1', isCorrect: false, text: 'c', citationIds: [], factIds: [] },
        { ref: 'year', isCorrect: true, text: 'd', citationIds: [], factIds: [] },
      ],
    });
  });
});

// Round 4 of the probe: the shown order of an ordering or matching question was never the key's
// (a shuffle that came out solved was rotated by one), and that rule was itself a clue. A 2-item,
// 2-target matching question was always shown crossed, so crossing it was right every time; a
// 3-item chronology answered in the reverse of the shown order earned 0.61 on average (chance
// 0.5), and a 3×3 matching answered "two along" 0.50 (chance 0.33). Every guess must earn what
// chance gives.
describe('the shown order of ordering and matching questions tells nothing', () => {
  const ids = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, label: `${prefix}${i}` }));
  type Shown = { id: string }[];
  const chronology = (n: number, id: string) =>
    playerPrompt({
      id,
      type: 'CHRONOLOGY',
      prompt: { items: ids(n, 'e') },
      key: { order: ids(n, 'e').map((item) => item.id), rationales: [] },
    } as unknown as Question).items as Shown;
  const matching = (n: number, id: string) =>
    playerPrompt({
      id,
      type: 'MATCHING',
      prompt: { items: ids(n, 'i'), targets: ids(n, 't') },
      key: {
        pairs: ids(n, 'i').map((item, k) => ({ itemId: item.id, targetId: `t${k}` })),
        rationales: [],
      },
    } as unknown as Question).targets as Shown;
  const QUESTIONS = Array.from({ length: 3_000 }, (_, k) => `question-${k}`);
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

  it('shows a 2 × 2 matching question either way round', () => {
    const straight = QUESTIONS.filter((id) => matching(2, id)[0]?.id === 't0').length;
    expect(straight / QUESTIONS.length).toBeGreaterThan(0.45);
    expect(straight / QUESTIONS.length).toBeLessThan(0.55);
  });

  it.each([3, 4])('gives the shown or reversed order of %i items only chance credit', (n) => {
    const max = (n * (n - 1)) / 2;
    const key = ids(n, 'e').map((item) => item.id);
    for (const guess of [(shown: string[]) => shown, (shown: string[]) => [...shown].reverse()]) {
      const credit = mean(
        QUESTIONS.map((id) => {
          const shown = chronology(n, id).map((item) => item.id);
          return 1 - kendallTauDistance(guess(shown), key) / max;
        }),
      );
      expect(Math.abs(credit - 0.5)).toBeLessThan(0.03);
    }
  });

  it.each([3, 4])('gives any shift of the shown %i targets only chance credit', (n) => {
    for (let shift = 0; shift < n; shift += 1) {
      const credit = mean(
        QUESTIONS.map((id) => {
          const shown = matching(n, id).map((target) => target.id);
          return ids(n, 'i').filter((_item, k) => shown[(k + shift) % n] === `t${k}`).length / n;
        }),
      );
      expect(Math.abs(credit - 1 / n)).toBeLessThan(0.03);
    }
  });

  it('keeps one order per question (resumes, retakes and live games agree)', () => {
    expect(chronology(5, 'same')).toEqual(chronology(5, 'same'));
    expect(matching(4, 'same')).toEqual(matching(4, 'same'));
  });
});

// A teacher's choice options were shown as written, so one who always wrote the answer first gave it
// away: answering the first option shown was right every time (security.md, "What is left").
describe('the shown order of choice options tells nothing', () => {
  const choice = (labels: string[], id: string, type = 'SINGLE_CHOICE') =>
    (
      playerPrompt({
        id,
        type,
        prompt: { options: labels.map((label, k) => ({ id: `o${k}`, label })) },
        key: { optionIds: ['o0'], rationales: [] },
      } as unknown as Question).options as { id: string; label: string }[]
    ).map((option) => option.label);
  const QUESTIONS = Array.from({ length: 3_000 }, (_, k) => `question-${k}`);
  const written = ['Syria', 'Libya', 'Oman', 'Sudan'];

  it.each(['SINGLE_CHOICE', 'MULTI_SELECT'])(
    'puts the written-first key first only by chance (%s)',
    (type) => {
      const first = QUESTIONS.filter((id) => choice(written, id, type)[0] === 'Syria').length;
      expect(Math.abs(first / QUESTIONS.length - 1 / written.length)).toBeLessThan(0.03);
    },
  );

  it('keeps one order per question, and every option', () => {
    expect(choice(written, 'same')).toEqual(choice(written, 'same'));
    expect([...choice(written, 'same')].sort()).toEqual([...written].sort());
  });

  it('sorts numbers by value and keeps "all of the above" last', () => {
    const years = ['1979', '1980', '1982', '1988'];
    for (const id of QUESTIONS.slice(0, 50)) {
      expect(choice(years, id)).toEqual(years);
      // Round 12: numbers kept as written showed a teacher's written-first key first.
      expect(choice(['1982', '1979', '1988', '1980'], id)).toEqual(years);
      expect(choice(['$30bn', '$50 billion', '$244m'], id)).toEqual([
        '$244m',
        '$30bn',
        '$50 billion',
      ]);
      expect(choice(['1,200', '-5', '12.5%', '1980–1988'], id)).toEqual([
        '-5',
        '12.5%',
        '1,200',
        '1980–1988',
      ]);
      expect(choice(['Iran', 'Iraq', 'Syria', 'All of the above'], id)[3]).toBe('All of the above');
      expect(choice(['Iran', 'Iraq', 'None of these', 'Syria'], id)[3]).toBe('None of these');
    }
  });

  it('leaves true/false as written', () => {
    expect(choice(['True', 'False'], 'tf', 'TRUE_FALSE')).toEqual(['True', 'False']);
  });
});

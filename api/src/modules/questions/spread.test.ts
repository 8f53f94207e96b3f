import { seededRng } from '../../lib/rng';
import { spreadOverlaps, spreadPick } from './spread';

type Item = { id: string; factIds: string[]; citationIds: string[] };

const item = (id: string, facts: string[], passages: string[]): Item => ({
  id,
  factIds: facts,
  citationIds: passages,
});

/** Four facts, three items on each (the bank's shape: a year, a who, a true/false per event). */
const bank: Item[] = ['a', 'b', 'c', 'd'].flatMap((f) =>
  [1, 2, 3].map((n) => item(`${f}${n}`, [`event:${f}`], [`c-${f}`])),
);

const keyFacts = (picked: readonly Item[]): string[] => picked.map((q) => q.factIds[0] ?? '');

describe('spreadPick', () => {
  it('never repeats a key fact when the bank has enough facts, whatever the draw', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const picked = spreadPick(bank, 4, seededRng(seed));
      expect(picked).toHaveLength(4);
      expect(new Set(keyFacts(picked)).size).toBe(4);
    }
  });

  it('keeps apart items on different facts that cite the same passage', () => {
    const shared = [
      item('x1', ['event:x'], ['c-shared']),
      item('y1', ['event:y'], ['c-shared']),
      item('z1', ['event:z'], ['c-z']),
    ];
    for (let seed = 0; seed < 50; seed += 1) {
      const ids = spreadPick(shared, 2, seededRng(seed)).map((q) => q.id);
      expect(ids).toContain('z1');
    }
  });

  it('falls back to the least overlap when the filters leave too few facts', () => {
    // Six items wanted from four facts: every fact once, then two repeats, never a third use.
    for (let seed = 0; seed < 100; seed += 1) {
      const picked = spreadPick(bank, 6, seededRng(seed));
      expect(picked).toHaveLength(6);
      expect(new Set(picked.map((q) => q.id)).size).toBe(6);
      const uses = new Map<string, number>();
      for (const f of keyFacts(picked)) {
        uses.set(f, (uses.get(f) ?? 0) + 1);
      }
      expect(new Set(keyFacts(picked.slice(0, 4))).size).toBe(4);
      expect(Math.max(...uses.values())).toBe(2);
    }
  });

  it('prefers sharing a passage to sharing a key fact', () => {
    const tight = [
      item('a1', ['event:a'], ['c-a']),
      item('a2', ['event:a'], ['c-a2']),
      item('b1', ['event:b'], ['c-a']),
    ];
    for (let seed = 0; seed < 50; seed += 1) {
      const ids = spreadPick(tight, 2, seededRng(seed))
        .map((q) => q.id)
        .sort();
      // Greedy from a random first pick: a1+b1 (a passage) or a2+b1 (nothing), never a1+a2.
      expect(ids).toContain('b1');
    }
  });

  it('keeps apart an item whose text answers another (a shared clue key), when it can', () => {
    // "(1980–88)" in a's stem answers b's "In what year did the war begin?": different facts and
    // passages, so only the clue key tells them apart.
    const clued = [
      { ...item('a', ['relation:a'], ['c-a']), clueKeys: ['q-b'] },
      { ...item('b', ['event:b'], ['c-b']), clueKeys: ['q-b'] },
      item('c', ['event:c'], ['c-c']),
    ];
    for (let seed = 0; seed < 50; seed += 1) {
      const ids = spreadPick(clued, 2, seededRng(seed))
        .map((q) => q.id)
        .sort();
      expect(ids).not.toEqual(['a', 'b']);
    }
    // Too few others: the pair still comes, rather than a short quiz.
    expect(spreadPick(clued, 3, seededRng(1))).toHaveLength(3);
    // A clue weighs more than a shared passage: with b taken, the passage-sharing d beats a.
    const passageOrClue = [...clued.slice(0, 2), item('d', ['event:d'], ['c-b'])];
    expect(spreadPick(passageOrClue, 2).map((q) => q.id)).toEqual(['a', 'd']);
  });

  it('gives everything when fewer candidates than wanted, and items without facts freely', () => {
    const bare = [item('p', [], []), item('q', [], []), item('r', [], [])];
    expect(
      spreadPick(bare, 5, seededRng(1))
        .map((q) => q.id)
        .sort(),
    ).toEqual(['p', 'q', 'r']);
    expect(spreadPick([], 3, seededRng(1))).toEqual([]);
  });

  it('without a draw keeps the given order as the preference (review: most overdue first)', () => {
    const due = [
      item('a1', ['event:a'], ['c-a']),
      item('a2', ['event:a'], ['c-a']),
      item('b1', ['event:b'], ['c-b']),
      item('c1', ['event:c'], ['c-c']),
    ];
    expect(spreadPick(due, 3).map((q) => q.id)).toEqual(['a1', 'b1', 'c1']);
    expect(spreadPick(due, 4).map((q) => q.id)).toEqual(['a1', 'b1', 'c1', 'a2']);
  });

  it('draws differently with different seeds', () => {
    const draws = new Set(
      Array.from({ length: 20 }, (_, s) =>
        spreadPick(bank, 4, seededRng(s))
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(draws.size).toBeGreaterThan(5);
  });
});

describe('spreadOverlaps', () => {
  it('names pairs asking the same fact, then pairs citing the same passage', () => {
    expect(
      spreadOverlaps([
        item('a1', ['event:a', 'event:z'], ['c-a']),
        item('b1', ['event:b'], ['c-b', 'c-z']),
        item('a2', ['event:a'], ['c-a2']),
        item('z1', ['event:z'], ['c-z']),
        item('bare', [], []),
      ]),
    ).toEqual([
      { a: 0, b: 2, reason: 'SAME_FACT' },
      { a: 1, b: 3, reason: 'SAME_PASSAGE' },
    ]);
  });
});

/**
 * On-demand questions for teachers: filter the bank, then draw `count` with the seed, spreading
 * over types first and eras second so a set is not ten date questions from one decade.
 */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import type { BankQuestion, QuestionType } from '../types';
import { buildBank } from './build-bank';
import { seededRng, shuffle } from './rng';

export type QuestionFilters = {
  eras?: string[];
  actors?: string[];
  themes?: string[];
  types?: QuestionType[];
  difficulty?: { min: number; max: number };
  count: number;
};

export type GenerateQuestionsOptions = {
  kb: KnowledgeBase;
  seed: number;
  filters: QuestionFilters;
  /** A bank already built from the same KB, to skip rebuilding it. */
  bank?: readonly BankQuestion[];
};

export const matchesFilters = (q: BankQuestion, f: QuestionFilters): boolean =>
  (!f.eras?.length || (q.eraSlug !== null && f.eras.includes(q.eraSlug))) &&
  (!f.actors?.length || q.actorSlugs.some((a) => f.actors?.includes(a))) &&
  (!f.themes?.length || q.themes.some((t) => f.themes?.includes(t))) &&
  (!f.types?.length || f.types.includes(q.type)) &&
  (!f.difficulty || (q.difficulty >= f.difficulty.min && q.difficulty <= f.difficulty.max));

/** Round-robin over buckets, each already shuffled. */
const interleave = <T>(buckets: T[][]): T[] => {
  const out: T[] = [];
  const max = Math.max(0, ...buckets.map((b) => b.length));
  for (let i = 0; i < max; i += 1) {
    for (const b of buckets) {
      const x = b[i];
      if (x !== undefined) {
        out.push(x);
      }
    }
  }
  return out;
};

const groupBy = <T>(items: readonly T[], key: (t: T) => string): T[][] => {
  const m = new Map<string, T[]>();
  for (const i of items) {
    m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, v]) => v);
};

export const generateQuestions = ({
  kb,
  seed,
  filters,
  bank,
}: GenerateQuestionsOptions): BankQuestion[] => {
  const pool = (bank ?? buildBank({ kb, seed }).questions).filter((q) =>
    matchesFilters(q, filters),
  );
  const rng = seededRng(seed ^ 0x5bd1e995);
  const byType = groupBy(pool, (q) => q.type).map((typeBucket) =>
    interleave(
      shuffle(
        groupBy(typeBucket, (q) => q.eraSlug ?? ''),
        rng,
      ).map((b) => shuffle(b, rng)),
    ),
  );
  return interleave(shuffle(byType, rng)).slice(0, Math.max(0, filters.count));
};

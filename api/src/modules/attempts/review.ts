import { type Card, createEmptyCard, fsrs, Rating } from 'ts-fsrs';

/** FSRS with its default parameters and no fuzz: the same history gives the same schedule. */
const scheduler = fsrs({ enable_fuzz: false });

export type StoredCard = Omit<Card, 'due' | 'last_review'> & {
  due: string;
  last_review?: string | null;
};

const toStored = (card: Card): StoredCard => ({
  ...card,
  due: card.due.toISOString(),
  last_review: card.last_review ? card.last_review.toISOString() : null,
});

const fromStored = (card: StoredCard): Card => ({
  ...card,
  due: new Date(card.due),
  last_review: card.last_review ? new Date(card.last_review) : undefined,
});

/**
 * The next state of a review card after an answer: wrong → Again, right → Good (qgen §5.4:
 * binary grading from correctness costs FSRS almost nothing).
 */
export const reviewCard = (
  stored: StoredCard | null,
  isCorrect: boolean,
  now: Date,
): { card: StoredCard; due: Date; lapses: number } => {
  const card = stored ? fromStored(stored) : createEmptyCard(now);
  const next = scheduler.next(card, now, isCorrect ? Rating.Good : Rating.Again).card;
  return { card: toStored(next), due: next.due, lapses: next.lapses };
};

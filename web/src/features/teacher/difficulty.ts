/** Difficulty priors in [0, 1] as words. */
export const difficultyLabel = (value: number): string =>
  value < 0.34 ? 'Easy' : value < 0.67 ? 'Medium' : 'Hard';

export const DIFFICULTY_BANDS = [
  { value: '', label: 'Any difficulty', min: null, max: null },
  { value: 'easy', label: 'Easy', min: 0, max: 0.33 },
  { value: 'medium', label: 'Medium', min: 0.34, max: 0.66 },
  { value: 'hard', label: 'Hard', min: 0.67, max: 1 },
] as const;

export const bandFor = (min: number | null, max: number | null): string =>
  DIFFICULTY_BANDS.find((band) => band.min === min && band.max === max)?.value ?? '';

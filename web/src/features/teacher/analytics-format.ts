/**
 * How the class-results page writes numbers: whole percentages, two decimals that never read
 * "-0.00", and an estimate always with the answers it rests on.
 */
import { plural } from '@/lib/format';

/** Two decimals; a value that rounds to zero is "0.00", negatives take a real minus sign. */
export const decimal = (value: number | null | undefined, digits = 2): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  const fixed = Math.abs(value).toFixed(digits);
  return value < 0 && Number(fixed) !== 0 ? `−${fixed}` : fixed;
};

export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share)
    ? '—'
    : `${Math.round(share * 100)}%`;

export type Measured = {
  answerCount: number;
  expectedCorrect?: number | null;
  priorExpectedCorrect: number;
  status: 'TOO_FEW' | 'PROVISIONAL' | 'MEASURED';
};

/** The measured difficulty as a teacher reads it, with what it rests on. */
export const measuredText = (m: Measured, showFrom: number): string => {
  if (m.status === 'TOO_FEW' || m.expectedCorrect === null || m.expectedCorrect === undefined) {
    return `Not yet: ${plural(m.answerCount, 'first answer')} of the ${showFrom} it needs (the generator expects ${percent(m.priorExpectedCorrect)} right)`;
  }
  const basis = `${plural(m.answerCount, 'first answer')} in every class`;
  return m.status === 'PROVISIONAL'
    ? `About ${percent(m.expectedCorrect)} right for a typical student, provisional (${basis})`
    : `${percent(m.expectedCorrect)} right for a typical student (${basis})`;
};

import { formatNumber } from '@/lib/format';
/** What results and history say about an attempt's place on its set's all-time board. */
export type RankFields = {
  status: string;
  rank?: number | null;
  ranked: boolean;
  bestRank?: number | null;
  set: { isPractice: boolean };
};

export type RankWords = {
  /** This attempt: "#3" or "Not ranked". */
  value: string;
  /** Why, or which board. */
  label: string;
  /** The player's own place on the board (whichever attempt holds it), when they have one. */
  best: string | null;
};

export const rankWords = (attempt: RankFields): RankWords => {
  const best = attempt.bestRank ? `#${formatNumber(attempt.bestRank)}` : null;
  if (attempt.set.isPractice) {
    return { value: 'Not ranked', label: 'practice attempts are not ranked', best: null };
  }
  if (attempt.status !== 'FINISHED') {
    return { value: 'Not ranked yet', label: 'finish the quiz to be ranked', best };
  }
  if (attempt.ranked && attempt.rank) {
    return {
      value: `#${formatNumber(attempt.rank)}`,
      label: 'this attempt’s rank on the set’s board',
      best,
    };
  }
  return {
    value: 'Not ranked',
    label: 'a retake is practice: only your first finished attempt is ranked',
    best,
  };
};

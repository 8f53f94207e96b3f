/**
 * Item-analysis flags as sentences a teacher acts on (issue 14.2): what was seen, with its
 * numbers, then what to do. Pure; the numbers are formatted here so no page shows "-0.00".
 */

import { ELO } from './elo';
import { FLAG_THRESHOLDS, MIN_ANSWERS } from './statistics';

/** A decimal with `digits` places; a value that rounds to zero is "0.00", negatives take "−". */
export const formatDecimal = (value: number, digits = 2): string => {
  const fixed = Math.abs(value).toFixed(digits);
  return value < 0 && Number(fixed) !== 0 ? `−${fixed}` : fixed;
};

/** A share in [0, 1] as a whole percentage. */
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;

/** "1 answer", "12 answers". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Option letters in the order the teacher's table lists the options. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

export type FindingOption = {
  label: string;
  isCorrect: boolean;
  pickCount: number;
  pickRate: number;
  discrimination: number | null;
};

export type FindingInput = {
  flags: readonly string[];
  answers: number;
  correctCount: number;
  facility: number | null;
  discrimination: number | null;
  /** In display order (their letters are A, B, C…). */
  options: readonly FindingOption[];
  measured: {
    answerCount: number;
    expectedCorrect: number;
    priorExpectedCorrect: number;
    status: 'TOO_FEW' | 'PROVISIONAL' | 'MEASURED';
  };
};

export type Finding = { code: string; message: string };

const named = (options: readonly FindingOption[], pick: (o: FindingOption) => boolean) =>
  options.flatMap((option, i) =>
    pick(option) ? [`option ${optionLetter(i)} (“${option.label}”)`] : [],
  );

const listed = (parts: readonly string[]): string =>
  parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** The distractors stronger students were drawn to, most telling first. */
const strongPicks = (options: readonly FindingOption[]) =>
  named(options, (o) => !o.isCorrect && o.discrimination !== null && o.discrimination > 0);

const measuredClause = (m: FindingInput['measured']): string =>
  `across ${plural(m.answerCount, 'first answer')} in every class, a typical student gets it right ${formatPercent(m.expectedCorrect)} of the time`;

/** One sentence per flag, in the flags' order. */
export const describeFindings = (input: FindingInput): Finding[] => {
  const measured = input.measured.status === 'MEASURED';
  const share = `${input.correctCount} of ${input.answers} answered it fully right (${formatPercent(input.facility ?? 0)})`;
  return input.flags.map((code): Finding => {
    switch (code) {
      case 'NEGATIVE_DISCRIMINATION': {
        const picks = strongPicks(input.options);
        return {
          code,
          message: `Few strong students chose the key: the students who did best overall got this one wrong more often than the rest (discrimination ${formatDecimal(input.discrimination ?? 0)}). Check the key${picks.length > 0 ? ` and ${listed(picks)}` : ''}, then the wording.`,
        };
      }
      case 'LOW_DISCRIMINATION':
        return {
          code,
          message: `It hardly separates stronger from weaker students (discrimination ${formatDecimal(input.discrimination ?? 0)}, below ${formatDecimal(FLAG_THRESHOLDS.keepDiscrimination)}). Reword it or swap it for another question on the same facts.`,
        };
      case 'TOO_EASY':
        return {
          code,
          message: measured
            ? `Easy for everyone: ${measuredClause(input.measured)}. Use it as a warm-up; it tells you little about who understood.`
            : `Almost everyone got it: ${share}. Use it as a warm-up; it tells you little about who understood.`,
        };
      case 'TOO_HARD':
        return {
          code,
          message: measured
            ? `Hard for everyone: ${measuredClause(input.measured)}. Keep it for stretch work or teach its facts first.`
            : `Almost nobody got it: ${share}. Check the key, then whether the class has met these facts.`,
        };
      case 'WEAK_DISTRACTOR': {
        const weak = named(
          input.options,
          (o) => !o.isCorrect && o.pickRate < FLAG_THRESHOLDS.weakDistractor,
        );
        return {
          code,
          message: `Hardly anyone chose ${listed(weak)} (under ${formatPercent(FLAG_THRESHOLDS.weakDistractor)} of ${plural(input.answers, 'answer')}). ${weak.length === 1 ? 'It gives' : 'They give'} the answer away; a more plausible wrong option would make the question work harder.`,
        };
      }
      case 'STRONG_PICK_DISTRACTOR': {
        const picks = strongPicks(input.options);
        return {
          code,
          message: `Stronger students were drawn to ${listed(picks)}. Check that ${picks.length === 1 ? 'it is' : 'they are'} really wrong and that the question cannot be read another way.`,
        };
      }
      case 'PRIOR_MISMATCH': {
        const harder = input.measured.expectedCorrect < input.measured.priorExpectedCorrect;
        return {
          code,
          message: `${harder ? 'Harder' : 'Easier'} than the generator expected: it predicted ${formatPercent(input.measured.priorExpectedCorrect)} right for a typical student; ${measuredClause(input.measured)}. Place it ${harder ? 'later' : 'earlier'} in a set.`,
        };
      }
      default:
        return { code, message: code };
    }
  });
};

/** The fewest answers each estimate needs, stated once on the page. */
export const ESTIMATE_MINIMUMS = [
  {
    code: 'FACILITY',
    label: 'Share right (facility) and the easy/hard flags',
    minimum: MIN_ANSWERS.facility,
    why: 'With fewer answers one student moves the share by more than 20 points.',
  },
  {
    code: 'DISCRIMINATION',
    label: 'Discrimination and the “check the key” flags',
    minimum: MIN_ANSWERS.discrimination,
    why: 'A correlation from fewer answers is mostly noise (its standard error is about 0.3 at 15).',
  },
  {
    code: 'DISTRACTOR',
    label: 'Options hardly anyone chooses',
    minimum: MIN_ANSWERS.distractor,
    why: 'Under 5% means nobody of at least 20.',
  },
  {
    code: 'MEASURED_DIFFICULTY',
    label: 'Measured difficulty (shown as provisional)',
    minimum: ELO.showFrom,
    why: 'First answers from every class; it starts from the generator’s estimate.',
  },
  {
    code: 'MEASURED_DIFFICULTY_FINAL',
    label: 'Measured difficulty (replaces this class’s share in the flags)',
    minimum: ELO.measuredFrom,
    why: 'From here its uncertainty is about half a logit, about ±10 points around 75% right.',
  },
] as const;

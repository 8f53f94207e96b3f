import type { RetiredReason } from '@quiz/prisma';

/** A retired question's retirement, with its replacement still to load. */
export type RetirementParent = {
  reason: RetiredReason;
  note: string;
  retiredAt: Date;
  replacementId: string | null;
};

/**
 * Stable question ids (qgen F4): sha256 over template id, template version, sorted fact ids, sorted
 * option entity ids and the bound slot values that are not facts (the year an office question asks
 * about). Regenerating the bank keeps ids, so answer history survives; the run seed is not part of it.
 */
import { createHash } from 'node:crypto';

export const stableId = (o: {
  template: string;
  version: number;
  factIds: readonly string[];
  optionIds: readonly string[];
  slots: readonly string[];
}): string =>
  `q_${createHash('sha256')
    .update(
      JSON.stringify([
        o.template,
        o.version,
        [...o.factIds].sort(),
        [...o.optionIds].sort(),
        [...o.slots].sort(),
      ]),
    )
    .digest('hex')
    .slice(0, 20)}`;

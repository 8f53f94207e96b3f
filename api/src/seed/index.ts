// `pnpm db:seed` (API part, after the knowledge-base seed): builds the question bank from the
// knowledge base in the database and stores it, then creates the demo accounts, class, sets and
// finished attempts through the real services, so boards and analytics are consistent.
// Idempotent: a second run changes nothing. Exits non-zero on the first error.
import { runWithDatabase } from '../lib/run-with-database';
import { backfillNameKeys } from '../modules/accounts/service';
import { loadKnowledgeSnapshot } from '../modules/knowledge/snapshot';
import { storeBank } from '../modules/questions/bank';
import { buildBankFromIndex, buildKbIndex } from '../modules/questions/generator';
import { retirementOf } from '../modules/questions/retirement';
import { seedDemo } from './demo';

/** Fixed, so the bank (and its question ids and option order) is the same on every machine. */
export const BANK_SEED = 20_251_125;

runWithDatabase(async (db) => {
  const kb = await loadKnowledgeSnapshot(db);
  if (kb.events.length === 0) {
    throw new Error(
      'The knowledge base is empty: run the knowledge-base seed first (pnpm db:seed).',
    );
  }
  const idx = buildKbIndex(kb);
  const { questions, report } = buildBankFromIndex(idx, BANK_SEED);
  const stored = await storeBank({
    db,
    questions,
    now: new Date(),
    retire: (question) => retirementOf(question, idx),
  });
  console.log(
    `Question bank: ${report.total} questions (${Object.entries(report.byType)
      .map(([type, n]) => `${type} ${n}`)
      .join(
        ', ',
      )}); stored ${stored.created} new, ${stored.updated} updated, ${stored.removed} removed, ${stored.keptReferenced + stored.keptObsolete} kept because sets or attempts use them (${stored.keptObsolete} retired, ${stored.retired} newly or with a new reason or replacement; ${stored.restored} restored).`,
  );
  const demo = await seedDemo({ db, now: new Date() });
  console.log(demo);
  const keyed = await backfillNameKeys(db);
  if (keyed > 0) {
    console.log(`Name keys: ${keyed} users from before they existed.`);
  }
});

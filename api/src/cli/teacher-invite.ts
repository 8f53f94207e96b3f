// `pnpm teacher:invite [--label "For Leila Farahani"] [--days 7]`: prints a single-use code that
// makes its sign-up a teacher. How the first teacher of a new installation gets in (teachers then
// invite colleagues from their dashboard). Uses the same database as `npm run up` (running or not)
// and applies pending migrations first.
import { parseArgs } from 'node:util';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import { runWithDatabase } from '../lib/run-with-database';
import { createInvitation, INVITATION_TTL_DAYS } from '../modules/accounts/invitations';

const { values } = parseArgs({
  // pnpm may pass a `--` separator through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { label: { type: 'string', default: '' }, days: { type: 'string' } },
});
const days = Number(values.days ?? INVITATION_TTL_DAYS);
if (!Number.isInteger(days) || days < 1 || days > 90) {
  console.error('Error: --days must be a whole number from 1 to 90');
  process.exit(1);
}

runWithDatabase(
  async (db, url) => {
    await applyMigrations(url);
    const created = await createInvitation({
      db,
      issuerId: null,
      label: values.label,
      now: new Date(),
      ttlDays: days,
    });
    if ('errors' in created) {
      throw new Error(
        created.errors.map((error) => `--${error.field}: ${error.message}`).join('; '),
      );
    }
    console.log(`Teacher invitation code: ${created.code}`);
    console.log(
      `Valid once, until ${created.invitation.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
        'Sign up at /sign-up and enter it under "Teacher invitation code".',
    );
  },
  () => {},
);

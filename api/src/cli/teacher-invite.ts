// `pnpm teacher:invite [--label "For Leila Farahani"] [--days 7]`: prints a single-use code that
// makes its sign-up a teacher. How the first teacher of a new installation gets in (teachers then
// invite colleagues from their dashboard). Uses the same database as `npm run up` (running or not)
// and applies pending migrations first.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@quiz/prisma';
import { openDatabase } from '@quiz/prisma/database';
import { applyMigrations } from '@quiz/prisma/schema-engine';
import { createInvitation, INVITATION_TTL_DAYS } from '../modules/accounts/invitations';

const main = async () => {
  const { values } = parseArgs({
    // pnpm may pass a `--` separator through.
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { label: { type: 'string', default: '' }, days: { type: 'string' } },
  });
  const days = Number(values.days ?? INVITATION_TTL_DAYS);
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new Error('--days must be a whole number from 1 to 90');
  }
  const database = await openDatabase(() => {});
  const db = createPrismaClient({ url: database.url });
  try {
    await applyMigrations(database.url);
    const now = new Date();
    const created = await createInvitation({
      db,
      issuerId: null,
      label: values.label,
      now,
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
  } finally {
    await db.$disconnect();
    await database.close();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

import { runCli } from '../src/cli';
import { openDatabase } from '../src/database';
import { applyMigrations } from '../src/database/schema-engine';

runCli(async () => {
  const database = await openDatabase();
  try {
    const applied = await applyMigrations(database.url);
    console.log(
      applied.length === 0
        ? `Migrations: the database is up to date (${database.description}).`
        : `Migrations: applied ${applied.join(', ')} (${database.description}).`,
    );
  } finally {
    await database.close();
  }
});

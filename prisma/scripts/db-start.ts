import { runCli } from '../src/cli';
import { openDatabase } from '../src/database';

// Starts the database on its own and keeps it up until Ctrl-C: `pnpm db:start`.
runCli(async () => {
  const database = await openDatabase();
  console.log(`Database ready: ${database.description}\nDATABASE_URL=${database.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await database.close();
});

#!/usr/bin/env node
// `npm run up`: installs everything, then starts the database, migrations, seed, API and web and
// prints the URLs. Flags: --no-install (skip the install), --dev (hot-reloading servers).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pnpmCommand, ROOT } from './pnpm.mjs';
import { run } from './run.mjs';

const args = process.argv.slice(2);
const started = Date.now();

try {
  if (!args.includes('--no-install')) {
    const [command, ...rest] = pnpmCommand();
    console.log('› Installing dependencies (pnpm install --frozen-lockfile)…');
    await run(command, [...rest, 'install', '--frozen-lockfile']);
    // Generated code (Prisma client, resolver types, web documents) is not committed.
    await run(command, [...rest, 'generate']);
    console.log(`› Installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // One process for the launcher (Node with the tsx loader), so signals reach it directly.
  const launcher = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'scripts', 'start.ts'),
      ...args.filter((a) => a === '--dev'),
    ],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, QUIZ_UP_STARTED: String(started) } },
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => launcher.kill(signal));
  }
  const code = await new Promise((resolve) => launcher.once('exit', (c) => resolve(c ?? 1)));
  process.exit(code);
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

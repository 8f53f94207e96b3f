#!/usr/bin/env node
// `npm test`: installs if needed, then runs every check: lint, typecheck, each package's jest
// suites (real PostgreSQL), the fault tests, and the browser tests (Debian's Chromium, real API and database).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pnpmCommand, ROOT } from './pnpm.mjs';
import { run } from './run.mjs';

const steps = [
  ['Lint', ['lint']],
  ['Typecheck', ['typecheck']],
  ['Unit and integration tests', ['test:unit']],
  // About a minute: kill -9, a PostgreSQL crash, SIGTERM, pool exhaustion, two API processes.
  ['Fault tests', ['test:faults']],
];
if (existsSync(path.join(ROOT, 'web', 'e2e'))) {
  steps.push(['Browser tests', ['--filter', '@quiz/web', 'test:e2e']]);
}

const started = Date.now();
try {
  const [install, ...installArgs] = pnpmCommand();
  await run(install, [...installArgs, 'install', '--frozen-lockfile']);
  // Generated code (Prisma client, resolver types, web documents) is not committed.
  await run(install, [...installArgs, 'generate']);
  const [pnpm, ...pnpmArgs] = pnpmCommand();
  for (const [name, args] of steps) {
    console.log(`\n› ${name}`);
    await run(pnpm, [...pnpmArgs, ...args]);
  }
  console.log(`\n✓ All checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`\n✗ ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

#!/usr/bin/env node
// preinstall: the workspace installs with pnpm (through `npm run up`). A plain `npm install` would
// write a second lockfile and skip the workspace links, so it stops here with what to run instead.
// Checked in-process, not with `npx only-allow`, which starts npm inside pnpm and prints warnings.
const agent = process.env.npm_config_user_agent ?? '';
if (!agent.startsWith('pnpm/')) {
  console.error('This workspace installs with pnpm: run `npm run up` (it fetches pnpm itself).');
  process.exit(1);
}

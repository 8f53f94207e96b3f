// Finds pnpm on a bare machine (only Node and npm): the workspace's own copy once installed,
// otherwise the pinned release through npx (npm's package runner).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
export const PNPM_VERSION = packageManager.replace(/^pnpm@/, '');

/** The command and leading arguments that run pnpm. */
export const pnpmCommand = () => {
  const local = path.join(ROOT, 'node_modules', '.bin', 'pnpm');
  return existsSync(local) ? [local] : ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
};

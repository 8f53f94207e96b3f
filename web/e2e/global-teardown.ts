import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE, type StackState } from './global-setup';
import { stopStack } from './stack';

const globalTeardown = async () => {
  if (!existsSync(STATE_FILE)) {
    return;
  }
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StackState;
  await stopStack(state, Boolean(process.env.E2E_KEEP));
  rmSync(STATE_FILE, { force: true });
};

export default globalTeardown;

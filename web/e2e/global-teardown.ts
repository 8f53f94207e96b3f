import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE, type StackState } from './global-setup';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to the launcher (it stops web, API and database in order), then wait for it. */
const globalTeardown = async () => {
  if (!existsSync(STATE_FILE)) {
    return;
  }
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StackState;
  if (state.pid > 0 && isAlive(state.pid)) {
    process.kill(state.pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isAlive(state.pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (isAlive(state.pid)) {
      // Only the group we started (detached launcher and its children).
      process.kill(-state.pid, 'SIGKILL');
    }
  }
  if (!process.env.E2E_KEEP) {
    rmSync(state.dir, { recursive: true, force: true });
  }
  rmSync(STATE_FILE, { force: true });
};

export default globalTeardown;

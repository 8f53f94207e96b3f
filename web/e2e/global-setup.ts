import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Stack, startStack } from './stack';

// Starts the real stack once for all browser tests; global-teardown.ts stops it from the state
// file (it runs in another process).

export const STATE_FILE = path.join(__dirname, '..', 'test-results', 'e2e-stack.json');
const START_TIMEOUT_MS = 8 * 60_000;

export type StackState = Stack;

const globalSetup = async () => {
  if (process.env.E2E_BASE_URL) {
    // A stack that is already running (E2E_BASE_URL=http://localhost:3000 pnpm test:e2e).
    return;
  }
  const stack = await startStack({ name: 'e2e', timeoutMs: START_TIMEOUT_MS });
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(stack));
  process.env.E2E_BASE_URL = stack.baseUrl;
  process.env.E2E_API_URL = stack.apiUrl;
};

export default globalSetup;

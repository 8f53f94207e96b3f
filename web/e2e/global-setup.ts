import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Starts the real stack for the browser tests: the launcher (scripts/start.ts) opens a throwaway
// database (embedded PostgreSQL in a fresh folder, or a fresh database on TEST_DATABASE_URL),
// migrates, seeds, builds the web app if stale and starts API and web on free ports.

const ROOT = path.resolve(__dirname, '..', '..');
export const STATE_FILE = path.join(__dirname, '..', 'test-results', 'e2e-stack.json');
const START_TIMEOUT_MS = 8 * 60_000;

export type StackState = { pid: number; dir: string; log: string; baseUrl: string; apiUrl: string };

const freePort = (taken: Set<number>): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (taken.has(port) ? freePort(taken).then(resolve, reject) : resolve(port)));
    });
  });

/** A fresh database on the server of TEST_DATABASE_URL (needs CREATEDB), via the prisma package's pg. */
const freshDatabaseUrl = (serverUrl: string): string => {
  const name = `quiz_e2e_${Date.now().toString(36)}_${process.pid}`;
  const script = `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query('CREATE DATABASE "${name}"')).then(() => c.end()).catch((e) => { console.error(e.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script, serverUrl], {
    cwd: path.join(ROOT, 'prisma'),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`Could not create ${name} on TEST_DATABASE_URL: ${result.stderr}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

const globalSetup = async () => {
  if (process.env.E2E_BASE_URL) {
    // A stack that is already running (E2E_BASE_URL=http://localhost:3000 pnpm test:e2e).
    return;
  }
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort(taken);
    taken.add(port);
    ports.push(port);
  }
  const [pgPort, apiPort, webPort] = ports as [number, number, number];
  const dir = mkdtempSync(path.join(tmpdir(), 'quiz-e2e-'));
  chmodSync(dir, 0o755);
  const log = path.join(dir, 'stack.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: path.join(dir, 'postgres'),
    EMBEDDED_PG_PORT: String(pgPort),
    API_PORT: String(apiPort),
    WEB_PORT: String(webPort),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = freshDatabaseUrl(process.env.TEST_DATABASE_URL);
  }

  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'start.ts')],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const out = createWriteStream(log);
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const baseUrl = `http://localhost:${webPort}`;
  const state: StackState = {
    pid: child.pid ?? 0,
    dir,
    log,
    baseUrl,
    apiUrl: `http://localhost:${apiPort}`,
  };
  mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(`The stack did not start within ${START_TIMEOUT_MS / 1000} s; see ${log}`),
        ),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The stack exited early (code ${code}):\n${readFileSync(log, 'utf8').slice(-4000)}`,
        ),
      );
    });
  });
  child.stdout?.removeAllListeners('data');
  child.removeAllListeners('exit');
  child.unref();
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_API_URL = state.apiUrl;
};

export default globalSetup;

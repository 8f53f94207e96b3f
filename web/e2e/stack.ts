import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The real stack on free ports for the browser tests and `pnpm bench:web`: the launcher
// (scripts/start.ts) opens a throwaway database (embedded PostgreSQL in a fresh folder, or a
// fresh database on TEST_DATABASE_URL), migrates, seeds, builds the web app if stale and starts
// API and web.

// __filename, not __dirname: tsx defines only the former when an ES module (scripts/lighthouse.mjs)
// imports this file.
const ROOT = path.resolve(path.dirname(__filename), '..', '..');

export type Stack = {
  /** The launcher's pid; it leads its own process group. */
  pid: number;
  /** The throwaway folder (database and log). */
  dir: string;
  log: string;
  baseUrl: string;
  apiUrl: string;
  /** Whether the launcher had to run `next build` first. */
  built: boolean;
};

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

/** Starts the stack and resolves once it prints its URLs; the launcher is left running, detached. */
export const startStack = async ({
  name,
  timeoutMs,
}: {
  /** Names the throwaway folder (quiz-<name>-…). */
  name: string;
  timeoutMs: number;
}): Promise<Stack> => {
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort(taken);
    taken.add(port);
    ports.push(port);
  }
  const [pgPort, apiPort, webPort] = ports as [number, number, number];
  const dir = mkdtempSync(path.join(tmpdir(), `quiz-${name}-`));
  // As root, PostgreSQL runs as `postgres`, which must reach its folder inside this one.
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

  const child = spawn(
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

  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The stack did not start within ${timeoutMs / 1000} s; see ${log}`)),
      timeoutMs,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `The stack exited early (code ${code}):\n${readFileSync(log, 'utf8').slice(-4000)}`,
        ),
      );
    });
  });
  try {
    await started;
  } catch (error) {
    // Leave nothing running; the folder stays for its log.
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
    throw error;
  }
  child.stdout?.removeAllListeners('data');
  child.removeAllListeners('exit');
  child.unref();
  return {
    pid: child.pid ?? 0,
    dir,
    log,
    baseUrl: `http://localhost:${webPort}`,
    apiUrl: `http://localhost:${apiPort}`,
    built: output.includes('Building the web app'),
  };
};

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM to the launcher (it stops web, API and database in order), wait for it, then remove the
 * throwaway folder unless `keep`.
 */
export const stopStack = async (stack: Pick<Stack, 'pid' | 'dir'>, keep = false) => {
  if (stack.pid > 0 && isAlive(stack.pid)) {
    process.kill(stack.pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (isAlive(stack.pid) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (isAlive(stack.pid)) {
      // Only the group we started (detached launcher and its children).
      process.kill(-stack.pid, 'SIGKILL');
    }
  }
  if (!keep) {
    rmSync(stack.dir, { recursive: true, force: true });
  }
};

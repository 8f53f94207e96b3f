// Keeps the launcher's long-running children (API, web) up: a child that dies is logged with its
// cause (exit code or signal and its last output lines) and started again after a backoff, while
// everything else (the other child, the database) stays up. Used by scripts/start.ts; tested by
// api/test/faults/launcher-restart.test.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export type Backoff = {
  /** Wait before the first restart; doubled for each quick death after it. */
  initialMs: number;
  maxMs: number;
  /** A child that ran this long is healthy again: the next death waits initialMs. */
  resetAfterMs: number;
};

export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 };

/** Lines of a child's output kept to explain its death. */
const LAST_LINES = 20;
/** V8's native stack frames after a fatal error ("  3: 0xee85e7 v8::…"): they would push the cause out. */
const NATIVE_FRAME = /^\s*\d+: 0x[0-9a-f]+ /;

export type SuperviseOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  backoff?: Backoff;
  /** Where the child's prefixed output and the supervisor's notes go. */
  out?: (text: string) => void;
  err?: (text: string) => void;
};

export type Supervised = {
  /** The running child, if any. */
  readonly child: ChildProcess | null;
  /** Restarts so far. */
  readonly restarts: number;
  /** Stops the child (SIGTERM, SIGKILL after 10 s) and restarts nothing more. */
  stop: () => Promise<void>;
};

const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `exit code ${code}`;

export const supervise = ({
  name,
  command,
  args,
  cwd,
  env,
  backoff = DEFAULT_BACKOFF,
  out = (text) => console.log(text),
  err = (text) => console.error(text),
}: SuperviseOptions): Supervised => {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let quickDeaths = 0;
  let timer: NodeJS.Timeout | undefined;

  const start = () => {
    const startedAt = Date.now();
    const last: string[] = [];
    const current = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = current;
    const relay = (write: (text: string) => void) => (chunk: Buffer) => {
      const lines = chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim() !== '');
      last.push(...lines.filter((line) => !NATIVE_FRAME.test(line)));
      last.splice(0, Math.max(0, last.length - LAST_LINES));
      if (lines.length) {
        write(lines.map((line) => `[${name}] ${line}`).join('\n'));
      }
    };
    current.stdout?.on('data', relay(out));
    current.stderr?.on('data', relay(err));
    current.once('error', (error) => err(`[${name}] could not start: ${error.message}`));
    current.once('exit', (code, signal) => {
      if (child === current) {
        child = null;
      }
      if (stopping) {
        return;
      }
      const ranMs = Date.now() - startedAt;
      quickDeaths = ranMs >= backoff.resetAfterMs ? 1 : quickDeaths + 1;
      const delay = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (quickDeaths - 1));
      restarts += 1;
      err(
        [
          `› The ${name} process stopped (${describeExit(code, signal)}) after ${(ranMs / 1000).toFixed(1)} s; restarting it in ${(delay / 1000).toFixed(1)} s (restart ${restarts}).`,
          ...(last.length
            ? [`  Its last output:`, ...last.slice(-10).map((line) => `    ${line}`)]
            : []),
        ].join('\n'),
      );
      timer = setTimeout(start, delay);
    });
  };

  start();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) {
        return;
      }
      await new Promise<void>((resolve) => {
        current.once('exit', () => resolve());
        current.kill('SIGTERM');
        setTimeout(() => current.kill('SIGKILL'), 10_000).unref();
      });
    },
  };
};

/**
 * How the launcher runs the API: Node with the tsx loader and a heap ceiling, so that a runaway
 * request ends the process (which is restarted) at a known size instead of swapping the machine.
 */
export const apiCommand = ({
  root,
  heapMb,
  watch = false,
}: {
  root: string;
  heapMb: number;
  watch?: boolean;
}): { command: string; args: string[] } => ({
  command: process.execPath,
  args: [
    `--max-old-space-size=${heapMb}`,
    '--import',
    'tsx',
    ...(watch ? ['--watch'] : []),
    path.join(root, 'api', 'src', 'server.ts'),
  ],
});

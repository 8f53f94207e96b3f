/**
 * The hostile corpus (issue 12) against a real API process in production mode, over real HTTP,
 * on a database with the real knowledge base: no 5xx but 503, the API's RSS under 512 MB, /health
 * answering all along, no stretch of work holding the API's event loop for more than 250 ms of
 * CPU, and the two attacks of the issue refused by name.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@quiz/prisma/test-database';
import { type Api, startApi } from '../faults/support';
import { type HostileRequest, hostileCorpus } from './corpus';

const PRISMA_DIR = path.resolve(__dirname, '..', '..', '..', 'prisma');
const DOCUMENTS = 520;
const CONCURRENCY = 8;
/** Clients the corpus speaks for (the web proxy's X-Forwarded-For), so per-client shares apply. */
const CLIENTS = ['198.51.100.7', '198.51.100.8', '2001:db8::9'];
/**
 * The API believes X-Forwarded-For only with the proxy's secret (lib/client-address.ts): the
 * corpus sends both, as the web proxy would, so each of CLIENTS gets its own share.
 */
const PROXY_SECRET = 'hostile-corpus-proxy-secret';

type Outcome = {
  kind: string;
  status: number;
  ms: number;
  code?: string;
  message?: string;
  network?: string;
};

const rssKb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/**
 * Polls /health from a process of its own, so that the latencies are the API's and not this
 * process's (which is busy reading the corpus's answers). Prints them as JSON on SIGTERM.
 */
const POLLER = `
const url = process.argv[1];
const times = [];
const parts = [];
let running = true;
process.on('SIGTERM', () => { running = false; });
const poll = async () => {
  const t = performance.now();
  const sent = performance.timeOrigin + t;
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await r.text();
    const ms = performance.now() - t;
    const timing = r.headers.get('server-timing') ?? '';
    const db = Number(/db;dur=([\\d.]+)/.exec(timing)?.[1] ?? NaN);
    const at = Number(/at;desc=([\\d.]+)/.exec(timing)?.[1] ?? NaN);
    parts.push([ms, at - sent, db, sent + ms - at - db]);
    return r.status === 200 ? ms : -1;
  } catch { return -1; }
};
(async () => {
  await poll(); await poll();
  parts.length = 0;
  process.stdout.write('ready\\n');
  while (running) {
    times.push(await poll());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.stdout.write(JSON.stringify({ times, parts }));
})();
`;

/** One poll's parts (ms): client total, send → server arrival, database, server → client. */
type PollParts = [number, number, number, number];

const pollHealth = async (url: string) => {
  const child = spawn(process.execPath, ['-e', POLLER, `${url}/health`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) {
        resolve();
      }
    });
  });
  const done = new Promise<{ times: number[]; parts: PollParts[] }>((resolve) =>
    child.once('exit', () =>
      resolve(JSON.parse(out.replace(/^ready\n/, '') || '{"times":[],"parts":[]}')),
    ),
  );
  // Two warm-up polls first, so the poller's own first fetch (undici's start) is not counted.
  await ready;
  return {
    stop: () => {
      child.kill('SIGTERM');
      return done;
    },
  };
};

const send = async (url: string, request: HostileRequest, client: string): Promise<Outcome> => {
  const t = performance.now();
  const method = request.method ?? 'POST';
  try {
    const response = await fetch(`${url}/graphql${request.search ?? ''}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'apollo-require-preflight': '1',
        'x-forwarded-for': client,
        'x-quiz-proxy-secret': PROXY_SECRET,
        ...request.headers,
      },
      body: method === 'POST' ? (request.raw ?? JSON.stringify(request.payload)) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let first: { message?: string; extensions?: { code?: string } } | undefined;
    try {
      // Answers with data can be megabytes: only error answers (small) are parsed.
      first = text.startsWith('{"errors"')
        ? (JSON.parse(text) as { errors?: (typeof first)[] }).errors?.[0]
        : undefined;
    } catch {
      first = undefined;
    }
    return {
      kind: request.kind,
      status: response.status,
      ms: performance.now() - t,
      code: first?.extensions?.code,
      message: first?.message,
    };
  } catch (error) {
    return {
      kind: request.kind,
      status: 0,
      ms: performance.now() - t,
      network: String(
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name,
      ),
    };
  }
};

describe('the hostile corpus against a real API process', () => {
  let database: TestDatabase;
  let api: Api;
  beforeAll(async () => {
    database = await createTestDatabase();
    // The real knowledge base (Iran has 62 relations: what the attacks of issue 12 multiplied).
    execFileSync(
      path.join(PRISMA_DIR, 'node_modules', '.bin', 'tsx'),
      [path.join(PRISMA_DIR, 'seed', 'index.ts')],
      { env: { ...process.env, DATABASE_URL: database.url }, stdio: 'pipe' },
    );
    // HOSTILE_PROFILE=dir writes a CPU profile of the API (at its SIGTERM below) into dir.
    api = await startApi(
      database.url,
      { PROXY_SECRET, TRUST_PROXY_HOPS: '1' },
      process.env.HOSTILE_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HOSTILE_PROFILE}`]
        : [],
    );
  }, 120_000);
  afterAll(async () => {
    api?.kill('SIGKILL');
    await api?.exited;
    await database?.drop();
  });

  it('answers every document without a 5xx (but 503), within 512 MB, /health staying fast', async () => {
    const corpus = hostileCorpus(DOCUMENTS);
    // Whether the machine has a CPU free for each core's worth of work before the corpus starts.
    const loadBefore = loadavg()[0] ?? 0;
    const quiet = loadBefore < cpus().length;
    const outcomes: Outcome[] = [];
    let peakRss = rssKb(api.pid);
    let running = true;

    const sampler = (async () => {
      while (running) {
        peakRss = Math.max(peakRss, rssKb(api.pid));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const poller = await pollHealth(api.url);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let i = next++; i < corpus.length; i = next++) {
          outcomes.push(
            await send(
              api.url,
              corpus[i] as HostileRequest,
              CLIENTS[(i + worker) % CLIENTS.length] as string,
            ),
          );
        }
      }),
    );
    const elapsed = performance.now() - started;
    running = false;
    const [{ times: health, parts }] = await Promise.all([poller.stop(), sampler]);
    // The API's own measure of its event loop, written to its log when it stops.
    api.kill('SIGTERM');
    await api.exited;
    const loop =
      /event loop delay p50 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms; CPU between ticks p99 ([\d.]+) ms, max ([\d.]+) ms/.exec(
        api.output(),
      );

    const byStatus = outcomes.reduce<Record<string, number>>((acc, o) => {
      const key =
        o.status === 0 ? `network ${o.network}` : `${o.status}${o.code ? ` ${o.code}` : ''}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {});
    const worst = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
    const healthP99 = percentile(health, 99);
    console.log(
      [
        `Hostile corpus: ${outcomes.length} documents in ${(elapsed / 1000).toFixed(1)} s (${CONCURRENCY} at a time)`,
        `worst response ${worst.ms.toFixed(0)} ms (${worst.kind}, ${worst.status} ${worst.code ?? ''})`,
        `peak API RSS ${(peakRss / 1024).toFixed(0)} MB`,
        `/health p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${healthP99.toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms over ${health.length} polls`,
        `API event loop delay p50 ${loop?.[1]} ms, p99 ${loop?.[2]} ms, max ${loop?.[3]} ms; CPU between ticks p99 ${loop?.[4]} ms, max ${loop?.[5]} ms`,
        `outcomes ${JSON.stringify(byStatus)}`,
      ].join('\n'),
    );

    if (process.env.HOSTILE_DEBUG) {
      const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 15);
      console.log(slowest.map((o) => `${o.kind} ${o.status} ${o.ms.toFixed(0)} ms`).join('\n'));
      console.log(`/health polls in order (ms): ${health.map((ms) => ms.toFixed(0)).join(' ')}`);
      const part = (i: number) =>
        [50, 90, 99]
          .map((p) =>
            percentile(
              parts.map((x) => x[i] as number),
              p,
            ).toFixed(1),
          )
          .join(' / ');
      console.log(
        `/health parts p50 / p90 / p99 (ms): total ${part(0)}; send → arrival ${part(1)}; database ${part(2)}; server → client ${part(3)}`,
      );
      const slow = parts.filter((x) => x[0] > 100);
      console.log(
        `/health polls over 100 ms (total, arrival, db, back): ${slow.map((x) => x.map((v) => v.toFixed(0)).join(',')).join(' ')}`,
      );
    }
    const failures = outcomes.filter(
      (o) => o.status === 0 || (o.status >= 500 && o.status !== 503),
    );
    expect(
      failures.map(
        (o) => `${o.kind}: ${o.status} ${o.network ?? ''} ${o.code ?? ''} ${o.message ?? ''}`,
      ),
    ).toEqual([]);
    expect(outcomes.filter((o) => o.code === 'INTERNAL_SERVER_ERROR')).toEqual([]);
    expect(outcomes).toHaveLength(DOCUMENTS);
    expect(peakRss).toBeLessThan(512 * 1024);
    // /health answered (-1 marks a poll that failed or took over 5 s; at a load average of 20 a
    // few did). Its latency is printed, not asserted: measured from another process on a shared
    // 2-core machine it counts the time the API waited for a CPU behind other jobs (p99 0.7–1.5 s
    // at load average 8–11, docs/security.md). What the API controls is how long one stretch of
    // its own work holds the event loop: the CPU time between two ticks of a 10 ms timer, which
    // other jobs do not inflate. Before the per-turn queue and the warm-up it peaked at 0.5–0.7 s
    // (a whole batch of deferred fields, Prisma's first query); now under 0.1 s.
    expect(loop).not.toBeNull();
    expect(Number(loop?.[5])).toBeLessThan(250);
    expect(health.filter((ms) => ms < 0).length).toBeLessThanOrEqual(health.length * 0.05);
    expect(health.length).toBeGreaterThan(10);
    // Issue 12's figure, /health p99 under 100 ms, holds on a machine that is not already busy
    // (clean-clone CI: p99 44 ms over 128 polls; the API's own stretches stay under 50 ms). Above a
    // load average of one per core the poll measures other jobs' CPU time, so it is only printed.
    console.log(
      `/health p99 ${healthP99.toFixed(1)} ms at load average ${loadBefore.toFixed(2)} (${quiet ? 'asserted < 100 ms' : 'busy machine: printed only'})`,
    );
    if (quiet) {
      expect(healthP99).toBeLessThan(100);
    }
    // No stack in the API's log: nothing reached the masked-error path.
    expect(api.output()).not.toMatch(/\n\s+at /);
    // The warm-up's documents (warm-up.ts) still answer without errors.
    expect(api.output()).not.toMatch(/API warm-up/);

    for (const kind of ['issue 12: nine-level relations', 'issue 12: 15 aliases, n = 100']) {
      const attack = outcomes.find((o) => o.kind === kind);
      expect(attack).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
      expect(attack?.message).toMatch(/^Query cost [\d,]+ exceeds the limit of 200,000$/);
    }
  }, 120_000);
});

/**
 * R3 — PostgreSQL crashes (immediate shutdown: SIGQUIT to the postmaster, crash recovery on the
 * next start) under a load of quiz fetches and answers: the API process survives, fails fast and
 * clearly while the database is away, and serves again by itself once it is back; every answer
 * acknowledged before the crash is still there.
 */
import {
  attemptIdOf,
  cookieOf,
  questionIdOf,
  questionNumberOf,
  setNumberOf,
} from '../../bench/data';
import {
  ANSWER,
  type Api,
  ATTEMPT,
  correctOptions,
  figure,
  gql,
  outcome,
  type Postgres,
  sleep,
  startApi,
  startPostgres,
  tally,
  waitUntil,
} from './support';

const FETCHERS = 50;
const ANSWERERS = 100;
const WORKERS = 8;
const OUTAGE_MS = 3_000;

type Sample = { at: number; ms: number; outcome: string; worker: number };

describe('PostgreSQL restart under load', () => {
  let db: Postgres;
  let api: Api;
  beforeAll(async () => {
    db = await startPostgres({ f: FETCHERS, n: ANSWERERS, x: 0 });
    api = await startApi(db.url);
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.destroy();
  });

  it('recovers by itself, with clear errors while the database is away', async () => {
    const correct = await correctOptions(db);
    const samples: Sample[] = [];
    const acked: { player: number; position: number; at: number }[] = [];
    let running = true;
    let next = 0;
    const t0 = performance.now();
    const worker = async (w: number) => {
      while (running) {
        const k = next;
        next += 1;
        const reply =
          k % 2 === 0
            ? await gql(api.url, {
                query: ATTEMPT,
                variables: { id: attemptIdOf('f', (k % FETCHERS) + 1) },
                cookie: cookieOf('f', (k % FETCHERS) + 1),
              })
            : await (async () => {
                const player = ((k >> 1) % ANSWERERS) + 1;
                const position = Math.floor((k >> 1) / ANSWERERS) % 30;
                const question = questionIdOf(questionNumberOf(setNumberOf(player), position));
                const r = await gql(api.url, {
                  query: ANSWER,
                  variables: {
                    attemptId: attemptIdOf('n', player),
                    position,
                    response: { optionIds: [correct.get(question)] },
                  },
                  cookie: cookieOf('n', player),
                });
                if (outcome(r) === 'ok') {
                  acked.push({ player, position, at: performance.now() - t0 });
                }
                return r;
              })();
        samples.push({
          at: performance.now() - t0,
          ms: reply.ms,
          outcome: outcome(reply),
          worker: w,
        });
        if (outcome(reply) !== 'ok') {
          await sleep(20);
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    // Enough answers acknowledged before the crash to check they all survive it.
    expect(await waitUntil(() => acked.length > 40, 60_000)).toBe(true);
    const crashAt = performance.now() - t0;
    await db.crash();
    await sleep(OUTAGE_MS);
    await db.start();
    const upAt = performance.now() - t0;
    await sleep(4_000);
    running = false;
    await Promise.all(workers);

    const during = samples.filter((s) => s.at > crashAt && s.at <= upAt);
    const after = samples.filter((s) => s.at > upAt);
    const firstOk = after.find((s) => s.outcome === 'ok');
    // Sustained: from here on, every 500 ms window is ≥ 99 % ok.
    const windows: { from: number; ok: number; all: number }[] = [];
    for (let from = upAt; from < upAt + 4_000; from += 500) {
      const inWindow = after.filter((s) => s.at > from && s.at <= from + 500);
      windows.push({
        from,
        ok: inWindow.filter((s) => s.outcome === 'ok').length,
        all: inWindow.length,
      });
    }
    const sustained = windows.findIndex((_w, i) =>
      windows.slice(i).every((x) => x.all > 0 && x.ok / x.all >= 0.99),
    );
    const alive = await Promise.race([api.exited.then(() => false), sleep(100).then(() => true)]);
    const ackedBefore = acked.filter((a) => a.at < crashAt);
    const present = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AttemptItem" i
       JOIN unnest($1::uuid[], $2::int[]) AS x(attempt, position)
         ON i."attemptId" = x.attempt AND i.position = x.position
       WHERE i."answeredAt" IS NOT NULL`,
      [ackedBefore.map((a) => attemptIdOf('n', a.player)), ackedBefore.map((a) => a.position)],
    );
    const maxDuring = Math.max(0, ...during.map((s) => s.ms));
    const recovery = firstOk ? (firstOk.at - upAt) / 1000 : Number.NaN;
    const sustainedAfter =
      sustained >= 0 ? ((windows[sustained]?.from ?? 0) - upAt) / 1000 : Number.NaN;
    figure(
      'R3 PostgreSQL restart',
      `outage ${((upAt - crashAt) / 1000).toFixed(1)} s (SIGQUIT, ${OUTAGE_MS / 1000} s down, crash recovery on start); API crashes ${alive ? 0 : 1}; errors during the outage ${JSON.stringify(tally(during.map((s) => s.outcome)))}; slowest request during the outage ${maxDuring.toFixed(0)} ms; after PostgreSQL was back: first success in ${recovery.toFixed(2)} s, ≥ 99 % success in every 500 ms window from ${sustainedAfter.toFixed(1)} s, outcomes ${JSON.stringify(tally(after.map((s) => s.outcome)))}; answers acknowledged before the crash ${ackedBefore.length}, present ${present[0]?.n}`,
    );
    expect(alive).toBe(true);
    expect(ackedBefore.length).toBeGreaterThan(20);
    expect(present[0]?.n).toBe(ackedBefore.length);
    // Clear, fast failures while the database is away: SERVICE_UNAVAILABLE, no hang.
    expect(during.length).toBeGreaterThan(0);
    expect(
      during.filter((s) => s.outcome !== 'ok' && s.outcome !== '503 SERVICE_UNAVAILABLE'),
    ).toEqual([]);
    expect(maxDuring).toBeLessThan(6_000);
    expect(recovery).toBeLessThan(5);
    expect(sustained).toBeGreaterThanOrEqual(0);
  });
});

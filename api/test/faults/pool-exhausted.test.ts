/**
 * R5 — connection pool exhausted: with DB_POOL_SIZE=1 and the one connection held by an answer
 * stuck behind a row lock, other requests wait at most DB_POOL_TIMEOUT_MS for a connection and
 * then fail clearly (503 SERVICE_UNAVAILABLE, Retry-After), never hang; once the connection is
 * free again everything succeeds.
 */
import pg from 'pg';
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
} from './support';

const TIMEOUT_MS = 1_000;
const WAITERS = 20;

describe('connection pool exhausted', () => {
  let db: Postgres;
  let api: Api;
  beforeAll(async () => {
    db = await startPostgres({ f: WAITERS, n: 1, x: 0 });
    // The request time limit (10 s) would stop the held request first: this test is about the pool.
    api = await startApi(db.url, {
      DB_POOL_SIZE: '1',
      DB_POOL_TIMEOUT_MS: String(TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: '60000',
    });
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.destroy();
  });

  it('waits a bounded time, then answers SERVICE_UNAVAILABLE; recovers when a connection frees', async () => {
    const correct = await correctOptions(db);
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM "Attempt" WHERE id = $1 FOR UPDATE`, [attemptIdOf('n', 1)]);
    // This answer takes the pool's only connection and waits on the lock with it.
    const stuck = gql(api.url, {
      query: ANSWER,
      variables: {
        attemptId: attemptIdOf('n', 1),
        position: 0,
        response: { optionIds: [correct.get(questionIdOf(questionNumberOf(setNumberOf(1), 0)))] },
      },
      cookie: cookieOf('n', 1),
    });
    for (let i = 0; i < 100; i += 1) {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) >= 1) {
        break;
      }
      await sleep(50);
    }
    const fetch = (i: number) =>
      gql(api.url, {
        query: ATTEMPT,
        variables: { id: attemptIdOf('f', i + 1) },
        cookie: cookieOf('f', i + 1),
      });
    const refused = await Promise.all(Array.from({ length: WAITERS }, (_, i) => fetch(i)));
    const retryAfter = await fetch(0);
    await holder.query('COMMIT');
    await holder.end();
    const held = await stuck;
    const after = await Promise.all(Array.from({ length: WAITERS }, (_, i) => fetch(i)));
    const waits = refused.map((r) => r.ms).sort((a, b) => a - b);
    figure(
      'R5 pool exhausted',
      `pool max 1, acquire timeout ${TIMEOUT_MS} ms; ${WAITERS} concurrent requests while the connection was held: ${JSON.stringify(tally(refused.map(outcome)))}, answered after ${waits[0]?.toFixed(0)}–${waits.at(-1)?.toFixed(0)} ms; the held answer ${outcome(held)} after ${(held.ms / 1000).toFixed(1)} s; after release ${JSON.stringify(tally(after.map(outcome)))}`,
    );
    expect(refused.map(outcome)).toEqual(Array(WAITERS).fill('503 SERVICE_UNAVAILABLE'));
    // Bounded: the acquire timeout (requests queue behind each other for the one connection)
    // plus a margin, never a hang.
    expect(waits.at(-1)).toBeLessThan(TIMEOUT_MS + 1_500);
    expect(waits[0]).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(retryAfter.status).toBe(503);
    expect(outcome(held)).toBe('ok');
    expect(after.map(outcome)).toEqual(Array(WAITERS).fill('ok'));
  });
});

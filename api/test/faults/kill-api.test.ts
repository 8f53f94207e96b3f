/**
 * R1 — kill -9 of the API under a load of answer submissions: every acknowledged answer is in
 * the database with the value acknowledged, none is acknowledged twice with different values, no
 * row is torn (all answer columns written together, score consistent with the key, a review card
 * for every wrong answer), and a restarted process serves again at once.
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
  correctOptions,
  figure,
  gql,
  outcome,
  type Postgres,
  publicOptionIds,
  sleep,
  startApi,
  startPostgres,
  tally,
  waitUntil,
  wrongOptions,
} from './support';

const PLAYERS = 150;
const POSITIONS = 30;
const WORKERS = 16;
const KILLS = 2;
const ACKS_PER_PROCESS = 80;

type Item = { player: number; position: number; option: string; right: boolean };
type Ack = { option: string; isCorrect: boolean; points: number };

describe('kill -9 of the API during answer submissions', () => {
  let db: Postgres;
  let api: Api;
  beforeAll(async () => {
    db = await startPostgres({ f: 0, n: PLAYERS, x: 0 });
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.destroy();
  });

  it('loses, duplicates and tears nothing, and the new process serves at once', async () => {
    const correct = await correctOptions(db);
    const wrong = await wrongOptions(db);
    // Every item once, interleaved across players; one in four answered wrong (a review card).
    const queue: Item[] = [];
    for (let position = 0; position < POSITIONS; position += 1) {
      for (let player = 1; player <= PLAYERS; player += 1) {
        const question = questionIdOf(questionNumberOf(setNumberOf(player), position));
        const right = (player + position) % 4 !== 0;
        const option = (right ? correct : wrong).get(question) as string;
        queue.push({ player, position, option, right });
      }
    }
    const acked = new Map<string, Ack>();
    const conflicts: string[] = [];
    const outcomes: string[] = [];
    const key = (item: Item) => `${item.player}:${item.position}`;
    let current = await startApi(db.url);
    api = current;
    let running = true;
    let killedAt = 0;
    let killed: Api | null = null;
    const recoveries: number[] = [];

    const worker = async () => {
      for (let item = queue.shift(); item && running; item = queue.shift()) {
        // Retry an unacknowledged answer (same request) until the API acknowledges it.
        for (let attempt = 0; attempt < 200; attempt += 1) {
          const target = current;
          const reply = await gql(
            target.url,
            {
              query: ANSWER,
              variables: {
                attemptId: attemptIdOf('n', item.player),
                position: item.position,
                response: { optionIds: [item.option] },
              },
              cookie: cookieOf('n', item.player),
            },
            5_000,
          );
          outcomes.push(outcome(reply));
          const result = reply.body?.data?.answerQuestion as
            | {
                position: number;
                isCorrect: boolean;
                points: number;
                response: { optionIds: string[] };
              }
            | undefined;
          if (reply.status === 200 && result) {
            if (killedAt && target === current && target !== killed) {
              recoveries.push(performance.now() - killedAt);
              killedAt = 0;
            }
            const ack = {
              option: result.response.optionIds[0] as string,
              isCorrect: result.isCorrect,
              points: result.points,
            };
            const before = acked.get(key(item));
            if (before && JSON.stringify(before) !== JSON.stringify(ack)) {
              conflicts.push(`${key(item)}: ${JSON.stringify(before)} then ${JSON.stringify(ack)}`);
            }
            if (result.position !== item.position || ack.option !== item.option) {
              conflicts.push(`${key(item)}: acknowledged ${JSON.stringify(result)}`);
            }
            acked.set(key(item), ack);
            break;
          }
          await sleep(50);
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, worker);
    // Each process serves a batch of answers before it is killed (a count, not a time, so a busy
    // machine only makes the test slower).
    const served = () => {
      const target = acked.size + ACKS_PER_PROCESS;
      return waitUntil(() => acked.size >= target, 60_000);
    };
    for (let kill = 0; kill < KILLS; kill += 1) {
      expect(await served()).toBe(true);
      current.kill('SIGKILL');
      killed = current;
      killedAt = performance.now();
      const { signal } = await current.exited;
      expect(signal).toBe('SIGKILL');
      current = await startApi(db.url);
      api = current;
    }
    expect(await served()).toBe(true);
    running = false;
    await Promise.all(workers);

    // The ledger against the database.
    const rows = await db.query<{
      attemptId: string;
      position: number;
      answeredAt: Date | null;
      response: { optionIds?: string[] } | null;
      isCorrect: boolean | null;
      credit: number | null;
      points: number | null;
      questionId: string;
      picked: string | null;
      card: boolean;
    }>(
      `SELECT i.*, i.response -> 'optionIds' ->> 0 AS picked,
       EXISTS (SELECT 1 FROM "ReviewCard" c JOIN "Attempt" a ON a."userId" = c."userId"
         WHERE a.id = i."attemptId" AND c."questionId" = i."questionId") AS card
       FROM "AttemptItem" i WHERE i."answeredAt" IS NOT NULL`,
    );
    // Stored ids to the ids players saw (options are shown in a seeded order).
    const shown = await publicOptionIds(db);
    for (const row of rows) {
      row.picked =
        row.picked === null ? null : (shown.get(row.questionId)?.get(row.picked) ?? null);
    }
    const byKey = new Map<string, (typeof rows)[number]>();
    for (let player = 1; player <= PLAYERS; player += 1) {
      for (const row of rows.filter((r) => r.attemptId === attemptIdOf('n', player))) {
        byKey.set(`${player}:${row.position}`, row);
      }
    }
    const lost = [...acked.entries()].filter(([k, ack]) => {
      const row = byKey.get(k);
      return (
        !row ||
        row.picked !== ack.option ||
        row.isCorrect !== ack.isCorrect ||
        row.points !== ack.points
      );
    });
    const torn = rows.filter(
      (row) =>
        row.response === null ||
        row.isCorrect === null ||
        row.credit === null ||
        row.points === null ||
        row.isCorrect !== (row.picked === correct.get(row.questionId)) ||
        row.points !== (row.isCorrect ? 1000 : 0) ||
        (!row.isCorrect && !row.card),
    );
    const unacked = rows.length - [...byKey.keys()].filter((k) => acked.has(k)).length;
    figure(
      'R1 kill -9 API',
      `acked ${acked.size}, lost ${lost.length}, dup ${conflicts.length}, torn ${torn.length}; rows answered ${rows.length} (committed but never acknowledged ${unacked}); kills ${KILLS}; recovery after restart ${recoveries.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (kill → first acknowledged answer, process start included); outcomes ${JSON.stringify(tally(outcomes))}`,
    );
    expect(lost).toEqual([]);
    expect(conflicts).toEqual([]);
    expect(torn.map((row) => `${row.attemptId}:${row.position}`)).toEqual([]);
    expect(recoveries).toHaveLength(KILLS);
    expect(acked.size).toBeGreaterThanOrEqual(ACKS_PER_PROCESS * (KILLS + 1));
  });
});

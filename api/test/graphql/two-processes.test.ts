import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { seedTinyKb } from '../factories/knowledge';
import { createTeacherWithSet, type TeacherWithSet } from '../factories/sets';
import { createTestApi, type TestApi } from '../harness';

const API_DIR = path.resolve(__dirname, '..', '..');

const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** The real server (`node --import tsx src/server.ts`) on its own port. */
const startServer = async (databaseUrl: string): Promise<{ url: string; child: ChildProcess }> => {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 20_000;
  while (!output.includes('API ready')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`The API did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `http://127.0.0.1:${port}/graphql`, child };
};

type Data = {
  joinAsGuest: { viewer: { user: { id: string } } };
  startAttempt: { id: string; questions: { position: number; questionId: string }[] };
  finishAttempt: { status: string; score: number; rank: number };
  viewer: unknown;
};

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('two API processes share every piece of state through PostgreSQL', () => {
  let api: TestApi;
  let fixture: TeacherWithSet;
  let servers: { url: string; child: ChildProcess }[];
  beforeAll(async () => {
    api = await createTestApi();
    await seedTinyKb(api.database.db);
    fixture = await createTeacherWithSet(api.database.db, { questions: 3 });
    servers = await Promise.all([startServer(api.database.url), startServer(api.database.url)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => stop(s.child)));
    await api.close();
  });

  const call = async (server: number, query: string, variables: object, cookie?: string) => {
    const response = await fetch(servers[server]?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return {
      body: (await response.json()) as { data?: Data; errors?: { extensions: { code: string } }[] },
      cookie: response.headers.get('set-cookie')?.split(';')[0],
    };
  };

  it('a session from one serves the other; an attempt started on one is answered on both and finished on the other once', async () => {
    const joined = await call(
      0,
      'mutation { joinAsGuest(nickname: "Roaming Player") { viewer { user { id } } } }',
      {},
    );
    const cookie = joined.cookie as string;
    const started = await call(
      1,
      'mutation ($code: String!) { startAttempt(input: { code: $code }) { id questions { position questionId } } }',
      { code: fixture.set.shareCode },
      cookie,
    );
    const attempt = started.body.data?.startAttempt as Data['startAttempt'];
    const response = (position: number) => fixture.questions[position]?.right; // an unshuffled set: the fixture's order
    const ANSWER =
      'mutation ($a: ID!, $p: Int!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: $p, response: $r) { points answeredAt } }';
    // Position 0 answered on both processes at once; position 1 on the second.
    const answers = await Promise.all([
      call(0, ANSWER, { a: attempt.id, p: 0, r: response(0) }, cookie),
      call(1, ANSWER, { a: attempt.id, p: 0, r: response(0) }, cookie),
      call(1, ANSWER, { a: attempt.id, p: 1, r: response(1) }, cookie),
    ]);
    expect(answers.every((a) => !a.body.errors)).toBe(true);
    expect(answers[0]?.body.data).toEqual(answers[1]?.body.data);
    const FINISH = 'mutation ($a: ID!) { finishAttempt(attemptId: $a) { status score rank } }';
    const finished = await Promise.all([
      call(1, FINISH, { a: attempt.id }, cookie),
      call(0, FINISH, { a: attempt.id }, cookie),
    ]);
    expect(finished.map((f) => f.body.data?.finishAttempt)).toEqual([
      { status: 'FINISHED', score: 2000, rank: 1 },
      { status: 'FINISHED', score: 2000, rank: 1 },
    ]);
    const entries = await api.database.db.leaderboardEntry.findMany({
      where: { userId: joined.body.data?.joinAsGuest.viewer.user.id },
    });
    expect(entries).toHaveLength(6);
    expect(entries.every((e) => e.attemptCount === 1 && e.score === 2000)).toBe(true);
    const counted = await api.database.db.leaderboardCount.aggregate({
      where: { boardKey: `s:${fixture.set.id}:a`, level: 0 },
      _sum: { count: true },
    });
    expect(counted._sum.count).toBe(1);
    // Signing out on one process ends the session on the other at once.
    await call(0, 'mutation { signOut }', {}, cookie);
    const after = await call(1, '{ viewer { user { id } } }', {}, cookie);
    expect(after.body.data?.viewer).toBeNull();
  });

  it('rate limits hold across processes', async () => {
    const SIGN_IN =
      'mutation { signIn(input: { email: "nobody@x.org", password: "wrong password!" }) { errors { code } } }';
    const codes: (string | undefined)[] = [];
    // The sign-in throttle: 5 free failures per (email, address), the 6th admitted and it
    // blocks the pair; alternating processes, so each sees the other's count.
    for (let i = 0; i < 8; i += 1) {
      const result = await call(i % 2, SIGN_IN, {});
      codes.push(result.body.errors?.[0]?.extensions.code);
    }
    expect(codes.slice(0, 6).every((c) => c === undefined)).toBe(true);
    expect(codes.slice(6)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

import { SESSION_COOKIE } from '../../src/modules/accounts/session';
import { GLOBAL_FAILURES, SIGN_IN_THROTTLES } from '../../src/modules/accounts/throttle';
import { snapshotDatabase } from '../factories/graphql';
import { createStudent, createTeacher, createUser, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// The attacks of issue 12 on sign-in, reproduced: aliased guesses, a cookie beside an error,
// guessing and spraying, locking the owner out.

const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { viewer { user { id } } errors { code } }
}`;

type Outcome = 'ok' | 'wrong' | 'limited';

describe('sign-in under attack', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const attempt = async (
    email: string,
    password: string,
    ip: string,
    now: () => Date = () => new Date(),
  ): Promise<{ outcome: Outcome; retryAfter?: number; cookies: string[] }> => {
    const result = await api.execute(SIGN_IN, {
      variables: { input: { email, password } },
      ip,
      now,
    });
    const code = result.errors?.[0]?.extensions?.code;
    if (code === 'RATE_LIMITED') {
      return {
        outcome: 'limited',
        retryAfter: result.errors?.[0]?.extensions?.retryAfter as number,
        cookies: result.context.setCookies,
      };
    }
    if (code) {
      throw new Error(`Unexpected ${String(code)}`);
    }
    const data = result.data as { signIn: { viewer: unknown } };
    return { outcome: data.signIn.viewer ? 'ok' : 'wrong', cookies: result.context.setCookies };
  };

  describe('one session mutation per request', () => {
    let base: string;
    beforeAll(async () => {
      base = await api.listen();
    });

    const post = (query: string, variables: object = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });

    const guess = (alias: string, password: string) =>
      `${alias}: signIn(input: { email: "alias-target@example.org", password: "${password}" }) { viewer { user { id } } }`;

    it.each([
      [
        '15 aliases',
        `mutation { ${Array.from({ length: 15 }, (_, i) => guess(`g${i}`, `guess ${i}`)).join(' ')} }`,
      ],
      ['two aliases', `mutation { ${guess('a', 'one')} ${guess('b', DEFAULT_PASSWORD)} }`],
      [
        'the same field twice (merged by GraphQL, still refused)',
        `mutation { ${guess('a', 'one')} ${guess('a', 'one')} }`,
      ],
      [
        'a fragment spread twice',
        `mutation { ...G ...G } fragment G on Mutation { ${guess('a', 'one')} }`,
      ],
      [
        'two fragments hiding one alias each',
        `mutation { ...A ...B } fragment A on Mutation { ${guess('a', 'one')} } fragment B on Mutation { ${guess('b', 'two')} }`,
      ],
      [
        'inline fragments and directives',
        `mutation ($t: Boolean = true) { ... on Mutation { ${guess('a', 'one')} } ... @include(if: $t) { ${guess('b', 'two')} } }`,
      ],
      [
        'sign-in beside a guest join',
        `mutation { ${guess('a', 'one')} joinAsGuest(nickname: "Sneaky Guest") { viewer { user { id } } } }`,
      ],
      [
        'sign-up beside sign-in',
        `mutation { signUp(input: { email: "x@example.org", password: "a long enough passphrase", displayName: "Xy" }) { accepted } ${guess('a', 'one')} }`,
      ],
      ['sign-in beside another mutation', `mutation { ${guess('a', 'one')} signOut }`],
      [
        'fifteen guest joins',
        `mutation { ${Array.from({ length: 15 }, (_, i) => `g${i}: joinAsGuest(nickname: "Guest Nr ${i}") { errors { code } }`).join(' ')} }`,
      ],
    ])(
      'refuses %s before anything runs (400, no cookie, nothing written)',
      async (_name, query) => {
        await createUser(api.database.db, { email: 'alias-target@example.org' }).catch(() => null);
        const before = await snapshotDatabase(api);
        const buckets = await api.database.db.signInThrottle.count();
        const response = await post(query);
        expect(response.status).toBe(400);
        const body = (await response.json()) as {
          data?: unknown;
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.data).toBeUndefined();
        expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(body.errors[0]?.message).toMatch(/must be the only field of a request/);
        expect(response.headers.get('set-cookie')).toBeNull();
        expect(await snapshotDatabase(api)).toEqual(before);
        expect(await api.database.db.signInThrottle.count()).toBe(buckets);
      },
    );

    it('still accepts one sign-in alone (with __typename), aliased or through a fragment', async () => {
      const { user } = await createUser(api.database.db);
      const response = await post(
        `mutation ($e: String!, $p: String!) { __typename ...S } fragment S on Mutation { me: signIn(input: { email: $e, password: $p }) { viewer { user { id } } } }`,
        { e: user.email, p: DEFAULT_PASSWORD },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        data: { me: { viewer: { user: { id: string } } } };
      };
      expect(body.data.me.viewer.user.id).toBe(user.id);
      expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    });

    it('sets no cookie when the body reports an error on the sign-in field, and revokes that session', async () => {
      // A student in a class asking for the class roster: the right password, but the field
      // fails (members are the teacher's), so the body shows no viewer for it.
      const teacher = await createTeacher(api.database.db);
      const klass = await api.database.db.class.create({
        data: { teacherId: teacher.user.id, name: 'Roster', joinCode: 'RSTR42' },
      });
      const { user } = await createStudent(api.database.db);
      await api.database.db.classMember.create({ data: { classId: klass.id, userId: user.id } });
      const sessionsBefore = await api.database.db.session.count({ where: { userId: user.id } });
      const response = await post(
        `mutation ($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { viewer { user { id } classes { members { id } } } errors { code } } }`,
        { e: user.email, p: DEFAULT_PASSWORD },
      );
      const body = (await response.json()) as {
        data: { signIn: { viewer: unknown } };
        errors: { path: string[]; extensions: { code: string } }[];
      };
      expect(body.data.signIn.viewer).toBeNull();
      expect(body.errors[0]?.path[0]).toBe('signIn');
      expect(response.headers.get('set-cookie')).toBeNull();
      // The sign-in made a session, and it was revoked unseen: only the factory's stays live.
      const sessions = await api.database.db.session.findMany({ where: { userId: user.id } });
      expect(sessions).toHaveLength(sessionsBefore + 1);
      expect(sessions.filter((session) => session.revokedAt === null)).toHaveLength(sessionsBefore);
    });
  });

  describe('throttles', () => {
    it('backs off one email from one address after 5 failures, refusing even the right password, without a lock elsewhere', async () => {
      const { user } = await createUser(api.database.db, { email: 'pair@example.org' });
      const email = user.email as string;
      const results: Outcome[] = [];
      for (let i = 0; i < 7; i += 1) {
        results.push((await attempt(email, `wrong guess ${i}`, '10.1.0.1')).outcome);
      }
      expect(results).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'limited']);
      const right = await attempt(email, DEFAULT_PASSWORD, '10.1.0.1');
      expect(right.outcome).toBe('limited');
      expect(right.cookies).toEqual([]);
      expect(right.retryAfter).toBeGreaterThanOrEqual(1);
      expect(right.retryAfter).toBeLessThanOrEqual(2);
      // The owner elsewhere is not blocked by that address's failures.
      expect((await attempt(email, DEFAULT_PASSWORD, '10.1.0.2')).outcome).toBe('ok');
      // After the wait, the next try is admitted; each further failure doubles the wait.
      const later = (s: number) => () => new Date(Date.now() + s * 1000);
      expect((await attempt(email, 'wrong again', '10.1.0.1', later(3))).outcome).toBe('wrong');
      const next = await attempt(email, 'wrong again', '10.1.0.1', later(4));
      expect(next).toMatchObject({ outcome: 'limited' });
      expect(next.retryAfter).toBeGreaterThanOrEqual(3);
      expect(next.retryAfter).toBeLessThanOrEqual(4);
    });

    it('answers an unknown email exactly as a known one (same throttle, same errors)', async () => {
      const { user } = await createUser(api.database.db, { email: 'known-twin@example.org' });
      const known: Outcome[] = [];
      const unknown: Outcome[] = [];
      for (let i = 0; i < 7; i += 1) {
        known.push((await attempt(user.email as string, `guess ${i}`, '10.2.0.1')).outcome);
        unknown.push((await attempt('ghost-twin@example.org', `guess ${i}`, '10.2.0.2')).outcome);
      }
      expect(unknown).toEqual(known);
    });

    it('counts a burst of parallel guesses one by one: 6 admitted of 20', async () => {
      const { user } = await createUser(api.database.db, { email: 'burst@example.org' });
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          attempt(user.email as string, `burst ${i}`, '10.3.0.1'),
        ),
      );
      const admitted = outcomes.filter((o) => o.outcome === 'wrong').length;
      expect(admitted).toBe(SIGN_IN_THROTTLES.pair.free + 1);
      expect(outcomes.filter((o) => o.outcome === 'limited')).toHaveLength(20 - admitted);
    });

    it('slows password spraying from one address to about two guesses a minute', async () => {
      // One password against 200 accounts (most of them unknown, as in a real spray list), the
      // attacker retrying the moment each block ends, over ten simulated minutes.
      for (let i = 0; i < 5; i += 1) {
        await createUser(api.database.db, { email: `spray-${i}@example.org` });
      }
      const start = Date.now();
      let clock = 0;
      const admittedAt: number[] = [];
      for (let target = 0; clock < 600 && target < 200; ) {
        const result = await attempt(
          `spray-${target}@example.org`,
          'Summer2024!',
          '10.4.0.1',
          () => new Date(start + clock * 1000),
        );
        if (result.outcome === 'limited') {
          clock += result.retryAfter ?? 1;
        } else {
          admittedAt.push(clock);
          target += 1;
        }
      }
      const lastFive = admittedAt.filter((t) => t >= 300).length;
      expect(admittedAt.length).toBeLessThanOrEqual(35);
      expect(lastFive).toBeLessThanOrEqual(11);
      expect(lastFive).toBeGreaterThan(0);
    });

    it('never locks the owner out: 60 failures from 60 addresses leave the owner in at home, and only slowed elsewhere', async () => {
      const { user } = await createUser(api.database.db, { email: 'owner@example.org' });
      const email = user.email as string;
      // One instant for the whole attack, so the outcome does not depend on the machine's speed.
      const t0 = Date.now();
      const at =
        (s = 0) =>
        () =>
          new Date(t0 + s * 1000);
      expect((await attempt(email, DEFAULT_PASSWORD, '192.0.2.10', at())).outcome).toBe('ok');
      for (let i = 0; i < 60; i += 1) {
        await attempt(email, `botnet guess ${i}`, `198.18.${i}.1`, at());
      }
      // The per-email throttle now slows new addresses…
      const stranger = await attempt(email, 'one more guess', '198.18.200.1', at());
      expect(stranger.outcome).toBe('limited');
      expect(stranger.retryAfter).toBeLessThanOrEqual(SIGN_IN_THROTTLES.account.maxSec);
      // …but the owner at their own address signs in at once, even after a typo.
      expect((await attempt(email, 'a typo of mine', '192.0.2.10', at())).outcome).toBe('wrong');
      const home = await attempt(email, DEFAULT_PASSWORD, '192.0.2.10', at());
      expect(home.outcome).toBe('ok');
      expect(home.cookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
      // A new address is a wait, not a lock.
      const phone = await attempt(email, DEFAULT_PASSWORD, '203.0.113.77', at());
      expect(phone.outcome).toBe('limited');
      const afterWait = await attempt(
        email,
        DEFAULT_PASSWORD,
        '203.0.113.77',
        at((phone.retryAfter ?? 0) + 1),
      );
      expect(afterWait.outcome).toBe('ok');
    });

    it('under a site-wide flood, admits only owners on their own addresses until the minute ends', async () => {
      const { user } = await createUser(api.database.db, { email: 'flood-owner@example.org' });
      const email = user.email as string;
      expect((await attempt(email, DEFAULT_PASSWORD, '192.0.2.20')).outcome).toBe('ok');
      // The failures of a distributed attack elsewhere, as the bucket would hold them.
      const now = new Date();
      await api.database.db.rateLimitBucket.upsert({
        where: { key: `${GLOBAL_FAILURES.name}:all` },
        create: {
          key: `${GLOBAL_FAILURES.name}:all`,
          count: GLOBAL_FAILURES.limit,
          resetAt: new Date(now.getTime() + 30_000),
        },
        update: { count: GLOBAL_FAILURES.limit, resetAt: new Date(now.getTime() + 30_000) },
      });
      const stranger = await attempt(email, DEFAULT_PASSWORD, '203.0.113.88');
      expect(stranger.outcome).toBe('limited');
      expect(stranger.retryAfter).toBeLessThanOrEqual(30);
      expect((await attempt(email, DEFAULT_PASSWORD, '192.0.2.20')).outcome).toBe('ok');
      await api.database.db.rateLimitBucket.delete({
        where: { key: `${GLOBAL_FAILURES.name}:all` },
      });
    });

    it('a success clears its own backoff but not the address count of other failures', async () => {
      const { user } = await createUser(api.database.db, { email: 'typo@example.org' });
      const email = user.email as string;
      for (let i = 0; i < 4; i += 1) {
        expect((await attempt(email, `typo ${i}`, '10.6.0.1')).outcome).toBe('wrong');
      }
      expect((await attempt(email, DEFAULT_PASSWORD, '10.6.0.1')).outcome).toBe('ok');
      for (let i = 0; i < 5; i += 1) {
        expect((await attempt(email, `typo again ${i}`, '10.6.0.1')).outcome).toBe('wrong');
      }
    });
  });
});

import { SESSION_COOKIE } from '../../src/modules/accounts/session';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { createUser, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { accepted errors { field code } }
}`;
const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { viewer { email user { id role } } errors { field code message } }
}`;
const GUEST = `mutation ($nickname: String!) {
  joinAsGuest(nickname: $nickname) { viewer { email user { displayName isGuest role } } errors { field code } }
}`;
const VIEWER = '{ viewer { email user { id displayName role isGuest } } }';

/** The session token a response set, read back from its Set-Cookie. */
const tokenOf = (cookies: string[]): string | undefined => {
  const cookie = cookies.find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.split(';')[0]?.split('=')[1] ?? '') : undefined;
};

describe('accounts', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('signs up a student (argon2id hash, no session yet), who then signs in', async () => {
    const email = 'Ada@Example.org';
    const result = await api.execute(SIGN_UP, {
      variables: { input: { email, password: 'a long enough passphrase', displayName: 'Ada' } },
    });
    const data = await ok<{ signUp: { accepted: boolean; errors: unknown[] } }>(result);
    expect(data.signUp).toEqual({ accepted: true, errors: [] });
    // Sign-up never signs in (it answers alike for taken emails): no cookie, no session.
    expect(result.context.setCookies).toEqual([]);
    const stored = await api.database.db.user.findUniqueOrThrow({
      where: { email: 'ada@example.org' },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.role).toBe('STUDENT');
    expect(await api.database.db.session.count({ where: { userId: stored.id } })).toBe(0);

    const signIn = await api.execute(SIGN_IN, {
      variables: { input: { email: 'ADA@example.org ', password: 'a long enough passphrase' } },
    });
    expect(
      (await ok<{ signIn: { viewer: { user: { id: string } } } }>(signIn)).signIn.viewer.user.id,
    ).toBe(stored.id);
    const token = tokenOf(signIn.context.setCookies);
    expect(token).toBeDefined();
    const me = await ok<{ viewer: { user: { id: string } } }>(
      api.execute(VIEWER, { sessionToken: token }),
    );
    expect(me.viewer.user.id).toBe(stored.id);
    // Only the token's hash is stored.
    const sessions = await api.database.db.session.findMany({ where: { userId: stored.id } });
    expect(sessions.map((s) => s.id)).not.toContain(token);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email' }, 'email', 'INVALID'],
    ['a short password', { password: 'short' }, 'password', 'TOO_SHORT'],
    ["the page's old minimum of 8", { password: 'k7#mQ2!v' }, 'password', 'TOO_SHORT'],
    ['a repeated pattern (abcdabcdab)', { password: 'abcdabcdab' }, 'password', 'WEAK_PASSWORD'],
    ['a common password', { password: 'password123' }, 'password', 'WEAK_PASSWORD'],
    ['a keyboard walk', { password: 'qwertyuiop' }, 'password', 'WEAK_PASSWORD'],
    ['a one-letter name', { displayName: 'A' }, 'displayName', 'TOO_SHORT'],
    ['a malformed invitation code', { invitationCode: 'LET-ME-IN' }, 'invitationCode', 'INVALID'],
  ])('refuses %s with a field error and writes nothing', async (_name, change, field, code) => {
    const before = await snapshotDatabase(api);
    const data = await ok<{
      signUp: { accepted: boolean; errors: { field: string; code: string }[] };
    }>(
      api.execute(SIGN_UP, {
        variables: {
          input: {
            email: 'fresh@example.org',
            password: 'a long enough passphrase',
            displayName: 'Fresh',
            ...change,
          },
        },
      }),
    );
    expect(data.signUp.accepted).toBe(false);
    expect(data.signUp.errors).toContainEqual({ field, code });
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('names the password rule in its error', async () => {
    const data = await ok<{ signUp: { errors: { message: string }[] } }>(
      api.execute(
        `mutation ($input: SignUpInput!) { signUp(input: $input) { accepted errors { field code message } } }`,
        {
          variables: {
            input: { email: 'rule@example.org', password: 'abcdabcdab', displayName: 'Rule' },
          },
        },
      ),
    );
    expect(data.signUp.errors[0]?.message).toMatch(
      /too easy to guess \(strength \d of 4; 3 is needed\)/,
    );
  });

  it.each([
    ['TEACHER', 'role: TEACHER'],
    ['ADMIN', 'role: ADMIN'],
  ])('refuses a self-chosen %s role before anything runs', async (_role, field) => {
    const before = await snapshotDatabase(api);
    const result = await api.execute(
      `mutation { signUp(input: { email: "self@example.org", password: "a long enough passphrase", displayName: "Self", ${field} }) { accepted } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it('answers a sign-up with a registered email exactly like a new one, and changes nothing', async () => {
    const { user } = await createUser(api.database.db, { email: 'taken@example.org' });
    const before = await snapshotDatabase(api);
    const attempt = (email: string, displayName: string) =>
      api.execute(SIGN_UP, {
        variables: { input: { email, password: 'another long passphrase', displayName } },
      });
    const timed = async (email: string, displayName: string) => {
      const started = performance.now();
      const result = await attempt(email, displayName);
      return { result, ms: performance.now() - started };
    };
    const taken = await timed('Taken@Example.org', 'Impostor One');
    expect(await snapshotDatabase(api)).toEqual(before);
    const fresh = await timed('brand-new@example.org', 'Newcomer One');
    expect(taken.result.data).toEqual(fresh.result.data);
    expect(taken.result.errors).toBeUndefined();
    expect(taken.result.context.setCookies).toEqual(fresh.result.context.setCookies);
    // The owner's password still works; the sign-up's does not.
    const owner = await ok<{ signIn: { viewer: unknown } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
        ip: '10.5.5.5',
      }),
    );
    expect(owner.signIn.viewer).not.toBeNull();
    // Both paths hash once: the times are of one order (loose bounds: a shared CI machine).
    const takenTimes: number[] = [];
    const freshTimes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      takenTimes.push((await timed('taken@example.org', `Impostor ${i + 2}x`)).ms);
      freshTimes.push((await timed(`fresh-${i}@example.org`, `Newcomer ${i + 2}x`)).ms);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    const ratio = median(takenTimes) / median(freshTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { user } = await createUser(api.database.db, { email: 'known@example.org' });
    const wrong = await ok<{ signIn: { errors: unknown[] } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: 'not the password at all' } },
        ip: '10.0.0.1',
      }),
    );
    const unknown = await ok<{ signIn: { errors: unknown[] } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: 'nobody@example.org', password: 'not the password at all' } },
        ip: '10.0.0.1',
      }),
    );
    expect(wrong).toEqual(unknown);
    expect(wrong.signIn.errors).toEqual([
      { field: 'password', code: 'INVALID_CREDENTIALS', message: 'Wrong email or password' },
    ]);
  });

  it('signOut revokes the session at once; signOutEverywhere revokes all of them', async () => {
    const { user, token } = await createUser(api.database.db);
    const second = await ok<{ signIn: { viewer: unknown } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
      }),
    );
    expect(second.signIn.viewer).not.toBeNull();
    const run = as(api, token);
    expect(await ok(run('mutation { signOut }'))).toEqual({ signOut: true });
    expect(await ok(run(VIEWER))).toEqual({ viewer: null });
    expect(await errorCode(run('mutation { signOutEverywhere }'))).toBe('UNAUTHENTICATED');

    const signedIn = await api.execute(SIGN_IN, {
      variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
    });
    const a = tokenOf(signedIn.context.setCookies) as string;
    const b = tokenOf(
      (
        await api.execute(SIGN_IN, {
          variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
        })
      ).context.setCookies,
    ) as string;
    expect(await ok(as(api, a)('mutation { signOutEverywhere }'))).toEqual({
      signOutEverywhere: true,
    });
    expect(await ok(as(api, b)(VIEWER))).toEqual({ viewer: null });
    expect(
      await api.database.db.session.count({ where: { userId: user.id, revokedAt: null } }),
    ).toBe(0);
  });

  it('lets a guest join with a nickname and see itself as a guest', async () => {
    const result = await api.execute(GUEST, { variables: { nickname: '  Curious   Cat ' } });
    const data = await ok<{ joinAsGuest: { viewer: { email: null; user: object } } }>(result);
    expect(data.joinAsGuest.viewer).toEqual({
      email: null,
      user: { displayName: 'Curious Cat', isGuest: true, role: 'STUDENT' },
    });
    const token = tokenOf(result.context.setCookies);
    const me = await ok<{ viewer: { user: { isGuest: boolean } } }>(
      api.execute(VIEWER, { sessionToken: token }),
    );
    expect(me.viewer.user.isGuest).toBe(true);
  });

  it.each([
    ['x', 'TOO_SHORT'],
    ['a'.repeat(25), 'TOO_LONG'],
    ['<script>', 'INVALID'],
    ['hi@there', 'INVALID'],
    ['Admin', 'NOT_ALLOWED'],
    ['the teacher', 'NOT_ALLOWED'],
    ['4dm1n', 'NOT_ALLOWED'],
    ['xX_Moderator_Xx', 'NOT_ALLOWED'],
    ['fuck you', 'NOT_ALLOWED'],
    ['sh1thead', 'NOT_ALLOWED'],
    ['...', 'INVALID'],
  ])('refuses the nickname %j (%s) and writes nothing', async (nickname, code) => {
    const before = await snapshotDatabase(api);
    const data = await ok<{ joinAsGuest: { viewer: unknown; errors: unknown[] } }>(
      api.execute(GUEST, { variables: { nickname } }),
    );
    expect(data.joinAsGuest).toEqual({ viewer: null, errors: [{ field: 'nickname', code }] });
    expect(await snapshotDatabase(api)).toEqual(before);
  });

  it.each(['Modesty', 'Darius_99', 'Zoë.K', 'Nour-Al-Huda', 'Cyrus'])(
    'accepts the nickname %j',
    async (nickname) => {
      const data = await ok<{ joinAsGuest: { errors: unknown[] } }>(
        api.execute(GUEST, { variables: { nickname } }),
      );
      expect(data.joinAsGuest.errors).toEqual([]);
    },
  );
});

describe('session cookie over HTTP', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await createTestApi();
    base = await api.listen();
  });
  afterAll(() => api.close());

  it('sets an HttpOnly SameSite cookie, and a revoked cookie stops working at once', async () => {
    const post = (query: string, cookie?: string, variables?: object) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    const response = await post(GUEST, undefined, { nickname: 'Http Guest' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{40,}`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const cookie = setCookie.split(';')[0] as string;
    const me = (await (await post(VIEWER, cookie)).json()) as {
      data: { viewer: { user: { displayName: string } } };
    };
    expect(me.data.viewer.user.displayName).toBe('Http Guest');
    const out = await post('mutation { signOut }', cookie);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = (await (await post(VIEWER, cookie)).json()) as { data: { viewer: unknown } };
    expect(after.data.viewer).toBeNull();
  });
});

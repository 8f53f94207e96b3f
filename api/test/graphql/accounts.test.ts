import { SESSION_COOKIE } from '../../src/modules/accounts/session';
import { as, errorCode, ok, snapshotDatabase } from '../factories/graphql';
import { createUser, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { viewer { email user { id displayName role isGuest } } errors { field code } }
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

  it('signs up a student with an argon2id hash and a session, and signs in again', async () => {
    const email = 'Ada@Example.org';
    const result = await api.execute(SIGN_UP, {
      variables: { input: { email, password: 'a long enough passphrase', displayName: 'Ada' } },
    });
    const data = await ok<{ signUp: { viewer: { email: string; user: { id: string } } } }>(result);
    expect(data.signUp.viewer.email).toBe('ada@example.org');
    const stored = await api.database.db.user.findUniqueOrThrow({
      where: { email: 'ada@example.org' },
    });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const token = tokenOf(result.context.setCookies);
    expect(token).toBeDefined();
    const me = await ok<{ viewer: { user: { id: string } } }>(
      api.execute(VIEWER, { sessionToken: token }),
    );
    expect(me.viewer.user.id).toBe(stored.id);
    // Only the token's hash is stored.
    const sessions = await api.database.db.session.findMany({ where: { userId: stored.id } });
    expect(sessions.map((s) => s.id)).not.toContain(token);

    const signIn = await api.execute(SIGN_IN, {
      variables: { input: { email: 'ADA@example.org ', password: 'a long enough passphrase' } },
    });
    expect(
      (await ok<{ signIn: { viewer: { user: { id: string } } } }>(signIn)).signIn.viewer.user.id,
    ).toBe(stored.id);
    expect(tokenOf(signIn.context.setCookies)).not.toBe(token);
  });

  it.each([
    ['a duplicate email', { email: 'dup@example.org' }, 'email', 'TAKEN'],
    ['an invalid email', { email: 'not-an-email' }, 'email', 'INVALID'],
    ['a short password', { password: 'short' }, 'password', 'TOO_SHORT'],
    ['a common password', { password: 'password123' }, 'password', 'WEAK_PASSWORD'],
    ['a one-letter name', { displayName: 'A' }, 'displayName', 'TOO_SHORT'],
    ['the admin role', { role: 'ADMIN' }, 'role', 'NOT_ALLOWED'],
  ])('refuses %s with a field error and writes nothing', async (_name, change, field, code) => {
    await createUser(api.database.db, { email: 'dup@example.org' });
    const before = await snapshotDatabase(api);
    const data = await ok<{
      signUp: { viewer: unknown; errors: { field: string; code: string }[] };
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
    expect(data.signUp.viewer).toBeNull();
    expect(data.signUp.errors).toContainEqual({ field, code });
    expect(await snapshotDatabase(api)).toEqual(before);
    await api.database.db.session.deleteMany({ where: { user: { email: 'dup@example.org' } } });
    await api.database.db.user.deleteMany({ where: { email: 'dup@example.org' } });
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

  it('limits sign-in attempts per email and address, across requests', async () => {
    const { user } = await createUser(api.database.db, { email: 'target@example.org' });
    const attempt = () =>
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: 'guess guess guess' } },
        ip: '10.9.9.9',
      });
    for (let i = 0; i < 10; i += 1) {
      await ok(attempt());
    }
    const limited = await attempt();
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    // The right password is refused too while limited (no oracle), but another address works.
    const right = await api.execute(SIGN_IN, {
      variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
      ip: '10.9.9.9',
    });
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const elsewhere = await ok<{ signIn: { viewer: unknown } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
        ip: '10.1.1.1',
      }),
    );
    expect(elsewhere.signIn.viewer).not.toBeNull();
    // After the window the count starts again.
    const later = () => new Date(Date.now() + 16 * 60_000);
    const again = await ok<{ signIn: { viewer: unknown } }>(
      api.execute(SIGN_IN, {
        variables: { input: { email: user.email, password: DEFAULT_PASSWORD } },
        ip: '10.9.9.9',
        now: later,
      }),
    );
    expect(again.signIn.viewer).not.toBeNull();
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

import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src/modules/accounts/session';
import { createUser, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

// A student who wants a classmate kept out (probe, round 9): a whole school is one address
// behind its NAT, and the throttle trusted a successful (email, address) pair, charging it alone.
// So failures by anyone at school with the classmate's email were "her own typos": six of them
// blocked her for 2 s, and one every 15 minutes (after about 17 minutes of doubling) kept her out
// of her account at school for as long as the attacker liked. Her browser now carries a device
// id from her first success, and an attempt from a trusted browser is charged to it alone.

const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { viewer { user { id } } errors { code } }
}`;
const SCHOOL = '203.0.113.7';

describe('a classmate at the same address cannot keep a student out', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const signIn = async (email: string, password: string, deviceToken?: string) => {
    const result = await api.execute(SIGN_IN, {
      variables: { input: { email, password } },
      ip: SCHOOL,
      ...(deviceToken ? { deviceToken } : {}),
    });
    const code = result.errors?.[0]?.extensions?.code;
    const data = result.data as { signIn: { viewer: unknown } } | null;
    return {
      outcome: code === 'RATE_LIMITED' ? 'limited' : data?.signIn.viewer ? 'ok' : 'wrong',
      cookies: result.context.setCookies,
    };
  };
  const deviceOf = (cookies: string[]) =>
    cookies
      .find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))
      ?.split(';')[0]
      ?.slice(DEVICE_COOKIE.length + 1);

  it('lets her browser in at once after six failures by another browser at school', async () => {
    const darya = { email: 'darya.device@example.com' };
    await createUser(api.database.db, darya);
    const first = await signIn(darya.email, DEFAULT_PASSWORD);
    expect(first.outcome).toBe('ok');
    // The session cookie first, then the browser's device id (HttpOnly, the whole site).
    expect(first.cookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(first.cookies[1]).toMatch(
      new RegExp(`^${DEVICE_COOKIE}=[A-Za-z0-9_-]{32}; Path=/; HttpOnly; SameSite=Lax; Max-Age=`),
    );
    const device = deviceOf(first.cookies) as string;

    for (let i = 0; i < 6; i += 1) {
      expect((await signIn(darya.email, `wrong guess ${i}`)).outcome).toBe('wrong');
    }
    // The classmate is blocked, as before...
    expect((await signIn(darya.email, 'another guess')).outcome).toBe('limited');
    // ...and a new browser at school waits too (it cannot tell Darya from the guesser)...
    expect((await signIn(darya.email, DEFAULT_PASSWORD)).outcome).toBe('limited');
    // ...but Darya's own browser is not held by them (before: RATE_LIMITED).
    const again = await signIn(darya.email, DEFAULT_PASSWORD, device);
    expect(again.outcome).toBe('ok');
    // A browser that has its id is not given another.
    expect(deviceOf(again.cookies)).toBeUndefined();
  });

  it('trusts a browser for the email it signed in to only, and still counts its own typos', async () => {
    const omid = { email: 'omid.device@example.com' };
    const kamran = { email: 'kamran.device@example.com' };
    await createUser(api.database.db, omid);
    await createUser(api.database.db, kamran);
    const device = deviceOf((await signIn(omid.email, DEFAULT_PASSWORD)).cookies) as string;
    // Omid's browser is no way past the throttle for Kamran's account.
    for (let i = 0; i < 6; i += 1) {
      expect((await signIn(kamran.email, `guess ${i}`, device)).outcome).toBe('wrong');
    }
    expect((await signIn(kamran.email, 'guess 7', device)).outcome).toBe('limited');
    // Omid's own typos in his browser still slow that browser: 5 free, then the backoff.
    for (let i = 0; i < 6; i += 1) {
      expect((await signIn(omid.email, `typo ${i}`, device)).outcome).toBe('wrong');
    }
    expect((await signIn(omid.email, DEFAULT_PASSWORD, device)).outcome).toBe('limited');
    // A made-up id is no one's trusted browser: Kamran's blocked pair still holds it.
    expect((await signIn(kamran.email, DEFAULT_PASSWORD, 'x'.repeat(32))).outcome).toBe('limited');
  });
});

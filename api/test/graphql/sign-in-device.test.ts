import { DEVICE_COOKIE, SESSION_COOKIE } from '../../src/modules/accounts/session';
import { GLOBAL_FAILURES } from '../../src/modules/accounts/throttle';
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

  const signIn = async (email: string, password: string, deviceToken?: string, ip = SCHOOL) => {
    const result = await api.execute(SIGN_IN, {
      variables: { input: { email, password } },
      ip,
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

  // Round 10. The id a browser brings was trusted as it came: whoever chose it (set by hand in a
  // shared school computer's devtools before the class, or planted by a sibling site over plain
  // HTTP, where the cookie has no `__Host-` prefix) then held a trusted browser of every student
  // who signed in there, from any address: guesses charged to that key alone (exempt from the
  // email's count), and failures that kept her own browser out.
  it('trusts a new id at a success, never one the browser brought', async () => {
    const nasrin = { email: 'nasrin.device@example.com' };
    await createUser(api.database.db, nasrin);
    const planted = 'planted-by-a-classmate-0123456789';
    const first = await signIn(nasrin.email, DEFAULT_PASSWORD, planted, '198.51.100.31');
    expect(first.outcome).toBe('ok');
    const own = deviceOf(first.cookies) as string;
    expect(own).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(own).not.toBe(planted);
    // The planter, at home, with the id it chose: counted like any unknown browser (before: its
    // failures were charged to Nasrin's trusted browser alone, which they then blocked).
    for (let i = 0; i < 6; i += 1) {
      expect((await signIn(nasrin.email, `guess ${i}`, planted, '198.51.100.32')).outcome).toBe(
        'wrong',
      );
    }
    expect((await signIn(nasrin.email, 'guess 7', planted, '198.51.100.32')).outcome).toBe(
      'limited',
    );
    // Her browser, with the id it was given, is not held by them.
    const again = await signIn(nasrin.email, DEFAULT_PASSWORD, own, '198.51.100.31');
    expect(again.outcome).toBe('ok');
    expect(deviceOf(again.cookies)).toBeUndefined();
  });

  it('moves a browser trusted for another email to a new id', async () => {
    const a = { email: 'shared-a.device@example.com' };
    const b = { email: 'shared-b.device@example.com' };
    await createUser(api.database.db, a);
    await createUser(api.database.db, b);
    const ip = '198.51.100.41';
    const deviceA = deviceOf((await signIn(a.email, DEFAULT_PASSWORD, undefined, ip)).cookies);
    const deviceB = deviceOf((await signIn(b.email, DEFAULT_PASSWORD, deviceA, ip)).cookies);
    expect(deviceB).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(deviceB).not.toBe(deviceA);
  });

  // Round 10. Failures from trusted keys filled the site-wide bucket (300 a minute), above which
  // every untrusted sign-in on the site waits. Trust is cheap for one's own account: each success
  // without a device cookie trusts a new browser (60 per account per 10 minutes), each with 5
  // free failures and no address count, so one address with a few accounts of its own could
  // fill the bucket every minute and keep every student on a new computer out.
  it('does not let failures of trusted browsers fill the site-wide bucket', async () => {
    const mallory = { email: 'mallory.device@example.com' };
    const student = { email: 'student-new-computer.device@example.com' };
    await createUser(api.database.db, mallory);
    await createUser(api.database.db, student);
    const ip = '198.51.100.51';
    const key = `${GLOBAL_FAILURES.name}:all`;
    const devices: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      devices.push(
        deviceOf((await signIn(mallory.email, DEFAULT_PASSWORD, undefined, ip)).cookies) as string,
      );
    }
    const near = GLOBAL_FAILURES.limit - 10;
    const resetAt = new Date(Date.now() + 30_000);
    await api.database.db.rateLimitBucket.upsert({
      where: { key },
      create: { key, count: near, resetAt },
      update: { count: near, resetAt },
    });
    try {
      for (const device of devices) {
        for (let i = 0; i < 5; i += 1) {
          expect((await signIn(mallory.email, `own typo ${i}`, device, ip)).outcome).toBe('wrong');
        }
      }
      const bucket = await api.database.db.rateLimitBucket.findUnique({ where: { key } });
      expect(bucket?.count).toBe(near);
      // A student on a new computer elsewhere still gets in (before: RATE_LIMITED to the minute).
      expect(
        (await signIn(student.email, DEFAULT_PASSWORD, undefined, '198.51.100.52')).outcome,
      ).toBe('ok');
    } finally {
      await api.database.db.rateLimitBucket.delete({ where: { key } });
    }
  });
});

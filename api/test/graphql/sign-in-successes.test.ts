import type { PrismaClient } from '@quiz/prisma';
import { createStudent, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

const SIGN_IN = `mutation ($input: SignInInput!) {
  signIn(input: $input) { viewer { user { id } } errors { code } }
}`;

/**
 * Probe round 7: failed sign-ins are throttled before any hashing, successful ones were not
 * counted at all. Measured: one client with the password signed one account in 15 times a
 * second (8 at a time), each an argon2 verification and a Session row that is never deleted
 * (about 1.3 million a day). Successes are now counted per account (60 per 10 minutes).
 */
describe('successful sign-ins of one account', () => {
  let api: TestApi;
  let db: PrismaClient;
  beforeAll(async () => {
    api = await createTestApi();
    db = api.database.db;
  });
  afterAll(() => api.close());

  const signIn = async (email: string, password: string, ip: string, now: Date) => {
    const result = await api.execute(SIGN_IN, {
      variables: { input: { email, password } },
      ip,
      now: () => now,
    });
    const code = result.errors?.[0]?.extensions?.code as string | undefined;
    return (
      code ?? ((result.data as { signIn: { viewer: unknown } }).signIn.viewer ? 'ok' : 'wrong')
    );
  };

  it('are 60 per 10 minutes; then refused, right or wrong, before any hashing; others unaffected', async () => {
    const { user } = await createStudent(db);
    const other = await createStudent(db);
    const email = user.email as string;
    const start = new Date();
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const outcomes: string[] = [];
    for (let i = 0; i < 61; i += 1) {
      // From a few addresses, as a shared class account would be.
      outcomes.push(await signIn(email, DEFAULT_PASSWORD, `198.51.100.${i % 4}`, start));
    }
    expect(outcomes.slice(0, 60)).toEqual(outcomes.slice(0, 60).map(() => 'ok'));
    expect(outcomes[60]).toBe('RATE_LIMITED');
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore + 60);
    // Used up: a wrong password is refused the same way (no oracle), and costs no argon2.
    expect(await signIn(email, 'not the password at all', '198.51.100.9', start)).toBe(
      'RATE_LIMITED',
    );
    expect(await signIn(other.user.email as string, DEFAULT_PASSWORD, '198.51.100.0', start)).toBe(
      'ok',
    );
    // The window passes.
    const later = new Date(start.getTime() + 10 * 60_000 + 1_000);
    expect(await signIn(email, DEFAULT_PASSWORD, '198.51.100.0', later)).toBe('ok');
  });
});

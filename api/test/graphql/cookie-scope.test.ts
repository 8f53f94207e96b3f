import { createUser, DEFAULT_PASSWORD } from '../factories/users';
import { createTestApi, type TestApi } from '../harness';

/**
 * The session cookie was `quiz_session` even behind HTTPS, and the API reads the first cookie of
 * that name: a sibling subdomain (a school's other sites on the same parent domain) could plant
 * `quiz_session=<its own session>; Domain=.parent; Path=/graphql`, which the browser sends first,
 * and sign a student into the planter's account (their answers then land there). Behind HTTPS
 * (`COOKIE_SECURE`) the cookie is `__Host-quiz_session`: browsers take it only Secure, Path=/ and
 * without Domain, so no other site can set it, and a plain `quiz_session` is ignored (probe, 7 Dec).
 */
describe('the session cookie behind HTTPS', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await createTestApi({ COOKIE_SECURE: 'true' });
    base = await api.listen();
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (body: unknown, cookie?: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const viewerId = async (cookie: string) => {
    const response = await post({ query: '{ viewer { user { id } } }' }, cookie);
    const { data } = (await response.json()) as {
      data: { viewer: { user: { id: string } } | null };
    };
    return data.viewer?.user.id ?? null;
  };

  it('is a __Host- cookie: Secure, Path=/, no Domain', async () => {
    const email = 'host-prefix@test.quiz';
    await createUser(api.database.db, { email });
    const response = await post({
      query: 'mutation ($i: SignInInput!) { signIn(input: $i) { viewer { user { id } } } }',
      variables: { i: { email, password: DEFAULT_PASSWORD } },
    });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^__Host-quiz_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax;/);
    expect(cookie).toContain('; Secure');
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('reads only the __Host- cookie: a planted plain one is ignored', async () => {
    const { user, token } = await createUser(api.database.db);
    expect(await viewerId(`__Host-quiz_session=${token}`)).toBe(user.id);
    expect(await viewerId(`quiz_session=${token}`)).toBeNull();
    // Planted first (a longer Path is sent first): the real one still decides.
    const planted = await createUser(api.database.db);
    expect(await viewerId(`quiz_session=${planted.token}; __Host-quiz_session=${token}`)).toBe(
      user.id,
    );
  });
});

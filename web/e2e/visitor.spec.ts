import { expect, test } from '@playwright/test';

test('pages carry the security headers, and the session cookie goes through the /graphql proxy', async ({
  page,
}) => {
  const response = await page.goto('/');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toMatch(
    /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
  );
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();

  const name = `Reader ${Date.now().toString(36)}`;
  await page.getByRole('banner').getByRole('link', { name: 'Sign up' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill(`${Date.now().toString(36)}@example.org`);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    /Use at least 8 characters/,
  );
  await page.getByLabel('Password').fill('a long and memorable passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect(page.getByRole('banner')).toContainText(name);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.httpOnly)).toBe(true);
  expect(
    await page.evaluate(
      () => Object.keys(localStorage).length + Object.keys(sessionStorage).length,
    ),
  ).toBe(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('the timeline filters events and shows their sources', async ({ page }) => {
  await page.goto('/timeline');
  const count = page.locator('#events-count');
  await expect(count).toHaveText(/^\d+ events$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  await page.getByRole('button', { name: /Revolution and the Iran–Iraq War/ }).click();
  await expect(count).toHaveText(/match$/);
  const filtered = Number((await count.textContent())?.split(' ')[0]);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);
  await expect(
    page.getByRole('button', { name: /Revolution and the Iran–Iraq War/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  const first = page.locator('article').first();
  await first.getByText(/^Sources \(\d+\)/).click();
  await expect(first.locator('blockquote').first()).toBeVisible();
  await expect(first.locator('figcaption cite').first()).toBeVisible();
});

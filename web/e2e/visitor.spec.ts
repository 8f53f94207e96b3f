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
  await page.getByLabel('Password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(
    /Use at least \d+ characters/,
  );
  await page.getByLabel('Password', { exact: true }).fill('a long and memorable passphrase');
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

test('the timeline pages era by era, filters events and shows their sources', async ({ page }) => {
  await page.goto('/timeline');
  const count = page.locator('#events-count');
  await expect(count).toHaveText(/^\d+ events in \d+ eras$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  const eras = page.getByRole('navigation', { name: 'Eras' });
  const heading = page.locator('#era-title');
  const firstEra = await heading.textContent();
  // One era at a time: the strip's arrow keys and "Next era" move along it.
  await eras.getByRole('button').first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(heading).not.toHaveText(firstEra ?? '');
  await expect(eras.locator('[aria-current="true"]')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(heading).toHaveText(firstEra ?? '');
  await page.getByRole('button', { name: /^Next era:/ }).click();
  await expect(heading).toBeFocused();
  await expect(heading).not.toHaveText(firstEra ?? '');

  await page.getByRole('button', { name: 'Iran–Iraq War', exact: true }).click();
  await expect(count).toHaveText(/match in \d+ eras?$/);
  const filtered = Number((await count.textContent())?.split(' ')[0]);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);
  await expect(page.getByRole('button', { name: 'Iran–Iraq War', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const first = page.locator('article').first();
  await first.getByText(/^Sources \(\d+\)/).click();
  await expect(first.locator('blockquote').first()).toBeVisible();
  await expect(first.locator('figcaption cite').first()).toBeVisible();
});

test('on a phone the header is one row and the timeline filters open in a sheet', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/timeline');
  const header = page.locator('.site-header__inner');
  const brand = page.getByRole('link', { name: 'Iran–Syria Quiz' });
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  // One row: brand and Menu share a line, and the header is at most 4.5 rem tall.
  expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(72);
  expect(
    Math.abs(((await brand.boundingBox())?.y ?? 0) - ((await menu.boundingBox())?.y ?? 99)),
  ).toBeLessThan(12);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await menu.click();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();

  const filters = page.getByRole('button', { name: /^Filters/ });
  await expect(page.getByLabel('Search events')).toBeHidden();
  await filters.click();
  await expect(page.getByRole('heading', { name: 'Filter the timeline' })).toBeFocused();
  await page.getByRole('button', { name: 'Diplomacy', exact: true }).click();
  await page.getByRole('button', { name: /^Show \d+ events?$/ }).click();
  await expect(page.getByLabel('Search events')).toBeHidden();
  await expect(filters).toHaveText('Filters (1)');
  await expect(filters).toBeFocused();
});

test('the leaderboard’s period choice is one row on a desktop and two even rows on a phone', async ({
  page,
}) => {
  // Wrapped flex items left "Live games" alone on a second row at 390 px, under a stray divider.
  const rows = async () => {
    const boxes = await page.locator('.segmented label').evaluateAll((labels) =>
      labels.map((label) => {
        const box = label.getBoundingClientRect();
        return { top: Math.round(box.top), width: Math.round(box.width) };
      }),
    );
    const byTop = new Map<number, number[]>();
    for (const box of boxes) {
      byTop.set(box.top, [...(byTop.get(box.top) ?? []), box.width]);
    }
    return [...byTop.values()];
  };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/leaderboard');
  await expect(page.getByRole('radio', { name: 'Live games' })).toBeAttached();
  expect((await rows()).map((row) => row.length)).toEqual([4]);
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    const phone = await rows();
    expect(
      phone.map((row) => row.length),
      `rows at ${width} px`,
    ).toEqual([2, 2]);
    const widths = phone.flat();
    expect(
      Math.max(...widths) - Math.min(...widths),
      `cell widths at ${width} px`,
    ).toBeLessThanOrEqual(1);
  }
});

import { expect, test } from '@playwright/test';
import { signInByApi } from './support';

// A teacher on a 390 × 844 phone (review of 6 Dec): the dashboard's sets table scrolled sideways
// (counts cut off, "Published" broken inside the word), and the set builder's publishing column
// came after the whole question bank, about 14,600 px down.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('on a phone, each set is one readable block and the builder jumps to publishing', async ({
  page,
}) => {
  await signInByApi(page.request);
  await page.goto('/teacher');
  const table = page.getByRole('table', { name: 'Your question sets' });
  await expect(table).toBeVisible();

  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    // The status badge stays on one line, and the counts are on screen, not scrolled away.
    const badge = await row.locator('.badge').first().boundingBox();
    expect(badge?.height ?? 99).toBeLessThan(30);
    for (const label of ['Questions', 'Attempts']) {
      const cell = await row.locator(`td[data-label="${label}"]`).boundingBox();
      expect(cell).not.toBeNull();
      expect((cell?.x ?? 999) + (cell?.width ?? 0)).toBeLessThanOrEqual(390);
    }
  }

  await rows.first().getByRole('link').first().click();
  await page.waitForURL(/\/teacher\/sets\/[^/]+$/);
  const publishing = page.getByRole('heading', { level: 2, name: 'Publish and share' });
  await expect(publishing).not.toBeInViewport();
  await page.getByRole('link', { name: 'Publish and share' }).click();
  await expect(publishing).toBeInViewport();

  // Beside the set on a wide screen, the publishing column needs no link.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('link', { name: 'Publish and share' })).toBeHidden();
});

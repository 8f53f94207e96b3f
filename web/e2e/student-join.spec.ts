import { expect, test } from '@playwright/test';
import { firstPublishedSet, playToTheEnd } from './support';

test('a guest joins with a code, plays a set to the end and finds the score on the leaderboard', async ({
  page,
}) => {
  const set = await firstPublishedSet(page.request);
  const nickname = `Guest${Date.now().toString(36).slice(-5)}`;

  await page.goto('/');
  await page.getByRole('textbox', { name: 'Quiz or class code' }).fill(set.shareCode.toLowerCase());
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: set.title })).toBeVisible();

  await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(/\/play\//);
  await expect(page.getByText(`Question 1 of ${set.questionCount}`)).toBeVisible();

  await playToTheEnd(page);
  await expect(page.getByRole('heading', { name: 'Review every question' })).toBeVisible();
  const score = (await page.locator('.stat__value').first().textContent())?.trim() ?? '';
  await expect(page.getByText(/rank on this set’s board/)).toBeVisible();

  await page.getByRole('link', { name: 'See the leaderboard' }).click();
  await page.waitForURL(/\/leaderboard\?set=/);
  const me = page.locator('[aria-current="true"]').filter({ hasText: nickname });
  await expect(me).toBeVisible();
  await expect(me).toContainText('(you)');
  await expect(me).toContainText(score);
});

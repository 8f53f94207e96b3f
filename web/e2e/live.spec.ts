import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { publishSetWith, signInByApi } from './support';

// A live game through the whole real stack: a host and three players, each in their own browser
// context (own cookies, own localStorage), over the WebSocket the web server proxies to the API.
// One player reloads mid-question and keeps their seat.

const severeViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
};

const phone = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  return context.newPage();
};

/** Answers the question on a player's screen with the first choice (or whatever input it has). */
const answer = async (page: Page) => {
  const card = page.locator('form.question-card');
  await expect(card).toBeVisible();
  const radios = card.getByRole('radio');
  const checkboxes = card.getByRole('checkbox');
  const typed = card.getByRole('textbox');
  const year = card.getByRole('spinbutton');
  if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await checkboxes.count()) > 0) {
    await checkboxes.first().check();
  } else if ((await typed.count()) > 0) {
    await typed.fill('Hezbollah');
  } else if ((await year.count()) > 0) {
    await year.fill(String((await year.getAttribute('min')) ?? '1946'));
  }
  await card.getByRole('button', { name: 'Lock in answer' }).click();
  await expect(page.getByRole('heading', { name: 'Answer locked in' })).toBeVisible();
};

test('a host and three players play a live game to the podium; a reload mid-question keeps the seat', async ({
  browser,
}) => {
  // Four browser contexts and six axe runs through a whole game on a shared 2-core box.
  test.setTimeout(300_000);
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await signInByApi(host.request);
  const set = await publishSetWith(host.request, `Live e2e ${Date.now().toString(36)}`, [
    'SINGLE_CHOICE',
    'TRUE_FALSE',
  ]);

  await host.goto(`/teacher/live/new?setId=${set.id}`);
  await host.getByRole('checkbox', { name: /Speed points/ }).uncheck();
  await host.getByRole('button', { name: 'Open the lobby' }).click();
  await host.waitForURL(/\/teacher\/live\/[0-9a-f-]+$/);
  const pin = (await host.getByTestId('live-pin').textContent())?.replace(/\D/g, '') ?? '';
  expect(pin).toMatch(/^\d{6}$/);
  await expect(host.getByRole('img', { name: /QR code for .*\/live\?pin=\d{6}/ })).toBeVisible();
  expect(await severeViolations(host)).toEqual([]);

  const names = ['Ava', 'Bijan', 'Cyra'];
  const players: Page[] = [];
  for (const name of names) {
    const page = await phone(browser);
    await page.goto(`/live?pin=${pin}`);
    await page.getByRole('textbox', { name: 'Nickname' }).fill(name);
    await page.getByRole('button', { name: 'Join game' }).click();
    await page.waitForURL(/\/live\/play\//);
    await expect(page.getByRole('heading', { name: 'You’re in!' })).toBeVisible();
    players.push(page);
  }
  const [ava, bijan, cyra] = players as [Page, Page, Page];
  expect(await severeViolations(ava)).toEqual([]);
  for (const name of names) {
    await expect(host.getByRole('list').getByText(name, { exact: true })).toBeVisible();
  }

  await host.getByRole('button', { name: 'Start the game' }).click();
  for (let question = 1; question <= set.count; question++) {
    await expect(host.getByText(`Question ${question} of ${set.count}`)).toBeVisible();
    await answer(ava);
    if (question === 1) {
      // Bijan's phone reloads before he answers: same seat, same question, no new join.
      await expect(bijan.locator('form.question-card')).toBeVisible();
      await bijan.reload();
      await expect(bijan.getByTestId('live-me')).toContainText('Bijan');
      expect(await severeViolations(bijan)).toEqual([]);
    }
    await answer(bijan);
    await answer(cyra);
    // Everyone answered: the host's screen reveals by itself.
    await expect(host.getByText(/^Answer:/)).toBeVisible();
    for (const page of players) {
      await expect(page.getByRole('heading', { name: /Correct!|Not quite/ })).toBeVisible();
    }
    if (question === 1) {
      expect(await severeViolations(host)).toEqual([]);
      expect(await severeViolations(ava)).toEqual([]);
    }
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await expect(host.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
    if (question === 1) {
      // Read off a projector: names at least 20 px, points within 40 rem of them (was body size
      // across the whole 1,070 px card).
      const board = host.locator('.live-board');
      const name = board.locator('.live-board__name').first();
      const fontSize = await name.evaluate((element) => getComputedStyle(element).fontSize);
      expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(20);
      expect((await board.boundingBox())?.width ?? 0).toBeLessThanOrEqual(40 * 16 + 1);
    }
    await host
      .getByRole('button', { name: question === set.count ? 'Podium' : 'Next question' })
      .click();
  }

  await expect(host.getByRole('heading', { name: 'Podium' })).toBeVisible();
  for (const page of players) {
    await expect(page.getByRole('heading', { name: 'Game over' })).toBeVisible();
  }
  await host.getByRole('link', { name: 'See the report' }).click();
  await expect(host.getByRole('heading', { name: /^Report:/ })).toBeVisible();
  for (const name of names) {
    await expect(host.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  // The report's download: the API's file (exportLiveResults), one row per player.
  const [csv] = await Promise.all([
    host.waitForEvent('download'),
    host.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/-live-results-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readFileSync(await csv.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(rows).toHaveLength(names.length + 1);
  for (const name of names) {
    // Every text cell is quoted (a ';' in a name must not split it where Excel lists with ';').
    expect(rows.some((row) => row.split(',')[1] === `"${name}"`)).toBe(true);
  }
  expect(await severeViolations(host)).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { publishSetWith, signInByApi, TEACHER, tabTo } from './support';

test('a whole quiz can be played with the keyboard only, chronology included', async ({
  page,
  playwright,
  baseURL,
}) => {
  const teacher = await playwright.request.newContext({ baseURL });
  await signInByApi(teacher, TEACHER);
  const set = await publishSetWith(teacher, `Keyboard set ${Date.now().toString(36)}`, [
    'CHRONOLOGY',
    'SINGLE_CHOICE',
    'MULTI_SELECT',
    'TRUE_FALSE',
  ]);
  await teacher.dispose();
  await page.goto(`/join/${set.shareCode}`);

  // Join as a guest with the keyboard.
  await tabTo(page, /nickname/);
  await page.keyboard.type(`Keys${Date.now().toString(36).slice(-4)}`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/play\//);

  let sawChronology = false;
  for (let question = 0; question < set.count; question++) {
    const stem = page.locator('.question-stem');
    await expect(stem).toBeFocused();
    // Wait for the question's controls (the chronology list loads its drag and drop on demand).
    await expect(
      page.locator('.question-card input, .question-card .sortable__handle').first(),
    ).toBeVisible();
    const handles = page.locator('.sortable__handle');
    if ((await handles.count()) > 0) {
      sawChronology = true;
      const before = await page.locator('.sortable__label').allTextContents();
      await tabTo(page, /^Drag /);
      // dnd-kit measures the list after the lift: give each key a frame or two.
      await page.keyboard.press('Space');
      await page.waitForTimeout(200);
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(200);
      await page.keyboard.press('Space');
      await expect
        .poll(() => page.locator('.sortable__label').allTextContents())
        .not.toEqual(before);
      // The fallback buttons work too.
      await tabTo(page, /Move .* down/);
      await page.keyboard.press('Enter');
    } else if ((await page.getByRole('checkbox').count()) > 0) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await expect(page.getByRole('checkbox').first()).toBeChecked();
    } else {
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio').nth(1)).toBeChecked();
    }
    await tabTo(page, /Submit answer/);
    await page.keyboard.press('Enter');
    await expect(page.locator('.verdict__title')).toBeFocused();
    await tabTo(page, /Next question|See my results/);
    await page.keyboard.press('Enter');
  }
  await page.waitForURL(/\/results\//);
  await expect(page.getByRole('heading', { name: 'Review every question' })).toBeVisible();
  expect(sawChronology).toBe(true);
});

import { expect, test } from '@playwright/test';
import { gql, playToTheEnd, signInByApi, TEACHER } from './support';

test('a teacher generates and edits questions, publishes a set and sees the class results', async ({
  page,
  browser,
  baseURL,
}) => {
  const title = `Alliance under pressure ${Date.now().toString(36)}`;

  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(TEACHER.email);
  await page.getByLabel('Password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/teacher$/);

  await page.getByRole('textbox', { name: 'New set title' }).fill(title);
  await page.getByRole('button', { name: 'Create set' }).click();
  await page.waitForURL(/\/teacher\/sets\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Generate three questions and add them all.
  await page.getByRole('tab', { name: 'Generate' }).click();
  await page.getByRole('spinbutton', { name: 'How many questions' }).fill('3');
  await page.getByRole('button', { name: 'Generate questions' }).click();
  await expect(page.getByRole('heading', { name: /generated/ })).toBeVisible();
  const addAll = page.getByRole('button', { name: /Add all/ });
  if (await addAll.isVisible()) {
    await addAll.click();
  } else {
    await page
      .getByRole('button', { name: /Add to set/ })
      .first()
      .click();
  }
  await expect(page.getByRole('heading', { name: /Questions in this set \([1-9]/ })).toBeVisible();

  // Edit the first question's stem; a clear validation message first.
  await page.getByRole('link', { name: 'Edit question 1' }).click();
  await page.waitForURL(/\/questions\//);
  const stem = page.getByRole('textbox', { name: 'Question' });
  await stem.fill('');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(stem).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: 'Write the question.' })).toBeVisible();
  const edited = `Edited: ${title} — which statement is supported by the sources?`;
  await stem.fill(edited);
  await page.getByRole('button', { name: 'Save question' }).click();
  await page.waitForURL(/\/teacher\/sets\/[^/]+$/);
  // In the set's list: the generated three may share a fact, and the overlap notice then names
  // question 1 by its stem too.
  await expect(
    page.getByRole('list', { name: 'Questions in order' }).getByText(edited),
  ).toBeVisible();

  // A time limit, then publish and share.
  await page.getByRole('combobox', { name: 'Time limit' }).first().selectOption('60');
  await expect(page.getByText('Saving…')).toBeHidden();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const code = (await page.locator('.share-code').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9-]{3,}$/);
  await expect(page.getByRole('textbox', { name: 'Link for students' })).toHaveValue(
    `${baseURL}/join/${code}`,
  );

  // A student plays it (another browser context: another session).
  const student = await browser.newContext();
  const play = await student.newPage();
  await play.goto(`/join/${code}`);
  await play
    .getByRole('textbox', { name: 'Nickname' })
    .fill(`Pupil${Date.now().toString(36).slice(-4)}`);
  await play.getByRole('button', { name: 'Join and start' }).click();
  await play.waitForURL(/\/play\//);
  await expect(play.getByRole('heading', { name: edited })).toBeVisible();
  await playToTheEnd(play);
  await student.close();

  // The class results show the student and the item analysis.
  await page.getByRole('link', { name: 'Class results' }).first().click();
  await page.waitForURL(/\/results$/);
  await expect(
    page.getByRole('heading', { level: 1, name: `Class results: ${title}` }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Item analysis' })).toBeVisible();
  await expect(page.locator('table').first().getByRole('row')).toHaveCount(2);
});

test('the set builder keeps a gap between the "every question" time limit and the first row', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInByApi(page.request);
  const data = await gql<{ mySets: { id: string; questionCount: number }[] }>(
    page.request,
    '{ mySets { id questionCount } }',
  );
  const set = data.mySets.find((item) => item.questionCount > 0);
  expect(set).toBeTruthy();
  await page.goto(`/teacher/sets/${set?.id}`);
  const select = page.locator('#all-limits');
  const firstRow = page.locator('.set-item-row').first();
  await expect(firstRow).toBeVisible();
  const selectBox = await select.boundingBox();
  const rowBox = await firstRow.boundingBox();
  // It sat flush on the first question's card (0 px): the list's margin 0 beat the stack's gap.
  expect(
    (rowBox?.y ?? 0) - ((selectBox?.y ?? 0) + (selectBox?.height ?? 0)),
  ).toBeGreaterThanOrEqual(8);
});

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { publishSetWith, signInByApi } from './support';

test('a teacher exports a set, imports the file back, and prints the worksheet and key', async ({
  page,
}) => {
  await signInByApi(page.request);
  const title = `Interop ${Date.now().toString(36)}`;
  const set = await publishSetWith(page.request, title, [
    'SINGLE_CHOICE',
    'MULTI_SELECT',
    'NUMERIC_YEAR',
    'CHRONOLOGY',
  ]);

  // Export: GIFT through the menu, with its report.
  await page.goto(`/teacher/sets/${set.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('combobox', { name: 'Format' }).selectOption('GIFT');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^interop-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.gift\.txt$/);
  const file = await download.path();
  const gift = readFileSync(file, 'utf8');
  expect(gift).toContain('[tag:quiz-type:MULTI_SELECT]');
  await expect(page.getByText('What this format could not hold:')).toBeVisible();
  await expect(page.getByText(/No format but JSON has a field for citations/)).toBeVisible();

  // Import: the same file, checked first, then written into the set.
  await page.getByRole('link', { name: 'Import questions' }).click();
  await page.waitForURL(/\/import$/);
  await page.getByLabel('File').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'text/plain',
    buffer: Buffer.from(gift),
  });
  await expect(page.getByRole('combobox', { name: 'Format' })).toHaveValue('GIFT');
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(
    page.getByRole('heading', { name: `Ready to import ${set.count} questions` }),
  ).toBeVisible();
  await expect(page.getByText(/no knowledge-base citation/).first()).toBeVisible();
  await page.getByRole('button', { name: `Import ${set.count} questions` }).click();
  await expect(
    page.getByRole('heading', { name: `Imported ${set.count} questions` }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Back to the set' }).click();
  await expect(
    page.getByRole('heading', { name: `Questions in this set (${set.count * 2})` }),
  ).toBeVisible();

  // A broken file: its problem with its line, nothing imported.
  await page.goto(`/teacher/sets/${set.id}/import`);
  await page.getByLabel('File').setInputFiles({
    name: 'broken.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Fine question here?{=Yes ~No ~Maybe}\n\nWhen?{#soon}\n'),
  });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByText(/Line 3: "soon" is not a number/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);

  // Print: the worksheet holds no key in the DOM; the key does; print media hides the chrome.
  await page.goto(`/teacher/sets/${set.id}/print`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.print-question')).toHaveCount(set.count * 2);
  await expect(page.locator('.print-key')).toHaveCount(0);
  await expect(page.getByText('Why:')).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const worksheet = await page.pdf({ format: 'A4' });
  expect(worksheet.subarray(0, 4).toString()).toBe('%PDF');

  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/teacher/sets/${set.id}/print?key=1`);
  await expect(page.getByRole('heading', { level: 1, name: `${title}: answer key` })).toBeVisible();
  await expect(page.locator('.print-key')).toHaveCount(set.count * 2);
  // Generated questions cite their passages; the imported copies say they cite none.
  await expect(page.locator('.print-sources').first()).toBeVisible();
  await expect(page.getByText(/No knowledge-base citation/).first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const key = await page.pdf({ format: 'A4' });
  expect(key.subarray(0, 4).toString()).toBe('%PDF');
  expect(key.length).toBeGreaterThan(worksheet.length);
});

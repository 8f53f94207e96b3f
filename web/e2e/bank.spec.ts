import { expect, test } from '@playwright/test';
import { TEACHER } from './support';

// Bank browsing (issue 14.1) in a real browser on the seeded bank: multi-select chips that keep
// their siblings, counts in correct English, rows that tell orderings apart, full-text search,
// the preview with the answer, and more like this.
test('a teacher finds questions in the bank with chips, search, preview and more like this', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(TEACHER.email);
  await page.getByLabel('Password').fill(TEACHER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/teacher$/);
  await page
    .getByRole('textbox', { name: 'New set title' })
    .fill(`Bank ${Date.now().toString(36)}`);
  await page.getByRole('button', { name: 'Create set' }).click();
  await page.waitForURL(/\/teacher\/sets\/[^/]+$/);
  await page.getByRole('tab', { name: 'Question bank' }).click();

  const status = page.getByRole('status').filter({ hasText: /match/ });
  await expect(status).toHaveText(/^[\d,]+ questions match$/);
  const types = page.getByRole('group', { name: 'Question type' });
  const typeChips = types.getByRole('button');
  const before = await typeChips.count();
  expect(before).toBeGreaterThan(3);

  // Picking one type keeps every other type chip; a second pick adds to the first.
  const order = types.getByRole('button', { name: /^Put in order/ });
  await order.click();
  await expect(order).toHaveAttribute('aria-pressed', 'true');
  await expect(status).toHaveText(/^[\d,]+ questions match$/);
  await expect(typeChips).toHaveCount(before);
  const first = types.getByRole('button', { name: /^Which came first\?/ });
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  await expect(order).toHaveAttribute('aria-pressed', 'true');

  // Orderings show their items, so rows with the same stem differ.
  const row = page.locator('article.bank-q').first();
  await expect(row.locator('.bank-q__detail')).toContainText(/Items: .+ · .+|Options: .+ · .+/);

  // Cross-era items are findable: "Spans eras" has a count and narrows the list.
  const spans = page
    .getByRole('group', { name: 'Era' })
    .getByRole('button', { name: /^Spans eras/ });
  await spans.click();
  await expect(spans).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page
      .locator('article.bank-q')
      .first()
      .getByText(/^Spans \d eras$/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();

  // Full-text search over quotes: one who-said question, in correct English.
  await page
    .getByRole('searchbox', { name: 'Search the question bank' })
    .fill('low-quality products');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(status).toHaveText(/^(1 question matches|[2-9] questions match)$/);
  const hit = page.locator('article.bank-q').first();
  await expect(hit.locator('.bank-q__quote')).toContainText('low-quality products');

  // The preview shows the answer with its feedback and passages.
  await hit.getByText('Preview with the answer').click();
  await hit.getByRole('button', { name: 'Show the answer and feedback' }).click();
  await expect(hit.getByText(/Correct/).first()).toBeVisible();

  // More like this lists other questions, each with its own add button.
  await hit.locator('summary', { hasText: 'More like this' }).click();
  await expect(hit.locator('article.bank-q').first()).toBeVisible();
});

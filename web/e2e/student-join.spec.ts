import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  firstPublishedSet,
  gql,
  playToTheEnd,
  publishSetWith,
  STUDENT,
  signInByApi,
} from './support';

const SHOTS = path.join(__dirname, '..', 'screenshots');
const WIDTHS = [320, 390, 1280] as const;

const severeViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`);
};

/** Full-page screenshots at phone and desktop widths; the page must not scroll sideways. */
const shoot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
};

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
  await expect(page.getByText(/this attempt’s rank on the set’s board/)).toBeVisible();
  await expect(
    page.getByText(/your place on the set’s board \(your first attempt\)/),
  ).toBeVisible();

  await page.getByRole('link', { name: 'See the leaderboard' }).click();
  await page.waitForURL(/\/leaderboard\?set=/);
  const me = page.locator('[aria-current="true"]').filter({ hasText: nickname });
  await expect(me).toBeVisible();
  await expect(me).toContainText('(you)');
  await expect(me).toContainText(score);
});

test('a student types a short answer, sees how it was graded, and reviews it', async ({
  page,
  request: api,
}) => {
  // A teacher (the request context, signed in apart from the page) writes a typed-answer question
  // on a KB passage and publishes it.
  await signInByApi(api);
  // A KB passage: Iran's Revolutionary Guards, with Syrian help, established and trained Hezbollah.
  const citationIds = ['wiki-irgc-hezbollah-1982'];
  const created = await gql<{
    createQuestion: { question: { id: string }; errors: { field: string; message: string }[] };
  }>(
    api,
    'mutation ($input: QuestionInput!) { createQuestion(input: $input) { question { id } errors { field message } } }',
    {
      input: {
        type: 'SHORT_ANSWER',
        stem: 'Which Lebanese organisation did Iran’s Revolutionary Guards, with Syrian help, establish and train?',
        answerHint: 'an organisation',
        correctAnswers: ['Hezbollah', 'Hizb Allah', 'Party of God'],
        nearMisses: ['Hamas'],
        explanation:
          'The cited passage says Iran’s Revolutionary Guards, with Syrian assistance, established and trained Hezbollah.',
        citationIds,
      },
    },
  );
  expect(created.createQuestion.errors).toEqual([]);
  const set = await gql<{ createQuestionSet: { questionSet: { id: string } } }>(
    api,
    'mutation { createQuestionSet(input: { title: "Typed answers" }) { questionSet { id } } }',
  );
  const setId = set.createQuestionSet.questionSet.id;
  await gql(
    api,
    'mutation ($id: ID!, $items: [QuestionSetItemInput!]!) { setQuestionSetItems(id: $id, items: $items) { errors { message } } }',
    { id: setId, items: [{ questionId: created.createQuestion.question.id, timeLimitSec: null }] },
  );
  const published = await gql<{ publishQuestionSet: { questionSet: { shareCode: string } } }>(
    api,
    'mutation ($id: ID!) { publishQuestionSet(id: $id) { questionSet { shareCode } } }',
    { id: setId },
  );

  // A guest plays it on the phone-sized page.
  await page.goto(`/join/${published.publishQuestionSet.questionSet.shareCode}`);
  await page
    .getByRole('textbox', { name: 'Nickname' })
    .fill(`Typist${Date.now().toString(36).slice(-4)}`);
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(/\/play\//);
  const field = page.getByRole('textbox', {
    name: 'Which Lebanese organisation did Iran’s Revolutionary Guards, with Syrian help, establish and train?',
  });
  await expect(field).toHaveAccessibleDescription(/Type an organisation\./);
  const fontSize = await field.evaluate((element) => getComputedStyle(element).fontSize);
  expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
  expect(await severeViolations(page)).toEqual([]);
  await shoot(page, 'short-answer-play');

  await field.fill('Hizbulah');
  await field.press('Enter');
  const feedback = page.getByRole('region', { name: 'Feedback on your answer' });
  await expect(feedback).toContainText('Correct');
  await expect(feedback).toContainText(
    'Accepted: you wrote “Hizbulah”; the usual spelling is Hezbollah.',
  );
  await expect(feedback).not.toContainText(/line \d|paragraph at/);
  expect(await severeViolations(page)).toEqual([]);
  await shoot(page, 'short-answer-feedback');

  await page.getByRole('button', { name: 'See my results' }).click();
  await page.waitForURL(/\/results\//);
  await expect(page.getByRole('textbox')).toHaveValue('Hizbulah');
  expect(await severeViolations(page)).toEqual([]);
  await shoot(page, 'short-answer-results');
});

test('a true/false answer and its marks fit a phone', async ({ page, request: api }) => {
  // Two half-width cards, each with its label and a mark ("✓ Correct answer"): with `1fr 1fr` the
  // marked answer set the column's minimum and the second card stuck out past a 390 px screen.
  await signInByApi(api);
  const set = await publishSetWith(api, `True or false ${Date.now().toString(36)}`, ['TRUE_FALSE']);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/join/${set.shareCode}`);
  await page
    .getByRole('textbox', { name: 'Nickname' })
    .fill(`Tf${Date.now().toString(36).slice(-4)}`);
  await page.getByRole('button', { name: 'Join and start' }).click();
  await page.waitForURL(/\/play\//);
  // The first question is in the server's HTML: a click before hydration would do nothing.
  await page.waitForLoadState('networkidle');
  const card = page.locator('form.question-card');
  await card.getByRole('radio').first().check();
  await card.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('region', { name: 'Feedback on your answer' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(card.locator('.option__mark').first()).toBeVisible();
  await shoot(page, 'true-false-feedback');
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    const cardRight = await card.evaluate((element) => element.getBoundingClientRect().right);
    for (const option of await card.locator('.option').all()) {
      const box = await option.boundingBox();
      expect(box && box.x + box.width, `an option at ${width} px`).toBeLessThanOrEqual(cardRight);
    }
  }
});

test('history keeps each date and score on one line', async ({ page }) => {
  await signInByApi(page.request, STUDENT);
  await page.goto('/history');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const width of [1280, 390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    for (const label of ['Played', 'Score']) {
      const cell = rows.first().locator(`td[data-label="${label}"]`);
      // One line: the cell's text is no taller than its line height (it wrapped at 1280 px).
      const lines = await cell.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
        return Math.round(range.getBoundingClientRect().height / lineHeight);
      });
      expect(lines, `${label} at ${width} px`).toBe(1);
    }
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `history at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

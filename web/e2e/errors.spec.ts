import { expect, test } from '@playwright/test';
import { STUDENT } from './support';

// One message per error, in words that say what to do.

test('a bad sign-in is announced once, about the pair, and a missing field at that field', async ({
  page,
}) => {
  await page.goto('/sign-in', { timeout: 60_000 });
  await page.getByLabel('Email').fill(STUDENT.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // (Next.js's route announcer is an empty alert outside <main>.)
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toHaveText(/do not match an account\. Check both and try again/);
  await expect(alert).toHaveCount(1);
  // Said once: no copy of it by either field.
  await expect(page.getByText(/do not match|Wrong email or password/)).toHaveCount(1);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Email').fill('');
  await page.getByLabel('Password').fill('');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email address.')).toHaveCount(1);
  await expect(page.getByLabel('Email')).toBeFocused();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('a code that starts no quiz says whether it is mistyped, archived or a class code', async ({
  page,
}) => {
  await page.goto('/join/QQQQQQ', { timeout: 60_000 });
  await expect(
    page.getByRole('heading', { level: 1, name: 'No quiz or class has this code' }),
  ).toBeVisible();
  await expect(page.getByText(/Check it for a mistyped letter/)).toBeVisible();
  // The code is there to correct.
  await expect(page.getByLabel('Quiz or class code')).toHaveValue('QQQQQQ');
});

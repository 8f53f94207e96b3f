import { expect, test } from '@playwright/test';
import { gql, STUDENT, signInByApi, TEACHER } from './support';

// Probe round 8: a teacher takes a student out of a class and renews a code that leaked.

test('the class page removes a member and renews the code', async ({ browser }) => {
  const teacher = await browser.newContext();
  const student = await browser.newContext();
  try {
    await signInByApi(teacher.request, TEACHER);
    await signInByApi(student.request, STUDENT);
    const created = await gql<{ createClass: { class: { id: string; joinCode: string } } }>(
      teacher.request,
      `mutation ($name: String!) { createClass(input: { name: $name }) { class { id joinCode } } }`,
      { name: `Class ${Date.now().toString(36)}` },
    );
    const { id, joinCode } = created.createClass.class;
    await gql(student.request, 'mutation ($c: String!) { joinClass(code: $c) { class { id } } }', {
      c: joinCode,
    });
    const page = await teacher.newPage();
    await page.goto(`/teacher/classes/${id}`);
    await expect(page.getByRole('heading', { name: 'Members (1)' })).toBeVisible();
    await page.getByRole('button', { name: /^Remove/ }).click();
    await expect(page.getByRole('heading', { name: 'Members (0)' })).toBeVisible();
    await page.getByRole('button', { name: 'New code' }).click();
    await expect(page.locator('.share-code')).not.toHaveText(joinCode);
    await expect(page.locator('.share-code')).toHaveText(/^[A-Z0-9]{6}$/);
  } finally {
    await Promise.all([teacher.close(), student.close()]);
  }
});

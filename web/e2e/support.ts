import { type APIRequestContext, expect, type Page } from '@playwright/test';

const account = (variable: string | undefined, email: string, password: string) => {
  const [customEmail, customPassword] = variable?.split(':') ?? [];
  return customEmail && customPassword
    ? { email: customEmail, password: customPassword }
    : { email, password };
};

/** The seed's demo accounts (E2E_TEACHER / E2E_STUDENT=email:password override them). */
export const TEACHER = account(process.env.E2E_TEACHER, 'teacher@demo.quiz', 'demo-teacher-pass');
export const STUDENT = account(process.env.E2E_STUDENT, 'student@demo.quiz', 'demo-student-pass');

type GqlResult<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

/** A GraphQL call through the web app's /graphql proxy, with the context's cookies. */
export const gql = async <T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> => {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
  });
  const body = (await response.json()) as GqlResult<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
};

export const signInByApi = async (request: APIRequestContext, account = TEACHER) => {
  const data = await gql<{ signIn: { errors: { message: string }[]; viewer: unknown } }>(
    request,
    'mutation ($input: SignInInput!) { signIn(input: $input) { errors { message } viewer { user { id } } } }',
    { input: account },
  );
  expect(data.signIn.errors).toEqual([]);
};

export const firstPublishedSet = async (request: APIRequestContext) => {
  const data = await gql<{
    publishedSets: { id: string; title: string; shareCode: string; questionCount: number }[];
  }>(request, '{ publishedSets(first: 20) { id title shareCode questionCount } }');
  const set = data.publishedSets.find((item) => item.questionCount > 0);
  if (!set) {
    throw new Error('The seed has no published set with questions');
  }
  return set;
};

/**
 * With a request context signed in as a teacher: generates questions of the given types, puts
 * them in a new set and publishes it. Returns the set's id and share code.
 */
export const publishSetWith = async (
  request: APIRequestContext,
  title: string,
  types: string[],
  timeLimitSec: number | null = null,
) => {
  const ids: string[] = [];
  for (const type of types) {
    const generated = await gql<{ generateQuestions: { questions: { id: string }[] } }>(
      request,
      'mutation ($input: GenerateQuestionsInput!) { generateQuestions(input: $input) { questions { id } } }',
      { input: { types: [type], count: 1, seed: 7 } },
    );
    const id = generated.generateQuestions.questions[0]?.id;
    if (id && !ids.includes(id)) {
      ids.push(id);
    }
  }
  const created = await gql<{ createQuestionSet: { questionSet: { id: string } } }>(
    request,
    'mutation ($input: CreateQuestionSetInput!) { createQuestionSet(input: $input) { questionSet { id } errors { message } } }',
    { input: { title } },
  );
  const id = created.createQuestionSet.questionSet.id;
  await gql(
    request,
    'mutation ($id: ID!, $items: [QuestionSetItemInput!]!) { setQuestionSetItems(id: $id, items: $items) { errors { message } } }',
    {
      id,
      items: ids.map((questionId) => ({ questionId, timeLimitSec })),
    },
  );
  const published = await gql<{ publishQuestionSet: { questionSet: { shareCode: string } } }>(
    request,
    'mutation ($id: ID!) { publishQuestionSet(id: $id) { questionSet { shareCode } errors { message } } }',
    { id },
  );
  return { id, shareCode: published.publishQuestionSet.questionSet.shareCode, count: ids.length };
};

/** Answers whatever question is on screen with the mouse, then submits and goes on. */
export const answerCurrentQuestion = async (page: Page) => {
  const card = page.locator('form.question-card').first();
  await expect(card).toBeVisible();
  const radios = card.getByRole('radio');
  const checkboxes = card.getByRole('checkbox');
  const year = card.getByRole('spinbutton', { name: 'Year' });
  const selects = card.getByRole('combobox');
  const typed = card.getByRole('textbox');
  if ((await typed.count()) > 0) {
    await typed.fill('Hezbollah');
  } else if ((await radios.count()) > 0) {
    await radios.first().check();
  } else if ((await checkboxes.count()) > 0) {
    await checkboxes.first().check();
  } else if ((await year.count()) > 0) {
    await year.fill(String((await year.getAttribute('min')) ?? '1946'));
  } else if ((await selects.count()) > 0) {
    const count = await selects.count();
    for (let index = 0; index < count; index++) {
      await selects.nth(index).selectOption({ index: index + 1 });
    }
  }
  await card.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByRole('region', { name: 'Feedback on your answer' })).toBeVisible();
};

/** Plays the attempt on screen to the end and lands on the results page. */
export const playToTheEnd = async (page: Page) => {
  for (let guard = 0; guard < 40; guard++) {
    await answerCurrentQuestion(page);
    const next = page.getByRole('button', { name: 'Next question' });
    if (await next.isVisible()) {
      await next.click();
      continue;
    }
    await page.getByRole('button', { name: 'See my results' }).click();
    await page.waitForURL(/\/results\//);
    return;
  }
  throw new Error('The quiz did not end');
};

/** Presses Tab until the focused element's accessible text matches, at most `limit` times. */
export const tabTo = async (page: Page, matches: RegExp, limit = 40) => {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) {
        return '';
      }
      const input = element as HTMLInputElement;
      return [
        element.getAttribute('aria-label'),
        element.textContent,
        input.value,
        input.name,
        element.id,
      ]
        .filter(Boolean)
        .join(' ');
    });
    if (matches.test(label)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${matches}`);
};

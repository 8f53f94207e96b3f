import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
} from '@playwright/test';
import { firstPublishedSet, gql, publishSetWith, STUDENT, signInByApi, TEACHER } from './support';

export type Role = 'visitor' | 'student' | 'teacher';
export type AppPage = { name: string; path: string; role: Role; heading?: RegExp };

type Question = {
  position: number;
  type: string;
  prompt: {
    options: { id: string }[];
    items: { id: string }[];
    targets: { id: string }[];
    numeric: { min: number } | null;
  };
};

/** A plausible answer of the right shape for any question type. */
const responseFor = (question: Question) => {
  const { prompt } = question;
  if (question.type === 'NUMERIC_YEAR') {
    return { year: prompt.numeric?.min ?? 1946 };
  }
  if (question.type === 'CHRONOLOGY') {
    return { order: prompt.items.map((item) => item.id) };
  }
  if (question.type === 'MATCHING') {
    return {
      pairs: prompt.items.map((item, index) => ({
        itemId: item.id,
        targetId: prompt.targets[index]?.id ?? '',
      })),
    };
  }
  return { optionIds: prompt.options.slice(0, 1).map((option) => option.id) };
};

/** As the signed-in student of `request`: starts an attempt; answers and finishes it when asked. */
const attempt = async (request: APIRequestContext, code: string, finish: boolean) => {
  const started = await gql<{ startAttempt: { id: string } }>(
    request,
    'mutation ($input: StartAttemptInput!) { startAttempt(input: $input) { id } }',
    {
      input: { code },
    },
  );
  const attemptId = started.startAttempt.id;
  if (!finish) {
    return attemptId;
  }
  const data = await gql<{ attempt: { questions: { position: number }[] } }>(
    request,
    'query ($id: ID!) { attempt(id: $id) { questions { position } } }',
    { id: attemptId },
  );
  for (const { position } of data.attempt.questions) {
    // A timed question's prompt is concealed until openQuestion starts its clock.
    const opened = await gql<{ openQuestion: Question }>(
      request,
      'mutation ($a: ID!, $p: Int!) { openQuestion(attemptId: $a, position: $p) { position type prompt { options { id } items { id } targets { id } numeric { min } } } }',
      { a: attemptId, p: position },
    );
    await gql(
      request,
      'mutation ($a: ID!, $p: Int!, $r: ResponseInput!) { answerQuestion(attemptId: $a, position: $p, response: $r) { points } }',
      { a: attemptId, p: position, r: responseFor(opened.openQuestion) },
    );
  }
  await gql(request, 'mutation ($a: ID!) { finishAttempt(attemptId: $a) { id } }', {
    a: attemptId,
  });
  return attemptId;
};

export type Tour = {
  pages: AppPage[];
  contexts: Record<Role, BrowserContext>;
  close: () => Promise<void>;
};

/** Signs in a student and a teacher, creates the data every page needs, and lists the pages. */
export const prepareTour = async (
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<Tour> => {
  const contexts = {
    visitor: await browser.newContext({ viewport }),
    student: await browser.newContext({ viewport }),
    teacher: await browser.newContext({ viewport }),
  };
  const set = await firstPublishedSet(contexts.visitor.request);
  await signInByApi(contexts.teacher.request, TEACHER);
  const own = await publishSetWith(
    contexts.teacher.request,
    `Tour set ${Date.now().toString(36)}`,
    ['SINGLE_CHOICE', 'CHRONOLOGY', 'MATCHING'],
    30,
  );
  await signInByApi(contexts.student.request, STUDENT);
  const finished = await attempt(contexts.student.request, own.shareCode, true);
  // A set of its own to play: a set may be played once (retakes are off by default), and other
  // specs finish the published demo sets as this student.
  const toPlay = await publishSetWith(
    contexts.teacher.request,
    `Tour play ${Date.now().toString(36)}`,
    ['SINGLE_CHOICE', 'CHRONOLOGY', 'MATCHING'],
    30,
  );
  const playing = await attempt(contexts.student.request, toPlay.shareCode, false);
  const teacherData = await gql<{
    questionSet: { items: { question: { id: string } }[] };
    myClasses: { id: string }[];
  }>(
    contexts.teacher.request,
    'query ($id: ID!) { questionSet(id: $id) { items { question { id } } } myClasses { id } }',
    { id: own.id },
  );
  const questionId = teacherData.questionSet.items[0]?.question.id ?? 'new';
  const classId = teacherData.myClasses[0]?.id;
  const pages: AppPage[] = [
    { name: 'home', path: '/', role: 'visitor', heading: /Iran–Syria relations/ },
    { name: 'home-student', path: '/', role: 'student', heading: /Iran–Syria relations/ },
    { name: 'sign-in', path: '/sign-in', role: 'visitor', heading: /Sign in/ },
    { name: 'sign-up', path: '/sign-up', role: 'visitor', heading: /Create an account/ },
    { name: 'join-code', path: '/join', role: 'visitor', heading: /Join with a code/ },
    { name: 'join-set', path: `/join/${set.shareCode}`, role: 'visitor' },
    { name: 'play', path: `/play/${playing}`, role: 'student', heading: /.+/ },
    {
      name: 'results',
      path: `/results/${finished}`,
      role: 'student',
      heading: /Tour set/,
    },
    { name: 'history', path: '/history', role: 'student', heading: /My attempts/ },
    { name: 'leaderboard', path: '/leaderboard', role: 'student', heading: /Leaderboard/ },
    {
      name: 'leaderboard-set',
      path: `/leaderboard?set=${own.id}&window=THIS_WEEK`,
      role: 'student',
      heading: /Leaderboard/,
    },
    { name: 'timeline', path: '/timeline', role: 'visitor', heading: /Timeline/ },
    { name: 'teacher-dashboard', path: '/teacher', role: 'teacher', heading: /Teach/ },
    { name: 'set-builder', path: `/teacher/sets/${own.id}`, role: 'teacher', heading: /Tour set/ },
    {
      name: 'question-editor',
      path: `/teacher/sets/${own.id}/questions/${questionId}`,
      role: 'teacher',
      heading: /Edit question/,
    },
    {
      name: 'class-results',
      path: `/teacher/sets/${own.id}/results`,
      role: 'teacher',
      heading: /Class results/,
    },
    ...(classId
      ? [{ name: 'class', path: `/teacher/classes/${classId}`, role: 'teacher' as const }]
      : []),
    { name: 'not-found', path: '/no-such-page', role: 'visitor', heading: /Page not found/ },
  ];
  return {
    pages,
    contexts,
    close: async () => {
      await Promise.all(Object.values(contexts).map((context) => context.close()));
    },
  };
};

/** Opens a page and waits until its data has arrived (no skeleton left). */
export const openPage = async (page: Page, appPage: AppPage) => {
  await page.goto(appPage.path);
  if (appPage.heading) {
    await expect(
      page.getByRole('heading', { level: 1, name: appPage.heading }).first(),
    ).toBeVisible();
  }
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForLoadState('networkidle');
};

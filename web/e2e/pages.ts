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

/**
 * In the page: how far the document scrolls sideways, and up to five elements that stick out past
 * the viewport's right edge, unless an ancestor scrolls or clips them on purpose.
 */
export const measureOverflow = () => {
  const width = document.documentElement.clientWidth;
  const clippedByAncestor = (element: Element) => {
    for (
      let parent = element.parentElement;
      parent && parent !== document.body;
      parent = parent.parentElement
    ) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 1) {
        return true;
      }
    }
    return false;
  };
  // Above the document's start nothing can be seen or scrolled to: recharts measures label widths
  // in a span placed at top -20000px, as wide as the longest label (probe 6b's long options).
  const offScreen = (box: DOMRect) => box.bottom + window.scrollY <= 0;
  const offenders: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (
      box.width > 0 &&
      box.height > 0 &&
      box.right > width + 1 &&
      !offScreen(box) &&
      !clippedByAncestor(element)
    ) {
      const text = (element.textContent ?? '').trim().slice(0, 40);
      offenders.push(
        `<${element.tagName.toLowerCase()} class="${element.className}"> "${text}" ends at ${Math.round(box.right)}px`,
      );
      if (offenders.length >= 5) {
        break;
      }
    }
  }
  const scroll = document.documentElement.scrollWidth - width;
  if (scroll > 0 && offenders.length === 0) {
    // Something scrolls the page but no visible element sticks out: name the widest candidates.
    const wide = [...document.body.querySelectorAll('*')]
      .map((element) => ({ element, right: element.getBoundingClientRect().right }))
      .filter(({ right }) => right > width + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 3);
    for (const { element, right } of wide) {
      offenders.push(
        `<${element.tagName.toLowerCase()} class="${element.className}"> (hidden or clipped) "${(element.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(right)}px`,
      );
    }
    // Text that overflows its box (an unbreakable word) has no element edge past the viewport.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node && offenders.length < 5; node = walker.nextNode()) {
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > width + 1) {
        offenders.push(
          `text in <${node.parentElement?.tagName.toLowerCase()} class="${node.parentElement?.className}"> "${(node.textContent ?? '').trim().slice(0, 40)}" ends at ${Math.round(right)}px`,
        );
      }
    }
  }
  // A closed <select> shows its chosen option in its own box and cuts what does not fit
  // ("Overall (best score per quiz, adde" at 390 px): measure the label in the select's font.
  const canvas = document.createElement('canvas').getContext('2d');
  // A select that says its whole choice next to it (data-choice-shown) may cut it.
  for (const select of document.body.querySelectorAll<HTMLSelectElement>(
    'select:not([data-choice-shown])',
  )) {
    const label = select.selectedOptions[0]?.textContent?.trim() ?? '';
    const style = getComputedStyle(select);
    if (!canvas || label === '' || select.getBoundingClientRect().width === 0) {
      continue;
    }
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room =
      select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (canvas.measureText(label).width > room + 1) {
      offenders.push(`<select id="${select.id}"> cuts its choice "${label.slice(0, 40)}"`);
    }
  }
  return { scroll, offenders };
};

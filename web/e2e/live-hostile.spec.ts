import { type Browser, expect, type Page, test } from '@playwright/test';
import { measureOverflow } from './pages';
import { gql, signInByApi } from './support';

// Probe 7b: a live game with hostile names and texts on the projector and on phones, at 320 and
// 1280 px. Before the fixes, the host's roster gave a 24-letter nickname a column one letter wide
// (24 lines tall) and broke "Team 2" into letters, and a player's podium line
// "محمدرضا 1234 · 798 pts" read "798 · 1234 محمدرضا pts": the name's digits beside "pts".

const LONG = 'M'.repeat(24);
const RTL = 'محمدرضا 1234';
const NAMES = [LONG, RTL, 'Mohammadreza Karimi'];

const join = async (browser: Browser, pin: string, nickname: string, width: number) => {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.goto(`/live?pin=${pin}`);
  await page.getByRole('textbox', { name: 'Nickname' }).fill(nickname);
  await page.getByRole('button', { name: 'Join game' }).click();
  await page.waitForURL(/\/live\/play\//);
  await expect(page.getByRole('heading', { name: 'You’re in!' })).toBeVisible();
  return page;
};

/** Lines each roster entry's name and badge take (a name may wrap once; a badge never). */
const rosterLines = (page: Page) =>
  page.locator('.live-roster li').evaluateAll((items) =>
    items.map((item) => {
      const lines = (element: Element | null) => {
        if (!element) {
          return 0;
        }
        const style = getComputedStyle(element);
        const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
        return Math.round(element.getBoundingClientRect().height / line);
      };
      return {
        name: item.firstElementChild?.textContent ?? '',
        nameLines: lines(item.firstElementChild),
        badgeLines: lines(item.querySelector('.badge')),
      };
    }),
  );

test('hostile nicknames and texts on the live screens at 320 and 1280 px', async ({ browser }) => {
  test.setTimeout(240_000);
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await signInByApi(host.request);
  const set = await gql<{ createQuestionSet: { questionSet: { id: string } } }>(
    host.request,
    'mutation ($input: CreateQuestionSetInput!) { createQuestionSet(input: $input) { questionSet { id } } }',
    { input: { title: `${'W'.repeat(40)} عنوان المجموعة 1234 ${Date.now().toString(36)}` } },
  );
  const setId = set.createQuestionSet.questionSet.id;
  const question = await gql<{ createQuestion: { question: { id: string } } }>(
    host.request,
    'mutation ($input: QuestionInput!) { createQuestion(input: $input) { question { id } } }',
    {
      input: {
        type: 'SINGLE_CHOICE',
        stem: `${'Q'.repeat(200)} ایران و سوریه 1980–1988?`,
        options: [
          { id: 'a', label: 'A'.repeat(150) },
          { id: 'b', label: `سوريا 1979 ${'ب'.repeat(80)}` },
          { id: 'c', label: 'Neither' },
        ],
        correctOptionIds: ['a'],
        citationIds: ['wiki-irgc-hezbollah-1982'],
        explanation: 'E'.repeat(300),
      },
    },
  );
  await gql(
    host.request,
    'mutation ($id: ID!, $items: [QuestionSetItemInput!]!) { setQuestionSetItems(id: $id, items: $items) { errors { message } } }',
    { id: setId, items: [{ questionId: question.createQuestion.question.id }] },
  );
  const game = await gql<{ createLiveGame: { game: { id: string; pin: string } } }>(
    host.request,
    'mutation ($input: CreateLiveGameInput!) { createLiveGame(input: $input) { game { id pin } } }',
    { input: { setId, teamCount: 2, speedPoints: false } },
  );
  const { id: gameId, pin } = game.createLiveGame.game;
  await host.goto(`/teacher/live/${gameId}`);
  const players: Page[] = [];
  for (const [index, name] of NAMES.entries()) {
    players.push(await join(browser, pin, name, index === 1 ? 1280 : 320));
  }

  const overflowing: string[] = [];
  const checkOverflow = async (label: string) => {
    for (const [name, page] of [
      ['host', host] as const,
      ...players.map((p, i) => [`p${i}`, p] as const),
    ]) {
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const { scroll, offenders } = await page.evaluate(measureOverflow);
        if (scroll > 0 || offenders.length > 0) {
          overflowing.push(`${label} ${name}@${width}: ${scroll}px; ${offenders.join('; ')}`);
        }
      }
    }
  };

  for (const name of NAMES) {
    await expect(host.locator('.live-roster').getByText(name, { exact: true })).toBeVisible();
  }
  for (const width of [1280, 320]) {
    await host.setViewportSize({ width, height: 800 });
    const lines = await rosterLines(host);
    expect(lines).toHaveLength(NAMES.length);
    const broken = lines.filter((entry) => entry.nameLines > 2 || entry.badgeLines !== 1);
    expect(broken, `roster at ${width} px`).toEqual([]);
  }
  await checkOverflow('lobby');

  await host.setViewportSize({ width: 1280, height: 800 });
  await host.getByRole('button', { name: 'Start the game' }).click();
  for (const page of players) {
    const card = page.locator('form.question-card');
    await card.getByRole('radio').first().check();
    await card.getByRole('button', { name: 'Lock in answer' }).click();
    await expect(page.getByRole('heading', { name: 'Answer locked in' })).toBeVisible();
  }
  await expect(host.getByText(/^Answer:/)).toBeVisible();
  await checkOverflow('reveal');
  await host.getByRole('button', { name: 'Leaderboard' }).click();
  await host.getByRole('button', { name: 'Podium' }).click();
  const rtlPlayer = players[1] as Page;
  await rtlPlayer.setViewportSize({ width: 1280, height: 800 });
  await expect(rtlPlayer.getByRole('heading', { name: 'Game over' })).toBeVisible();
  await checkOverflow('podium');
  expect(overflowing).toEqual([]);

  // On the podium line the score stays after the name, whatever the name's direction.
  await rtlPlayer.setViewportSize({ width: 1280, height: 800 });
  const order = await rtlPlayer.locator('.live-board li').evaluateAll((items, rtl) => {
    const item = items.find((li) => (li.textContent ?? '').includes(rtl as string));
    if (!item) {
      return null;
    }
    const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
    }
    const box = (node: Text | undefined) => {
      if (!node) {
        return null;
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect();
    };
    const name = box(nodes.find((node) => node.data === rtl));
    const score = box(
      nodes.find(
        (node) =>
          /^\d[\d,]*$/.test(node.data.trim()) && node.data.trim() !== '1234' && node !== nodes[0],
      ),
    );
    return name && score
      ? { nameRight: Math.round(name.right), scoreLeft: Math.round(score.left) }
      : null;
  }, RTL);
  expect(order).not.toBeNull();
  expect(order?.scoreLeft ?? 0).toBeGreaterThan(order?.nameRight ?? 0);
});

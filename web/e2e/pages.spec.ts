import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPage, prepareTour, type Tour } from './pages';

// One tour of every page (signed out, as a student, as a teacher), prepared once: axe on each
// page, then screenshots at 320, 390 and 1280 px, failing on any sideways scroll or any element
// that reaches past the right edge (outside a scroll box of its own, like a wide table's).

const SHOTS = path.join(__dirname, '..', 'screenshots');
const VIEWPORTS = [
  ['320', { width: 320, height: 640 }],
  ['390', { width: 390, height: 844 }],
  ['1280', { width: 1280, height: 800 }],
] as const;

/**
 * In the page: how far the document scrolls sideways, and up to five elements that stick out past
 * the viewport's right edge, unless an ancestor scrolls or clips them on purpose.
 */
const measureOverflow = () => {
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
  const offenders: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && box.right > width + 1 && !clippedByAncestor(element)) {
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

test.describe.configure({ mode: 'serial' });

let tour: Tour;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  tour = await prepareTour(browser, { width: 1280, height: 800 });
});
test.afterAll(async () => {
  await tour?.close();
});

test('axe finds no serious or critical violation on any page', async () => {
  test.setTimeout(360_000);
  const report: string[] = [];
  for (const appPage of tour.pages) {
    const page = await tour.contexts[appPage.role].newPage();
    await openPage(page, appPage);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const severe = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    report.push(
      `${appPage.name}: ${results.violations.length} violations (${severe.length} serious/critical), ${results.passes.length} rules passed`,
    );
    for (const violation of severe) {
      report.push(
        `  ${violation.impact} ${violation.id}: ${violation.help} → ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
      );
    }
    await page.close();
  }
  console.log(report.join('\n'));
  expect(report.filter((line) => line.startsWith('  '))).toEqual([]);
});

for (const [label, viewport] of VIEWPORTS) {
  test(`no page overflows at ${label} px (screenshots)`, async () => {
    test.setTimeout(360_000);
    mkdirSync(SHOTS, { recursive: true });
    const overflowing: string[] = [];
    for (const appPage of tour.pages) {
      const page = await tour.contexts[appPage.role].newPage();
      await page.setViewportSize(viewport);
      await openPage(page, appPage);
      await page.screenshot({
        path: path.join(SHOTS, `${appPage.name}-${label}.png`),
        fullPage: true,
      });
      const { scroll, offenders } = await page.evaluate(measureOverflow);
      if (scroll > 0 || offenders.length > 0) {
        overflowing.push(`${appPage.name}: scrolls ${scroll}px; ${offenders.join('; ')}`);
      }
      await page.close();
    }
    // No page may scroll sideways or cut anything off, from 320 px up.
    expect(overflowing).toEqual([]);
  });
}

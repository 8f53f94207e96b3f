import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { type AppPage, measureOverflow, openPage, prepareTour, type Tour } from './pages';

// One tour of every page (signed out, as a student, as a teacher), prepared once: axe on each
// page, then screenshots at 320, 390 and 1280 px, failing on any sideways scroll or any element
// that reaches past the right edge (outside a scroll box of its own, like a wide table's).
// Axe and the 1280 px check share one load of each page (axe ran at the context's 1280 × 800
// anyway): 18 fewer page loads, about 25 s of `npm test`. The overflow is measured before axe
// runs, on the page as loaded; soft expectations report both checks even when one fails.

const SHOTS = path.join(__dirname, '..', 'screenshots');
const NARROW = [
  ['320', { width: 320, height: 640 }],
  ['390', { width: 390, height: 844 }],
] as const;
const DESKTOP = { width: 1280, height: 800 };

test.describe.configure({ mode: 'serial' });

let tour: Tour;
test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  tour = await prepareTour(browser, DESKTOP);
});
test.afterAll(async () => {
  await tour?.close();
});

/** Screenshots the page at its current width; one line if it scrolls sideways or sticks out. */
const overflowOf = async (page: Page, appPage: AppPage, label: string) => {
  await page.screenshot({
    path: path.join(SHOTS, `${appPage.name}-${label}.png`),
    fullPage: true,
  });
  const { scroll, offenders } = await page.evaluate(measureOverflow);
  return scroll > 0 || offenders.length > 0
    ? [`${appPage.name}: scrolls ${scroll}px; ${offenders.join('; ')}`]
    : [];
};

test('axe finds no serious or critical violation on any page, and no page overflows at 1280 px (screenshots)', async () => {
  test.setTimeout(360_000);
  mkdirSync(SHOTS, { recursive: true });
  const report: string[] = [];
  const overflowing: string[] = [];
  for (const appPage of tour.pages) {
    const page = await tour.contexts[appPage.role].newPage();
    await page.setViewportSize(DESKTOP);
    await openPage(page, appPage);
    overflowing.push(...(await overflowOf(page, appPage, '1280')));
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
  expect.soft(report.filter((line) => line.startsWith('  '))).toEqual([]);
  // No page may scroll sideways or cut anything off, from 320 px up.
  expect.soft(overflowing).toEqual([]);
});

for (const [label, viewport] of NARROW) {
  test(`no page overflows at ${label} px (screenshots)`, async () => {
    test.setTimeout(360_000);
    mkdirSync(SHOTS, { recursive: true });
    const overflowing: string[] = [];
    for (const appPage of tour.pages) {
      const page = await tour.contexts[appPage.role].newPage();
      await page.setViewportSize(viewport);
      await openPage(page, appPage);
      overflowing.push(...(await overflowOf(page, appPage, label)));
      await page.close();
    }
    // No page may scroll sideways or cut anything off, from 320 px up.
    expect(overflowing).toEqual([]);
  });
}

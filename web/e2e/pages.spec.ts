import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPage, prepareTour, type Tour } from './pages';

// One tour of every page (signed out, as a student, as a teacher), prepared once: axe on each
// page, then screenshots at desktop and phone widths.

const SHOTS = path.join(__dirname, '..', 'screenshots');
const VIEWPORTS = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 360, height: 740 }],
] as const;

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
  test.setTimeout(240_000);
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
  test(`screenshots of every page at ${label} width`, async () => {
    test.setTimeout(240_000);
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
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      if (overflow > 0) {
        overflowing.push(`${appPage.name} by ${overflow}px`);
      }
      await page.close();
    }
    // No page may scroll sideways, least of all at 360 px.
    expect(overflowing).toEqual([]);
  });
}

import { describe, expect, it, inject } from 'vitest';
import { seriousAxeViolations, useBrowserOnSite } from '../helpers/browser.ts';

const { periods } = inject('builds');

const site = useBrowserOnSite(periods);

const pages = ['digests/', 'digests/2026/', 'weeks/', 'weeks/2026-W53/', 'weeks/2026-W53/2/', 'months/', 'months/2026-12/', ''];

describe('rankings and the calendar in Chromium', () => {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`at ${width} px, ${colorScheme}: no serious accessibility violation, no sideways scrolling`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 844 }, colorScheme });
        const page = await context.newPage();
        const problems: string[] = [];
        for (const path of pages) {
          await page.goto(`${site.url}${path}`);
          for (const violation of await seriousAxeViolations(page)) problems.push(`/${path}: ${violation}`);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) problems.push(`/${path}: ${scrollWidth}px wide`);
        }
        await context.close();
        expect(problems).toEqual([]);
      });
    }
  }

  it('the calendar fits a 390 px phone, every day cell a tappable size, without JavaScript', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}digests/2026/`);
    const table = await page.locator('.calendar').first().boundingBox();
    expect(table!.x).toBeGreaterThanOrEqual(0);
    expect(table!.x + table!.width).toBeLessThanOrEqual(390);
    for (const link of await page.locator('.calendar a').all()) {
      const box = await link.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(24);
      expect(box!.height).toBeGreaterThanOrEqual(24);
    }
    await context.close();
  });
});

import { describe, expect, it, inject } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { injectAxe, seriousAxeViolations, useBrowserOnSite } from '../helpers/browser.ts';
import { THUMBNAIL_HOST } from '../helpers/fixture-content.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { fixture } = inject('builds');

const site = useBrowserOnSite(fixture);

const readingPages = [
  '',
  'digests/',
  'digests/2026-03-13/',
  'papers/math-in-abstracts/',
  'papers/script-alert-1-script-and-friends-a-hostile-title/',
  'topics/',
  'topics/alpha/2/',
  'subscribe/',
  'about/',
  '404.html',
];

/** Visits every reading page in one browser context and collects what `check` finds wrong on each. */
async function problemsOnEveryPage(
  options: BrowserContextOptions,
  check: (page: Page) => Promise<string[]>,
): Promise<string[]> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  for (const path of readingPages) {
    await page.goto(`${site.url}${path}`);
    for (const problem of await check(page)) problems.push(`/${path}: ${problem}`);
  }
  await context.close();
  return problems;
}

/** A real PNG of another shape than the thumbnail box (the site's 1200 × 630 card) to stand in for the thumbnail host, offline. */
const STAND_IN_PNG = readFileSync(fileURLToPath(new URL('../../public/og-card.png', import.meta.url)));

describe('thumbnails in Chromium', () => {
  for (const [path, selector] of [
    ['digests/2026-03-13/', '.paper-card img'],
    ['papers/math-in-abstracts/', 'article > img'],
  ] as const) {
    for (const width of [390, 1280]) {
      it(`hold their box on /${path} at ${width} px, whether the image arrives late or never: nothing shifts`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 844 } });
        const page = await context.newPage();
        let served = 0;
        await page.route(`${THUMBNAIL_HOST}/**`, async (route) => {
          // Every other image never arrives; the rest arrive after the page has been laid out.
          if (served++ % 2 === 1) return route.abort();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return route.fulfill({ body: STAND_IN_PNG, contentType: 'image/png' });
        });
        await page.addInitScript(() => {
          const win = window as unknown as { layoutShift: number };
          win.layoutShift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) win.layoutShift += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`${site.url}${path}`);
        const images = page.locator(selector);
        const sizeBefore = await images.first().boundingBox();
        // Scroll through, so that the lazy ones load too, then wait for every image to settle.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForFunction((css) => [...document.querySelectorAll<HTMLImageElement>(css)].every((image) => image.complete), selector);
        await page.evaluate(() => window.scrollTo(0, 0));
        const boxes = await images.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
        expect(boxes.length).toBeGreaterThan(0);
        for (const box of boxes) {
          expect(box.width).toBeGreaterThan(90);
          expect(box.height).toBeCloseTo((box.width * 21) / 40, 0);
        }
        expect(await images.first().boundingBox()).toEqual(sizeBefore);
        expect(await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)).toBe(0);
        await context.close();
      });
    }
  }
});

describe('reading pages in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`have no serious or critical accessibility violation, contrast included (${colorScheme})`, async () => {
      const failures = await problemsOnEveryPage({ colorScheme, viewport: { width: 390, height: 844 } }, seriousAxeViolations);
      expect(failures).toEqual([]);
    });
  }

  it('fit a 360 px phone without sideways scrolling', async () => {
    const overflowing = await problemsOnEveryPage({ viewport: { width: 360, height: 740 } }, async (page) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      return width > 360 ? [`${width}px`] : [];
    });
    expect(overflowing).toEqual([]);
  });

  it('leave room between the header and the page heading', async () => {
    const cramped = await problemsOnEveryPage({ viewport: { width: 390, height: 844 } }, async (page) => {
      const gap = await page.evaluate(
        () => document.querySelector('h1')!.getBoundingClientRect().top - document.querySelector('header')!.getBoundingClientRect().bottom,
      );
      return gap < 16 ? [`${gap}px`] : [];
    });
    expect(cramped).toEqual([]);
  });

  it('the skip link moves focus to the main content', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}papers/math-in-abstracts/`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.textContent()).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });

  it('math renders as MathML in the browser', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}papers/math-in-abstracts/`);
    const box = await page.locator('.abstract math').first().boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    await page.close();
  });

  it('the footer text lines up with the main column, on a phone and a desktop', async () => {
    const misaligned = await Promise.all(
      [390, 1280].map(async (width) => {
        const page = await site.browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${site.url}papers/math-in-abstracts/`);
        const [mainLeft, footerLeft] = await page.evaluate(() => {
          const main = document.querySelector('main')!;
          const left = main.getBoundingClientRect().left + parseFloat(getComputedStyle(main).paddingLeft);
          return [left, document.querySelector('footer p')!.getBoundingClientRect().left];
        });
        await page.close();
        return Math.abs(mainLeft - footerLeft) > 1 ? [`${width}px: main text at ${mainLeft}, footer text at ${footerLeft}`] : [];
      }),
    );
    expect(misaligned.flat()).toEqual([]);
  });

  it("the topic pager's links are at least 24 × 24 px and sit on one row each, on a phone and a desktop", async () => {
    for (const width of [390, 1280]) {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.url}topics/alpha/2/`);
      const boxes = await page.locator('.page-pager a, .page-pager [aria-current]').evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { text: element.textContent!.trim(), width: box.width, height: box.height, top: box.top };
        }),
      );
      expect(boxes.map((box) => box.text)).toEqual(['← Newer papers', '1', '2']);
      for (const box of boxes) {
        expect(box.width, `${width}px: ${box.text}`).toBeGreaterThanOrEqual(24);
        expect(box.height, `${width}px: ${box.text}`).toBeGreaterThanOrEqual(24);
      }
      // The page numbers never wrap among themselves.
      expect(new Set(boxes.slice(1).map((box) => Math.round(box.top))).size, `${width}px`).toBe(1);
      await injectAxe(page);
      const targetSize = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> } }).axe;
        const result = await axe.run(document, { runOnly: ['target-size'] });
        return { violations: result.violations.length, passes: result.passes.length };
      });
      expect(targetSize, `${width}px`).toEqual({ violations: 0, passes: 1 });
      await page.close();
    }
  });
});

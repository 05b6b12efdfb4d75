import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousAxeViolations } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

const { fixture } = inject('builds');

let browser: Browser;
let site: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  site = await serveDist(fixture);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const readingPages = [
  '',
  'digests/',
  'digests/2026-03-13/',
  'papers/math-in-abstracts/',
  'papers/script-alert-1-script-and-friends-a-hostile-title/',
  'topics/',
  'topics/alpha/2/',
  'subscribe/',
  '404.html',
];

describe('reading pages in Chromium', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`have no serious or critical accessibility violation, contrast included (${colorScheme})`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const failures: string[] = [];
      for (const path of readingPages) {
        await page.goto(`${site.url}${path}`);
        for (const violation of await seriousAxeViolations(page)) failures.push(`/${path}: ${violation}`);
      }
      await context.close();
      expect(failures).toEqual([]);
    });
  }

  it('fit a 360 px phone without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const path of readingPages) {
      await page.goto(`${site.url}${path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 360) overflowing.push(`/${path}: ${width}px`);
    }
    await context.close();
    expect(overflowing).toEqual([]);
  });

  it('leave room between the header and the page heading', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cramped: string[] = [];
    for (const path of readingPages) {
      await page.goto(`${site.url}${path}`);
      const gap = await page.evaluate(
        () => document.querySelector('h1')!.getBoundingClientRect().top - document.querySelector('header')!.getBoundingClientRect().bottom,
      );
      if (gap < 16) cramped.push(`/${path}: ${gap}px`);
    }
    await context.close();
    expect(cramped).toEqual([]);
  });

  it('the skip link moves focus to the main content', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}papers/math-in-abstracts/`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect(skip.textContent()).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.close();
  });

  it('math renders as MathML in the browser', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}papers/math-in-abstracts/`);
    const box = await page.locator('.abstract math').first().boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    await page.close();
  });
});

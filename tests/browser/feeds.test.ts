/** A feed opened in Chromium reads as a page, styled by CSS (no XSLT), light and dark. */
import { describe, expect, it, inject } from 'vitest';
import { useBrowserOnSite } from '../helpers/browser.ts';
import { SCRIPT_TITLE } from '../helpers/fixture-content.ts';

const { fixture } = inject('builds');

const chromium = useBrowserOnSite(fixture);

describe('a feed opened in Chromium', () => {
  const backgrounds: Record<string, string> = {};
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows a note, the channel and its items' titles, not their HTML (${colorScheme})`, async () => {
      const context = await chromium.browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // The browser asks for /favicon.ico on an XML page, which has no <link rel=icon>: not the feed's to answer.
      page.on('response', (response) => response.status() >= 400 && !response.url().endsWith('/favicon.ico') && errors.push(`${response.status()} ${response.url()}`));
      await page.goto(`${chromium.url}rss.xml`);
      const seen = await page.evaluate(() => {
        const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
        const items = [...document.querySelectorAll('item')];
        return {
          xslt: document.querySelector('html') !== null,
          background: style('rss').backgroundColor,
          note: getComputedStyle(document.querySelector('channel')!, '::before').content,
          channelTitle: style('channel > title').display,
          itemTitles: items.every((item) => getComputedStyle(item.querySelector('title')!).display === 'block'),
          descriptions: items.every((item) => getComputedStyle(item.querySelector('description')!).display === 'none'),
          firstTitle: items[1]?.querySelector('title')?.textContent,
          width: document.documentElement.scrollWidth,
        };
      });
      await context.close();
      expect(seen).toMatchObject({ xslt: false, channelTitle: 'block', itemTitles: true, descriptions: true, firstTitle: SCRIPT_TITLE });
      expect(seen.note).toMatch(/This is an RSS feed/);
      expect(seen.width, 'no sideways scrolling on a phone').toBeLessThanOrEqual(390);
      expect(errors, JSON.stringify(errors)).toEqual([]);
      backgrounds[colorScheme] = seen.background;
    });
  }

  it('follows the reader’s colour scheme', () => {
    expect(backgrounds.light).toBe('rgb(255, 255, 255)');
    expect(backgrounds.dark).toBe('rgb(18, 20, 23)');
  });
});

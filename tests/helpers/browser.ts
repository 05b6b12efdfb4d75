import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDist, type StaticServer } from './static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless; the background services stay off because this machine has no network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Loads axe-core into the page as `window.axe`: evaluated through the DevTools protocol, as a <script> tag would be refused by the page's Content-Security-Policy. */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(axeSource);
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: Array<{ target: unknown }> };
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

/**
 * Chromium and a static server for a built site, started before a test file's
 * tests and closed after them. Read `browser` and `url` (the site's root) inside tests.
 */
export function useBrowserOnSite(dist: string): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let site: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveDist(dist);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useBrowserOnSite(): the browser starts before the tests');
      return browser;
    },
    get url() {
      if (!site) throw new Error('useBrowserOnSite(): the site is served before the tests');
      return site.url;
    },
  };
}

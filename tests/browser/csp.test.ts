/**
 * The Content-Security-Policy in Chromium: every kind of page, search with results
 * included, loads without a single violation, and markup injected into a page (as
 * if a template let a hostile title through unescaped) does not run.
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { useBrowserOnSite } from '../helpers/browser.ts';
import { fileForPath } from '../helpers/dist.ts';
import { SCRIPT_TITLE, THUMBNAIL_HOST } from '../helpers/fixture-content.ts';

const { fixture } = inject('builds');

const chromium = useBrowserOnSite(fixture);

interface Watched {
  page: Page;
  /** CSP violations (the DOM event and the console's report), console errors, dialogs. */
  problems: string[];
  close(): Promise<void>;
}

async function watchedPage(): Promise<Watched> {
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Registered before any of the page's own code runs, and not subject to the page's CSP.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  // No internet here: the thumbnail host answers with a real PNG, as it would online (the CSP still judges its URL).
  const standIn = readFileSync(new URL('../../public/og-card.png', import.meta.url));
  await context.route(`${THUMBNAIL_HOST}/**`, (route) => route.fulfill({ body: standIn, contentType: 'image/png' }));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems, close: () => context.close() };
}

/** One page of each kind the site has. */
const PAGE_KINDS: Record<string, string> = {
  home: '',
  archive: 'digests/',
  digest: 'digests/2026-03-14/',
  paper: 'papers/math-in-abstracts/',
  'paper with a hostile title': 'papers/script-alert-1-script-and-friends-a-hostile-title/',
  topics: 'topics/',
  topic: 'topics/alpha/',
  'topic page 2': 'topics/alpha/2/',
  subscribe: 'subscribe/',
  about: 'about/',
  '404': '404.html',
};

describe('Content-Security-Policy in Chromium', () => {
  it('every kind of page loads with no CSP violation and no console error', async () => {
    const { page, problems, close } = await watchedPage();
    const found: string[] = [];
    for (const [kind, path] of Object.entries(PAGE_KINDS)) {
      await page.goto(`${chromium.url}${path}`, { waitUntil: 'load' });
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy, kind).toContain("default-src 'self'");
      expect(policy, kind).not.toContain('wasm-unsafe-eval');
      found.push(...problems.splice(0).map((problem) => `${kind}: ${problem}`));
    }
    await close();
    expect(found).toEqual([]);
  });

  it('the search page runs Pagefind and shows results with no CSP violation', async () => {
    const { page, problems, close } = await watchedPage();
    await page.goto(`${chromium.url}search/?q=lattice`);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0);
    const titles = await page.locator('.search-result-title').allTextContents();
    expect(titles.some((title) => title.includes('lattice gradients'))).toBe(true);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("'wasm-unsafe-eval'");
    await close();
    expect(problems).toEqual([]);
  });

  it("search without 'wasm-unsafe-eval' is refused by the policy (the test above can fail)", async () => {
    const { page, problems, close } = await watchedPage();
    const built = readFileSync(fileForPath(fixture, '/search/'), 'utf8');
    await page.route(`${chromium.url}search/?q=lattice`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: built.replace(" 'wasm-unsafe-eval'", '') }),
    );
    await page.goto(`${chromium.url}search/?q=lattice`);
    await page.waitForFunction(() => document.querySelector('[data-search-summary]')?.textContent?.trim());
    // The violation event's report can reach this side after the search has already said it failed.
    await expect.poll(() => problems.join('\n'), { timeout: 5000 }).toMatch(/securitypolicyviolation: script-src blocked wasm-eval/);
    await close();
  });

  /** The hostile paper's page as a template that forgot to escape would make it: the raw title, and an inline handler. */
  function withInjection(html: string): string {
    return html.replace('<h1', `${SCRIPT_TITLE}<img src="injected.png" alt="" onerror="alert('onerror')"><h1`);
  }

  const hostilePath = 'papers/script-alert-1-script-and-friends-a-hostile-title/';
  const builtHostilePage = () => readFileSync(fileForPath(fixture, `/${hostilePath}`), 'utf8');

  it('an injected <script> and inline event handler do not run', async () => {
    const { page, problems, close } = await watchedPage();
    await page.route(`${chromium.url}${hostilePath}`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: withInjection(builtHostilePage()) }),
    );
    await page.goto(`${chromium.url}${hostilePath}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('img[src="injected.png"]') as HTMLImageElement | null)?.complete);
    await close();
    expect(problems.filter((problem) => problem.startsWith('dialog:'))).toEqual([]);
    // Both were refused by the policy, not skipped for another reason.
    expect(problems.some((problem) => /securitypolicyviolation: script-src-elem blocked inline/.test(problem))).toBe(true);
    expect(problems.some((problem) => /securitypolicyviolation: script-src-attr blocked inline/.test(problem))).toBe(true);
  });

  it('the same injection runs on a page without the policy (the test above can fail)', async () => {
    const { page, problems, close } = await watchedPage();
    const withoutPolicy = withInjection(builtHostilePage()).replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
    await page.route(`${chromium.url}${hostilePath}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: withoutPolicy }));
    await page.goto(`${chromium.url}${hostilePath}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.querySelector('img[src="injected.png"]') as HTMLImageElement | null)?.complete);
    await close();
    expect(problems).toEqual(expect.arrayContaining(['dialog: 1', 'dialog: onerror']));
  });
});

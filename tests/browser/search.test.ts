import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, seriousAxeViolations } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { SCRIPT_TITLE, SEG_TITLE } from '../helpers/fixture-content.ts';

const { shipped, fixture, fixtureSub, searchQuality } = inject('builds');

/**
 * JavaScript the search page may fetch before its first result, besides Pagefind's
 * own pagefind.js (and its WebAssembly, fetched as data): the page's script is
 * 8.0 KB (measured with Astro 7.3, Pagefind 1.6); Pagefind's Component UI was 184 KB.
 */
const JS_BUDGET = 12 * 1024;
const SMOOTHQUANT = 'SmoothQuant+: Accurate and Efficient 4-bit Post-Training WeightQuantization for LLM';
const FLEXROUND = 'FlexRound: Learnable Rounding based on Element-wise Division for Post-Training Quantization';

let browser: Browser;
let site: StaticServer;
let fixtureSite: StaticServer;
let subSite: StaticServer;
/** 286 real papers with authors, arXiv ids, upvotes and code links. */
let realSite: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  [site, fixtureSite, subSite, realSite] = await Promise.all([
    serveDist(shipped),
    serveDist(fixture),
    serveDist(fixtureSub, '/sub/'),
    serveDist(searchQuality),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([site, fixtureSite, subSite, realSite].map((server) => server?.close()));
});

interface Session {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** Each open page's problems, for failure messages. */
const problemsOf = new WeakMap<Page, string[]>();

/** A fresh page that records every console error and warning (Pagefind warns of options it does not know), page error and failed request. */
async function open(url: string, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  problemsOf.set(page, problems);
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

const SUMMARY = '[data-search-summary]';
const summaryPattern = (term: string) => new RegExp(`^(\\d+) results? for ${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * Waits until the results for `term` are on the page, shows all of them (the page
 * shows five, and five more each time "Show more results" is pressed), and returns their titles.
 */
async function results(page: Page, term: string): Promise<string[]> {
  const summary = page.locator(SUMMARY);
  await expectText(page, SUMMARY, summaryPattern(term)).catch(async (error: Error) => {
    const seen = `summary: ${JSON.stringify(await summary.textContent())}; problems: ${JSON.stringify(problemsOf.get(page))}`;
    throw new Error(`no results for "${term}" at ${page.url()} (${seen})`, { cause: error });
  });
  const count = Number(summaryPattern(term).exec((await summary.textContent())!.trim())![1]);
  const more = page.getByRole('button', { name: 'Show more results' });
  for (let shown = Math.min(5, count); ; shown = Math.min(shown + 5, count)) {
    await page.waitForFunction((shown) => document.querySelectorAll('.search-result').length === shown, shown);
    if (shown === count) break;
    await more.click();
  }
  await expect(more.isVisible()).resolves.toBe(false);
  return page.locator('.search-result-title').allTextContents();
}

/** Waits for an element's trimmed text to match. */
async function expectText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([selector, source, flags]) => new RegExp(source!, flags).test(document.querySelector(selector!)?.textContent?.trim() ?? ''),
    [selector, pattern.source, pattern.flags] as const,
  );
}

describe('search on the shipped site', () => {
  it('a ?q= link opens with results, title, date, topics and highlighted excerpt', async () => {
    const { page, problems, close } = await open(`${site.url}search/?q=quantization`);
    const titles = await results(page, 'quantization');
    expect(titles).toContain(SMOOTHQUANT);
    expect(titles).toContain(FLEXROUND);
    await expect(page.getByRole('searchbox', { name: 'Search papers' }).inputValue()).resolves.toBe('quantization');
    const first = page.locator('.search-result').first();
    await expect(first.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(first.locator('.search-result-topics').textContent()).resolves.toBeTruthy();
    await expect(first.locator('.search-result-excerpt mark').count()).resolves.toBeGreaterThan(0);
    const href = await page.locator('.search-result-title a', { hasText: FLEXROUND }).getAttribute('href');
    expect(href).toBe('/papers/flexround-learnable-rounding-based-on-element-wise-division-for-post-training/');
    expect(problems).toEqual([]);
    await close();
  });

  it('typing a query finds papers and puts the query in the URL', async () => {
    const { page, problems, close } = await open(`${site.url}search/`);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('tokenizer');
    expect(await results(page, 'tokenizer')).toContain('Zero-Shot Tokenizer Transfer');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'tokenizer');
    expect(problems).toEqual([]);
    await close();
  });

  it('a topic filter narrows the results, and the filtered link can be shared', async () => {
    const { page, problems, close } = await open(`${site.url}search/?q=token`);
    const all = await results(page, 'token');
    await page.locator('summary', { hasText: 'Filters' }).click();
    // Each value shows how many of the results have it: "Tokenization 7".
    const topic = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: /^Tokenization \d+$/ });
    const expected = Number(/(\d+)$/.exec((await topic.locator('xpath=ancestor::label').textContent())!.trim())![1]);
    await expect(page.getByRole('group', { name: 'Month' }).getByRole('checkbox', { name: /^\S+ \d{4} \d+$/ }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('group', { name: 'Code' }).getByRole('checkbox', { name: /^Has code \d+$/ }).count()).resolves.toBe(1);
    await topic.check();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('topic') === 'Tokenization');
    await expectText(page, SUMMARY, new RegExp(`^(?!${all.length} )\\d+ results? for token$`));
    const narrowed = await results(page, 'token');
    expect(narrowed.length).toBe(expected);
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(all.length);
    for (const topics of await page.locator('.search-result-topics').allTextContents()) expect(topics).toContain('Tokenization');

    await page.reload();
    expect(await results(page, 'token')).toEqual(narrowed);
    await page.locator('summary', { hasText: 'Filters (1 selected)' }).click();
    await expect(topic.isChecked()).resolves.toBe(true);

    // A second topic widens the group (either topic), it does not ask for both.
    if ((await page.locator('[data-search-filters]').getAttribute('open')) === null) await page.locator('summary', { hasText: 'Filters' }).click();
    const second = page.getByRole('group', { name: 'Topic' }).locator('input[type=checkbox]:not(:checked)').first();
    await second.check();
    await page.waitForFunction(() => new URLSearchParams(location.search).getAll('topic').length === 2);
    await expectText(page, SUMMARY, new RegExp(`^(?!${narrowed.length} )\\d+ results? for token$`));
    const widened = await results(page, 'token');
    expect(widened.length).toBeGreaterThan(narrowed.length);
    expect(problems).toEqual([]);
    await close();
  });

  it('the header form of a reading page searches, and the back button returns to the results', async () => {
    const { page, problems, close } = await open(site.url);
    await page.locator('#site-search').fill('quantization');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${site.url}search/?q=quantization`);
    const titles = await results(page, 'quantization');
    await page.locator('.search-result-title a').first().click();
    await page.waitForURL(/\/papers\//);
    await expect(page.locator('h1').textContent()).resolves.toBe(titles[0]);
    await page.goBack();
    await page.waitForURL(`${site.url}search/?q=quantization`);
    expect(await results(page, 'quantization')).toEqual(titles);
    expect(problems).toEqual([]);
    await close();
  });

  it('"/" focuses the search box', async () => {
    const { page, problems, close } = await open(`${site.url}search/?q=quantization`);
    await results(page, 'quantization');
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('#search-input[type="search"]'));
    await expect(page.getByRole('searchbox', { name: 'Search papers' }).inputValue()).resolves.toBe('quantization');
    expect(problems).toEqual([]);
    await close();
  });

  it('sorts newest first, and keeps the sort in the URL', async () => {
    const { page, problems, close } = await open(`${site.url}search/?q=model`);
    const best = await results(page, 'model');
    // A new search replaces the list: wait for the old results to go.
    const stale = await page.locator('.search-result').first().elementHandle();
    await page.getByLabel('Sort').selectOption({ label: 'Newest first' });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'date');
    await page.waitForFunction((stale) => !stale?.isConnected, stale);
    const newest = await results(page, 'model');
    expect([...newest].sort()).toEqual([...best].sort());
    const dates = await page.locator('.search-result time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    await page.reload();
    await expect(page.getByLabel('Sort').inputValue()).resolves.toBe('date');
    expect(await results(page, 'model')).toEqual(newest);
    expect(problems).toEqual([]);
    await close();
  });

  it(`loads no Pagefind UI, under ${JS_BUDGET / 1024} KB of JavaScript besides Pagefind's, and only the data of the results shown`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: Array<{ path: string; bytes: Promise<number> }> = [];
    page.on('response', (response) => {
      fetched.push({ path: new URL(response.url()).pathname, bytes: response.body().then((body) => body.length, () => 0) });
    });
    await page.goto(`${site.url}search/?q=model`);
    await page.locator('.search-result').first().waitFor();
    const beforeFirstResult = [...fetched];
    await expectText(page, SUMMARY, summaryPattern('model'));
    const count = Number(summaryPattern('model').exec((await page.locator(SUMMARY).textContent())!)![1]);
    expect(count).toBeGreaterThan(10);

    // Pagefind's runtime is pagefind.js and its WebAssembly; everything else that is JavaScript is the page's own.
    const js = beforeFirstResult.filter(({ path }) => path.endsWith('.js') && path !== '/pagefind/pagefind.js');
    const jsBytes = (await Promise.all(js.map(({ bytes }) => bytes))).reduce((sum, bytes) => sum + bytes, 0);
    expect(js.map(({ path }) => path)).toEqual([expect.stringMatching(/^\/_astro\/[^/]+\.js$/)]);
    expect(jsBytes).toBeLessThan(JS_BUDGET);

    const paths = () => fetched.map(({ path }) => path);
    // The shipped site's index has two tiers: the hot shard in /pagefind/, the archive in /pagefind/archive/.
    const fragments = () => paths().filter((path) => path.startsWith('/pagefind/fragment/') || path.startsWith('/pagefind/archive/fragment/')).length;
    expect(paths().filter((path) => /pagefind-(component-)?ui|pagefind-(modular-)?ui|pagefind-worker/.test(path))).toEqual([]);
    // Five results shown, five results' data; the filter indexes of both shards wait for the Filters disclosure
    // (the filter that tells the shards apart is given by the page, not fetched).
    const filterIndexes = () => paths().filter((path) => path.startsWith('/pagefind/filter/') || path.startsWith('/pagefind/archive/filter/'));
    expect(await page.locator('.search-result').count()).toBe(5);
    expect(fragments()).toBe(5);
    expect(filterIndexes()).toEqual([]);
    // Sort orders are fetched only by a sorted search.
    expect(paths().filter((path) => path.includes('/sort-'))).toEqual([]);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 10);
    expect(fragments()).toBe(10);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.getByRole('group', { name: 'Topic' }).waitFor();
    expect(filterIndexes().length).toBeGreaterThan(0);
    await context.close();
  });

  it('announces the number of results in a live region', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Record every text that appears in a live region: Pagefind announces, then clears.
    await page.addInitScript(() => {
      const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
      new MutationObserver(() => {
        for (const region of document.querySelectorAll('[aria-live]')) {
          const text = region.textContent?.trim();
          if (text && heard.at(-1) !== text) heard.push(text);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${site.url}search/`);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('quantization');
    await page.waitForFunction(() =>
      (window as unknown as { heard: string[] }).heard.some((text) => /^\d+ results? for quantization$/.test(text)),
    );
    const region = page.locator('[aria-live="polite"]').first();
    await expect(region.getAttribute('role')).resolves.toBe('status');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violation with results and filters shown (${colorScheme})`, async () => {
      const { page, problems, close } = await open(`${site.url}search/?q=quantization`, { colorScheme });
      await results(page, 'quantization');
      await page.locator('summary', { hasText: 'Filters' }).click();
      await page.getByRole('group', { name: 'Topic' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('without JavaScript, says so and links to the topics', async () => {
    const { page, close } = await open(`${site.url}search/?q=quantization`, { javaScriptEnabled: false });
    const notice = page.locator('.search-noscript');
    await expect(notice.textContent()).resolves.toContain('needs JavaScript');
    await expect(notice.getByRole('link', { name: 'topic' }).getAttribute('href')).resolves.toBe('/topics/');
    await close();
  });
});

describe('search on a site of real papers', () => {
  it('shows each result with date, authors (three, then et al.), upvotes, code badge, topics and a highlighted excerpt', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=${encodeURIComponent('Dense Motion Captioning')}`);
    const titles = await results(page, 'Dense Motion Captioning');
    expect(titles[0]).toBe('Dense Motion Captioning');
    const first = page.locator('.search-result').first();
    await expect(first.locator('time').getAttribute('datetime')).resolves.toBe('2025-11-10');
    await expect(first.locator('time').textContent()).resolves.toBe('November 10, 2025');
    await expect(first.locator('.search-result-authors').textContent()).resolves.toBe('Shiyao Xu, Benedetta Liberatori, Gül Varol et al.');
    await expect(first.locator('.search-result-upvotes').textContent()).resolves.toMatch(/^\d+ upvotes?$/);
    await expect(first.locator('.search-result-code').textContent()).resolves.toBe('Code');
    await expect(first.locator('.search-result-topics').textContent()).resolves.toBeTruthy();
    await expect(first.locator('.search-result-excerpt mark').first().textContent()).resolves.toMatch(/^(dense|motion|captioning)/i);
    // The words searched are marked in the title too.
    await expect(first.locator('.search-result-title mark').allTextContents()).resolves.toEqual(['Dense', 'Motion', 'Captioning']);
    expect(problems).toEqual([]);
    await close();
  });

  it('a paper with three authors or fewer lists them all, and one without code has no badge', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=2510.08425`);
    expect(await results(page, '2510.08425')).toEqual(['Reinforcing Diffusion Models by Direct Group Preference Optimization']);
    await expect(page.locator('.search-result-authors').textContent()).resolves.toBe('Yihong Luo, Tianyang Hu, Jing Tang');
    // An author matched by the query is marked.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('Tianyang Hu');
    await results(page, 'Tianyang Hu');
    await expect(page.locator('.search-result-authors mark').first().textContent()).resolves.toBe('Tianyang');
    expect(problems).toEqual([]);
    await close();
  });

  it('sorts by most upvoted, and keeps the sort in the URL', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=diffusion`);
    const best = await results(page, 'diffusion');
    await page.getByLabel('Sort').selectOption({ label: 'Most upvoted' });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'upvotes');
    await expectText(page, '.search-result:first-child .search-result-upvotes', /\d/);
    const mostUpvoted = await results(page, 'diffusion');
    expect([...mostUpvoted].sort()).toEqual([...best].sort());
    const upvotes = (await page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => Number(item.querySelector('.search-result-upvotes')?.textContent?.split(' ')[0] ?? 0)),
    ));
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    expect(upvotes[0]).toBeGreaterThan(upvotes.at(-1)!);
    await page.reload();
    await expect(page.getByLabel('Sort').inputValue()).resolves.toBe('upvotes');
    expect(await results(page, 'diffusion')).toEqual(mostUpvoted);
    expect(problems).toEqual([]);
    await close();
  });

  it('a query that matches nothing says what was searched and links to topics and the archive', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=xyzzyqq`);
    await expectText(page, SUMMARY, /^No papers match xyzzyqq$/);
    await expect(page.locator('.search-result').count()).resolves.toBe(0);
    const empty = page.locator('[data-search-empty]');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.locator('q').textContent()).resolves.toBe('xyzzyqq');
    await expect(empty.getByRole('link', { name: 'topic' }).getAttribute('href')).resolves.toBe('/topics/');
    await expect(empty.getByRole('link', { name: 'digest archive' }).getAttribute('href')).resolves.toBe('/digests/');
    // A new search with results hides it again.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('diffusion');
    await results(page, 'diffusion');
    await expect(empty.isVisible()).resolves.toBe(false);
    expect(problems).toEqual([]);
    await close();
  });

  it('on a phone, a link with filters shows the results first and the filters on demand', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=diffusion&code=yes&sort=date`, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const narrowed = await results(page, 'diffusion');
    expect(narrowed.length).toBeGreaterThan(0);
    const filters = page.locator('[data-search-filters]');
    await expect(filters.getAttribute('open')).resolves.toBeNull();
    await expect(page.locator('summary', { hasText: 'Filters' }).textContent()).resolves.toMatch(/\(1 selected\)/);
    // The first result starts on the first screen.
    const top = await page.locator('.search-result').first().evaluate((item) => item.getBoundingClientRect().top);
    expect(top).toBeLessThan(844);
    // Every result shown has code, as the filter asks.
    await expect(page.locator('.search-result-code').count()).resolves.toBe(narrowed.length);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await expect(page.getByRole('group', { name: 'Code' }).getByRole('checkbox', { name: /^Has code \d+$/ }).isChecked()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  it('on a wide screen too, a link with filters shows the results first, and says how many filters apply', async () => {
    const { page, problems, close } = await open(`${realSite.url}search/?q=diffusion&code=yes&topic=${encodeURIComponent('Diffusion & text-to-image')}`);
    await results(page, 'diffusion');
    await expect(page.locator('[data-search-filters]').getAttribute('open')).resolves.toBeNull();
    const top = await page.locator('.search-result').first().evaluate((item) => item.getBoundingClientRect().top);
    expect(top).toBeLessThan(900);
    await page.locator('summary', { hasText: 'Filters (2 selected)' }).click();
    await expect(page.getByRole('group', { name: 'Code' }).getByRole('checkbox', { name: /^Has code \d+$/ }).isChecked()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await close();
  });
});

describe('reading pages', () => {
  // Search is the only page with JavaScript. A reading page may carry JSON-LD
  // (<script type="application/ld+json">, data the browser never runs) and nothing else.
  for (const path of ['', 'papers/zero-shot-tokenizer-transfer/']) {
    it(`/${path} ships no JavaScript`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scriptRequests: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptRequests.push(request.url());
      });
      await page.goto(`${site.url}${path}`);
      const types = await page.evaluate(() => [...document.scripts].map((script) => script.type));
      const html = await (await page.request.get(`${site.url}${path}`)).text();
      expect(types.filter((type) => type !== 'application/ld+json')).toEqual([]);
      expect(html.match(/<script\b[^>]*>/gi)?.filter((tag) => !/type="application\/ld\+json"/.test(tag)) ?? []).toEqual([]);
      expect(scriptRequests).toEqual([]);
      await context.close();
    });
  }
});

describe('search on the fixture site', () => {
  it('shows a hostile title and abstract as text', async () => {
    const { page, problems, close } = await open(`${fixtureSite.url}search/?q=hostile`);
    expect(await results(page, 'hostile')).toEqual([SCRIPT_TITLE]);
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('alert');
    await results(page, 'alert');
    const excerpt = await page.locator('.search-result-excerpt').first().textContent();
    expect(excerpt).toContain('<script>alert(2)</script>');
    await expect(page.locator('[data-search-results] script, [data-search-results] img').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('works under a base path: bundle, result links and filters all under /sub/', async () => {
    const { page, problems, close } = await open(`${subSite.url}search/?q=segmentation`);
    expect(subSite.url).toMatch(/\/sub\/$/);
    expect(await results(page, 'segmentation')).toContain(SEG_TITLE);
    // The filter index loads from /sub/pagefind/ too (a request outside /sub/ is a 404, and a problem).
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.getByRole('group', { name: 'Code' }).getByRole('checkbox', { name: /^Has code \d+$/ }).check();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('code') === 'yes');
    await expectText(page, SUMMARY, /^1 result for segmentation$/);
    expect(await results(page, 'segmentation')).toEqual([SEG_TITLE]);
    const link = page.locator('.search-result-title a', { hasText: SEG_TITLE });
    await expect(link.getAttribute('href')).resolves.toBe('/sub/papers/reasoning-to-attend-try-to-understand-how-seg-token-works/');
    await link.click();
    await page.waitForURL(`${subSite.url}papers/reasoning-to-attend-try-to-understand-how-seg-token-works/`);
    await expect(page.locator('h1').textContent()).resolves.toBe(SEG_TITLE);
    expect(problems).toEqual([]);
    await close();
  });

  it('the no-JavaScript notice links to the topics under the base path', async () => {
    const { page, close } = await open(`${subSite.url}search/`, { javaScriptEnabled: false });
    await expect(page.locator('.search-noscript').getByRole('link', { name: 'topic' }).getAttribute('href')).resolves.toBe('/sub/topics/');
    await close();
  });
});

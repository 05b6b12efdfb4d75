import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Response } from 'playwright-core';
import { serveDir } from './server.ts';

export const SEARCH_QUERIES = ['quantization', 'diffusion transformer', 'reinforcement learning reasoning', 'tokenizer', 'speech'];
/** What the search page renders for each result (src/scripts/search.ts; the browser tests wait for the same). */
const RESULT_SELECTOR = '.search-result';

export interface QueryResult {
  query: string;
  /** performance.now() in the page (ms from navigation start) when the first result was in the DOM. */
  firstResultMs: number;
  domContentLoadedMs: number;
  results: string;
  requests: number;
  /** Response bodies of every request of the visit, as served (sirv: uncompressed). */
  bytes: number;
  /** The same, with text responses (HTML, CSS, JS, JSON) counted gzipped, as most static hosts serve them. */
  bytesIfCompressed: number;
  pagefindRequests: number;
  pagefindBytes: number;
  /** Bytes by kind of file: the page, the search UI, Pagefind's runtime, its index, filters and fragments. */
  byKind: Record<string, { requests: number; bytes: number }>;
  /** Every request: when it started and ended (ms from navigation start), and its size. */
  timeline: Array<{ url: string; kind: string; bytes: number; startMs: number; endMs: number }>;
  /** Why no result appeared, when none did. */
  error?: string;
}

export interface SearchResult {
  chromium: string;
  queries: QueryResult[];
  /** Over the queries that showed a result; undefined when none did. */
  median?: {
    firstResultMs: number;
    bytes: number;
    bytesIfCompressed: number;
    pagefindBytes: number;
    requests: number;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg)/;

interface Recorded {
  url: string;
  bytes: number;
  compressed: number;
  /** Epoch ms the request started, and ms after that when its response ended (Playwright's timing). */
  startTime: number;
  responseEnd: number;
}

function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (!path.startsWith('/pagefind/')) return 'page (HTML, CSS, JS)';
  if (/pagefind-[a-z-]*ui\.(js|css)$/.test(path)) return 'Pagefind UI';
  if (/\/(pagefind|pagefind-worker)\.js$|\/wasm\.[^/]+$|\/pagefind-entry\.json$/.test(path)) return 'Pagefind runtime (JS, WASM, entry)';
  if (path.endsWith('.pf_meta')) return 'index metadata';
  // The hot shard's bundle is /pagefind/, the archive shard's /pagefind/archive/.
  const inBundle = path.replace(/^\/pagefind\/(archive\/)?/, '/');
  if (inBundle.startsWith('/index/')) return 'index chunks';
  if (inBundle.startsWith('/filter/')) return 'filters';
  if (inBundle.startsWith('/fragment/')) return 'fragments';
  if (inBundle.startsWith('/sort-')) return 'sort orders';
  return 'other Pagefind';
}

async function measureQuery(browser: Browser, siteUrl: string, query: string): Promise<QueryResult> {
  // A fresh context per query: an empty cache, as for a first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript((selector: string) => {
      const bench = { firstResult: undefined as number | undefined };
      (window as unknown as { __bench: typeof bench }).__bench = bench;
      const check = () => {
        if (bench.firstResult === undefined && document.querySelector(selector)) {
          bench.firstResult = performance.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true });
    }, RESULT_SELECTOR);
    const recorded: Recorded[] = [];
    const bodies: Promise<void>[] = [];
    let inFlight = 0;
    let lastActivity = performance.now();
    page.on('request', () => {
      inFlight++;
      lastActivity = performance.now();
    });
    const settle = () => {
      inFlight--;
      lastActivity = performance.now();
    };
    page.on('requestfailed', settle);
    page.on('requestfinished', settle);
    page.on('response', (response: Response) => {
      bodies.push(
        response.body().then(
          (body) => {
            const type = response.headers()['content-type'] ?? '';
            const timing = response.request().timing();
            recorded.push({
              url: response.url(),
              bytes: body.length,
              compressed: COMPRESSIBLE.test(type) ? gzipSync(body).length : body.length,
              startTime: timing.startTime,
              responseEnd: timing.responseEnd,
            });
          },
          () => undefined,
        ),
      );
    });
    const url = `${siteUrl}search/?q=${encodeURIComponent(query)}`;
    await page.goto(url);
    let error: string | undefined;
    try {
      await page.waitForFunction(() => (window as unknown as { __bench: { firstResult?: number } }).__bench.firstResult !== undefined, undefined, {
        timeout: 20_000,
      });
    } catch {
      error = `no ${RESULT_SELECTOR} within 20 s`;
    }
    // Let the rest of the visit finish (result fragments load after the first result): 500 ms without a request.
    const deadline = performance.now() + 15_000;
    while (performance.now() < deadline && (inFlight > 0 || performance.now() - lastActivity < 500)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(bodies);
    const timings = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstResult: (window as unknown as { __bench: { firstResult?: number } }).__bench.firstResult ?? -1,
        domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
        summary: document.querySelector('[data-search-summary], [role="status"], pagefind-summary')?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
        shown: document.querySelectorAll('.search-result').length,
      };
    });
    const pagefind = recorded.filter((item) => new URL(item.url).pathname.startsWith('/pagefind/'));
    const total = (items: Recorded[], key: 'bytes' | 'compressed') => items.reduce((sum, item) => sum + item[key], 0);
    return {
      query,
      firstResultMs: timings.firstResult,
      domContentLoadedMs: timings.domContentLoaded,
      results: timings.summary || `${timings.shown} shown`,
      requests: recorded.length,
      bytes: total(recorded, 'bytes'),
      bytesIfCompressed: total(recorded, 'compressed'),
      pagefindRequests: pagefind.length,
      pagefindBytes: total(pagefind, 'bytes'),
      byKind: recorded.reduce<Record<string, { requests: number; bytes: number }>>((kinds, item) => {
        const kind = (kinds[kindOf(item.url)] ??= { requests: 0, bytes: 0 });
        kind.requests++;
        kind.bytes += item.bytes;
        return kinds;
      }, {}),
      timeline: (() => {
        const origin = Math.min(...recorded.map((item) => item.startTime));
        return [...recorded]
          .sort((a, b) => a.startTime - b.startTime)
          .map((item) => ({
            url: new URL(item.url).pathname,
            kind: kindOf(item.url),
            bytes: item.bytes,
            startMs: Math.round(item.startTime - origin),
            endMs: Math.round(item.startTime - origin + Math.max(0, item.responseEnd)),
          }));
      })(),
      ...(error ? { error } : {}),
    };
  } finally {
    await context.close();
  }
}

/**
 * Serves the built site and opens /search/?q=… in Chromium for each query, each
 * in a fresh browser context (cold cache); reports each and the medians.
 */
export async function benchSearch(outDir: string, queries = SEARCH_QUERIES): Promise<SearchResult> {
  const server = await serveDir(outDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // One visit first, not counted: the browser's own start-up is not the site's cost.
    await measureQuery(browser, server.url, 'model');
    const results: QueryResult[] = [];
    for (const query of queries) results.push(await measureQuery(browser, server.url, query));
    const found = results.filter((result) => result.error === undefined);
    return {
      chromium: browser.version(),
      queries: results,
      ...(found.length > 0
        ? {
            median: {
              firstResultMs: median(found.map((result) => result.firstResultMs)),
              bytes: median(found.map((result) => result.bytes)),
              bytesIfCompressed: median(found.map((result) => result.bytesIfCompressed)),
              pagefindBytes: median(found.map((result) => result.pagefindBytes)),
              requests: median(found.map((result) => result.requests)),
            },
          }
        : {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

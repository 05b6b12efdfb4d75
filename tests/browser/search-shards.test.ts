/**
 * The search index in tiers (src/lib/search-shards.ts, src/integrations/search/):
 * a daily rebuild re-indexes the hot shard and leaves the archive byte for byte
 * until one of its papers changes, the search page finds papers in every shard and sorts
 * across them, and rebuilding day after day publishes what a cold build does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import * as cheerio from 'cheerio';
import type { Browser } from 'playwright-core';
import { buildSite, scratchDir } from '../helpers/build-site.ts';
import { fixtureTopics, writeFixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';
import { launchChromium } from '../helpers/browser.ts';
import { serveDist } from '../helpers/static-server.ts';

/** Two papers a day: two days in the archive, two in the hot months (February and March 2026). */
const DAYS = ['2025-08-05', '2025-11-20', '2026-02-10', '2026-03-13'];

function site(): FixtureContent {
  const slugs = DAYS.flatMap((day) => [`paper-${day}-a`, `paper-${day}-b`]);
  return {
    topics: structuredClone(fixtureTopics),
    papers: slugs.map((slug) => ({
      slug,
      frontMatter: { title: `Transformer study ${slug.slice(6)}` },
      body: `A transformer abstract about alpha, from ${slug}.`,
    })),
    digests: DAYS.map((date) => ({ date, papers: [`paper-${date}-a`, `paper-${date}-b`] })),
  };
}

/** Adds a day with one new paper. */
function addDay(content: FixtureContent, date: string): void {
  const slug = `paper-${date}-new`;
  content.papers.push({ slug, frontMatter: { title: `Transformer news of ${date}` }, body: `A transformer abstract about beta, from ${date}.` });
  content.digests.push({ date, papers: [slug, content.digests.at(-1)!.papers[0]!] });
}

/** Every file under `dir`: its contents and modification time, by path. */
function files(dir: string): Map<string, { data: Buffer; mtimeMs: number }> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), { data: readFileSync(path), mtimeMs: statSync(path).mtimeMs }];
      }),
  );
}

/** Builds `content` (every file written anew, as a CI checkout leaves it) into `outDir`, keeping its cache. */
async function build(name: string, content: FixtureContent, outDir: string) {
  const contentDir = join(scratchDir, `shards-content-${name}`);
  await writeFixtureContent(contentDir, content);
  // Tiered, as src/site.config.ts has it, whatever the environment says.
  const result = await buildSite({ contentDir, outDir, env: { SEARCH_SHARDS: 'tiered' } });
  expect(result.code, result.output).toBe(0);
  return stripVTControlCharacters(result.output);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The titles and dates of the results of a search, as the search page shows them. */
async function search(outDir: string, query: string): Promise<Array<{ title: string; date: string }>> {
  const server = await serveDist(outDir);
  const page = await browser.newPage();
  try {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}/search/?${query}`);
    await page.locator('[data-search-summary]').filter({ hasText: /result/ }).waitFor();
    // Five at a time: every result, for the order across shards.
    const count = Number.parseInt((await page.locator('[data-search-summary]').textContent())!.trim(), 10);
    for (let shown = Math.min(5, count); shown < count; shown = Math.min(shown + 5, count)) {
      await page.waitForFunction((shown) => document.querySelectorAll('.search-result').length === shown, shown);
      await page.getByRole('button', { name: 'Show more results' }).click();
    }
    await page.waitForFunction((count) => document.querySelectorAll('.search-result').length === count, count);
    expect(problems).toEqual([]);
    return await page.locator('.search-result').evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('.search-result-title')!.textContent!,
        date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      })),
    );
  } finally {
    await page.close();
    await server.close();
  }
}

describe('the search index in tiers', () => {
  it('keeps the archive byte for byte on a new day, re-indexes it when an old paper changes, and finds that paper', async () => {
    const outDir = join(scratchDir, 'dist-shards-rebuild');
    await rm(`${outDir}-cache`, { recursive: true, force: true });
    const content = site();
    await build('rebuild', content, outDir);
    const archive = join(outDir, 'pagefind', 'archive');
    const untouched = files(archive);
    expect(untouched.has('pagefind-entry.json')).toBe(true);

    addDay(content, '2026-03-14');
    const daily = await build('rebuild', content, outDir);
    expect(daily).toMatch(/search shard hot: 5 papers indexed/);
    expect(daily).toMatch(/search shard archive: 4 papers unchanged, kept/);
    expect(files(archive), 'the same files, not written again').toEqual(untouched);

    content.papers.find((paper) => paper.slug === 'paper-2025-11-20-a')!.frontMatter.title = 'Zebrafish transformer, retitled';
    const edited = await build('rebuild', content, outDir);
    expect(edited).toMatch(/search shard archive: 4 papers indexed/);
    expect(await search(outDir, 'q=zebrafish')).toEqual([{ title: 'Zebrafish transformer, retitled', date: '2025-11-20' }]);
  });

  it('finds papers in every shard, and sorts by date across them', async () => {
    const outDir = join(scratchDir, 'dist-shards-sorted');
    await build('sorted', site(), outDir);
    const results = await search(outDir, 'q=transformer&sort=date');
    expect(results).toHaveLength(8);
    const dates = results.map((result) => result.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates)).toEqual(new Set(DAYS));
  });

  it('a few daily rebuilds publish exactly what a cold build of the same content does', async () => {
    const daily = join(scratchDir, 'dist-shards-daily');
    const cold = join(scratchDir, 'dist-shards-cold');
    await Promise.all([daily, cold].flatMap((dir) => [rm(dir, { recursive: true, force: true }), rm(`${dir}-cache`, { recursive: true, force: true })]));
    const content = site();
    await build('daily', content, daily);
    // The last day opens a new month: February's papers go to the archive.
    for (const day of ['2026-03-14', '2026-03-15', '2026-04-01']) {
      addDay(content, day);
      await build('daily', content, daily);
    }
    await build('cold', content, cold);

    const published = (dir: string) =>
      new Map(
        [...files(dir)].map(([path, { data }]) => {
          if (path !== join('search', 'index.html')) return [path, data.toString('base64')];
          // The search page names its build (a cache tag for the index's entry file): the one thing that differs.
          const $ = cheerio.load(data);
          $('[data-build]').removeAttr('data-build');
          $('link[href*="pagefind-entry.json"]').removeAttr('href');
          return [path, $.html()];
        }),
      );
    const fromDaily = published(daily);
    const fromCold = published(cold);
    expect([...fromDaily.keys()].sort()).toEqual([...fromCold.keys()].sort());
    for (const [path, data] of fromCold) expect(fromDaily.get(path), path).toBe(data);
    expect(readdirSync(join(daily, 'pagefind', 'archive'))).toContain('pagefind-entry.json');
  });
});

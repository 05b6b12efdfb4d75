import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { fileForPath, htmlPages, loadPage, pathExists } from '../helpers/dist.ts';
import { readingFixture, SCRIPT_TITLE, SEG_TITLE, THUMBNAIL_HOST } from '../helpers/fixture-content.ts';

const { fixture, fixtureSub } = inject('builds');
const SITE = 'https://papers.example.org';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const read = (dist: string, path: string) => readFileSync(fileForPath(dist, path), 'utf8');
const thumbnails = new Map(
  readingFixture()
    .papers.filter(({ frontMatter }) => String(frontMatter['thumbnail']).startsWith(THUMBNAIL_HOST))
    .map(({ slug, frontMatter }) => [`/papers/${slug}/`, String(frontMatter['thumbnail'])]),
);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const jsonLd = (path: string) => JSON.parse(loadPage(fixture, path)('script[type="application/ld+json"]').text());

describe('search engines', () => {
  it('the sitemap lists every page, and only real pages', () => {
    const index = xml.parse(read(fixture, '/sitemap-index.xml'));
    const urls = asArray(index.sitemapindex.sitemap).flatMap((entry: { loc: string }) => {
      const sitemap = xml.parse(read(fixture, new URL(entry.loc).pathname));
      return asArray(sitemap.urlset.url).map((url: { loc: string }) => new URL(url.loc).pathname);
    });
    const pages = htmlPages(fixture).filter((path) => path !== '/404.html');
    expect([...urls].sort()).toEqual(pages);
  });

  it('robots.txt names the sitemap', () => {
    expect(read(fixture, '/robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(read(fixtureSub, '/robots.txt')).toContain(`Sitemap: ${SITE}/sub/sitemap-index.xml`);
  });

  it('every page has a canonical link, a unique title and description, and card tags', () => {
    const titles = new Map<string, string>();
    const descriptions = new Map<string, string>();
    for (const path of htmlPages(fixture).filter((page) => page !== '/404.html')) {
      const $ = loadPage(fixture, path);
      expect($('link[rel=canonical]').attr('href'), path).toBe(`${SITE}${path}`);
      const title = $('title').text();
      expect(titles.get(title), `${path} shares its title with ${titles.get(title)}`).toBeUndefined();
      titles.set(title, path);
      const description = $('meta[name=description]').attr('content')!;
      expect(description.length, path).toBeGreaterThan(20);
      expect(descriptions.get(description), `${path} shares its description with ${descriptions.get(description)}`).toBeUndefined();
      descriptions.set(description, path);
      expect($('meta[property="og:title"]').attr('content'), path).toBeTruthy();
      expect($('meta[property="og:description"]').attr('content'), path).toBe(description);
      expect($('meta[property="og:url"]').attr('content'), path).toBe(`${SITE}${path}`);
      // A paper with a thumbnail from the thumbnail host shows it when shared; every other page the site's card.
      const image = thumbnails.get(path) ?? `${SITE}/og-card.png`;
      expect($('meta[property="og:image"]').attr('content'), path).toBe(image);
      expect($('meta[name="twitter:card"]').attr('content'), path).toBe('summary_large_image');
    }
    expect(pathExists(fixture, '/og-card.png')).toBe(true);
  });

  it('every page carries the Content-Security-Policy, and only search may compile WebAssembly', () => {
    for (const path of htmlPages(fixture)) {
      const policy = loadPage(fixture, path)('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      const directives = new Map(policy.split(';').map((entry) => entry.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...sources]) => [name!, sources]));
      expect(directives.get('default-src'), path).toEqual(["'self'"]);
      expect(directives.get('img-src'), path).toEqual(["'self'", 'https://cdn-thumbnails.huggingface.co']);
      expect(directives.get('object-src'), path).toEqual(["'none'"]);
      expect(directives.get('script-src')?.[0], path).toBe("'self'");
      expect(directives.get('script-src')?.includes("'unsafe-inline'"), path).toBe(false);
      expect(directives.get('style-src')?.includes("'unsafe-inline'"), path).toBe(false);
      expect(directives.get('script-src')?.includes("'wasm-unsafe-eval'"), path).toBe(path === '/search/');
    }
  });

  it('the 404 page, served at any missing address, names no canonical address of its own', () => {
    const $ = loadPage(fixture, '/404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('link[rel=canonical]')).toHaveLength(0);
    expect($('meta[property="og:url"]')).toHaveLength(0);
    expect($('meta[property="og:title"]').attr('content')).toBe('Page not found');
  });

  it('paper pages describe a ScholarlyArticle', () => {
    const data = jsonLd('/papers/math-in-abstracts/');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      name: 'Math in Abstracts',
      author: [{ '@type': 'Person', name: 'Ada Lovelace' }, { '@type': 'Person', name: 'Alan Turing' }],
      datePublished: '2026-03-10',
      sameAs: 'https://arxiv.org/abs/2403.01234',
    });
    expect(data.abstract).toContain('speed-up');
    const seg = jsonLd('/papers/reasoning-to-attend-try-to-understand-how-seg-token-works/');
    expect(seg.name).toBe(SEG_TITLE);
    expect(seg.workExample).toEqual({ '@type': 'SoftwareSourceCode', codeRepository: 'https://github.com/rui-qian/READ' });
  });

  it('a hostile title cannot break out of the structured data', () => {
    const path = '/papers/script-alert-1-script-and-friends-a-hostile-title/';
    const $ = loadPage(fixture, path);
    expect($('script')).toHaveLength(1);
    expect($('script').text()).not.toContain('</script');
    expect(jsonLd(path).name).toBe(SCRIPT_TITLE);
  });

  it('digest pages describe an ItemList in published order', () => {
    const data = jsonLd('/digests/2026-03-14/');
    expect(data['@type']).toBe('ItemList');
    expect(data.itemListElement.map((item: { position: number; name: string }) => [item.position, item.name])).toEqual([
      [1, SEG_TITLE],
      [2, SCRIPT_TITLE],
      [3, 'Math in Abstracts'],
    ]);
  });
});

describe('subscribing', () => {
  it('paper pages offer the feeds of their topics', () => {
    const $ = loadPage(fixture, '/papers/math-in-abstracts/');
    expect($('link[rel=alternate][type="application/rss+xml"]').map((_, e) => $(e).attr('href')).get()).toEqual([
      `${SITE}/rss.xml`,
      `${SITE}/topics/segmentation/rss.xml`,
    ]);
  });

  it('/subscribe/ lists every feed with a copyable address, and the OPML holds them all', () => {
    const $ = loadPage(fixture, '/subscribe/');
    const shown = $('input[readonly]').map((_, e) => $(e).val()).get();
    const opml = xml.parse(read(fixture, '/feeds.opml'));
    const outlines = asArray(opml.opml.body.outline) as Array<{ type: string; xmlUrl: string; htmlUrl: string; text: string }>;
    expect(outlines.map((outline) => outline.xmlUrl)).toEqual(shown);
    expect(shown).toEqual([
      `${SITE}/rss.xml`,
      `${SITE}/digests/rss.xml`,
      `${SITE}/weeks/rss.xml`,
      `${SITE}/topics/alpha/rss.xml`,
      `${SITE}/topics/beta/rss.xml`,
      `${SITE}/topics/segmentation/rss.xml`,
    ]);
    for (const outline of outlines) {
      expect(outline.type).toBe('rss');
      expect(pathExists(fixture, new URL(outline.xmlUrl).pathname)).toBe(true);
      expect(pathExists(fixture, new URL(outline.htmlUrl).pathname)).toBe(true);
    }
    expect(outlines.find((outline) => outline.xmlUrl.endsWith('/beta/rss.xml'))!.text).toBe('papertide: Beta & more');
  });
});

describe('email-ready digests', () => {
  const html = read(fixture, '/digests/2026-03-14/email.html');
  const $ = cheerio.load(html);

  it('is a self-contained newsletter: no script, no stylesheet, only absolute links, under 100 KB', () => {
    expect($('script')).toHaveLength(0);
    expect($('link[rel=stylesheet], style')).toHaveLength(0);
    const links = $('a[href]').map((_, e) => $(e).attr('href')).get();
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    expect($('table[role=presentation]').length).toBeGreaterThan(0);
  });

  it('lists the papers with their titles as text', () => {
    const titles = $('td > a')
      .filter((_, e) => $(e).attr('href')!.startsWith(`${SITE}/papers/`))
      .map((_, e) => $(e).text())
      .get();
    expect(titles).toEqual([SEG_TITLE, SCRIPT_TITLE, 'Math in Abstracts']);
    expect($('a').filter((_, e) => $(e).attr('href') === `${SITE}/papers/math-in-abstracts/`)).toHaveLength(1);
  });

  it('has a plain-text twin', () => {
    const text = read(fixture, '/digests/2026-03-14/email.txt');
    expect(text).toContain(`1. ${SEG_TITLE}`);
    expect(text).toContain(`${SITE}/papers/math-in-abstracts/`);
    expect(text).toContain('Code: https://github.com/rui-qian/READ');
  });
});

import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import * as cheerio from 'cheerio';
import { fileForPath, pathExists } from '../helpers/dist.ts';
import { MATH_THUMBNAIL, SCRIPT_TITLE, SEG_TITLE } from '../helpers/fixture-content.ts';

const { fixture, fixtureSub } = inject('builds');
const SITE = 'https://papers.example.org';

const parser = new Parser({ customFields: { feed: ['language', 'lastBuildDate'], item: [['content:encoded', 'html']] } });
const readFeed = (dist: string, path: string) => parser.parseString(readFileSync(fileForPath(dist, path), 'utf8'));

/** The built page a feed link points at, as a path inside dist. */
const pageOf = (link: string, base = '/') => {
  expect(link.startsWith(`${SITE}${base}`), link).toBe(true);
  return link.slice(SITE.length + base.length - 1);
};

describe('the site feed', () => {
  it("gives a paper's thumbnail as an image enclosure, only when thumbnails are on", async () => {
    const items = (await readFeed(fixture, '/rss.xml')).items;
    const math = items.find((item) => item.title === 'Math in Abstracts')!;
    expect(math.enclosure).toEqual({ url: MATH_THUMBNAIL, length: '0', type: 'image/png' });
    expect(items.find((item) => item.title === SEG_TITLE)!.enclosure).toBeUndefined();
    // The fixture under /sub/ is built with THUMBNAILS=off.
    for (const item of (await readFeed(fixtureSub, '/rss.xml')).items) expect(item.enclosure, item.title).toBeUndefined();
  });

  it('lists papers newest digest first, in digest order within a day', async () => {
    const feed = await readFeed(fixture, '/rss.xml');
    expect(feed.title).toBe('papertide');
    expect(feed.language).toBe('en');
    expect(feed.items.slice(0, 4).map((item) => item.title)).toEqual([
      SEG_TITLE,
      SCRIPT_TITLE,
      'Math in Abstracts',
      expect.stringMatching(/^Bulk Paper 001 /),
    ]);
    expect(feed.items).toHaveLength(50);
  });

  it('gives every item a permalink guid, a date, text, HTML and categories', async () => {
    const feed = await readFeed(fixture, '/rss.xml');
    for (const item of feed.items) {
      expect(item.guid).toBe(item.link);
      expect(pathExists(fixture, pageOf(item.link!)), item.link).toBe(true);
      expect(item.isoDate).toMatch(/^2026-03-1[234]T00:00:00/);
      expect(item.contentSnippet?.length).toBeGreaterThan(0);
    }
    const math = feed.items.find((item) => item.title === 'Math in Abstracts')!;
    expect(math.isoDate).toBe('2026-03-14T00:00:00.000Z');
    expect(math.categories).toEqual(['Segmentation']);
    expect(cheerio.load(math.html)('math')).toHaveLength(2);
    const seg = feed.items.find((item) => item.title === SEG_TITLE)!;
    expect(cheerio.load(seg.html)('a').attr('href')).toBe('https://github.com/rui-qian/READ');
  });

  it('keeps hostile titles and abstracts as text', async () => {
    const feed = await readFeed(fixture, '/rss.xml');
    const hostile = feed.items.find((item) => item.title === SCRIPT_TITLE)!;
    expect(hostile.contentSnippet).toContain('<script>alert(2)</script> and an ampersand & in it');
    expect(hostile.contentSnippet).toContain('Bell and escape');
    expect(readFileSync(fileForPath(fixture, '/rss.xml'), 'utf8')).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const $ = cheerio.load(hostile.html);
    expect($('script')).toHaveLength(0);
    expect($.text()).toContain('<script>alert(2)</script>');
  });

  it('names itself and is styled for browsers with CSS, not XSLT', async () => {
    const xml = readFileSync(fileForPath(fixture, '/rss.xml'), 'utf8');
    const $ = cheerio.load(xml, { xml: true });
    expect($('channel > atom\\:link').attr('href')).toBe(`${SITE}/rss.xml`);
    for (const [dist, base] of [[fixture, '/'], [fixtureSub, '/sub/']] as const) {
      for (const path of ['/rss.xml', '/digests/rss.xml', '/topics/beta/rss.xml']) {
        const feed = readFileSync(fileForPath(dist, path), 'utf8');
        expect(stylesheetsOf(feed), `${base} ${path}`).toEqual([{ type: 'text/css', href: `${base}rss.css` }]);
        await expect(parser.parseString(feed)).resolves.toMatchObject({ items: expect.any(Array) });
      }
    }
    expect(pathExists(fixture, '/rss.css')).toBe(true);
    expect(pathExists(fixture, '/rss.xsl')).toBe(false);
  });
});

/** The <?xml-stylesheet?> instructions before a feed's root element, their pseudo-attributes parsed. */
function stylesheetsOf(xml: string): Array<Record<string, string>> {
  const $ = cheerio.load(xml, { xml: true });
  return $.root()
    .contents()
    .toArray()
    .filter((node) => node.type === 'directive' && node.name === '?xml-stylesheet')
    .map((node) => {
      const attributes = cheerio.load(`<x ${(node as unknown as { data: string }).data.replace(/^\?xml-stylesheet|\?$/g, '')}/>`, { xml: true })('x').attr();
      return { ...attributes };
    });
}

describe('topic feeds', () => {
  it('hold the latest papers of their topic and are linked from the topic page', async () => {
    const feed = await readFeed(fixture, '/topics/beta/rss.xml');
    expect(feed.title).toBe('papertide: Beta & more');
    expect(feed.items[0]!.title).toBe(SCRIPT_TITLE);
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) expect(item.categories).toContain('Beta & more');
    const $ = cheerio.load(readFileSync(fileForPath(fixture, '/topics/beta/'), 'utf8'));
    expect($('link[rel=alternate][type="application/rss+xml"]').map((_, e) => $(e).attr('href')).get()).toEqual([
      `${SITE}/rss.xml`,
      `${SITE}/topics/beta/rss.xml`,
    ]);
  });
});

describe('the daily digests feed', () => {
  it('has one item per digest with the whole list', async () => {
    const feed = await readFeed(fixture, '/digests/rss.xml');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Papers of March 14, 2026',
      'Papers of March 13, 2026',
      'Papers of March 12, 2026',
    ]);
    const $ = cheerio.load(feed.items[0]!.html);
    expect($('li a').map((_, e) => $(e).text()).get()).toEqual([SEG_TITLE, SCRIPT_TITLE, 'Math in Abstracts']);
    for (const item of feed.items) expect(pathExists(fixture, pageOf(item.link!))).toBe(true);
  });
});

describe('under a sub-path', () => {
  it('feed links carry the base path', async () => {
    const feed = await readFeed(fixtureSub, '/rss.xml');
    for (const item of feed.items) expect(pathExists(fixtureSub, pageOf(item.link!, '/sub/'))).toBe(true);
  });
});

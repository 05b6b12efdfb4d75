import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import * as cheerio from 'cheerio';
import { fileForPath, loadPage, pathExists } from '../helpers/dist.ts';
import { TIE_TITLE, w53 } from '../helpers/periods-fixture.ts';

const { periods: dist } = inject('builds');
const SITE = 'https://papers.example.org';
const read = (path: string) => readFileSync(fileForPath(dist, path), 'utf8');
const parser = new Parser({ customFields: { item: [['content:encoded', 'html']] } });

/** The cards of a built list page: [rank, paper path, upvotes text]. */
function cards(path: string): Array<[string, string, string]> {
  const $ = loadPage(dist, path);
  return $('.paper-card')
    .map((_, card) => [[
      $(card).find('.rank').text().replace(/\D/g, ''),
      $(card).find('.paper-title a').attr('href')!,
      $(card).find('.meta > span').text(),
    ]])
    .get() as Array<[string, string, string]>;
}
const slugOf = (href: string) => href.replace(/^\/papers\/|\/$/g, '');

describe('weekly rankings', () => {
  it('rank a week by upvotes: a paper of two days once with its highest count, a tie by the earlier day, 50 a page', () => {
    const first = cards('/weeks/2026-W53/');
    expect(first).toHaveLength(50);
    expect(first.map(([rank]) => Number(rank))).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    const expected = [
      w53(55),
      ...Array.from({ length: 40 }, (_, index) => w53(index + 1)),
      w53(41),
      'tie',
      ...Array.from({ length: 7 }, (_, index) => w53(index + 42)),
    ];
    expect(first.map(([, href]) => slugOf(href))).toEqual(expected);
    expect(first[0]![2]).toBe('500 upvotes');
    expect(first.filter(([, href]) => slugOf(href) === w53(55))).toHaveLength(1);
    expect(first[41]![2]).toBe('60 upvotes');
    expect(first[42]![2]).toBe('60 upvotes');

    const second = cards('/weeks/2026-W53/2/');
    expect(second.map(([rank, href, upvotes]) => [rank, slugOf(href), upvotes])).toEqual([
      ...Array.from({ length: 6 }, (_, index) => [String(51 + index), w53(49 + index), `${52 - index} upvotes`]),
      ['57', 'new-year', '1 upvote'],
    ]);
  });

  it('show the cards as digest pages do: title as text, code badge, excerpt, topics', () => {
    const $ = loadPage(dist, '/weeks/2026-W53/');
    const tie = $('.paper-card').eq(42);
    expect(tie.find('.paper-title').text()).toBe(TIE_TITLE);
    expect($('.paper-card').eq(1).find('.badge').attr('href')).toBe('https://github.com/example/w53-1');
    expect($('.paper-card').eq(2).find('.badge')).toHaveLength(0);
    expect(tie.find('.excerpt').text()).toContain('studies alpha things');
    expect(tie.find('.tags a').text()).toBe('Alpha studies');
  });

  it('say the dates in words, the counts, link their days, the pages and the weeks around', () => {
    const $ = loadPage(dist, '/weeks/2026-W53/');
    expect($('h1').text()).toBe('Week 53 of 2026: December 28, 2026\u2009–\u2009January 3, 2027 (page 1 of 2)');
    expect($('.lede').text()).toMatch(/^57 papers on 3 days, 11 with code, ranked by upvotes/);
    expect($('.period-days a').map((_, e) => $(e).attr('href')).get()).toEqual([
      '/digests/2026-12-28/',
      '/digests/2026-12-31/',
      '/digests/2027-01-01/',
    ]);
    expect($('nav[aria-label=Pages] a[rel=next]').attr('href')).toBe('/weeks/2026-W53/2/');
    expect($('nav[aria-label=Pages] a[rel=next]').text()).toBe('Lower ranked →');
    expect($('a[rel=prev]').last().attr('href')).toBe('/weeks/2026-W52/');
    expect($('a[rel=next]').last().attr('href')).toBe('/weeks/2027-W01/');
    expect($('link[rel=alternate][type="application/rss+xml"]').map((_, e) => $(e).attr('href')).get()).toContain(`${SITE}/weeks/rss.xml`);
  });

  it('put papers without upvotes (a plain-text day) in digest order', () => {
    expect(cards('/weeks/2027-W01/')).toEqual([
      ['1', '/papers/plain-1/', ''],
      ['2', '/papers/plain-2/', ''],
      ['3', '/papers/plain-3/', ''],
    ]);
    expect(loadPage(dist, '/weeks/2027-W01/')('h1').text()).toBe('Week 1 of 2027: January 4–10');
  });

  it('/weeks/ lists every week newest first with its counts', () => {
    const $ = loadPage(dist, '/weeks/');
    const items = $('.period-index li');
    expect(items.map((_, e) => $(e).find('a').attr('href')).get()).toEqual(['/weeks/2027-W01/', '/weeks/2026-W53/', '/weeks/2026-W52/']);
    expect(items.eq(1).find('.meta').text()).toBe('57 papers, 11 with code, 3 days');
    // The link to the other period kind reads as its own words, not glued to the sentence before it.
    expect($('.lede').text().replace(/\s+/g, ' ').trim()).toBe("3 weeks, newest first: each week's papers ranked by upvotes. By month");
    expect($('.lede a').attr('href')).toBe('/months/');
  });
});

describe('monthly rankings', () => {
  it('rank a month, across the ISO week that spans two months', () => {
    const january = cards('/months/2027-01/');
    expect(january.map(([, href, upvotes]) => [slugOf(href), upvotes])).toEqual([
      ['new-year', '1 upvote'],
      ['plain-1', ''],
      ['plain-2', ''],
      ['plain-3', ''],
    ]);
    const december = loadPage(dist, '/months/2026-12/');
    expect(december('h1').text()).toBe('December 2026 (page 1 of 2)');
    expect(december('.lede').text()).toMatch(/^58 papers on 3 days/);
    expect(cards('/months/2026-12/2/').map(([rank]) => rank).at(-1)).toBe('58');
    expect(pathExists(dist, '/months/2026-12/3/')).toBe(false);
  });

  it('/months/ lists every month newest first', () => {
    const $ = loadPage(dist, '/months/');
    expect($('.period-index a').map((_, e) => $(e).attr('href')).get()).toEqual(['/months/2027-01/', '/months/2026-12/']);
  });
});

describe('the weekly feed', () => {
  it('has one item per finished week, newest first, with its top 10 (titles, links, first lines)', async () => {
    const feed = await parser.parseString(read('/weeks/rss.xml'));
    expect(feed.title).toBe('papertide: top papers of the week');
    // 2027-W01 is not over: its Monday is the newest digest.
    expect(feed.items.map((item) => item.link)).toEqual([`${SITE}/weeks/2026-W53/`, `${SITE}/weeks/2026-W52/`]);
    const [week] = feed.items;
    expect(week!.title).toBe('Top papers of Week 53 of 2026: December 28, 2026\u2009–\u2009January 3, 2027');
    expect(new Date(week!.pubDate!).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    const $ = cheerio.load((week as unknown as { html: string }).html);
    const links = $('li a');
    expect(links).toHaveLength(10);
    expect(links.first().attr('href')).toBe(`${SITE}/papers/${w53(55)}/`);
    expect(links.first().text()).toBe('Week fifty-three paper 55');
    expect($('li').first().text()).toContain('studies alpha things');
  });
});

describe('weekly newsletters', () => {
  it('exist for every week, with its top 10 as HTML and as plain text', () => {
    const $ = cheerio.load(read('/weeks/2026-W53/email.html'));
    const titles = $(`a[href^="${SITE}/papers/"]`).map((_, e) => $(e).text()).get();
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe('Week fifty-three paper 55');
    expect($('h1').text()).toBe('Top papers of Week 53 of 2026: December 28, 2026\u2009–\u2009January 3, 2027');
    expect($('script')).toHaveLength(0);
    const text = read('/weeks/2026-W53/email.txt');
    expect(text).toContain(`Top 10 of 57 papers. On the web: ${SITE}/weeks/2026-W53/`);
    expect(text).toContain(`1. Week fifty-three paper 55\n   ${SITE}/papers/${w53(55)}/`);
    expect(text).not.toContain('\n11. ');
    expect(read('/weeks/2027-W01/email.txt')).toContain('Top 3 of 3 papers.');
  });
});

describe('the archive calendar', () => {
  it('/digests/ shows the newest year as a calendar: days linked with their counts, weeks and months to their rankings', () => {
    const $ = loadPage(dist, '/digests/');
    expect($('h2').first().find('a').attr('href')).toBe('/months/2027-01/');
    const day = $('td a[href="/digests/2027-01-04/"]');
    expect(day.find('small').text()).toBe('3 papers');
    expect(day.text().replace(/\s+/g, ' ')).toBe('4 3 papers');
    // Monday is the first weekday column, after the week column.
    expect(day.closest('tr').children().index(day.closest('td'))).toBe(1);
    const rows = $('.calendar tbody tr');
    expect(rows.first().find('th a').attr('href')).toBe('/weeks/2026-W53/');
    expect(rows.eq(1).find('th a').attr('href')).toBe('/weeks/2027-W01/');
    expect(rows.eq(2).find('th a')).toHaveLength(0);
    expect($('.archive-years a').map((_, e) => $(e).attr('href')).get()).toEqual(['/digests/2026/']);
  });

  it('keeps older years at /digests/YYYY/, the newest only at /digests/', () => {
    const $ = loadPage(dist, '/digests/2026/');
    expect($('h1').text()).toBe('Digests of 2026');
    expect($('td a').map((_, e) => $(e).attr('href')).get()).toEqual(['/digests/2026-12-22/', '/digests/2026-12-28/', '/digests/2026-12-31/']);
    expect($('.archive-years a').map((_, e) => $(e).attr('href')).get()).toEqual(['/digests/']);
    expect(pathExists(dist, '/digests/2027/')).toBe(false);
  });

  it('the archive and the home page link the week and the month of the newest digest', () => {
    for (const path of ['/', '/digests/']) {
      const $ = loadPage(dist, path);
      const hrefs = $('main a').map((_, e) => $(e).attr('href')).get();
      expect(hrefs, path).toEqual(expect.arrayContaining(['/weeks/2027-W01/', '/months/2027-01/']));
    }
  });
});

import { describe, expect, it, inject } from 'vitest';
import { loadPage, htmlPages, pathExists } from '../helpers/dist.ts';
import { SCRIPT_TITLE, SEG_TITLE } from '../helpers/fixture-content.ts';
import { siteConfig } from '#/site.config.ts';
import { SCORING } from '#/lib/topics.ts';

const { fixture, fixtureSub } = inject('builds');

const titlesOn = (path: string) =>
  loadPage(fixture, path)('.paper-card .paper-title')
    .map((_, element) => loadPage(fixture, path)(element).text().trim())
    .get();

describe('digest pages', () => {
  it('the home page is the latest digest, in published order with ranks', () => {
    const $ = loadPage(fixture, '/');
    expect($('h1').text()).toContain('March 14, 2026');
    expect($('.paper-card .paper-title').map((_, e) => $(e).text().trim()).get()).toEqual([
      SEG_TITLE,
      SCRIPT_TITLE,
      'Math in Abstracts',
    ]);
    // Read as "Rank 1": the word is visually hidden, the number shown.
    expect($('.paper-card .rank').map((_, e) => $(e).text().trim()).get()).toEqual(['Rank 1', 'Rank 2', 'Rank 3']);
    expect($('.paper-card .rank .visually-hidden').first().text()).toBe('Rank ');
  });

  it('shows code badges, upvotes and topics on the cards', () => {
    const $ = loadPage(fixture, '/digests/2026-03-14/');
    const cards = $('.paper-card');
    expect(cards.eq(0).find('.badge').attr('href')).toBe('https://github.com/rui-qian/READ');
    expect(cards.eq(1).find('.badge')).toHaveLength(0);
    expect(cards.eq(2).find('.meta').text()).toContain('17 upvotes');
    expect(cards.eq(0).find('.tags a').text()).toBe('Segmentation');
  });

  it('links each digest to the one before and after it', () => {
    const middle = loadPage(fixture, '/digests/2026-03-13/');
    expect(middle('a[rel=prev]').attr('href')).toBe('/digests/2026-03-12/');
    expect(middle('a[rel=next]').attr('href')).toBe('/digests/2026-03-14/');
    const oldest = loadPage(fixture, '/digests/2026-03-12/');
    expect(oldest('a[rel=prev]')).toHaveLength(0);
    expect(oldest('a[rel=next]').attr('href')).toBe('/digests/2026-03-13/');
  });

  it('the archive shows the year as a calendar: each month with its count, each day with a digest linked', () => {
    const $ = loadPage(fixture, '/digests/');
    // Words apart in the text too (a heading's accessible name), not only on screen through the layout's gap.
    expect($('h2').first().text().replace(/\s+/g, ' ').trim()).toBe('March 2026 54 papers, 3 days');
    expect($('.calendar td a').map((_, e) => $(e).attr('href')).get()).toEqual([
      '/digests/2026-03-12/',
      '/digests/2026-03-13/',
      '/digests/2026-03-14/',
    ]);
  });
});

describe('paper pages', () => {
  it('show everything known about a paper', () => {
    const $ = loadPage(fixture, '/papers/math-in-abstracts/');
    expect($('h1').text()).toBe('Math in Abstracts');
    expect($('title').text()).toBe('Math in Abstracts · papertide');
    expect($('.authors').text()).toBe('Ada Lovelace, Alan Turing');
    expect($('.paper-links a').map((_, e) => $(e).attr('href')).get()).toEqual([
      'https://arxiv.org/abs/2403.01234',
      'https://arxiv.org/pdf/2403.01234',
      'https://huggingface.co/papers/2403.01234',
      'https://example.org/math',
    ]);
    expect($('.tldr').text()).toContain('Math renders as MathML');
    // Listed on two days, newest first.
    expect($('a[href^="/digests/"]').map((_, e) => $(e).attr('href')).get()).toEqual(
      expect.arrayContaining(['/digests/2026-03-14/', '/digests/2026-03-12/']),
    );
    expect($('.bibtex code').text()).toMatch(/@misc\{lovelace2026math,[\s\S]*eprint = \{2403\.01234\}/);
  });

  it('show what the Hugging Face source gives: its page with the comments, organization, submitter, an AI summary', () => {
    const $ = loadPage(fixture, '/papers/math-in-abstracts/');
    const huggingFace = $('.paper-links li').filter((_, e) => $(e).find('a').attr('href') === 'https://huggingface.co/papers/2403.01234');
    expect(huggingFace.text()).toBe('Hugging Face 3 comments');
    const meta = $('article > .meta').first().text();
    expect(meta).toContain('Analytical Engines Ltd');
    expect(meta).toContain('submitted by Charles Babbage');
    expect($('.tldr strong').text()).toBe('AI summary (Hugging Face):');
  });

  it('show GitHub stars next to the code link; no Hugging Face link or AI label for a paper the source gave none of it', () => {
    const $ = loadPage(fixture, '/papers/reasoning-to-attend-try-to-understand-how-seg-token-works/');
    const code = $('.paper-links li').filter((_, e) => $(e).find('a').text() === 'Code');
    expect(code.find('a').attr('href')).toBe('https://github.com/rui-qian/READ');
    expect(code.text()).toBe('Code 1,234 stars');
    expect($('a[href^="https://huggingface.co/"]')).toHaveLength(0);
    expect($('article > .meta').first().text()).not.toContain('submitted by');
  });

  it('render LaTeX as MathML at build time', () => {
    const $ = loadPage(fixture, '/papers/math-in-abstracts/');
    const math = $('.abstract math');
    expect(math).toHaveLength(2);
    expect(math.first().find('mo').text()).toBe('×');
    expect($('.abstract msub')).toHaveLength(1);
  });

  it('link to the previous and next paper of their digest', () => {
    const $ = loadPage(fixture, '/papers/script-alert-1-script-and-friends-a-hostile-title/');
    expect($('.neighbours a[rel=prev]').attr('href')).toBe('/papers/reasoning-to-attend-try-to-understand-how-seg-token-works/');
    expect($('.neighbours a[rel=next]').attr('href')).toBe('/papers/math-in-abstracts/');
  });

  it('list related papers', () => {
    const $ = loadPage(fixture, '/papers/bulk-paper-001/');
    const related = $('.related li a').map((_, e) => $(e).attr('href')).get();
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(siteConfig.relatedPapers);
    expect(related).not.toContain('/papers/bulk-paper-001/');
  });
});

describe('hostile text stays text', () => {
  it.each([
    ['/papers/reasoning-to-attend-try-to-understand-how-seg-token-works/', SEG_TITLE],
    ['/papers/script-alert-1-script-and-friends-a-hostile-title/', SCRIPT_TITLE],
  ])('%s shows its title as text', (path, title) => {
    const $ = loadPage(fixture, path);
    expect($('h1').text()).toBe(title);
    expect($('h1').children()).toHaveLength(0);
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
    expect($('seg')).toHaveLength(0);
  });

  it('abstracts with markup show it as text', () => {
    const $ = loadPage(fixture, '/papers/script-alert-1-script-and-friends-a-hostile-title/');
    expect($('.abstract').text()).toContain('<script>alert(2)</script> and an ampersand & in it');
    expect($('.abstract script')).toHaveLength(0);
  });
});

describe('topic pages', () => {
  it('the index lists every topic with its description and count', () => {
    const $ = loadPage(fixture, '/topics/');
    const rows = $('.topic-list li')
      .map((_, e) => `${$(e).find('h2').text().replace(/\s+/g, ' ').trim()}: ${$(e).find('p').text()}`)
      .get();
    expect(rows).toEqual([
      'Alpha studies (51 papers): Papers about alpha.',
      'Beta & more (50 papers): Papers about beta.',
      'Segmentation (2 papers): Papers about segmentation.',
    ]);
  });

  it('the index says what a paper is filed by: keywords only when the assigner counts them', () => {
    const lede = loadPage(fixture, '/topics/')('.lede').text();
    expect(lede).toContain('from its title and abstract');
    expect(lede.includes('keywords')).toBe(SCORING.keywordWeight > 0);
  });

  it('paginate at 50: 51 papers make two pages, 50 make one', () => {
    const first = loadPage(fixture, '/topics/alpha/');
    expect(first('.paper-card')).toHaveLength(50);
    expect(first('.pager a[rel=next]').attr('href')).toBe('/topics/alpha/2/');
    const second = loadPage(fixture, '/topics/alpha/2/');
    expect(second('.paper-card')).toHaveLength(1);
    expect(second('.pager a[rel=prev]').attr('href')).toBe('/topics/alpha/');
    expect(second('h1').text()).toContain('page 2 of 2');
    const beta = loadPage(fixture, '/topics/beta/');
    expect(beta('.paper-card')).toHaveLength(50);
    expect(beta('.pager')).toHaveLength(0);
    expect(pathExists(fixture, '/topics/beta/2/')).toBe(false);
  });

  it('show each card with its day, its highest known upvotes and its code badge', () => {
    const $ = loadPage(fixture, '/topics/segmentation/');
    const cards = $('.paper-card');
    expect(cards.eq(0).find('.paper-title').text()).toBe(SEG_TITLE);
    expect(cards.eq(0).find('.badge').attr('href')).toBe('https://github.com/rui-qian/READ');
    expect(cards.eq(0).find('.meta > span')).toHaveLength(0);
    // 17 on 2026-03-14, 42 in the paper's own file: the higher count.
    expect(cards.eq(1).find('.meta > span').text()).toBe('42 upvotes');
    expect(cards.eq(1).find('time').attr('datetime')).toBe('2026-03-14');
    expect(cards.eq(1).find('.badge')).toHaveLength(0);
  });

  it('list papers newest digest first', () => {
    const titles = titlesOn('/topics/beta/');
    expect(titles[0]).toBe(SCRIPT_TITLE);
    expect(titles[1]).toMatch(/^Bulk Paper 001 /);
  });
});

describe('every page', () => {
  const pages = htmlPages(fixture);

  it('has one h1, a title, a skip link, landmarks and the site feed', () => {
    for (const path of pages) {
      const $ = loadPage(fixture, path);
      expect($('h1'), path).toHaveLength(1);
      expect($('title').text().length, path).toBeGreaterThan(0);
      expect($('a.skip-link').attr('href'), path).toBe('#main');
      expect($('header, main, footer'), path).toHaveLength(3);
      expect($('link[rel=alternate][type="application/rss+xml"]').first().attr('href'), path).toBe(
        'https://papers.example.org/rss.xml',
      );
    }
  });

  it('reading pages ship no JavaScript (structured data is not script)', () => {
    for (const path of pages.filter((page) => !page.startsWith('/search/'))) {
      const $ = loadPage(fixture, path);
      expect($('script:not([type="application/ld+json"])').length, path).toBe(0);
      expect($('[onclick], [onload], [onerror]').length, path).toBe(0);
    }
  });

  it.each([
    ['at the root', fixture, '/'],
    ['under BASE_PATH=/sub/', fixtureSub, '/sub/'],
  ])('internal links resolve %s', (_, dist, base) => {
    const broken: string[] = [];
    for (const path of htmlPages(dist)) {
      const $ = loadPage(dist, path);
      $('a[href], link[href]').each((_, element) => {
        const target = $(element).attr('href')!;
        if (/^(https?:)?\/\//.test(target) || target.startsWith('#')) return;
        expect(target.startsWith(base), `${path} links to ${target}`).toBe(true);
        if (!pathExists(dist, target.slice(base.length - 1))) broken.push(`${path} → ${target}`);
      });
    }
    expect(broken).toEqual([]);
  });
});

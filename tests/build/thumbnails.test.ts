/**
 * Thumbnails on the built fixture: in a box of fixed size, eager on the first
 * screen and lazy below it, only from the thumbnail host, and none at all in
 * the build with THUMBNAILS=off (the fixture under /sub/).
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { htmlPages, loadPage } from '../helpers/dist.ts';
import { MATH_THUMBNAIL, THUMBNAIL_HOST } from '../helpers/fixture-content.ts';

const { fixture, fixtureSub } = inject('builds');

/** The CSS a page carries: its <style> elements and the stylesheets it links. */
function pageCss(dist: string, $: cheerio.CheerioAPI): string {
  const inline = $('style').map((_, e) => $(e).text()).get();
  const linked = $('link[rel=stylesheet]').map((_, e) => readFileSync(join(dist, $(e).attr('href')!), 'utf8')).get();
  return [...inline, ...linked].join('\n');
}

describe('thumbnails on a digest page', () => {
  const $ = loadPage(fixture, '/digests/2026-03-13/');
  const cards = $('.paper-card');

  it('show the thumbnails from the thumbnail host, with an empty alt (the title says it all)', () => {
    const images = cards.find('img');
    expect(images.map((_, e) => $(e).attr('src')).get()).toEqual(
      [1, 2, 3, 5, 6].map((n) => `${THUMBNAIL_HOST}/social-thumbnails/papers/bulk-00${n}.png`),
    );
    images.each((_, e) => expect($(e).attr('alt')).toBe(''));
    // The 4th card's thumbnail is on another host, which the CSP would refuse: none shown.
    expect(cards.eq(3).find('img')).toHaveLength(0);
  });

  it('load the first screen at once and the rest lazily', () => {
    const loading = cards.map((index, e) => ({ index, loading: $(e).find('img').attr('loading') ?? 'eager', has: $(e).find('img').length })).get();
    expect(loading.filter((card) => card.has).map(({ index, loading }) => [index, loading])).toEqual([
      [0, 'eager'],
      [1, 'eager'],
      [2, 'eager'],
      [4, 'lazy'],
      [5, 'lazy'],
    ]);
  });

  it('sit in a box of fixed size: a width and an aspect ratio, the picture cropped to it', () => {
    const css = pageCss(fixture, $);
    const rule = /\.thumb\{([^}]*)\}/.exec(css.replace(/\s+/g, ''))?.[1] ?? '';
    expect(rule).toMatch(/aspect-ratio:40\/21/);
    expect(rule).toMatch(/object-fit:cover/);
    expect(rule).toMatch(/width:6\.5rem/);
  });
});

describe('thumbnails on a paper page', () => {
  it('show the thumbnail at once (it is on the first screen) and as og:image', () => {
    const $ = loadPage(fixture, '/papers/math-in-abstracts/');
    const image = $('article > img');
    expect(image.attr('src')).toBe(MATH_THUMBNAIL);
    expect(image.attr('alt')).toBe('');
    expect(image.attr('loading')).toBeUndefined();
    expect($('meta[property="og:image"]').attr('content')).toBe(MATH_THUMBNAIL);
    expect(pageCss(fixture, $).replace(/\s+/g, '')).toMatch(/article>img\{[^}]*aspect-ratio:40\/21[^}]*object-fit:cover/);
  });
});

describe('THUMBNAILS=off', () => {
  it('leaves every page without an image from the thumbnail host, og:image included', () => {
    for (const path of htmlPages(fixtureSub)) {
      const $ = loadPage(fixtureSub, path);
      expect($('img').length, path).toBe(0);
      expect($('meta[property="og:image"]').attr('content'), path).toBe('https://papers.example.org/sub/og-card.png');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { imageType, thumbnailLoading, thumbnailSettings, thumbnailSrc } from '#/lib/thumbnails.ts';
import { siteConfig } from '#/site.config.ts';

const ORIGIN = 'https://cdn-thumbnails.huggingface.co';

describe('thumbnail settings', () => {
  it('follow the site setting unless THUMBNAILS says on or off', () => {
    expect(thumbnailSettings({})).toEqual({ on: siteConfig.thumbnails, origin: ORIGIN });
    expect(thumbnailSettings({ THUMBNAILS: 'off' }).on).toBe(false);
    expect(thumbnailSettings({ THUMBNAILS: 'OFF' }).on).toBe(false);
    expect(thumbnailSettings({ THUMBNAILS: 'on' }).on).toBe(true);
    expect(thumbnailSettings({ THUMBNAILS: '' }).on).toBe(siteConfig.thumbnails);
  });

  it('refuse a THUMBNAILS value that is neither on nor off', () => {
    expect(() => thumbnailSettings({ THUMBNAILS: 'no' })).toThrow('THUMBNAILS must be "on" or "off", got "no"');
  });
});

describe('thumbnailSrc', () => {
  const on = { on: true, origin: ORIGIN };
  it('gives thumbnails from the thumbnail origin only, and none when off', () => {
    const url = `${ORIGIN}/social-thumbnails/papers/2512.22525.png`;
    expect(thumbnailSrc(url, on)).toBe(url);
    expect(thumbnailSrc('https://example.org/a.png', on)).toBeUndefined();
    expect(thumbnailSrc('http://cdn-thumbnails.huggingface.co/a.png', on)).toBeUndefined();
    expect(thumbnailSrc(undefined, on)).toBeUndefined();
    expect(thumbnailSrc(url, { ...on, on: false })).toBeUndefined();
  });
});

describe('thumbnailLoading', () => {
  it('is eager for the first three cards and lazy after', () => {
    expect([0, 1, 2, 3, 20].map(thumbnailLoading)).toEqual(['eager', 'eager', 'eager', 'lazy', 'lazy']);
  });
});

describe('imageType', () => {
  it('tells the MIME type from the extension, PNG when it does not say', () => {
    expect(imageType(`${ORIGIN}/a.png`)).toBe('image/png');
    expect(imageType(`${ORIGIN}/a.JPG?x=1`)).toBe('image/jpeg');
    expect(imageType(`${ORIGIN}/a.webp`)).toBe('image/webp');
    expect(imageType(`${ORIGIN}/thumbnail`)).toBe('image/png');
  });
});

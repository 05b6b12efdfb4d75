import { cacheKey } from '#/lib/cache-key.ts';
import { siteConfig } from '#/site.config.ts';
import { thumbnails } from '#/lib/thumbnails.ts';

/**
 * A page's cache key for Astro's incremental builds: a hash of the page's view and of
 * the settings every page is shaped by: the origin (SITE_URL: canonical and absolute
 * links), the base path (BASE_PATH: every link), the site settings (the layout's
 * title, tagline and language) and whether thumbnails are shown (the layout's CSP).
 * A page lays out only its view and these, so it can never show what its key does not cover.
 */
export function pageKey(view: unknown): string {
  return cacheKey({ view, site: import.meta.env.SITE, base: import.meta.env.BASE_URL, settings: siteConfig, thumbnails: thumbnails.on });
}

import { createHash } from 'node:crypto';

/**
 * A page's cache key for Astro's incremental builds: a hash of everything the
 * page shows. Equal keys mean the page can be reused from the previous build;
 * anything left out of the value would be served stale, so pass the whole view.
 */
export function cacheKey(view: unknown): string {
  return createHash('sha256').update(JSON.stringify(view)).digest('base64url');
}

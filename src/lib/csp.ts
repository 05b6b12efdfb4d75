/**
 * The site's Content-Security-Policy, beyond the script and style hashes Astro
 * adds to each page (security.csp in astro.config.mjs). Pages ship no script of
 * their own but the search page's, so anything injected into a page is inert.
 * frame-ancestors cannot be set from a <meta>: public/_headers sends it.
 */

import { thumbnails } from './thumbnails.ts';

/** Where paper thumbnails come from (Hugging Face's CDN): the site setting, as pages use it (src/lib/thumbnails.ts). */
export const THUMBNAIL_ORIGIN = thumbnails.origin;

export interface CspOptions {
  /** Whether pages show paper thumbnails (thumbnails.on: the site setting, THUMBNAILS=on|off): only then may images come from the thumbnail host. */
  thumbnails: boolean;
}

/** A directive of the kinds set here (a type Astro's `security.csp.directives` accepts). */
export type CspDirective = `${'default-src' | 'img-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

/** The directives every page carries. */
export function cspDirectives({ thumbnails }: CspOptions): CspDirective[] {
  return [
    "default-src 'self'",
    `img-src ${["'self'", ...(thumbnails ? [THUMBNAIL_ORIGIN] : [])].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/**
 * script-src of the search page: Pagefind compiles its WebAssembly search index
 * at run time, which needs 'wasm-unsafe-eval' (it allows WebAssembly only, not
 * JavaScript eval). Other pages keep 'self' and their hashes alone.
 */
export const SEARCH_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

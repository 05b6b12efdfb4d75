import { describe, it, expect } from 'vitest';
import { cspDirectives, SEARCH_SCRIPT_SOURCES, THUMBNAIL_ORIGIN } from '#/lib/csp.ts';

const directive = (directives: string[], name: string) => directives.find((entry) => entry.split(' ')[0] === name);

describe('cspDirectives', () => {
  it('lets images come from the thumbnail host only when thumbnails are on', () => {
    expect(directive(cspDirectives({ thumbnails: true }), 'img-src')).toBe(`img-src 'self' ${THUMBNAIL_ORIGIN}`);
    expect(directive(cspDirectives({ thumbnails: false }), 'img-src')).toBe("img-src 'self'");
    expect(THUMBNAIL_ORIGIN).toBe('https://cdn-thumbnails.huggingface.co');
  });

  it('allows nothing from elsewhere, no plugins, and no other base or form target', () => {
    const directives = cspDirectives({ thumbnails: true });
    expect(directive(directives, 'default-src')).toBe("default-src 'self'");
    expect(directive(directives, 'object-src')).toBe("object-src 'none'");
    expect(directive(directives, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(directives, 'form-action')).toBe("form-action 'self'");
    // Astro owns script-src and style-src (with each page's hashes); nothing here may loosen them.
    expect(directives.join(';')).not.toMatch(/unsafe-inline|unsafe-eval|script-src|style-src/);
  });

  it("search adds WebAssembly compilation to its own scripts, and not JavaScript eval", () => {
    expect(SEARCH_SCRIPT_SOURCES).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

/**
 * public/_headers (Netlify / Cloudflare Pages): well-formed, and every file a
 * build produces gets exactly one Cache-Control, the right one for its kind.
 */
import { describe, it, expect, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADERS_PATH = fileURLToPath(new URL('../../public/_headers', import.meta.url));
const TEXT = readFileSync(HEADERS_PATH, 'utf8');

interface Rule {
  path: string;
  line: number;
  headers: Array<{ name: string; value: string }>;
}

/** Parses the file as both hosts do: a path line at column 0, then indented `Name: value` lines. */
function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = index + 1;
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      expect(raw, `line ${line}: a rule starts with a path`).toMatch(/^\/\S*$/);
      rules.push({ path: raw, line, headers: [] });
      continue;
    }
    const header = /^ {2}([A-Za-z0-9-]+): (\S.*)$/.exec(raw);
    expect(header, `line ${line}: a header line is "  Name: value"`).not.toBeNull();
    const rule = rules.at(-1);
    expect(rule, `line ${line}: a header before any path`).toBeDefined();
    rule!.headers.push({ name: header![1]!, value: header![2]!.trim() });
  }
  return rules;
}

const RULES = parseHeadersFile(TEXT);

/** Cloudflare Pages: one splat, greedy across `/`; `:name` is one segment. */
function cloudflareMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '(.*)' : part.startsWith(':') ? '([^/]+)' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** Netlify (its headers parser): a `*` segment is optional and matches anything, a trailing slash is optional. */
function netlifyMatches(pattern: string, path: string): boolean {
  const parts = pattern
    .split('/')
    .filter(Boolean)
    .map((part) =>
      part.startsWith(':')
        ? '([^/]+)'
        : part === '*'
          ? '?(.*)'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '(.*)'),
    );
  return new RegExp(`^/${parts.join('/')}/?$`, 'iu').test(path);
}

/** The Cache-Control values a request for `path` gets, on each host. */
function cacheControl(path: string): { cloudflare: string[]; netlify: string[] } {
  const values = (matches: (pattern: string, path: string) => boolean) =>
    RULES.filter((rule) => matches(rule.path, path)).flatMap((rule) =>
      rule.headers.filter((header) => header.name.toLowerCase() === 'cache-control').map((header) => header.value),
    );
  return { cloudflare: values(cloudflareMatches), netlify: values(netlifyMatches) };
}

/** The one Cache-Control `path` gets; fails when a host would see none or several. */
function policyFor(path: string): string {
  const { cloudflare, netlify } = cacheControl(path);
  expect(cloudflare, `${path} on Cloudflare Pages`).toHaveLength(1);
  expect(netlify, `${path} on Netlify`).toEqual(cloudflare);
  return cloudflare[0]!;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';
const maxAge = (policy: string) => Number(/max-age=(\d+)/.exec(policy)?.[1]);

describe('public/_headers', () => {
  it('is well-formed for Netlify and Cloudflare Pages', () => {
    expect(RULES.length).toBeGreaterThan(0);
    expect(RULES.length, 'Cloudflare allows 100 rules').toBeLessThanOrEqual(100);
    for (const rule of RULES) {
      expect(rule.headers.length, `${rule.path} (line ${rule.line}) sets no header`).toBeGreaterThan(0);
      expect(rule.path.split('*').length - 1, `${rule.path}: Cloudflare allows one splat`).toBeLessThanOrEqual(1);
      const cacheControls = rule.headers.filter((header) => header.name.toLowerCase() === 'cache-control');
      expect(cacheControls.length, `${rule.path}: one Cache-Control per rule`).toBeLessThanOrEqual(1);
      for (const { value } of cacheControls) expect(value).toMatch(/^public, max-age=\d+(, (immutable|must-revalidate))?$/);
    }
    for (const line of TEXT.split('\n')) expect(line.length).toBeLessThan(2000);
    expect(new Set(RULES.map((rule) => rule.path)).size, 'each path once').toBe(RULES.length);
  });

  it('caches hashed build assets and Pagefind chunks for a year, immutable', () => {
    for (const path of [
      '/_astro/BaseLayout.AWmjTyZz.css',
      '/_astro/Search.astro_astro_type_script_index_0_lang.BkBe1d5S.js',
      '/pagefind/fragment/en_138d9f4.pf_fragment',
      '/pagefind/index/en_1e286b1.pf_index',
      '/pagefind/filter/en_20179ae.pf_filter',
      '/pagefind/pagefind.en_15a3c44ebb.pf_meta',
      '/pagefind/archive/fragment/en_138d9f4.pf_fragment',
      '/pagefind/archive/index/en_1e286b1.pf_index',
      '/pagefind/archive/filter/en_20179ae.pf_filter',
      '/pagefind/archive/pagefind.en_15a3c44ebb.pf_meta',
    ]) {
      expect(policyFor(path), path).toBe(IMMUTABLE);
    }
  });

  it('caches Pagefind files that keep their names only briefly', () => {
    for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-ui.js', '/pagefind/pagefind-ui.css', '/pagefind/wasm.en.pagefind']) {
      const policy = policyFor(path);
      expect(policy, path).not.toContain('immutable');
      expect(maxAge(policy), path).toBeLessThanOrEqual(3600);
    }
    expect(policyFor('/pagefind/pagefind-entry.json')).toBe(REVALIDATE);
    expect(policyFor('/pagefind/archive/pagefind-entry.json')).toBe(REVALIDATE);
    expect(policyFor('/pagefind/archive/pagefind.js')).not.toContain('immutable');
  });

  it('revalidates HTML pages and feeds on every request', () => {
    for (const path of [
      '/',
      '/index.html',
      '/404.html',
      '/papers/the-road-less-scheduled/',
      '/digests/2026-03-14/',
      '/digests/',
      '/digests/2025/',
      '/weeks/',
      '/weeks/2026-W10/',
      '/weeks/2026-W10/2/',
      '/weeks/2026-W10/email.html',
      '/weeks/rss.xml',
      '/months/',
      '/months/2026-03/',
      '/months/2026-03/2/',
      '/topics/agents/',
      '/topics/agents/2/',
      '/search/',
      '/rss.xml',
      '/digests/rss.xml',
      '/topics/agents/rss.xml',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
    ]) {
      expect(policyFor(path), path).toBe(REVALIDATE);
    }
  });
});

/** Every header other than Cache-Control that `path` gets, by lower-case name, on each host. */
function otherHeaders(path: string, matches: (pattern: string, path: string) => boolean): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const rule of RULES.filter((candidate) => matches(candidate.path, path))) {
    for (const { name, value } of rule.headers) {
      if (name.toLowerCase() === 'cache-control') continue;
      found.set(name.toLowerCase(), [...(found.get(name.toLowerCase()) ?? []), value]);
    }
  }
  return found;
}

const SECURITY_HEADERS = new Map([
  ['x-content-type-options', ['nosniff']],
  ['referrer-policy', ['strict-origin-when-cross-origin']],
  // Pages carry the rest of the policy in a <meta>; frame-ancestors only works as a header.
  ['content-security-policy', ["frame-ancestors 'none'"]],
]);

describe('public/_headers security headers', () => {
  it('every kind of file gets nosniff, the referrer policy and frame-ancestors once, on both hosts', () => {
    for (const path of ['/', '/index.html', '/404.html', '/papers/x/', '/topics/agents/2/', '/search/', '/rss.xml', '/_astro/a.B1c2D3e4.css', '/pagefind/pagefind.js', '/favicon.svg']) {
      expect(otherHeaders(path, cloudflareMatches), `${path} on Cloudflare Pages`).toEqual(SECURITY_HEADERS);
      expect(otherHeaders(path, netlifyMatches), `${path} on Netlify`).toEqual(SECURITY_HEADERS);
    }
  });
});

describe('public/_headers against a build', () => {
  const dist = inject('builds').fixture;
  const files = (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dist, join(entry.parentPath, entry.name)).split('\\').join('/')}`)
    .filter((path) => path !== '/_headers');

  it('is copied into the build', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(TEXT);
  });

  it('gives every file (and every directory URL) exactly one Cache-Control', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const paths = file.endsWith('/index.html') ? [file, file.slice(0, -'index.html'.length)] : [file];
      for (const path of paths) {
        const policy = policyFor(path);
        if (path.endsWith('.html') || path.endsWith('/') || path.endsWith('.xml')) expect(policy, path).toBe(REVALIDATE);
        expect(otherHeaders(path, cloudflareMatches), path).toEqual(SECURITY_HEADERS);
      }
    }
  });

  it('marks immutable only files whose names carry a content hash', () => {
    for (const file of files) {
      if (policyFor(file) !== IMMUTABLE) continue;
      const name = file.split('/').at(-1)!;
      const hash = /[._]([A-Za-z0-9_-]{7,})\.[a-z_]+$/.exec(name)?.[1];
      expect(hash, file).toBeDefined();
      // Vite's hashes are base64url (filters.uPdcEGDJ.js), Pagefind's hex (en_459f5ae.pf_index): a digit or a capital, unlike a word.
      expect(hash, `${file}: a hash, not a word`).toMatch(/[\dA-Z]/);
    }
    // The Pagefind entry file is not hashed: it must not be immutable.
    expect(files).toContain('/pagefind/pagefind-entry.json');
  });
});

import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';

export interface Asset {
  url: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  name: string;
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Of the HTML: inline <style> elements. */
  inlineCssBytes: number;
  /** Of the HTML: inline scripts that run (not JSON-LD or other data blocks). */
  inlineJsBytes: number;
  /** Of the HTML: <script type="application/ld+json"> (data, not JavaScript). */
  jsonLdBytes: number;
  stylesheets: Asset[];
  /** Scripts the page loads (src=, and their static imports). */
  scripts: Asset[];
  /** HTML + stylesheets. */
  htmlCssBytes: number;
  htmlCssGzipBytes: number;
  /** Script files + inline scripts that run. */
  jsBytes: number;
  jsGzipBytes: number;
}

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const DATA_SCRIPT = /^(application\/(ld\+)?json|importmap|speculationrules|text\/(plain|template))$/i;

async function asset(outDir: string, url: string): Promise<{ asset: Asset; text: string } | undefined> {
  const pathname = new URL(url, 'http://site.invalid/').pathname;
  try {
    const data = await readFile(join(outDir, decodeURIComponent(pathname)));
    return { asset: { url: pathname, bytes: data.length, gzipBytes: gz(data) }, text: data.toString('utf8') };
  } catch {
    return undefined;
  }
}

/** Relative and root-relative static imports of an ES module (`import … from "x"`, `import "x"`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/g)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.') || specifier.startsWith('/')) found.add(specifier);
  }
  return [...found];
}

/**
 * What a page costs a reader on first visit: its HTML, the stylesheets it
 * links, and the scripts it loads (with their static imports), raw and gzipped.
 */
export async function pageWeight(outDir: string, name: string, path: string): Promise<PageWeight | undefined> {
  const file = join(outDir, path.endsWith('/') ? `${path}index.html` : path);
  let html: Buffer;
  try {
    html = await readFile(file);
  } catch {
    return undefined;
  }
  const $ = load(html.toString('utf8'));
  const base = `http://site.invalid${path}`;
  const resolveUrl = (href: string) => new URL(href, base).pathname;

  const stylesheets: Asset[] = [];
  for (const element of $('link[rel~="stylesheet"][href]').toArray()) {
    const found = await asset(outDir, resolveUrl($(element).attr('href')!));
    if (found) stylesheets.push(found.asset);
  }
  const inlineCssBytes = $('style')
    .toArray()
    .reduce((sum, element) => sum + Buffer.byteLength($(element).html() ?? ''), 0);

  let inlineJsBytes = 0;
  let jsonLdBytes = 0;
  const scripts: Asset[] = [];
  const queue: string[] = [];
  for (const element of $('script').toArray()) {
    const type = ($(element).attr('type') ?? '').trim();
    const src = $(element).attr('src');
    if (DATA_SCRIPT.test(type)) {
      jsonLdBytes += Buffer.byteLength($(element).html() ?? '');
    } else if (src) {
      queue.push(resolveUrl(src));
    } else {
      const code = $(element).html() ?? '';
      inlineJsBytes += Buffer.byteLength(code);
      for (const specifier of staticImports(code)) queue.push(resolveUrl(specifier));
    }
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const found = await asset(outDir, url);
    if (!found) continue;
    scripts.push(found.asset);
    for (const specifier of staticImports(found.text)) queue.push(posix.resolve(posix.dirname(url), specifier));
  }

  const sum = (assets: Asset[], key: 'bytes' | 'gzipBytes') => assets.reduce((total, item) => total + item[key], 0);
  const inlineJs = $('script')
    .toArray()
    .filter((element) => !$(element).attr('src') && !DATA_SCRIPT.test(($(element).attr('type') ?? '').trim()))
    .map((element) => $(element).html() ?? '')
    .join('\n');
  return {
    name,
    path,
    htmlBytes: html.length,
    htmlGzipBytes: gz(html),
    inlineCssBytes,
    inlineJsBytes,
    jsonLdBytes,
    stylesheets,
    scripts,
    htmlCssBytes: html.length + sum(stylesheets, 'bytes'),
    htmlCssGzipBytes: gz(html) + sum(stylesheets, 'gzipBytes'),
    jsBytes: sum(scripts, 'bytes') + inlineJsBytes,
    jsGzipBytes: sum(scripts, 'gzipBytes') + (inlineJsBytes > 0 ? gz(inlineJs) : 0),
  };
}

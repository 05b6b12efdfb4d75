import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';

/** A built page, parsed. `path` is the URL path, e.g. `/papers/x/`. */
export function loadPage(dist: string, path: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(fileForPath(dist, path), 'utf8'));
}

/** The file a static host serves for a URL path (directory URLs serve index.html). */
export function fileForPath(dist: string, path: string): string {
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  return clean.endsWith('/') ? join(dist, clean, 'index.html') : join(dist, clean);
}

export function pathExists(dist: string, path: string): boolean {
  const file = fileForPath(dist, path);
  return existsSync(file) && statSync(file).isFile();
}

/** Every HTML page of the site in a build, as URL paths (newsletters are not site pages). */
export function htmlPages(dist: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html') && name !== 'email.html') pages.push(`/${relative(dist, full).replace(/index\.html$/, '')}`);
    }
  };
  walk(dist);
  return pages.sort();
}

/**
 * Every HTML file of the fixture build passes html-validate's standard rules:
 * valid HTML and the accessibility checks the standard implies.
 *
 * Why `html-validate:standard` and not `:recommended`: recommended adds house
 * style (an upper-case DOCTYPE, <tbody> around every row, no style attributes, a
 * `type` on every button) that changes nothing a reader or a browser sees, and it
 * flags aria-label on lists, which ARIA 1.2 allows (a list may be named).
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';

const { fixture } = inject('builds');

const SITE_PAGES: ConfigData = { extends: ['html-validate:standard'] };

/**
 * Email digests are laid out with tables for mail clients, which read the old
 * presentational table attributes and ignore CSS layout; only these are allowed.
 */
const EMAIL_PAGES: ConfigData = {
  extends: ['html-validate:standard'],
  elements: [
    'html5',
    {
      table: { attributes: { width: { deprecated: false }, cellpadding: { deprecated: false }, cellspacing: { deprecated: false }, border: { deprecated: false } } },
      td: { attributes: { align: { deprecated: false }, width: { deprecated: false } } },
    },
  ],
};

function htmlFiles(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function problems(validator: HtmlValidate, file: string): Promise<string[]> {
  const report = await validator.validateString(readFileSync(file, 'utf8'), file);
  return report.results.flatMap((result) =>
    result.messages.map((message) => `${relative(fixture, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
  );
}

describe('html-validate over the fixture build', () => {
  const files = htmlFiles(fixture);
  const emails = files.filter((file) => file.endsWith('/email.html'));
  const pages = files.filter((file) => !file.endsWith('/email.html'));

  it('finds every kind of page', () => {
    const paths = pages.map((file) => `/${relative(fixture, file)}`);
    for (const kind of ['/index.html', '/404.html', '/search/index.html', '/subscribe/index.html', '/topics/alpha/2/index.html', '/papers/math-in-abstracts/index.html', '/digests/2026-03-14/index.html']) {
      expect(paths).toContain(kind);
    }
    expect(emails.length).toBeGreaterThan(0);
  });

  it('site pages pass the standard rules', async () => {
    const validator = new HtmlValidate(SITE_PAGES);
    const found = (await Promise.all(pages.map((file) => problems(validator, file)))).flat();
    expect(found).toEqual([]);
  });

  it('email digests pass the standard rules, their table attributes allowed', async () => {
    const validator = new HtmlValidate(EMAIL_PAGES);
    const found = (await Promise.all(emails.map((file) => problems(validator, file)))).flat();
    expect(found).toEqual([]);
  });

  it('the checks can fail: an aria-label on a plain span and an unknown table attribute are errors', async () => {
    const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
    const site = await new HtmlValidate(SITE_PAGES).validateString(page('<span aria-label="Rank 1">1</span>'));
    expect(site.results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('aria-label-misuse');
    const email = await new HtmlValidate(EMAIL_PAGES).validateString(page('<table bgcolor="#fff"><tr><td>x</td></tr></table>'));
    expect(email.valid).toBe(false);
  });
});

import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Digest } from './site-model.ts';
import { absoluteUrl, paths } from './urls.ts';
import { formatCount, formatDate } from './format.ts';
import { excerpt } from './markdown.ts';
import { siteConfig } from '../site.config.ts';

/** Short enough that 70 papers keep a newsletter well under mail clients' ~100 KB clipping. */
const EMAIL_EXCERPT = 220;

const style = {
  body: 'margin:0;padding:0;background:#f4f5f7;',
  outer: 'width:100%;background:#f4f5f7;',
  inner: 'width:100%;max-width:640px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;',
  cell: 'padding:16px 24px;border-bottom:1px solid #e2e2e2;',
  title: 'font-size:17px;line-height:1.35;font-weight:bold;color:#1a56b8;text-decoration:underline;',
  text: 'margin:6px 0 0;font-size:14px;line-height:1.5;color:#333333;',
  meta: 'margin:6px 0 0;font-size:12px;color:#666666;',
  link: 'color:#1a56b8;',
};

/**
 * A digest as a self-contained newsletter: a table layout with inline styles
 * (what mail clients keep), absolute links, no scripts, no external CSS. Built
 * as a HTML tree, so every title and excerpt is escaped by the serializer.
 */
export function digestEmailHtml(digest: Digest, site: URL | string): string {
  const heading = `Papers of ${formatDate(digest.date)}`;
  const webUrl = absoluteUrl(paths.digest(digest.date), site);
  const rows = digest.items.map(({ paper, rank, upvotes }) => {
    const meta = [`#${rank}`, upvotes !== undefined ? formatCount(upvotes, 'upvote', 'upvotes') : '', paper.topics.map((t) => t.name).join(', ')]
      .filter(Boolean)
      .join(' · ');
    return h('tr', [
      h('td', { style: style.cell }, [
        h('a', { href: absoluteUrl(paths.paper(paper.slug), site), style: style.title }, paper.titleText),
        h('p', { style: style.text }, excerpt(paper.abstractText, EMAIL_EXCERPT)),
        h('p', { style: style.meta }, [meta, ...(paper.codeUrl ? [' · ', h('a', { href: paper.codeUrl, style: style.link }, 'Code')] : [])]),
      ]),
    ]);
  });
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: siteConfig.language }, [
      h('head', [
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', `${heading} · ${siteConfig.title}`),
      ]),
      h('body', { style: style.body }, [
        h('table', { role: 'presentation', width: '100%', cellpadding: 0, cellspacing: 0, border: 0, style: style.outer }, [
          h('tr', [
            h('td', { align: 'center', style: 'padding:16px 8px;' }, [
              h('table', { role: 'presentation', width: 640, cellpadding: 0, cellspacing: 0, border: 0, style: style.inner }, [
                h('tr', [
                  h('td', { style: 'padding:24px 24px 8px;' }, [
                    h('p', { style: 'margin:0;font-size:13px;color:#666666;' }, siteConfig.title),
                    h('h1', { style: 'margin:4px 0 0;font-size:22px;line-height:1.3;' }, heading),
                    h('p', { style: style.meta }, [
                      `${formatCount(digest.items.length, 'paper', 'papers')} · `,
                      h('a', { href: webUrl, style: style.link }, 'Read on the web'),
                    ]),
                  ]),
                ]),
                ...rows,
                h('tr', [
                  h('td', { style: 'padding:16px 24px;font-size:12px;color:#666666;' }, [
                    `${siteConfig.title}: ${siteConfig.tagline}. `,
                    h('a', { href: absoluteUrl(paths.subscribe(), site), style: style.link }, 'Feeds and subscriptions'),
                  ]),
                ]),
              ]),
            ]),
          ]),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree);
}

/** The newsletter's plain-text twin, for the text/plain part of a multipart mail. */
export function digestEmailText(digest: Digest, site: URL | string): string {
  const heading = `Papers of ${formatDate(digest.date)}`;
  const lines = [`${siteConfig.title}: ${heading}`, `${formatCount(digest.items.length, 'paper', 'papers')}. On the web: ${absoluteUrl(paths.digest(digest.date), site)}`, ''];
  for (const { paper, rank } of digest.items) {
    lines.push(`${rank}. ${paper.titleText}`, `   ${absoluteUrl(paths.paper(paper.slug), site)}`);
    if (paper.codeUrl) lines.push(`   Code: ${paper.codeUrl}`);
    lines.push(`   ${excerpt(paper.abstractText, EMAIL_EXCERPT)}`, '');
  }
  lines.push(`-- `, `${siteConfig.title}: ${siteConfig.tagline}. Feeds: ${absoluteUrl(paths.subscribe(), site)}`);
  return `${lines.join('\n')}\n`;
}

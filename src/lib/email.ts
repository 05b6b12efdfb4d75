import type { APIRoute } from 'astro';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { absoluteUrl, paths } from './urls.ts';
import { formatCount } from './format.ts';
import { excerpt } from './markdown.ts';
import { siteConfig } from '#/site.config.ts';
import type { Newsletter } from './views/newsletter.ts';
import { pageKey } from './views/page-key.ts';

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
 * A newsletter as a self-contained HTML email: a table layout with inline styles
 * (what mail clients keep), absolute links, no scripts, no external CSS. Built
 * as a HTML tree, so every title and excerpt is escaped by the serializer.
 */
export function newsletterHtml(newsletter: Newsletter, site: URL | string): string {
  const { heading } = newsletter;
  const webUrl = absoluteUrl(newsletter.webPath, site);
  const rows = newsletter.items.map((item) => {
    const meta = [`#${item.position}`, item.upvotes !== undefined ? formatCount(item.upvotes, 'upvote', 'upvotes') : '', item.topicNames.join(', ')]
      .filter(Boolean)
      .join(' · ');
    return h('tr', [
      h('td', { style: style.cell }, [
        h('a', { href: absoluteUrl(paths.paper(item.slug), site), style: style.title }, item.title),
        h('p', { style: style.text }, excerpt(item.text, EMAIL_EXCERPT)),
        h('p', { style: style.meta }, [meta, ...(item.codeUrl ? [' · ', h('a', { href: item.codeUrl, style: style.link }, 'Code')] : [])]),
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
                      `${newsletter.summary} · `,
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
export function newsletterText(newsletter: Newsletter, site: URL | string): string {
  const lines = [`${siteConfig.title}: ${newsletter.heading}`, `${newsletter.summary}. On the web: ${absoluteUrl(newsletter.webPath, site)}`, ''];
  for (const item of newsletter.items) {
    lines.push(`${item.position}. ${item.title}`, `   ${absoluteUrl(paths.paper(item.slug), site)}`);
    if (item.codeUrl) lines.push(`   Code: ${item.codeUrl}`);
    lines.push(`   ${excerpt(item.text, EMAIL_EXCERPT)}`, '');
  }
  lines.push(`-- `, `${siteConfig.title}: ${siteConfig.tagline}. Feeds: ${absoluteUrl(paths.subscribe(), site)}`);
  return `${lines.join('\n')}\n`;
}

/** Each newsletter is published as `email.html` and its plain-text twin `email.txt`. */
const formats = {
  html: { render: newsletterHtml, type: 'text/html; charset=utf-8' },
  txt: { render: newsletterText, type: 'text/plain; charset=utf-8' },
};
export type NewsletterFormat = keyof typeof formats;
export const newsletterFormats = Object.keys(formats) as NewsletterFormat[];

/**
 * The static paths of newsletter endpoints (`email.html`, `email.txt`): each
 * newsletter in every format, its cache key its view's (src/lib/views/page-key.ts).
 */
export function newsletterPaths<Params extends Record<string, string>>(newsletters: ReadonlyArray<{ params: Params; newsletter: Newsletter }>) {
  return newsletters.flatMap(({ params, newsletter }) => {
    // One key for both formats: they lay out the same view, and hashing it is most of what an unchanged page costs.
    const cacheKey = pageKey(newsletter);
    return newsletterFormats.map((format) => ({ params: { ...params, format }, props: { newsletter, format }, cacheKey }));
  });
}

/** A newsletter endpoint's GET, for the props of {@link newsletterPaths}. */
export const serveNewsletter: APIRoute<{ newsletter: Newsletter; format: NewsletterFormat }> = ({ props, site }) => {
  const { newsletter, format } = props;
  const { render, type } = formats[format];
  return new Response(render(newsletter, site!), { headers: { 'Content-Type': type } });
};

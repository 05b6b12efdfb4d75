import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import type { Digest, Paper, SiteModel } from './site-model.ts';
import { absoluteUrl, href, paths } from './urls.ts';
import { dateOfIso } from './dates.ts';
import { dayAfter, isOver } from './periods.ts';
import { periodRankings, type PeriodRanking } from './rankings.ts';
import { digestTitle, rankingTitle } from './format.ts';
import { excerpt } from './markdown.ts';
import { siteConfig } from '#/site.config.ts';
import type { FeedLink } from './opml.ts';
import { imageType, thumbnailSrc } from './thumbnails.ts';

/** Characters XML 1.0 forbids outright; a feed containing one is rejected by every parser. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const xmlSafe = (text: string) => text.replace(XML_ILLEGAL, '');

/**
 * Readers treat <description> as HTML, so plain text goes in HTML-escaped:
 * `<SEG>` then shows as text instead of vanishing as an unknown tag.
 */
const htmlText = (text: string) => xmlSafe(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

const escapeXml = (text: string) =>
  xmlSafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export interface FeedSpec {
  title: string;
  description: string;
  /** Path of the feed itself (for atom:link rel=self). */
  path: string;
  /** Path of the page the feed stands for. */
  pagePath: string;
  items: RSSFeedItem[];
}

/**
 * The channel as @astrojs/rss takes it, with language, lastBuildDate and a self link.
 * lastBuildDate is the newest item's day, not the clock: a rebuild of the same
 * content gives the same bytes, so caches and readers see no false change.
 */
function feedOptions(spec: FeedSpec, site: URL): RSSOptions {
  const lastChange = spec.items.reduce<Date | undefined>(
    (latest, item) => (item.pubDate && (!latest || item.pubDate > latest) ? item.pubDate : latest),
    undefined,
  );
  return {
    title: xmlSafe(spec.title),
    description: xmlSafe(spec.description),
    site: absoluteUrl(spec.pagePath, site),
    items: spec.items,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(siteConfig.language)}</language>`,
      ...(lastChange ? [`<lastBuildDate>${lastChange.toUTCString()}</lastBuildDate>`] : []),
      `<atom:link href="${escapeXml(absoluteUrl(spec.path, site))}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  };
}

/**
 * A feed as its endpoint serves it. A browser shows it styled by rss.css (CSS:
 * browsers are removing XSLT). @astrojs/rss writes a stylesheet instruction
 * without its type for anything but XSLT, so the instruction is added here.
 */
export async function feedResponse(spec: FeedSpec, site: URL): Promise<Response> {
  const xml = await getRssString(feedOptions(spec, site));
  const declaration = /^<\?xml [^?]*\?>/.exec(xml);
  if (!declaration) throw new Error('@astrojs/rss no longer starts a feed with an XML declaration');
  const stylesheet = `<?xml-stylesheet type="text/css" href="${escapeXml(href('rss.css'))}"?>`;
  return new Response(`${declaration[0]}${stylesheet}${xml.slice(declaration[0].length)}`, {
    headers: { 'Content-Type': 'application/xml' },
  });
}

/**
 * A paper as a feed item: its permalink as link and guid, the day it trended as
 * pubDate, and its thumbnail (when thumbnails are on) as an image enclosure.
 * The source gives no file size: RSS readers take 0 as unknown.
 */
export function paperItem(paper: Paper, site: URL): RSSFeedItem {
  const day = paper.lastSeen;
  const thumbnail = thumbnailSrc(paper.data.thumbnail);
  return {
    title: xmlSafe(paper.titleText),
    link: absoluteUrl(paths.paper(paper.slug), site),
    ...(day ? { pubDate: dateOfIso(day) } : {}),
    description: htmlText(paper.abstractText),
    content: xmlSafe(paper.abstractHtml),
    categories: paper.topics.map((topic) => xmlSafe(topic.name)),
    ...(thumbnail ? { enclosure: { url: thumbnail, length: 0, type: imageType(thumbnail) } } : {}),
  };
}

/** Papers as an item's HTML content: each one's title, linked, its place and its abstract's first lines. */
function paperListHtml(papers: ReadonlyArray<{ paper: Paper; position: number }>, site: URL): string {
  const list = papers
    .map(({ paper, position }) => {
      const link = escapeXml(absoluteUrl(paths.paper(paper.slug), site));
      return `<li><p><a href="${link}">${paper.titleHtml}</a> (#${position})<br/>${escapeXml(excerpt(paper.abstractText, 200))}</p></li>`;
    })
    .join('');
  return `<ol>${list}</ol>`;
}

/** A whole digest as one item: the feed for one email a day. */
export function digestItem(digest: Digest, site: URL): RSSFeedItem {
  return {
    title: digestTitle(digest.date),
    link: absoluteUrl(paths.digest(digest.date), site),
    pubDate: dateOfIso(digest.date),
    description: htmlText(`${digest.items.length} papers: ${digest.items.map(({ paper }) => paper.titleText).join('; ')}`),
    content: paperListHtml(digest.items.map(({ paper, rank }) => ({ paper, position: rank })), site),
  };
}

/** A finished week as one item, its top papers as content: the weekly newsletter's feed. Dated the Monday after. */
export function weekItem({ period, ranking }: PeriodRanking, site: URL): RSSFeedItem {
  const top = ranking.slice(0, WEEKLY_TOP);
  return {
    title: rankingTitle(period),
    link: absoluteUrl(paths.period(period), site),
    pubDate: dateOfIso(dayAfter(period.end)),
    description: htmlText(`The top ${top.length} of ${ranking.length} papers: ${top.map(({ paper }) => paper.titleText).join('; ')}`),
    content: paperListHtml(top.map(({ paper }, index) => ({ paper, position: index + 1 })), site),
  };
}

/** What each feed is called wherever it is named: its channel, autodiscovery links, /subscribe/ and the OPML. */
export const feedTitle = {
  site: () => siteConfig.title,
  digests: () => `${siteConfig.title}: daily digests`,
  weeks: () => `${siteConfig.title}: top papers of the week`,
  topic: (name: string) => `${siteConfig.title}: ${name}`,
};

/** Every feed the site offers, site-wide ones first: for /subscribe/ and the OPML list. */
export function allFeeds(model: SiteModel, site: URL): Array<FeedLink & { label: string }> {
  const link = (label: string, title: string, path: string, pagePath: string) => ({
    label,
    title,
    xmlUrl: absoluteUrl(path, site),
    htmlUrl: absoluteUrl(pagePath, site),
  });
  return [
    link('Latest papers', feedTitle.site(), paths.feed(), paths.home()),
    link('Daily digests', feedTitle.digests(), paths.digestsFeed(), paths.digests()),
    link('Weekly top papers', feedTitle.weeks(), paths.weeksFeed(), paths.periods('week')),
    ...model.topics.map((topic) => link(topic.name, feedTitle.topic(topic.name), paths.topicFeed(topic.id), paths.topic(topic.id))),
  ];
}

export function siteFeed(model: SiteModel, site: URL): FeedSpec {
  return {
    title: feedTitle.site(),
    description: siteConfig.description,
    path: paths.feed(),
    pagePath: paths.home(),
    items: model.papersByRecency.slice(0, siteConfig.feedItems).map((paper) => paperItem(paper, site)),
  };
}

export function topicFeed(model: SiteModel, topicId: string, site: URL): FeedSpec {
  const topic = model.topicsById.get(topicId)!;
  return {
    title: feedTitle.topic(topic.name),
    description: topic.description,
    path: paths.topicFeed(topic.id),
    pagePath: paths.topic(topic.id),
    items: topic.papers.slice(0, siteConfig.feedItems).map((paper) => paperItem(paper, site)),
  };
}

export function digestsFeed(model: SiteModel, site: URL): FeedSpec {
  return {
    title: feedTitle.digests(),
    description: `One item a day with the whole digest: ${siteConfig.description}`,
    path: paths.digestsFeed(),
    pagePath: paths.digests(),
    items: model.digests.slice(0, siteConfig.feedItems).map((digest) => digestItem(digest, site)),
  };
}

/** Papers in a week's feed item and newsletter. */
export const WEEKLY_TOP = 10;

/**
 * One item per finished week, newest first (see {@link isOver}: a week is over
 * once a later day has a digest, so the feed depends on the content only).
 */
export function weeksFeed(model: SiteModel, site: URL): FeedSpec {
  const newest = model.digests[0]?.date;
  return {
    title: feedTitle.weeks(),
    description: `One item a week, when the week is over, with its ${WEEKLY_TOP} most upvoted papers: ${siteConfig.description}`,
    path: paths.weeksFeed(),
    pagePath: paths.periods('week'),
    items: periodRankings(model, 'week')
      .filter(({ period }) => isOver(period, newest))
      .slice(0, siteConfig.feedItems)
      .map((week) => weekItem(week, site)),
  };
}

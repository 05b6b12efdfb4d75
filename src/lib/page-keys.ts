import type { Digest, Paper, SiteModel, TopicWithPapers } from './site-model.ts';
import type { FeedSpec } from './feeds.ts';
import { cacheKey } from './cache-key.ts';
import { digestCardViews, topicCardView } from './views/paper-card.ts';
import { thumbnails } from './thumbnails.ts';

/** How a page shows another paper: a link with its title. */
const link = (paper: Paper | undefined) => paper && [paper.slug, paper.data.title];

/** Everything a paper page shows: its own data, days, topics, related papers and neighbours. */
export function paperPageKey(site: SiteModel, paper: Paper): string {
  const { previous, next } = site.neighbours(paper);
  return cacheKey({
    thumbnails: thumbnails.on,
    data: paper.data,
    abstract: paper.abstractHtml,
    topics: paper.topics,
    appearances: paper.appearances.map((appearance) => [appearance.digest.date, appearance.rank, appearance.upvotes]),
    related: site.related(paper).map(link),
    previous: link(previous),
    next: link(next),
  });
}

/** Everything a digest page shows: the cards it lays out (src/lib/views/paper-card.ts) and the days around it. */
export function digestPageKey(digest: Digest): string {
  return cacheKey({ date: digest.date, cards: digestCardViews(digest), older: digest.older?.date, newer: digest.newer?.date });
}

/** Everything a topic page shows: the topic, how many papers it has, the cards of this page and the pager. */
export function topicPageKey(topic: TopicWithPapers, page: { currentPage: number; lastPage: number; start: number; data: readonly Paper[] }): string {
  return cacheKey({
    topic: [topic.id, topic.name, topic.description],
    papers: topic.papers.length,
    page: [page.currentPage, page.lastPage, page.start],
    cards: page.data.map(topicCardView),
  });
}

/** A feed says exactly what its spec holds (src/lib/feeds.ts). */
export const feedKey = (feed: FeedSpec): string => cacheKey(feed);

import type { Digest, Paper, SiteModel, TopicWithPapers } from './site-model.ts';
import type { FeedSpec } from './feeds.ts';
import { cacheKey } from './cache-key.ts';
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

/** Everything a digest page (and its newsletter) shows: its papers' cards and the days around it. */
export function digestPageKey(digest: Digest): string {
  return cacheKey({
    thumbnails: thumbnails.on,
    date: digest.date,
    items: digest.items.map(({ paper, rank, upvotes }) => [
      rank,
      upvotes,
      paper.slug,
      paper.data.title,
      paper.excerpt,
      paper.abstractText.length,
      paper.codeUrl,
      paper.topics,
      paper.data.thumbnail,
    ]),
    older: digest.older?.date,
    newer: digest.newer?.date,
  });
}

/** How a topic page's card shows a paper (src/components/PaperCard.astro with its date). */
const card = (paper: Paper) => [paper.slug, paper.data.title, paper.appearances[0]?.digest.date, paper.codeUrl, paper.excerpt, paper.topics];

/** Everything a topic page shows: the topic, how many papers it has, this page's papers and the pager. */
export function topicPageKey(topic: TopicWithPapers, page: { currentPage: number; lastPage: number; start: number; data: readonly Paper[] }): string {
  return cacheKey({
    topic: [topic.id, topic.name, topic.description],
    papers: topic.papers.length,
    page: [page.currentPage, page.lastPage, page.start],
    cards: page.data.map(card),
  });
}

/** A feed says exactly what its spec holds (src/lib/feeds.ts). */
export const feedKey = (feed: FeedSpec): string => cacheKey(feed);

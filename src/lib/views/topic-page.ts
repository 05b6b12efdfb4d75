import type { Paper, TopicSummary, TopicWithPapers } from '#/lib/site-model.ts';
import { paths } from '#/lib/urls.ts';
import { feedTitle } from '#/lib/feeds.ts';
import { topicCardView, type PaperCardView } from './paper-card.ts';

/** One page of a topic's papers: everything /topics/<topic>/ (or /topics/<topic>/<n>/) shows. */
export interface TopicPageView {
  topic: Pick<TopicSummary, 'id' | 'name' | 'description'>;
  /** All of the topic's papers, on every page. */
  paperCount: number;
  currentPage: number;
  lastPage: number;
  /** The list number of this page's first paper, less one (Astro's page.start). */
  start: number;
  /** This page's papers, newest digest first, each with the day it last trended and the highest upvotes known. */
  cards: PaperCardView[];
  feed: { title: string; path: string };
}

/** A topic page's view from one page of Astro's paginate() over the topic's papers. */
export function topicPageView(
  topic: TopicWithPapers,
  page: { currentPage: number; lastPage: number; start: number; data: readonly Paper[] },
): TopicPageView {
  return {
    topic: { id: topic.id, name: topic.name, description: topic.description },
    paperCount: topic.papers.length,
    currentPage: page.currentPage,
    lastPage: page.lastPage,
    start: page.start,
    cards: page.data.map(topicCardView),
    feed: { title: feedTitle.topic(topic.name), path: paths.topicFeed(topic.id) },
  };
}

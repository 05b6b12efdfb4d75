import type { Digest, Paper } from '#/lib/site-model.ts';
import type { PeriodRanking } from '#/lib/rankings.ts';
import { paths } from '#/lib/urls.ts';
import { digestTitle, formatCount, rankingTitle } from '#/lib/format.ts';

/** One paper in a newsletter. */
export interface NewsletterItem {
  slug: string;
  title: string;
  /** The abstract as plain text; the newsletter shows its beginning. */
  text: string;
  codeUrl: string | undefined;
  topicNames: string[];
  /** Its place in the list: the digest's rank or the ranking's. */
  position: number;
  upvotes: number | undefined;
}

/** What a newsletter says, in either format: plain data, so a page's cache key can hash it. */
export interface Newsletter {
  heading: string;
  /** The page it stands for. */
  webPath: string;
  /** "12 papers", "Top 10 of 120 papers". */
  summary: string;
  items: NewsletterItem[];
}

const newsletterItem = (paper: Paper, position: number, upvotes: number | undefined): NewsletterItem => ({
  slug: paper.slug,
  title: paper.titleText,
  text: paper.abstractText,
  codeUrl: paper.codeUrl,
  topicNames: paper.topics.map((topic) => topic.name),
  position,
  upvotes,
});

/** A day's digest as a newsletter: every paper in digest order. */
export function digestNewsletter(digest: Digest): Newsletter {
  return {
    heading: digestTitle(digest.date),
    webPath: paths.digest(digest.date),
    summary: formatCount(digest.items.length, 'paper', 'papers'),
    items: digest.items.map(({ paper, rank, upvotes }) => newsletterItem(paper, rank, upvotes)),
  };
}

/** A week's or month's newsletter: the top of its ranking. */
export function periodNewsletter({ period, ranking }: PeriodRanking, top: number): Newsletter {
  return {
    heading: rankingTitle(period),
    webPath: paths.period(period),
    summary: `Top ${Math.min(top, ranking.length)} of ${formatCount(ranking.length, 'paper', 'papers')}`,
    items: ranking.slice(0, top).map(({ paper, upvotes }, index) => newsletterItem(paper, index + 1, upvotes)),
  };
}

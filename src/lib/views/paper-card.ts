import type { IsoDate } from '#/lib/dates.ts';
import type { Digest, Paper, TopicSummary } from '#/lib/site-model.ts';
import { knownUpvotes } from '#/lib/rankings.ts';
import { thumbnailSrc } from '#/lib/thumbnails.ts';

/** Everything a paper card shows (src/components/PaperCard.astro), as plain data a page's cache key can hash. */
export interface PaperCardView {
  slug: string;
  /** The title as plain text (for labels) and as HTML (its TeX rendered; see renderTitle). */
  title: string;
  titleHtml: string;
  excerpt: string;
  codeUrl: string | undefined;
  topics: Array<Pick<TopicSummary, 'id' | 'name'>>;
  /** Position in its list (a digest's rank, a ranking's place). */
  rank: number | undefined;
  upvotes: number | undefined;
  /** The day shown where papers of many days mix (topic pages). */
  date: IsoDate | undefined;
  /** The thumbnail's URL when this build shows thumbnails (the page decides whether its cards do). */
  thumbnail: string | undefined;
}

export function paperCardView(
  paper: Paper,
  { rank, upvotes, date }: { rank?: number | undefined; upvotes?: number | undefined; date?: IsoDate | undefined } = {},
): PaperCardView {
  return {
    slug: paper.slug,
    title: paper.titleText,
    titleHtml: paper.titleHtml,
    excerpt: paper.excerpt,
    codeUrl: paper.codeUrl,
    topics: paper.topics.map(({ id, name }) => ({ id, name })),
    rank,
    upvotes,
    date,
    thumbnail: thumbnailSrc(paper.data.thumbnail),
  };
}

/** A digest's cards in its order, each with the day's rank and upvotes. */
export const digestCardViews = (digest: Digest): PaperCardView[] =>
  digest.items.map(({ paper, rank, upvotes }) => paperCardView(paper, { rank, upvotes }));

/** A topic page's card: papers of many days, so with the paper's newest day and the highest upvotes known. */
export const topicCardView = (paper: Paper): PaperCardView =>
  paperCardView(paper, { upvotes: knownUpvotes(paper), date: paper.lastSeen });

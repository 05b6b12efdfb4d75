import type { IsoDate } from '../dates.ts';
import type { Paper, TopicSummary } from '../site-model.ts';
import { thumbnailSrc } from '../thumbnails.ts';

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

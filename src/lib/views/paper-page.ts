import type { IsoDate } from '#/lib/dates.ts';
import type { Paper, SiteModel, TopicSummary } from '#/lib/site-model.ts';
import { absoluteUrl, arxivAbsUrl, paths } from '#/lib/urls.ts';
import { paperLinks, tldrLabel, type PaperLink } from '#/lib/paper-links.ts';
import { thumbnailSrc } from '#/lib/thumbnails.ts';
import { digestTitle } from '#/lib/format.ts';
import { toBibtex } from '#/lib/bibtex.ts';
import { feedTitle } from '#/lib/feeds.ts';
import { paperDescription, scholarlyArticle } from '#/lib/structured-data.ts';

/** Another paper as a page links it: its slug and its title as HTML. */
export interface LinkedPaper {
  slug: string;
  titleHtml: string;
}

/** Everything /papers/<slug>/ shows (src/pages/papers/[slug].astro), as plain data its cache key hashes. */
export interface PaperPageView {
  slug: string;
  title: string;
  titleHtml: string;
  /** The meta description (meta, OpenGraph, JSON-LD): the abstract's beginning. */
  description: string;
  /** The thumbnail's URL when this build shows thumbnails (also the page's og:image). */
  thumbnail: string | undefined;
  authors: readonly string[] | undefined;
  published: IsoDate | undefined;
  organization: string | undefined;
  upvotes: number | undefined;
  submittedBy: string | undefined;
  /** In how many digests it appeared. */
  digestCount: number;
  topics: TopicSummary[];
  /** arXiv, Hugging Face, then the file's links, each with the count the source gives. */
  links: PaperLink[];
  tldr: { label: string; html: string } | undefined;
  abstractHtml: string;
  /** The digests it appeared in, newest first. */
  appearances: Array<{ date: IsoDate; rank: number; upvotes: number | undefined }>;
  categories: readonly string[] | undefined;
  bibtex: string;
  related: LinkedPaper[];
  /** The papers around it in its newest digest, named after that digest. */
  neighbours: { label: string; previous: LinkedPaper | undefined; next: LinkedPaper | undefined } | undefined;
  /** Its topics' feeds. */
  feeds: Array<{ title: string; path: string }>;
  jsonLd: Record<string, unknown>;
}

const linked = (paper: Paper | undefined): LinkedPaper | undefined => paper && { slug: paper.slug, titleHtml: paper.titleHtml };

/** The paper page's view, built from the site model; `origin` is the site's URL (SITE_URL), for BibTeX's link. */
export function paperPageView(site: SiteModel, paper: Paper, origin: URL): PaperPageView {
  const { data } = paper;
  const latest = paper.appearances[0];
  const { previous, next } = site.neighbours(paper);
  return {
    slug: paper.slug,
    title: paper.titleText,
    titleHtml: paper.titleHtml,
    description: paperDescription(paper),
    thumbnail: thumbnailSrc(data.thumbnail),
    authors: data.authors,
    published: data.published,
    organization: data.organization,
    upvotes: data.upvotes,
    submittedBy: data.submittedBy,
    digestCount: paper.appearances.length,
    topics: paper.topics,
    links: paperLinks(data),
    tldr: paper.tldrHtml === undefined ? undefined : { label: tldrLabel(data), html: paper.tldrHtml },
    abstractHtml: paper.abstractHtml,
    appearances: paper.appearances.map(({ digest, rank, upvotes }) => ({ date: digest.date, rank, upvotes })),
    categories: data.categories,
    bibtex: toBibtex({
      title: data.title,
      authors: data.authors,
      arxiv: data.arxiv,
      date: data.published ?? paper.firstSeen ?? '1970-01-01',
      url: data.arxiv ? arxivAbsUrl(data.arxiv) : absoluteUrl(paths.paper(paper.slug), origin),
    }),
    related: site.related(paper).map((other) => linked(other)!),
    neighbours: latest && (previous || next) ? { label: digestTitle(latest.digest.date), previous: linked(previous), next: linked(next) } : undefined,
    feeds: paper.topics.map((topic) => ({ title: feedTitle.topic(topic.name), path: paths.topicFeed(topic.id) })),
    jsonLd: scholarlyArticle(paper),
  };
}

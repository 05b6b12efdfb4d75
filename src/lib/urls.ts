import type { IsoDate } from './dates.ts';
import type { Period, PeriodKind } from './periods.ts';

/** The folder of each kind of period: /weeks/, /months/. */
export const periodFolder = { week: 'weeks', month: 'months' } as const;

/**
 * Every internal link goes through here so that a deploy under a sub-path
 * (BASE_PATH) works: paths are written without a leading slash and joined to
 * the base once.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

export const paths = {
  home: () => '',
  digests: () => 'digests/',
  /** An older year's calendar; the newest year's is /digests/ itself. */
  digestsYear: (year: number) => `digests/${year}/`,
  digest: (date: IsoDate) => `digests/${date}/`,
  digestEmail: (date: IsoDate, format: 'html' | 'txt') => `digests/${date}/email.${format}`,
  paper: (slug: string) => `papers/${slug}/`,
  topics: () => 'topics/',
  topic: (id: string, page = 1) => (page > 1 ? `topics/${id}/${page}/` : `topics/${id}/`),
  search: () => 'search/',
  about: () => 'about/',
  subscribe: () => 'subscribe/',
  opml: () => 'feeds.opml',
  feed: () => 'rss.xml',
  topicFeed: (id: string) => `topics/${id}/rss.xml`,
  digestsFeed: () => 'digests/rss.xml',
  /** /weeks/ or /months/: the list of periods. */
  periods: (kind: PeriodKind) => `${periodFolder[kind]}/`,
  /** A week's or month's ranking, page n: /weeks/2026-W10/, /months/2026-03/2/. */
  period: (period: Pick<Period, 'kind' | 'id'>, page = 1) =>
    `${periodFolder[period.kind]}/${period.id}/${page > 1 ? `${page}/` : ''}`,
  weekEmail: (weekId: string, format: 'html' | 'txt') => `weeks/${weekId}/email.${format}`,
  weeksFeed: () => 'weeks/rss.xml',
};

/** The site-relative URL of a path from `paths`. */
export function href(path: string): string {
  return `${base}${path}`;
}

/** The absolute URL, for feeds, canonical links and anything read off-site. */
export function absoluteUrl(path: string, site: URL | string): string {
  return new URL(href(path), site).href;
}

/** The paper's abstract page on arXiv. */
export const arxivAbsUrl = (arxiv: string) => `https://arxiv.org/abs/${arxiv}`;

/** The paper's PDF on arXiv. */
export const arxivPdfUrl = (arxiv: string) => `https://arxiv.org/pdf/${arxiv}`;

/** The paper's page on Hugging Face: upvotes, discussion, linked models and datasets. */
export const huggingFacePaperUrl = (arxiv: string) => `https://huggingface.co/papers/${arxiv}`;

/** Hugging Face's Daily Papers: the community's daily lists this site is made from. */
export const huggingFaceDailyPapersUrl = 'https://huggingface.co/papers';

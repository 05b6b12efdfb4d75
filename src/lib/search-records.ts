import type { Paper } from './site-model.ts';
import { paths } from './urls.ts';
import { formatMonth } from './format.ts';
import { arxivWithoutVersion } from './schemas.ts';
import { FIELDS, LIST_SEPARATOR } from './search-fields.ts';

/** One paper as Pagefind indexes it (the shape of Pagefind's `addCustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The organization a paper comes from, when its data names one: a name
 * ("Zhejiang University") or Hugging Face's organization object (its full name
 * and its handle, both searchable).
 */
function organizationOf(paper: Paper): string | undefined {
  const value: unknown = (paper.data as Record<string, unknown>).organization;
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') {
    const { fullname, name } = value as { fullname?: unknown; name?: unknown };
    const names = [fullname, name].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return [...new Set(names.map((part) => part.trim()))].join(LIST_SEPARATOR) || undefined;
  }
  return undefined;
}

/**
 * What search knows of a paper, straight from the data layer. The abstract is
 * the record's text (Pagefind's excerpt comes from it); what readers look a
 * paper up by is metadata, which Pagefind searches too and ranks with the
 * weights in search-fields.ts: title, authors (every one, full names), the
 * arXiv id without its version, keywords and organization. Date and upvotes
 * are shown and sorted by; topics, months and code are filters (a result shows
 * its topics from them).
 */
export function searchRecord(paper: Paper, language: string): SearchRecord {
  const latest = paper.lastSeen;
  const months = [...new Set(paper.appearances.map((appearance) => formatMonth(appearance.digest.date)))];
  const { authors, arxiv, keywords, upvotes } = paper.data;
  const organization = organizationOf(paper);
  const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(LIST_SEPARATOR) : undefined);
  const meta: Record<string, string | undefined> = {
    [FIELDS.title]: paper.titleText,
    [FIELDS.authors]: list(authors),
    [FIELDS.arxiv]: arxiv ? arxivWithoutVersion(arxiv) : undefined,
    [FIELDS.keywords]: list(keywords),
    [FIELDS.organization]: organization,
    [FIELDS.date]: latest,
    [FIELDS.upvotes]: upvotes !== undefined ? String(upvotes) : undefined,
  };
  return {
    // Relative to the site root, as Pagefind expects; the search page adds BASE_PATH through Pagefind's baseUrl.
    url: `/${paths.paper(paper.slug)}`,
    content: paper.abstractText,
    language,
    meta: Object.fromEntries(Object.entries(meta).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    filters: {
      ...(paper.topics.length > 0 ? { topic: paper.topics.map((topic) => topic.name) } : {}),
      ...(months.length > 0 ? { month: months } : {}),
      code: [paper.codeUrl ? 'yes' : 'no'],
    },
    // What the sorts order by (src/integrations/search/index-shards.ts): unlike the shown upvotes, never missing (none sort as 0).
    sort: { ...(latest ? { [FIELDS.date]: latest } : {}), [FIELDS.upvotes]: String(upvotes ?? 0) },
  };
}

/**
 * The fields of a search record that both sides read: the build writes them
 * (src/lib/search-records.ts) and the search page ranks and shows them
 * (src/scripts/search/). A leaf module, so the page's script imports no more
 * than these names.
 */

/** Lists inside one field (authors, keywords) are joined with a middle dot: names contain commas. */
export const LIST_SEPARATOR = ' · ';

/**
 * Metadata fields, each searched by Pagefind (its words are indexed) and shown in a result.
 * Topics are not among them: a result shows them from its filters, and topic names as words
 * ("learning", "reasoning") would add thousands of postings to the index chunks every
 * query for those words loads, for matches the abstracts and keywords already give.
 */
export const FIELDS = {
  title: 'title',
  authors: 'authors',
  arxiv: 'arxiv',
  keywords: 'keywords',
  organization: 'organization',
  date: 'date',
  upvotes: 'upvotes',
} as const;

/**
 * How much a query's match in each field counts (Pagefind's `ranking.metaWeights`;
 * the abstract, the record's content, counts by term frequency). Pagefind adds
 * weight × the matched words' rarity × (share of the query matched)² per field,
 * so a full title, arXiv id or author name outranks the same words in abstracts.
 * Dates and counts are shown, never ranked: weight 0 keeps "2025" or "12" from
 * ranking anything.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  [FIELDS.title]: 10,
  [FIELDS.arxiv]: 10,
  [FIELDS.authors]: 8,
  [FIELDS.keywords]: 4,
  [FIELDS.organization]: 3,
  [FIELDS.date]: 0,
  [FIELDS.upvotes]: 0,
};

/** Result orders besides best match, each by a value of the record's `sort` (highest first). */
export const SORTS = {
  date: { key: FIELDS.date, label: 'Newest first', numeric: false },
  upvotes: { key: FIELDS.upvotes, label: 'Most upvoted', numeric: true },
} as const;
export type SortName = keyof typeof SORTS;

/**
 * A sort's order in one shard of the index (src/integrations/search/index-shards.ts
 * writes it, the search page reads it): Pagefind's result ids, highest value
 * first, and the values as runs of equal ones ([value, how many ids], in the
 * same order), which order the results of several shards together.
 */
export interface SortOrder {
  ids: string[];
  runs: Array<[value: string | number, count: number]>;
}

/** The file of a sort's order, in each shard's bundle folder. */
export const sortFileName = (key: string) => `sort-${key}.json`;

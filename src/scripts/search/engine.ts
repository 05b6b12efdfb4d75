/**
 * Searching through Pagefind's JS API: its options for this site's index, the
 * one place where a sort reaches Pagefind and results are put in order, and
 * the check that every word of the query is in the results.
 */
import { FIELDS, FIELD_WEIGHTS, SORTS, type SortName } from '../../lib/search-fields.ts';
import { SHARD_FILTER } from '../../lib/search-shards.ts';
import { byShard, everyShard, mergeDescending } from './shards.ts';
import { searchWords } from './query.ts';
import type { SearchState } from './url-state.ts';

export type Counts = Record<string, Record<string, number>>;

/** A result's data, from its fragment: the abstract (content), its metadata and filters, and the excerpt with <mark>s. */
export interface ResultData {
  url: string;
  content?: string;
  excerpt?: string;
  meta?: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<ResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  /** For each filter value, the results that also have it (only for filters whose index is loaded). */
  filters: Counts;
}
interface PagefindOptions {
  filters: Record<string, { any: string[] }>;
  sort: Record<string, 'asc' | 'desc'>;
}
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options?: Partial<PagefindOptions>): Promise<PagefindResponse>;
  preload(term: string, options?: Partial<PagefindOptions>): Promise<void>;
  debouncedSearch(term: string, options: PagefindOptions, ms: number): Promise<PagefindResponse | null>;
  filters(): Promise<Counts>;
}

/** Pagefind's options for the site's index (and for any index merged into it, which ranks the same way). */
export const PAGEFIND_OPTIONS = {
  excerptLength: 36,
  // An excerpt that starts or ends inside the abstract says so.
  excerptEllipsis: '…',
  // Title, arXiv id, authors, keywords… are metadata, each with its weight (src/lib/search-fields.ts).
  ranking: { metaWeights: FIELD_WEIGHTS },
  // No web worker: one script less to fetch (43 KB), and a search takes milliseconds on the main thread.
  noWorker: true,
};

/** Values checked in one group widen it (any of them: March or April); groups narrow each other. */
export function pagefindOptions(state: SearchState): PagefindOptions {
  return {
    filters: Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }])),
    sort: state.sort ? { [SORTS[state.sort].key]: 'desc' } : {},
  };
}

/**
 * The results in the order shown. By score, and with one index, Pagefind's
 * order is right. Pagefind ranks a sort within each index, so results merged
 * from the archive shards (search/shards.ts) are put in order here: by date,
 * each shard's in turn (the shards are date ranges, newest first); by another
 * value, the shards' lists merged by it (a fragment loaded per result merged).
 */
export async function orderResults(
  results: PagefindResult[],
  sort: SortName | '',
  shards: readonly string[],
  counts: Counts,
): Promise<PagefindResult[]> {
  if (!sort || shards.length < 2) return results;
  const lists = byShard(results, shards, counts[SHARD_FILTER] ?? {});
  if (!lists) return results;
  const key = SORTS[sort].key;
  if (key === FIELDS.date) return lists.flat();
  return mergeDescending(lists, async (result) => Number((await result.data()).meta?.[key] ?? 0));
}

/** A text's words and, for words joined by punctuation (vision-language, 2607.21051), each part too. */
function wordsOf(text: string): string[] {
  return text.split(/\s+/).flatMap((token) => [...searchWords(token), ...searchWords(token.replace(/[\p{P}]+/gu, ' '))]);
}

/**
 * Whether a result holds every word of the query. Pagefind matches a query
 * word with the indexed words that start with it; when none does, it falls back
 * to the longest indexed word that the query word starts with ("xyzzyqq" finds
 * papers with "x" or "xy"; pagefind_web/src/search.rs, find_word_extensions),
 * which is meant for stems but turns nonsense into stray results. That
 * fallback, when it happens, gives every result of the query, so one result
 * shows it: a word none of whose words starts with the query word was found
 * by the fallback, or is another form of the word ("studies" for "study"),
 * which an exact search, through Pagefind's own stemmer, tells apart.
 */
export async function holdsEveryWord(api: Pagefind, term: string, result: PagefindResult): Promise<boolean> {
  const data = await result.data();
  const words = wordsOf([data.content ?? '', ...Object.values(data.meta ?? {})].join(' '));
  for (const word of searchWords(term)) {
    if (words.some((candidate) => candidate.startsWith(word))) continue;
    const exact = await api.search(`"${word}"`);
    if (exact.results.length === 0) return false;
  }
  return true;
}

export interface Found {
  results: PagefindResult[];
  filters: Counts;
}

/**
 * Searches for the state's (normalized) term in the index's shards (hot first, then the
 * archive as merged); null when a newer search took over a debounced one.
 */
export async function find(api: Pagefind, term: string, state: SearchState, debounce: boolean, shards: readonly string[]): Promise<Found | null> {
  const options = pagefindOptions(state);
  // Sorted, each shard's results are counted, to put them in order (orderResults).
  if (state.sort && shards.length > 1) options.filters = { ...options.filters, ...everyShard(shards) };
  const response = debounce ? await api.debouncedSearch(term, options, 150) : await api.search(term, options);
  if (!response) return null;
  const first = response.results[0];
  if (first && !(await holdsEveryWord(api, term, first))) return { results: [], filters: {} };
  return { results: await orderResults(response.results, state.sort, shards, response.filters), filters: response.filters };
}

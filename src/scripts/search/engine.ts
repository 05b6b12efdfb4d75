/**
 * Searching through Pagefind's JS API: its options for this site's index, the
 * one place where results are put in order, and the check that every word of
 * the query is in the results.
 */
import { FIELD_WEIGHTS, type SortName } from '#/lib/search-fields.ts';
import { SHARD_FILTER } from '#/lib/search-shards.ts';
import { inShards } from './shards.ts';
import { sortByPlaces, type Place } from './sorts.ts';
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
};

/** Values checked in one group widen it (any of them: March or April); groups narrow each other. */
export function pagefindOptions(state: SearchState): PagefindOptions {
  return { filters: Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }])) };
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
 * fallback, when it happens, gives every result of the index, so one result
 * shows it: a word none of whose words starts with the query word was found
 * by the fallback, or is another form of the word ("studies" for "study"),
 * which `indexed` (an exact search, through Pagefind's own stemmer) tells apart.
 */
export async function holdsEveryWord(term: string, result: PagefindResult, indexed: (word: string) => Promise<boolean>): Promise<boolean> {
  const data = await result.data();
  const words = wordsOf([data.content ?? '', ...Object.values(data.meta ?? {})].join(' '));
  for (const word of searchWords(term)) {
    if (words.some((candidate) => candidate.startsWith(word))) continue;
    if (!(await indexed(word))) return false;
  }
  return true;
}

/**
 * The shards whose results are real matches. Pagefind falls back to near
 * matches per index (see holdsEveryWord), so a shard that lacks a rare word
 * ("Eisert-Wilkens-Lewenstein") answers with stray papers while the shard that
 * holds it answers right. An exact search per query word counts, per shard,
 * the papers with that word; only a shard where some word has none can be
 * falling back, and its first result tells (one fragment, and only for rare or
 * unfinished words: common words are in every shard).
 */
export async function shardsWithEveryWord(api: Pagefind, term: string, options: PagefindOptions, shards: readonly string[]): Promise<string[]> {
  const exactCounts = new Map<string, Record<string, number>>();
  for (const word of searchWords(term)) {
    const exact = await api.search(`"${word}"`, { filters: inShards(shards) });
    exactCounts.set(word, exact.filters[SHARD_FILTER] ?? {});
  }
  const suspects = shards.filter((shard) => [...exactCounts.values()].some((counts) => !counts[shard]));
  const failing = new Set<string>();
  for (const shard of suspects) {
    const inShard = await api.search(term, { ...options, filters: { ...options.filters, ...inShards([shard]) } });
    const first = inShard.results[0];
    const indexedHere = async (word: string) => (exactCounts.get(word)?.[shard] ?? 0) > 0;
    if (first && !(await holdsEveryWord(term, first, indexedHere))) failing.add(shard);
  }
  return shards.filter((shard) => !failing.has(shard));
}

export interface Found {
  results: PagefindResult[];
  filters: Counts;
}

/**
 * Searches for the state's (normalized) term in the index's shards (hot first, then the
 * archive as merged), in the state's order (`places` gives a sort's order, sorts.ts);
 * null when a newer search took over a debounced one.
 */
export async function find(
  api: Pagefind,
  term: string,
  state: SearchState,
  debounce: boolean,
  shards: readonly string[],
  places: (sort: SortName) => Promise<ReadonlyMap<string, Place>>,
): Promise<Found | null> {
  const options = pagefindOptions(state);
  const response = debounce ? await api.debouncedSearch(term, options, 150) : await api.search(term, options);
  if (!response) return null;
  let found: Found = response;
  if (shards.length < 2) {
    const first = response.results[0];
    const indexed = async (word: string) => (await api.search(`"${word}"`)).results.length > 0;
    if (first && !(await holdsEveryWord(term, first, indexed))) return { results: [], filters: {} };
  } else {
    const matching = await shardsWithEveryWord(api, term, options, shards);
    if (matching.length === 0) return { results: [], filters: {} };
    if (matching.length < shards.length) found = await api.search(term, { filters: { ...options.filters, ...inShards(matching) } });
  }
  const results = state.sort ? sortByPlaces(found.results, await places(state.sort)) : found.results;
  return { results, filters: found.filters };
}

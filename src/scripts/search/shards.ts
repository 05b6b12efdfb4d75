/**
 * The search index comes in two tiers (src/lib/search-shards.ts): the hot shard
 * is the bundle the page loads, the archive is merged into it (mergeIndex) with
 * the same options, so they rank alike: Pagefind orders merged results by
 * score. Sorted results are put in order by the page (sorts.ts), across shards.
 */
import { ARCHIVE_SHARD, HOT_SHARD, SHARD_FILTER, shardBundle } from '#/lib/search-shards.ts';

/** Merges each archive shard's bundle into the loaded hot one, with the same options. */
export async function mergeArchives(
  api: { mergeIndex(path: string, options: Record<string, unknown>): Promise<void> },
  bundle: string,
  archives: readonly string[],
  options: Record<string, unknown>,
): Promise<void> {
  for (const name of archives) await api.mergeIndex(shardBundle(bundle, name), options);
}

/** A filter to these shards' papers: only the hot shard's records carry the shard filter, so the archive's are those without it. */
export function inShards(shards: readonly string[]): Record<string, { any: string[] } | { none: string[] }> {
  if (!shards.includes(HOT_SHARD)) return { [SHARD_FILTER]: { none: [HOT_SHARD] } };
  return shards.includes(ARCHIVE_SHARD) ? {} : { [SHARD_FILTER]: { any: [HOT_SHARD] } };
}

/**
 * How many of a search's results each shard holds, from a search restricted to
 * the hot shard: Pagefind counts the results the filter left out too
 * (unfilteredResultCount, summed over merged indexes), and those are the archive's.
 */
export function countsByShard(hotOnly: { results: readonly unknown[]; unfilteredResultCount: number }): Record<string, number> {
  return { [HOT_SHARD]: hotOnly.results.length, [ARCHIVE_SHARD]: hotOnly.unfilteredResultCount - hotOnly.results.length };
}

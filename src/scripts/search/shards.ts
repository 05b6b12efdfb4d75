/**
 * The search index comes in shards (src/lib/search-shards.ts): the hot one is
 * the bundle the page loads, the archive ones are merged into it (mergeIndex)
 * with the same options, so they rank alike: Pagefind orders merged results by
 * score. Sorted results are put in order by the page (sorts.ts), across shards.
 */
import { SHARD_FILTER, shardBundle } from '#/lib/search-shards.ts';

/** Merges each archive shard's bundle (`<bundle>archive/<name>/`) into the loaded hot one, with the same options. */
export async function mergeArchives(
  api: { mergeIndex(path: string, options: Record<string, unknown>): Promise<void> },
  bundle: string,
  archives: readonly string[],
  options: Record<string, unknown>,
): Promise<void> {
  for (const name of archives) await api.mergeIndex(shardBundle(bundle, name), options);
}

/** A filter to these shards' papers (every record has its shard as a filter value), which also makes Pagefind count each shard's results. */
export const inShards = (shards: readonly string[]) => ({ [SHARD_FILTER]: { any: [...shards] } });

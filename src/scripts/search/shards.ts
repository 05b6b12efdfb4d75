/**
 * The search index comes in tiers (src/lib/search-shards.ts): the hot shard is
 * the bundle the page loads, the archive is merged into it (mergeIndex) with
 * the same options, so they rank alike: Pagefind orders merged results by
 * score. Sorted results are put in order by the page (sorts.ts), across shards.
 */
import { SHARD_FILTER, shardBundle } from '#/lib/search-shards.ts';

/** Pagefind's options for a shard's bundle: its name as the value of the shard filter on all its papers, in memory only. */
export const shardOptions = (shard: string) => ({ mergeFilter: { [SHARD_FILTER]: shard } });

/** Merges each archive shard's bundle into the loaded hot one, with the same options. */
export async function mergeArchives(
  api: { mergeIndex(path: string, options: Record<string, unknown>): Promise<void> },
  bundle: string,
  archives: readonly string[],
  options: Record<string, unknown>,
): Promise<void> {
  for (const name of archives) await api.mergeIndex(shardBundle(bundle, name), { ...options, ...shardOptions(name) });
}

/** A filter to these shards' papers, which also makes Pagefind count each shard's results. */
export const inShards = (shards: readonly string[]) => ({ [SHARD_FILTER]: { any: [...shards] } });

/**
 * The search index comes in shards (src/lib/search-shards.ts): the hot one is
 * the bundle the page loads, the archive ones are merged into it (mergeIndex)
 * with the same options, so they rank alike. Pagefind orders merged results by
 * score; that is the right order for best match, but for a sort each shard
 * scores its results by their rank within that shard (n−1, …, 1, 0 for n
 * results), so the merged list interleaves the shards. `shardOrder` undoes the
 * interleaving, from how many results each shard gave; the shards are date
 * ranges, newest first, so sorted by date the results are each shard's in turn,
 * and for another sort the shards' lists are merged by their values.
 */
import { SHARD_FILTER } from '../../lib/search-shards.ts';

interface Scored {
  score: number;
}

/** Merges each archive shard's bundle (`<bundle>archive/<name>/`) into the loaded hot one, with the same options. */
export async function mergeArchives(
  api: { mergeIndex(path: string, options: Record<string, unknown>): Promise<void> },
  bundle: string,
  archives: readonly string[],
  options: Record<string, unknown>,
): Promise<void> {
  // One at a time: Pagefind keeps the indexes in the order they were merged, which shardOrder relies on.
  for (const name of archives) await api.mergeIndex(`${bundle}archive/${name}/`, options);
}

/** The filter a sorted search adds so that Pagefind counts each shard's results (every record is in its shard's value). */
export const everyShard = (shards: readonly string[]) => ({ [SHARD_FILTER]: { any: [...shards] } });

/**
 * A sorted search's results split back into each shard's, in `shards` order
 * (the order they were merged, hot first), each in its own order. `counts` are
 * the results per shard (the search's filter counts for SHARD_FILTER).
 * Undefined if the scores are not what this expects.
 */
export function byShard<T extends Scored>(results: readonly T[], shards: readonly string[], counts: Readonly<Record<string, number>>): T[][] | undefined {
  const sizes = shards.map((shard) => counts[shard] ?? 0);
  if (sizes.reduce((sum, size) => sum + size, 0) !== results.length) return undefined;
  const lists: T[][] = shards.map(() => []);
  let next = 0;
  // Merged by score, descending and stable: at score s come the shards with more than s results, in merge order.
  for (let score = Math.max(0, ...sizes) - 1; score >= 0; score--) {
    for (const [shard, size] of sizes.entries()) {
      if (size <= score) continue;
      const result = results[next++]!;
      if (result.score !== score) return undefined;
      lists[shard]!.push(result);
    }
  }
  return lists;
}

/** A date-sorted search's results in the order shown: each shard's in turn (Pagefind's order if it cannot tell). */
export function shardOrder<T extends Scored>(results: readonly T[], shards: readonly string[], counts: Readonly<Record<string, number>>): T[] {
  return byShard(results, shards, counts)?.flat() ?? [...results];
}

/**
 * Merges lists each sorted by a value, descending, into one (ties keep list
 * order): only the head of each list is ever compared, so a value is loaded
 * (`valueOf`, e.g. from a result's fragment) once per result merged.
 */
export async function mergeDescending<T>(lists: readonly T[][], valueOf: (item: T) => Promise<number>): Promise<T[]> {
  const positions = lists.map(() => 0);
  const heads = await Promise.all(lists.map((list) => (list.length > 0 ? valueOf(list[0]!) : Promise.resolve(-Infinity))));
  const merged: T[] = [];
  for (;;) {
    let best = -1;
    for (const [index, value] of heads.entries()) {
      if (positions[index]! < lists[index]!.length && (best < 0 || value > heads[best]!)) best = index;
    }
    if (best < 0) return merged;
    merged.push(lists[best]![positions[best]!++]!);
    const next = lists[best]![positions[best]!];
    heads[best] = next === undefined ? -Infinity : await valueOf(next);
  }
}

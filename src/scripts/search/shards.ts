/**
 * The search index comes in shards (src/lib/search-shards.ts): the hot one is
 * the bundle the page loads, the archive ones are merged into it (mergeIndex)
 * with the same options, so they rank alike. Pagefind orders merged results by
 * score; that is the right order for best match, but a sorted search scores
 * each result by its place among its own shard's pages, so the merged list
 * interleaves the shards. A sorted search therefore asks each shard on its own
 * (a filter on its shard value) and merges the lists here: the shards are date
 * ranges, newest first, so sorted by date the results are each shard's in
 * turn, and for another sort the shards' lists are merged by their values.
 */
import { SHARD_FILTER } from '#/lib/search-shards.ts';

/** Merges each archive shard's bundle (`<bundle>archive/<name>/`) into the loaded hot one, with the same options. */
export async function mergeArchives(
  api: { mergeIndex(path: string, options: Record<string, unknown>): Promise<void> },
  bundle: string,
  archives: readonly string[],
  options: Record<string, unknown>,
): Promise<void> {
  for (const name of archives) await api.mergeIndex(`${bundle}archive/${name}/`, options);
}

/** A filter to these shards' papers (every record has its shard as a filter value), which also makes Pagefind count each shard's results. */
export const inShards = (shards: readonly string[]) => ({ [SHARD_FILTER]: { any: [...shards] } });

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

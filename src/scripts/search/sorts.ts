/**
 * Sorting results by date or upvotes on the page, from each shard's order file
 * (SortOrder: written by the indexing step, fetched the first time a search
 * sorts by it), so that the index metadata every query loads carries no sort.
 */
import { SORTS, sortFileName, type SortName, type SortOrder } from '#/lib/search-fields.ts';
import { shardBundle } from '#/lib/search-shards.ts';

/** Where a result stands in a sort: its value, its shard (in merge order) and its place in that shard's order. */
export interface Place {
  value: string | number;
  shard: number;
  index: number;
}

/** Every result id's place, from the shards' orders (in merge order). */
export function placesOf(orders: readonly SortOrder[]): Map<string, Place> {
  const places = new Map<string, Place>();
  orders.forEach(({ ids, runs }, shard) => {
    let index = 0;
    for (const [value, count] of runs) {
      for (const end = index + count; index < end; index++) places.set(ids[index]!, { value, shard, index });
    }
  });
  return places;
}

/**
 * Results by value, highest first; equal values by shard, then by the shard's
 * order (the build's, stable); a result no order knows (an index and its order
 * from different deploys) comes last, in the order it came.
 */
export function sortByPlaces<T extends { id: string }>(results: readonly T[], places: ReadonlyMap<string, Place>): T[] {
  const ranked = results.map((result, arrival) => ({ result, arrival, place: places.get(result.id) }));
  ranked.sort((a, b) => {
    if (!a.place || !b.place) return a.place ? -1 : b.place ? 1 : a.arrival - b.arrival;
    if (a.place.value !== b.place.value) return a.place.value > b.place.value ? -1 : 1;
    return a.place.shard - b.place.shard || a.place.index - b.place.index;
  });
  return ranked.map(({ result }) => result);
}

const loaded = new Map<SortName, Promise<Map<string, Place>>>();

/** A sort's places across the shards (hot first, then the archive as merged), fetched once a visit. */
export function sortPlaces(bundle: string, shards: readonly string[], sort: SortName): Promise<Map<string, Place>> {
  let places = loaded.get(sort);
  if (!places) {
    const file = sortFileName(SORTS[sort].key);
    const urls = shards.map((shard) => `${shardBundle(bundle, shard)}${file}`);
    places = Promise.all(
      urls.map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return (await response.json()) as SortOrder;
      }),
    ).then(placesOf);
    // A failed fetch is tried again by the next sorted search.
    places.catch(() => loaded.delete(sort));
    loaded.set(sort, places);
  }
  return places;
}

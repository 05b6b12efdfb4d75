import { describe, expect, it } from 'vitest';
import { placesOf, sortByPlaces } from '#/scripts/search/sorts.ts';

/** Results as Pagefind gives them: ids in best-match order. */
const results = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (list: Array<{ id: string }>) => list.map(({ id }) => id);

describe('sortByPlaces', () => {
  it('orders one shard by its value, highest first, equal values in the build order', () => {
    const places = placesOf([{ ids: ['a', 'b', 'c', 'd'], runs: [[40, 1], [12, 2], [0, 1]] }]);
    expect(ids(sortByPlaces(results('d', 'c', 'a', 'b'), places))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('interleaves shards by value, so the most upvoted paper of the archive comes before the hot month\'s others', () => {
    const hot = { ids: ['h1', 'h2'], runs: [[30, 1], [5, 1]] as Array<[number, number]> };
    const archive = { ids: ['a1', 'a2', 'a3'], runs: [[90, 1], [5, 1], [1, 1]] as Array<[number, number]> };
    const places = placesOf([hot, archive]);
    expect(ids(sortByPlaces(results('a3', 'h2', 'a2', 'h1', 'a1'), places))).toEqual(['a1', 'h1', 'h2', 'a2', 'a3']);
  });

  it('orders dates across shards newest first, and only the results of the search', () => {
    const places = placesOf([
      { ids: ['h1', 'h2'], runs: [['2026-03-14', 1], ['2026-03-02', 1]] },
      { ids: ['q1', 'q2'], runs: [['2026-02-27', 1], ['2025-12-31', 1]] },
    ]);
    expect(ids(sortByPlaces(results('q2', 'h2', 'q1'), places))).toEqual(['h2', 'q1', 'q2']);
  });

  it('puts a result no order knows last, as it came, instead of dropping it', () => {
    const places = placesOf([{ ids: ['a', 'b'], runs: [[3, 1], [1, 1]] }]);
    expect(ids(sortByPlaces(results('new1', 'b', 'new2', 'a'), places))).toEqual(['a', 'b', 'new1', 'new2']);
  });
});

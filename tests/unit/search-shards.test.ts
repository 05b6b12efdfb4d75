import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { archiveShards, firstHotMonth, HOT_SHARD, isHot, searchShards, shardMode } from '#/lib/search-shards.ts';
import { loadedSources } from '../helpers/site-sources.ts';

describe('isHot', () => {
  it('takes the newest digest month and the month before as hot, older days as archive', () => {
    const hotFrom = firstHotMonth('2026-03-02');
    expect(hotFrom).toBe('2026-02');
    expect(isHot('2026-03-02', hotFrom)).toBe(true);
    expect(isHot('2026-02-01', hotFrom)).toBe(true);
    expect(isHot('2026-01-31', hotFrom)).toBe(false);
    expect(isHot('2024-06-01', hotFrom)).toBe(false);
    expect(isHot(undefined, hotFrom)).toBe(true);
    expect(isHot('2024-06-01', undefined)).toBe(true);
  });

  it('takes December of the year before as hot in January', () => {
    expect(firstHotMonth('2026-01-01')).toBe('2025-12');
    expect(isHot('2025-12-31', firstHotMonth('2026-01-01'))).toBe(true);
    expect(isHot('2025-11-30', firstHotMonth('2026-01-01'))).toBe(false);
  });
});

const topics: SiteSources['topics'] = [
  { id: 'misc', data: { id: 'misc', name: 'Misc', description: 'Anything.', match: { phrases: ['anything'], patterns: [], exclude: [], titlePhrases: [] } } },
];
/** One paper a day: five archive days (2025), two hot ones (February and March 2026). */
const DAYS = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10', '2026-02-10', '2026-03-10'];
const site = (days: readonly string[]) =>
  buildSiteModel(
    loadedSources({
      topics,
      papers: days.map((day) => ({ id: `p-${day}`, data: { title: `Paper of ${day}` }, body: 'About anything.' })),
      digests: days.map((day) => ({ id: day, data: { date: day, papers: [`p-${day}`] } })),
    }),
    { excerptLength: 40, relatedPapers: 2 },
  );
const papersOf = (shards: Map<string, string[]>) => Object.fromEntries([...shards].map(([shard, ids]) => [shard, ids]));

describe('searchShards', () => {
  it('fills archive shards of a bounded size oldest first, newest first within each, and lists them newest first', () => {
    const shards = searchShards(site(DAYS), (paper) => paper.slug, 'tiered', 2);
    expect([...shards.keys()]).toEqual([HOT_SHARD, '3', '2', '1']);
    expect(papersOf(shards)).toEqual({
      [HOT_SHARD]: ['p-2026-03-10', 'p-2026-02-10'],
      3: ['p-2025-05-10'],
      2: ['p-2025-04-10', 'p-2025-03-10'],
      1: ['p-2025-02-10', 'p-2025-01-10'],
    });
  });

  it('adds a month that ends to the newest archive shard only: the full ones keep their papers', () => {
    const before = searchShards(site(DAYS), (paper) => paper.slug, 'tiered', 2);
    // April 2026 makes February's paper an archive one.
    const after = searchShards(site([...DAYS, '2026-04-01']), (paper) => paper.slug, 'tiered', 2);
    expect(after.get('1')).toEqual(before.get('1'));
    expect(after.get('2')).toEqual(before.get('2'));
    expect(after.get('3')).toEqual(['p-2026-02-10', 'p-2025-05-10']);
    expect(after.get(HOT_SHARD)).toEqual(['p-2026-04-01', 'p-2026-03-10']);
  });

  it('puts every paper in the hot shard for one index', () => {
    expect([...searchShards(site(DAYS), (paper) => paper.slug, 'single').keys()]).toEqual([HOT_SHARD]);
    expect(archiveShards(site(DAYS), 'single')).toEqual([]);
    expect(archiveShards(site(DAYS), 'tiered')).toEqual(['1']);
  });
});

describe('shardMode', () => {
  it('is tiered unless SEARCH_SHARDS asks for one index, and refuses other values', () => {
    expect(shardMode({})).toBe('tiered');
    expect(shardMode({ SEARCH_SHARDS: 'Single' })).toBe('single');
    expect(shardMode({ SEARCH_SHARDS: 'tiered' })).toBe('tiered');
    expect(() => shardMode({ SEARCH_SHARDS: 'quarterly' })).toThrow(/SEARCH_SHARDS must be "single" or "tiered", got "quarterly"/);
  });
});

import { describe, expect, it } from 'vitest';
import { ARCHIVE_SHARD, firstHotMonth, HOT_SHARD, shardMode, shardOf } from '#/lib/search-shards.ts';

describe('shardOf', () => {
  it('puts the newest digest month and the month before in the hot shard, older days in the archive', () => {
    const hotFrom = firstHotMonth('2026-03-02');
    expect(hotFrom).toBe('2026-02');
    expect(shardOf('2026-03-02', hotFrom)).toBe(HOT_SHARD);
    expect(shardOf('2026-02-01', hotFrom)).toBe(HOT_SHARD);
    expect(shardOf('2026-01-31', hotFrom)).toBe(ARCHIVE_SHARD);
    expect(shardOf('2024-06-01', hotFrom)).toBe(ARCHIVE_SHARD);
    expect(shardOf(undefined, hotFrom)).toBe(HOT_SHARD);
    expect(shardOf('2024-06-01', undefined)).toBe(HOT_SHARD);
  });

  it('takes December of the year before as hot in January', () => {
    expect(firstHotMonth('2026-01-01')).toBe('2025-12');
    expect(shardOf('2025-12-31', firstHotMonth('2026-01-01'))).toBe(HOT_SHARD);
    expect(shardOf('2025-11-30', firstHotMonth('2026-01-01'))).toBe(ARCHIVE_SHARD);
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

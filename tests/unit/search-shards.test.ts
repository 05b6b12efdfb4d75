import { describe, expect, it } from 'vitest';
import { quarterOf, shardMode, shardOf, HOT_SHARD } from '#/lib/search-shards.ts';

describe('shardOf', () => {
  it('puts the hot month in the hot shard and older days in their quarter', () => {
    expect(shardOf('2026-03-02', '2026-03')).toBe(HOT_SHARD);
    expect(shardOf('2026-02-28', '2026-03')).toBe('2026-q1');
    expect(shardOf('2025-10-01', '2026-03')).toBe('2025-q4');
    expect(shardOf('2025-09-30', '2026-03')).toBe('2025-q3');
    expect(shardOf(undefined, '2026-03')).toBe(HOT_SHARD);
    expect(quarterOf('2025-04-01')).toBe('2025-q2');
  });
});

describe('shardMode', () => {
  it('is one index unless SEARCH_SHARDS asks for quarterly shards, and refuses other values', () => {
    expect(shardMode({})).toBe('single');
    expect(shardMode({ SEARCH_SHARDS: 'Quarterly' })).toBe('quarterly');
    expect(shardMode({ SEARCH_SHARDS: 'single' })).toBe('single');
    expect(() => shardMode({ SEARCH_SHARDS: 'monthly' })).toThrow(/SEARCH_SHARDS must be "single" or "quarterly", got "monthly"/);
  });
});

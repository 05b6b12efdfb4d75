import type { IsoDate } from './dates.ts';
import type { Paper, SiteModel } from './site-model.ts';
import { siteConfig } from '#/site.config.ts';

/**
 * The search index comes in two tiers, each its own Pagefind bundle, so that a
 * daily rebuild re-indexes only what the day changed: a hot shard, the month of
 * the newest digest and the month before it, and one frozen archive shard with
 * every older paper. A paper belongs where the latest day it appeared falls, so
 * a paper that trends again moves to the hot shard. The month before is hot too
 * because papers trend for up to a week: a paper of the 29th that trends again on
 * the 2nd would otherwise change the archive; this way the archive changes when
 * a month ends (or an old paper is edited), not on every day of a month's first
 * week. One archive, not one per quarter: each shard adds an index chunk per
 * query word and its own metadata to every query (see README, "Search index").
 * A paper in no digest is hot.
 */
export const HOT_SHARD = 'hot';
export const ARCHIVE_SHARD = 'archive';

/** A shard's bundle URL: the archive's is a folder inside the hot one's (`bundle`, ending in /), as the indexing step lays them out. */
export const shardBundle = (bundle: string, shard: string) => (shard === HOT_SHARD ? bundle : `${bundle}${shard}/`);

export type ShardMode = 'single' | 'tiered';

/**
 * Whether the index is tiered: the site setting (searchShards, 'tiered' by
 * default; 'single' is one shard, the hot one, holding the whole site, and the
 * search page merges nothing), overridden by `SEARCH_SHARDS=single|tiered`.
 */
export function shardMode(env: Readonly<Record<string, string | undefined>> = process.env): ShardMode {
  const override = env['SEARCH_SHARDS']?.trim().toLowerCase();
  if (override === undefined || override === '') return siteConfig.searchShards;
  if (override !== 'single' && override !== 'tiered') {
    throw new Error(`SEARCH_SHARDS must be "single" or "tiered", got "${env['SEARCH_SHARDS']}"`);
  }
  return override;
}

/**
 * The filter that tells the shards apart on the search page. It is in no
 * record: the page gives each shard's bundle its value when it loads it
 * (Pagefind's mergeFilter, held in memory), so no query fetches a filter
 * index for it (the archive's would list every paper it holds: 20 KB at
 * 10,000 papers).
 */
export const SHARD_FILTER = 'shard';

/** The first hot month (`YYYY-MM`) when the newest digest is of `newest`: the month before it. */
export function firstHotMonth(newest: IsoDate): string {
  const [year, month] = newest.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/** The shard of a paper whose newest digest day is `latest`, when months from `hotFrom` (`YYYY-MM`) on are hot. */
export function shardOf(latest: IsoDate | undefined, hotFrom: string | undefined): string {
  return !latest || !hotFrom || latest.slice(0, 7) >= hotFrom ? HOT_SHARD : ARCHIVE_SHARD;
}

/** In single mode no month is cold, so every paper is in the hot shard. */
function hotFromOf(site: SiteModel, mode: ShardMode): string | undefined {
  const newest = site.digests[0]?.date;
  return mode === 'tiered' && newest ? firstHotMonth(newest) : undefined;
}
const paperShard = (paper: Paper, hotFrom: string | undefined) => shardOf(paper.appearances[0]?.digest.date, hotFrom);

/**
 * Every shard's records (`record` makes a paper's), hot first; each in the
 * site's order (newest first). (A leaf module: the indexing step, outside
 * Astro, reads the shard names from here.)
 */
export function searchShards<T>(site: SiteModel, record: (paper: Paper) => T, mode: ShardMode = shardMode()): Map<string, T[]> {
  const hotFrom = hotFromOf(site, mode);
  const shards = new Map<string, T[]>([[HOT_SHARD, []]]);
  for (const paper of site.papersByRecency) {
    const shard = paperShard(paper, hotFrom);
    let records = shards.get(shard);
    if (!records) shards.set(shard, (records = []));
    records.push(record(paper));
  }
  return shards;
}

/** The archive shards (those holding papers) that the search page merges into the hot one. */
export function archiveShards(site: SiteModel, mode: ShardMode = shardMode()): string[] {
  const hotFrom = hotFromOf(site, mode);
  return site.papersByRecency.some((paper) => paperShard(paper, hotFrom) === ARCHIVE_SHARD) ? [ARCHIVE_SHARD] : [];
}

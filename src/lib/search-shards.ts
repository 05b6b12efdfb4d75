import type { IsoDate } from './dates.ts';
import type { Paper, SiteModel } from './site-model.ts';
import { siteConfig } from '#/site.config.ts';

/**
 * The search index comes in shards, each its own Pagefind bundle, so that a
 * daily rebuild re-indexes only what the day changed: one hot shard, the month
 * of the newest digest, and frozen archive shards, one per calendar quarter
 * before it. A paper belongs where the latest day it appeared falls, so a paper
 * that trends again moves to the hot shard, and an old quarter is indexed again
 * only when one of its papers is edited. A paper in no digest is hot.
 */
export const HOT_SHARD = 'hot';
/** The folder inside the hot shard's bundle that holds each archive shard's bundle (`archive/<quarter>/`). */
export const ARCHIVE_FOLDER = 'archive';

/** A shard's bundle URL, inside the hot one's (`bundle`, ending in /), as the indexing step lays the folders out. */
export const shardBundle = (bundle: string, shard: string) => (shard === HOT_SHARD ? bundle : `${bundle}${ARCHIVE_FOLDER}/${shard}/`);

export type ShardMode = 'single' | 'quarterly';

/**
 * Whether the index is tiered: the site setting (searchShards, 'single' by
 * default: one shard, the hot one, holds the whole site and the search page
 * merges nothing), overridden by `SEARCH_SHARDS=single|quarterly`.
 */
export function shardMode(env: Readonly<Record<string, string | undefined>> = process.env): ShardMode {
  const override = env['SEARCH_SHARDS']?.trim().toLowerCase();
  if (override === undefined || override === '') return siteConfig.searchShards;
  if (override !== 'single' && override !== 'quarterly') {
    throw new Error(`SEARCH_SHARDS must be "single" or "quarterly", got "${env['SEARCH_SHARDS']}"`);
  }
  return override;
}

/** Every record's filter naming its shard: the search page counts a sorted search's results per shard with it. */
export const SHARD_FILTER = 'shard';

/** An archive shard's name: its quarter, `YYYY-qN`. */
export function quarterOf(date: IsoDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-q${Math.ceil(month / 3)}`;
}

/** The shard of a paper whose newest digest day is `latest`, when the newest digest of the site is in `hotMonth` (`YYYY-MM`). */
export function shardOf(latest: IsoDate | undefined, hotMonth: string | undefined): string {
  if (!latest || !hotMonth || latest.slice(0, 7) >= hotMonth) return HOT_SHARD;
  return quarterOf(latest);
}

/** In single mode no month is hot, so every paper is in the hot shard. */
const hotMonthOf = (site: SiteModel, mode: ShardMode) => (mode === 'quarterly' ? site.digests[0]?.date.slice(0, 7) : undefined);
const paperShard = (paper: Paper, hotMonth: string | undefined) => shardOf(paper.appearances[0]?.digest.date, hotMonth);

/**
 * Every shard's records (`record` makes a paper's), hot first, then the archive
 * newest first; each in the site's order (newest first). (A leaf module: the
 * indexing step, outside Astro, reads the shard names from here.)
 */
export function searchShards<T>(site: SiteModel, record: (paper: Paper, shard: string) => T, mode: ShardMode = shardMode()): Map<string, T[]> {
  const hotMonth = hotMonthOf(site, mode);
  const shards = new Map<string, T[]>([[HOT_SHARD, []]]);
  for (const paper of site.papersByRecency) {
    const shard = paperShard(paper, hotMonth);
    let records = shards.get(shard);
    if (!records) shards.set(shard, (records = []));
    records.push(record(paper, shard));
  }
  return new Map([...shards].sort(([a], [b]) => (a === HOT_SHARD ? -1 : b === HOT_SHARD ? 1 : b.localeCompare(a))));
}

/** The archive shards (those holding papers) that the search page merges into the hot one, newest first. */
export function archiveShards(site: SiteModel, mode: ShardMode = shardMode()): string[] {
  const hotMonth = hotMonthOf(site, mode);
  const quarters = new Set(site.papersByRecency.map((paper) => paperShard(paper, hotMonth)));
  quarters.delete(HOT_SHARD);
  return [...quarters].sort().reverse();
}

import { isoDateParts, type IsoDate } from './dates.ts';
import type { Paper, SiteModel } from './site-model.ts';
import { siteConfig } from '#/site.config.ts';

/**
 * The search index comes in two tiers, each shard its own Pagefind bundle, so
 * that a daily rebuild re-indexes only what the day changed: a hot shard, the
 * month of the newest digest and the month before it, and the archive, every
 * older paper. A paper belongs where the latest day it appeared falls, so a
 * paper that trends again moves to the hot shard. The month before is hot too
 * because papers trend for up to a week: a paper of the 29th that trends again
 * on the 2nd would otherwise change the archive; this way the archive changes
 * when a month ends (or an old paper is edited), not on every day of a month's
 * first week. A paper in no digest is hot.
 *
 * The archive is one shard up to ARCHIVE_SHARD_SIZE papers, then several, filled
 * oldest first: few shards, because each adds an index chunk per query word to
 * every query (quarterly shards cost 2.5 times one index's bytes at 10,000
 * papers; see README, "Search index"), but bounded, because Pagefind holds a
 * whole index in memory while it writes it (3.95 GB for a 30,000-paper archive).
 * A month's end adds to the newest archive shard only; the full ones stay as
 * they are until one of their papers changes.
 */
export const HOT_SHARD = 'hot';
/** The folder inside the hot shard's bundle that holds each archive shard's (`archive/<n>/`, n from 1 for the oldest). */
export const ARCHIVE_FOLDER = 'archive';
/** Papers in an archive shard at most: Pagefind indexed 10,000 in at most 1.50 GB (measured at 30,000 papers), under Astro's own peak there. */
export const ARCHIVE_SHARD_SIZE = 10_000;

/** A shard's bundle URL, inside the hot one's (`bundle`, ending in /), as the indexing step lays the folders out. */
export const shardBundle = (bundle: string, shard: string) => (shard === HOT_SHARD ? bundle : `${bundle}${ARCHIVE_FOLDER}/${shard}/`);

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
  const { year, month } = isoDateParts(newest);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/** Whether a paper whose newest digest day is `latest` is hot, when months from `hotFrom` (`YYYY-MM`) on are. */
export function isHot(latest: IsoDate | undefined, hotFrom: string | undefined): boolean {
  return !latest || !hotFrom || latest.slice(0, 7) >= hotFrom;
}

/** In single mode no month is cold, so every paper is in the hot shard. */
function hotFromOf(site: SiteModel, mode: ShardMode): string | undefined {
  const newest = site.digests[0]?.date;
  return mode === 'tiered' && newest ? firstHotMonth(newest) : undefined;
}

/**
 * Every shard's records (`record` makes a paper's): hot first, then the archive
 * shards newest first; each in the site's order (newest first). (A leaf module:
 * the indexing step, outside Astro, reads the shard names from here.)
 */
export function searchShards<T>(
  site: SiteModel,
  record: (paper: Paper) => T,
  mode: ShardMode = shardMode(),
  archiveShardSize = ARCHIVE_SHARD_SIZE,
): Map<string, T[]> {
  const hotFrom = hotFromOf(site, mode);
  const hot: T[] = [];
  const archive: T[] = [];
  for (const paper of site.papersByRecency) (isHot(paper.appearances[0]?.digest.date, hotFrom) ? hot : archive).push(record(paper));
  // Oldest first, so that a shard's papers stay in it as newer ones arrive.
  const count = Math.ceil(archive.length / archiveShardSize);
  const shards = new Map<string, T[]>([[HOT_SHARD, hot]]);
  for (let n = count; n >= 1; n--) {
    const end = archive.length - (n - 1) * archiveShardSize;
    shards.set(String(n), archive.slice(Math.max(0, end - archiveShardSize), end));
  }
  return shards;
}

/** The archive shards (those holding papers) that the search page merges into the hot one, newest first. */
export function archiveShards(site: SiteModel, mode: ShardMode = shardMode()): string[] {
  return [...searchShards(site, () => null, mode).keys()].filter((shard) => shard !== HOT_SHARD);
}

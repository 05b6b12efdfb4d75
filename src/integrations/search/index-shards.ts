import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { ARCHIVE_FOLDER, HOT_SHARD, shardMode } from '#/lib/search-shards.ts';
import { SORTS, sortFileName, type SortOrder } from '#/lib/search-fields.ts';
import type { BuildPaths } from '#/integrations/build-paths.ts';
import { readRecordFile, recordFiles } from '#/lib/search-record-files.ts';

/**
 * The search indexing step, run after `astro build` has exited (npm run build):
 * each shard's records, written by the build, become a Pagefind bundle, one
 * shard after another, so that Pagefind's memory never adds to Astro's nor to
 * another shard's. The hot shard's bundle is `<outDir>/pagefind/` (the one the
 * search page loads), each archive shard's `<outDir>/pagefind/archive/<n>/`
 * (merged into it at query time). A shard whose records, Pagefind version and
 * indexing code are those of the bundle already there is kept as it is, byte for
 * byte: CDN caches and returning readers keep it too.
 *
 * Sorts are not Pagefind's: its sort orders live in the index metadata that
 * every query loads (17 KB each at 10,000 papers), for the few searches that
 * sort. Each shard has a file per sort instead (`sort-<key>.json`, written here
 * from the records and Pagefind's result ids), which the search page fetches
 * only when the reader sorts.
 */

export interface ShardReport {
  shard: string;
  records: number;
  kept: boolean;
  ms: number;
}

/** What the state file says of each shard's bundle in the output folder. */
type IndexState = Record<string, { fingerprint: string; entry: string }>;

/**
 * The index chunk size of the hot shard of a tiered index. A query fetches, per
 * word, the chunk that holds it in every shard, and Pagefind cuts chunks of about
 * 25 KB (compressed) whatever the size of the index: a few hundred hot papers in
 * chunks of that size cost every query as much as the whole archive's chunk.
 * Chunks a fourth that size took a query at 10,000 papers from +13.5 % to +4.7 %
 * of one index's bytes. One index and the archive keep Pagefind's default: there
 * smaller chunks made each query fetch more, 271 KB against 219 KB, as the
 * metadata every query loads lists every chunk (bench/README.md).
 */
const HOT_CHUNK_SIZE = '5000';
/** Pagefind reads its chunk size from its environment when its process starts. */
const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Records sent to Pagefind before waiting for its answers (one round trip per record is slow). */
const FEED_BATCH = 200;

/** A shard's bundle folder on disk (shardBundle is its URL on the search page). */
const shardFolder = (output: string, shard: string) => (shard === HOT_SHARD ? output : join(output, ARCHIVE_FOLDER, shard));

/** What else decides a bundle's bytes: Pagefind's version and this code. */
async function indexerVersion(): Promise<string> {
  // Pagefind's package exports no package.json: found from its entry point, which is in lib/.
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  const { version } = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const code = await readFile(fileURLToPath(import.meta.url));
  return createHash('sha256').update(`pagefind ${version}\n`).update(code).digest('hex');
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Empties a shard's folder; the hot one holds the archive, which stays. */
async function clearFolder(folder: string, shard: string): Promise<void> {
  if (shard !== HOT_SHARD) return rm(folder, { recursive: true, force: true });
  const names = await readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name !== ARCHIVE_FOLDER).map((name) => rm(join(folder, name), { recursive: true, force: true })));
}

/** Fragments read at once: one at a time, reading 10,000 of them takes 3 s; 256 at a time, under 1 s. */
const READ_BATCH = 256;

/** Pagefind's id of each result (its fragment's name) by the record's URL, read from the written fragments. */
async function resultIds(folder: string): Promise<Map<string, string>> {
  const dir = join(folder, 'fragment');
  const names = await readdir(dir);
  const ids = new Map<string, string>();
  for (let start = 0; start < names.length; start += READ_BATCH) {
    await Promise.all(
      names.slice(start, start + READ_BATCH).map(async (name) => {
        // A fragment is gzipped "pagefind_dcd" + JSON (pagefind/src/output/mod.rs).
        const fragment = gunzipSync(await readFile(join(dir, name))).toString('utf8');
        const { url } = JSON.parse(fragment.slice(fragment.indexOf('{'))) as { url: string };
        ids.set(url, name.slice(0, name.lastIndexOf('.')));
      }),
    );
  }
  return ids;
}

/** Each sort's order of a shard: ids by value, highest first (ties by record order), and the runs of equal values. */
function sortOrders(values: ReadonlyMap<string, Record<string, string>>, ids: ReadonlyMap<string, string>): Map<string, SortOrder> {
  const orders = new Map<string, SortOrder>();
  for (const { key, numeric } of Object.values(SORTS)) {
    const entries = [...values].map(([url, sort]) => ({ id: ids.get(url), value: numeric ? Number(sort[key] ?? 0) : (sort[key] ?? '') }));
    const sorted = entries
      .filter((entry): entry is { id: string; value: string | number } => entry.id !== undefined)
      .sort((a, b) => (a.value === b.value ? 0 : a.value > b.value ? -1 : 1));
    const runs: SortOrder['runs'] = [];
    for (const { value } of sorted) {
      const last = runs.at(-1);
      if (last?.[0] === value) last[1]++;
      else runs.push([value, 1]);
    }
    orders.set(key, { ids: sorted.map(({ id }) => id), runs });
  }
  return orders;
}

/**
 * Indexes a shard in a Pagefind process of its own, started with the shard's
 * chunk size (Pagefind's own when `chunkSize` is undefined), and closed after:
 * its memory goes with it before the next shard.
 */
async function indexShard(file: string, folder: string, chunkSize: string | undefined): Promise<number> {
  const inherited = process.env[CHUNK_SIZE_VARIABLE];
  if (chunkSize) process.env[CHUNK_SIZE_VARIABLE] = chunkSize;
  try {
    return await indexRecords(file, folder);
  } finally {
    await pagefind.close();
    if (inherited === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
    else process.env[CHUNK_SIZE_VARIABLE] = inherited;
  }
}

async function indexRecords(file: string, folder: string): Promise<number> {
  const { index } = check('create an index', await pagefind.createIndex({}));
  if (!index) throw new Error('Pagefind created no index');
  let records = 0;
  const sortValues = new Map<string, Record<string, string>>();
  let batch: Array<Promise<{ errors: string[] }>> = [];
  const drain = async () => {
    (await Promise.all(batch)).forEach((response) => check(`index a record of ${file}`, response));
    batch = [];
  };
  for await (const { sort, ...record } of readRecordFile(file)) {
    sortValues.set(record.url, sort);
    batch.push(index.addCustomRecord(record));
    records++;
    if (batch.length === FEED_BATCH) await drain();
  }
  await drain();
  check('write the index', await index.writeFiles({ outputPath: folder }));
  await index.deleteIndex();
  const orders = sortOrders(sortValues, await resultIds(folder));
  await Promise.all([...orders].map(([key, order]) => writeFile(join(folder, sortFileName(key)), JSON.stringify(order))));
  return records;
}

const entryOf = (folder: string) => readFile(join(folder, 'pagefind-entry.json'), 'utf8').catch(() => undefined);

export async function indexSearchShards(paths: BuildPaths, log: (line: string) => void = () => {}): Promise<ShardReport[]> {
  const files = await recordFiles(paths.searchRecords);
  const previous: IndexState = JSON.parse(await readFile(paths.searchState, 'utf8').catch(() => '{}'));
  const version = await indexerVersion();
  const state: IndexState = {};
  const reports: ShardReport[] = [];
  const tiered = shardMode() === 'tiered';
  // The state goes first: if indexing stops half-way, no shard is taken for current that is not.
  await rm(paths.searchState, { force: true });
  for (const { shard, file } of files) {
    const started = performance.now();
    const folder = shardFolder(paths.searchOutput, shard);
    const chunkSize = tiered && shard === HOT_SHARD ? HOT_CHUNK_SIZE : undefined;
    const recordBytes = await readFile(file);
    const fingerprint = createHash('sha256').update(`${version}\nchunk size ${chunkSize ?? "Pagefind's"}\n`).update(recordBytes).digest('hex');
    const kept = previous[shard]?.fingerprint === fingerprint && (await entryOf(folder)) === previous[shard]!.entry;
    let records: number;
    if (kept) {
      records = recordBytes.toString('utf8').split('\n').filter(Boolean).length;
    } else {
      await clearFolder(folder, shard);
      records = await indexShard(file, folder, chunkSize);
    }
    state[shard] = { fingerprint, entry: (await entryOf(folder))! };
    const ms = Math.round(performance.now() - started);
    reports.push({ shard, records, kept, ms });
    log(kept ? `search shard ${shard}: ${records} papers unchanged, kept (${ms} ms)` : `search shard ${shard}: ${records} papers indexed in ${ms} ms`);
  }
  // Archive shards the site no longer has (every paper hot, one index, fewer papers).
  const shards = new Set(files.map(({ shard }) => shard));
  const archived = await readdir(join(paths.searchOutput, ARCHIVE_FOLDER)).catch(() => [] as string[]);
  await Promise.all(
    archived.filter((name) => !shards.has(name)).map((name) => rm(shardFolder(paths.searchOutput, name), { recursive: true, force: true })),
  );
  await writeFile(paths.searchState, JSON.stringify(state));
  return reports;
}

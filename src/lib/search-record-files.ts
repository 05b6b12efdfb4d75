import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SearchRecord } from './search-records.ts';

/**
 * The hand-off between the build and the indexing step: each shard's records
 * as JSON lines, `<dir>/<shard>.jsonl`, in the order they are indexed. Written
 * whole by every build (a shard no longer there has no file).
 */
const EXTENSION = '.jsonl';

export async function writeRecordFiles(dir: string, shards: ReadonlyMap<string, readonly SearchRecord[]>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await Promise.all(
    [...shards].map(([shard, records]) => writeFile(join(dir, `${shard}${EXTENSION}`), records.map((record) => `${JSON.stringify(record)}\n`).join(''))),
  );
}

/** The shards that have records, with their files. */
export async function recordFiles(dir: string): Promise<Array<{ shard: string; file: string }>> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new Error(`no search records in ${dir}: run \`astro build\` first (npm run build runs both steps)`);
    throw error;
  });
  return names
    .filter((name) => name.endsWith(EXTENSION))
    .sort()
    .map((name) => ({ shard: name.slice(0, -EXTENSION.length), file: join(dir, name) }));
}

/** A shard's records, one at a time, so that a large shard is never held as one string. */
export async function* readRecordFile(file: string): AsyncGenerator<SearchRecord> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line) as SearchRecord;
    } catch (error) {
      throw new Error(`${file}:${number}: not a search record (${(error as Error).message})`);
    }
  }
}

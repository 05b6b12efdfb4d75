import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface DirStats {
  bytes: number;
  files: number;
  /** Files ending in .html. */
  htmlFiles: number;
}

/** Total size and file count of a directory tree (apparent sizes, not disk blocks). */
export async function dirStats(dir: string): Promise<DirStats> {
  const result: DirStats = { bytes: 0, files: 0, htmlFiles: 0 };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return result;
  }
  const files = entries.filter((entry) => entry.isFile());
  // In batches: stat-ing 60k files at once would open too many handles.
  for (let i = 0; i < files.length; i += 512) {
    const sizes = await Promise.all(files.slice(i, i + 512).map((entry) => stat(join(entry.parentPath, entry.name)).then((s) => s.size)));
    for (const size of sizes) result.bytes += size;
  }
  result.files = files.length;
  result.htmlFiles = files.filter((entry) => entry.name.endsWith('.html')).length;
  return result;
}

export const mb = (bytes: number) => bytes / 1024 / 1024;
export const kb = (bytes: number) => bytes / 1024;

/** `items.map(run)` with at most `limit` calls in flight: reading 30k files at once runs out of file handles. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
